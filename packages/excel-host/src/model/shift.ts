import { MAX_COLUMNS, MAX_ROWS, type Rect, RectList, isEntireColumns, isEntireRows } from "../address";
import { excelError } from "../errors";
import { shiftIndex, shiftMap, shiftSpan } from "../formats";
import { cellAt } from "./cells";
import { type ProtectedWrite, assertAllowed } from "./protection";
import { type Axis, type ChangeEvent, type ChangeType, type Hyperlink, type SheetModel, hyperlinkCell, hyperlinkKey } from "./sheet";
import type { WorkbookModel } from "./workbook";

/**
 * Inserts (count > 0) or deletes (count < 0) whole rows or columns at `at`, or — with `span` —
 * shifts only the cells of those rows/columns inside the span (Excel's "shift cells down/up").
 * Contents and formula references move in the engine; formats, merges, validation, conditional
 * formats, links, sizes and outlines move here.
 */
export function shiftLines(book: WorkbookModel, sheet: SheetModel, axis: Axis, at: number, count: number, span: { start: number; length: number } | null, location: string, trigger: ChangeEvent["triggerSource"]): void {
  const limit = axis === "rows" ? MAX_ROWS : MAX_COLUMNS;
  const affected: Rect =
    axis === "rows"
      ? { row: at, col: span ? span.start : 0, rows: Math.abs(count), cols: span ? span.length : MAX_COLUMNS }
      : { row: span ? span.start : 0, col: at, rows: span ? span.length : MAX_ROWS, cols: Math.abs(count) };
  const write: ProtectedWrite = span
    ? "shiftCells"
    : axis === "rows"
      ? count > 0
        ? "insertRows"
        : "deleteRows"
      : count > 0
        ? "insertColumns"
        : "deleteColumns";
  assertAllowed(sheet, write, affected, location);
  if (at < 0 || at + Math.abs(count) > limit) throw excelError("InvalidArgument", location);
  book.cells.suspendEvaluation();
  book.cells.touched(sheet);
  if (span) shiftCellsInEngine(book, sheet, axis, at, count, span);
  else if (axis === "rows") {
    if (count > 0) book.engine.addRows(sheet.engineId, [at, count]);
    else book.engine.removeRows(sheet.engineId, [at, -count]);
  } else if (count > 0) book.engine.addColumns(sheet.engineId, [at, count]);
  else book.engine.removeColumns(sheet.engineId, [at, -count]);

  const spanOnOtherAxis = span ? (axis === "rows" ? { col: span.start, cols: span.length } : { row: span.start, rows: span.length }) : undefined;
  if (axis === "rows") sheet.formats.shiftRows(at, count, spanOnOtherAxis as { col: number; cols: number } | undefined);
  else sheet.formats.shiftColumns(at, count, spanOnOtherAxis as { row: number; rows: number } | undefined);
  const move = (rect: Rect) => shiftRect(rect, axis, at, count, span);
  sheet.merges = sheet.merges.map(move).filter((r): r is Rect => r !== null);
  sheet.validations = new RectList(
    sheet.validations.all().flatMap((v) => {
      const rect = move(v.rect);
      return rect ? [{ ...v, rect }] : [];
    }),
  );
  for (const format of sheet.conditionalFormats) format.areas = format.areas.map(move).filter((r): r is Rect => r !== null);
  sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.areas.length > 0);
  const links = new Map<string, Hyperlink>();
  for (const [key, link] of sheet.hyperlinks) {
    const moved = move({ ...hyperlinkCell(key), rows: 1, cols: 1 });
    if (moved) links.set(hyperlinkKey(moved.row, moved.col), link);
  }
  sheet.hyperlinks = links;
  if (!span) {
    if (axis === "rows") {
      sheet.rowHeights = shiftMap(sheet.rowHeights, at, count, limit);
      sheet.rowOutline = shiftMap(sheet.rowOutline, at, count, limit);
      sheet.hiddenRows = new Set([...sheet.hiddenRows].map((i) => shiftIndex(i, at, count, limit)).filter((i): i is number => i !== null));
    } else {
      sheet.columnWidths = shiftMap(sheet.columnWidths, at, count, limit);
      sheet.columnOutline = shiftMap(sheet.columnOutline, at, count, limit);
      sheet.hiddenColumns = new Set([...sheet.hiddenColumns].map((i) => shiftIndex(i, at, count, limit)).filter((i): i is number => i !== null));
    }
  }
  const changeType: ChangeType = span
    ? count > 0
      ? "CellInserted"
      : "CellDeleted"
    : axis === "rows"
      ? count > 0
        ? "RowInserted"
        : "RowDeleted"
      : count > 0
        ? "ColumnInserted"
        : "ColumnDeleted";
  book.cells.changed(sheet, affected, changeType, trigger, null);
}

function shiftCellsInEngine(book: WorkbookModel, sheet: SheetModel, axis: Axis, at: number, count: number, span: { start: number; length: number }): void {
  const dims = book.engine.getSheetDimensions(sheet.engineId);
  const last = axis === "rows" ? dims.height - 1 : dims.width - 1;
  const cell = (along: number, across: number) =>
    axis === "rows" ? cellAt(sheet, along, across) : cellAt(sheet, across, along);
  if (count > 0) {
    if (at > last) return;
    book.engine.moveCells({ start: cell(at, span.start), end: cell(last, span.start + span.length - 1) }, cell(at + count, span.start));
    return;
  }
  const removed = -count;
  const clearRect: Rect =
    axis === "rows"
      ? { row: at, col: span.start, rows: removed, cols: span.length }
      : { row: span.start, col: at, rows: span.length, cols: removed };
  book.cells.clearQuietly(sheet, clearRect);
  if (at + removed > last) return;
  book.engine.moveCells({ start: cell(at + removed, span.start), end: cell(last, span.start + span.length - 1) }, cell(at, span.start));
}
/** A rectangle after a row/column insertion or deletion; a whole-column rectangle stays whole when rows move. */
export function shiftRect(rect: Rect, axis: Axis, at: number, count: number, span: { start: number; length: number } | null): Rect | null {
  if (axis === "rows") {
    if (isEntireColumns(rect)) return rect;
    if (span && (rect.col < span.start || rect.col + rect.cols > span.start + span.length)) return rect;
    const moved = shiftSpan(rect.row, rect.rows, at, count, MAX_ROWS);
    return moved && { ...rect, row: moved.start, rows: moved.length };
  }
  if (isEntireRows(rect)) return rect;
  if (span && (rect.row < span.start || rect.row + rect.rows > span.start + span.length)) return rect;
  const moved = shiftSpan(rect.col, rect.cols, at, count, MAX_COLUMNS);
  return moved && { ...rect, col: moved.start, cols: moved.length };
}
