import { type Rect, cellCount, contains, intersect } from "../address";
import { excelError } from "../errors";
import { assertAllowed } from "./protection";
import { type Axis, STANDARD_COLUMN_WIDTH, STANDARD_ROW_HEIGHT, type SheetModel } from "./sheet";
import type { WorkbookModel } from "./workbook";

/** Where cells sit and how big they are: column widths, row heights, hidden lines, merges and outline groups. */
export class SheetLayout {
  constructor(private readonly book: WorkbookModel) {}

  setColumnWidth(sheet: SheetModel, rect: Rect, width: unknown, location: string): void {
    if (typeof width !== "number" || width < 0 || width > 1638) throw excelError("InvalidArgument", location);
    assertAllowed(sheet, "formatColumns", rect, location);
    for (let col = rect.col; col < rect.col + rect.cols; col++) sheet.columnWidths.set(col, width);
  }

  setRowHeight(sheet: SheetModel, rect: Rect, height: unknown, location: string): void {
    if (typeof height !== "number" || height < 0 || height > 409) throw excelError("InvalidArgument", location);
    assertAllowed(sheet, "formatRows", rect, location);
    for (let row = rect.row; row < rect.row + rect.rows; row++) sheet.rowHeights.set(row, height);
  }

  setHidden(sheet: SheetModel, rect: Rect, axis: Axis, hidden: unknown, location: string): void {
    if (typeof hidden !== "boolean") throw excelError("InvalidArgument", location);
    assertAllowed(sheet, axis === "rows" ? "formatRows" : "formatColumns", rect, location);
    const set = axis === "rows" ? sheet.hiddenRows : sheet.hiddenColumns;
    const [start, length] = axis === "rows" ? [rect.row, rect.rows] : [rect.col, rect.cols];
    for (let i = start; i < start + length; i++) {
      if (hidden) set.add(i);
      else set.delete(i);
    }
  }

  columnWidth(sheet: SheetModel, col: number): number {
    return sheet.columnWidths.get(col) ?? STANDARD_COLUMN_WIDTH;
  }

  rowHeight(sheet: SheetModel, row: number): number {
    return sheet.rowHeights.get(row) ?? STANDARD_ROW_HEIGHT;
  }

  /** Autofit from the displayed text: about 7 points a character, 15 points a line. */
  autofit(sheet: SheetModel, rect: Rect, axis: Axis, location: string): void {
    assertAllowed(sheet, axis === "columns" ? "formatColumns" : "formatRows", rect, location);
    const used = this.book.cells.usedRect(sheet, true);
    const area = used && intersect(rect, used);
    const text = area ? this.book.cells.textGrid(sheet, area) : [];
    if (axis === "columns") {
      for (let col = rect.col; col < rect.col + rect.cols; col++) {
        const chars = area ? Math.max(0, ...text.map((line) => (line[col - area.col] ?? "").length)) : 0;
        sheet.columnWidths.set(col, chars === 0 ? STANDARD_COLUMN_WIDTH : Math.min(1638, Math.round(chars * 7 + 5)));
      }
    } else {
      for (let row = rect.row; row < rect.row + rect.rows; row++) {
        const line = area ? (text[row - area.row] ?? []) : [];
        const lines = Math.max(1, ...line.map((t) => t.split("\n").length));
        sheet.rowHeights.set(row, Math.min(409, lines * STANDARD_ROW_HEIGHT));
      }
    }
  }

  /** Points from the sheet's top-left corner to a cell's top-left corner. */
  offsetOf(sheet: SheetModel, row: number, col: number): { top: number; left: number } {
    let top = 0;
    for (let r = 0; r < row; r++) top += sheet.hiddenRows.has(r) ? 0 : this.rowHeight(sheet, r);
    let left = 0;
    for (let c = 0; c < col; c++) left += sheet.hiddenColumns.has(c) ? 0 : this.columnWidth(sheet, c);
    return { top, left };
  }

  merge(sheet: SheetModel, rect: Rect, across: boolean, location: string): void {
    assertAllowed(sheet, "merge", rect, location);
    const areas = across
      ? Array.from({ length: rect.rows }, (_, r) => ({ row: rect.row + r, col: rect.col, rows: 1, cols: rect.cols }))
      : [rect];
    sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    for (const area of areas) {
      if (cellCount(area) < 2) continue;
      sheet.merges.push(area);
      // Merging keeps only the top-left cell's contents.
      const others = { row: area.row, col: area.col + 1, rows: 1, cols: area.cols - 1 };
      if (others.cols > 0) this.book.cells.clearQuietly(sheet, others);
      if (area.rows > 1) this.book.cells.clearQuietly(sheet, { row: area.row + 1, col: area.col, rows: area.rows - 1, cols: area.cols });
    }
  }

  unmerge(sheet: SheetModel, rect: Rect, location: string): void {
    assertAllowed(sheet, "merge", rect, location);
    sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(sheet: SheetModel, row: number, col: number): Rect | undefined {
    return sheet.merges.find((m) => contains(m, row, col));
  }

  group(sheet: SheetModel, rect: Rect, axis: Axis, delta: 1 | -1, location: string): void {
    assertAllowed(sheet, "outline", rect, location);
    const levels = axis === "rows" ? sheet.rowOutline : sheet.columnOutline;
    const [start, length] = axis === "rows" ? [rect.row, rect.rows] : [rect.col, rect.cols];
    for (let i = start; i < start + length; i++) {
      const next = (levels.get(i) ?? 0) + delta;
      if (next > 7) throw excelError("InvalidOperation", location);
      if (next <= 0) levels.delete(i);
      else levels.set(i, next);
    }
  }}
