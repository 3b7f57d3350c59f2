import { cellAddress, parseRange, rangeAddress } from "../core/snapshot";
import { type CellSpec, PRINT_MARGINS, SHEET_PROTECTION, type SheetSpec, type ValidationSpec, gridToFormulas } from "../core/template";

/**
 * Queues every write of a sheet spec on a worksheet — no `context.sync()` here: the caller syncs
 * once for the whole operation (or once per chunk when the request would pass Excel on the web's
 * 5 MB limit, see `chunkRows`).
 */

/**
 * A column `chars` characters wide (the file's width, as ExcelJS writes it) in points, as Office.js
 * sets `format.columnWidth`: Excel shows a width of w characters of the default font (Calibri 11,
 * 7 pixels a digit) as trunc((256·w + trunc(128/7)) / 256 · 7) pixels — ECMA-376 18.3.1.13 — and a
 * pixel is 0.75 point at 96 dpi. (7.5 points a character, as before, made the add-in's columns
 * 30–45 % wider than the same template's file.)
 */
export function columnPoints(chars: number): number {
  const pixels = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

const utf8 = new TextEncoder();

/** About what one `format.rowHeight` operation adds to a request (its object path, name and value). */
const ROW_HEIGHT_OPERATION_BYTES = 160;

/** Stay well under Excel on the web's 5 MB request limit. */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

function filled<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array<T>(cols).fill(value));
}

function rangeSize(address: string): { rows: number; cols: number } {
  const { start, end } = parseRange(address);
  return { rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

/**
 * Splits the grid into blocks of whole rows whose JSON size stays under the budget, so a sheet of
 * any size is written with one sync per block and never one per row.
 */
export function chunkRows(
  cells: (CellSpec | null)[][],
  budgetBytes: number,
  rowHeights: Record<number, number> = {},
): { from: number; to: number; bytes: number }[] {
  const chunks: { from: number; to: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  cells.forEach((row, index) => {
    // A row with a height of its own costs one more operation (rows of one height share it, but count each).
    const heightBytes = rowHeights[index + 1] === undefined ? 0 : ROW_HEIGHT_OPERATION_BYTES;
    const rowBytes = utf8.encode(JSON.stringify(gridToFormulas([row]))).length + heightBytes;
    if (index > start && bytes + rowBytes > budgetBytes) {
      chunks.push({ from: start, to: index, bytes });
      start = index;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  if (start < cells.length) chunks.push({ from: start, to: cells.length, bytes });
  return chunks;
}

/** About how many bytes `queueLayout` puts in the request: number formats go cell by cell. */
export function layoutBytes(spec: SheetSpec): number {
  const perOperation = 200;
  const formats = spec.numberFormats.reduce((sum, { range, format }) => {
    const size = rangeSize(range);
    return sum + size.rows * size.cols * (utf8.encode(format).length + 3);
  }, 0);
  const operations = spec.styles.length * 4 + spec.merges.length + spec.unlocked.length + spec.validations.length * 4 + spec.conditionalFormats.length * 4;
  return formats + operations * perOperation + spec.columnWidths.length * perOperation;
}

/**
 * Writes the cell contents of rows [from, to) — values and formulas as one 2-D array — and the
 * heights those rows need (one operation per run of rows of the same height).
 */
export function queueCells(worksheet: Excel.Worksheet, spec: SheetSpec, from: number, to: number): void {
  const width = spec.cells[0]?.length ?? 0;
  if (to <= from || width === 0) return;
  worksheet.getRange(rangeAddress(from, 0, to - from, width)).formulas = gridToFormulas(spec.cells.slice(from, to));
  const heights = spec.rowHeights ?? {};
  const sameHeight: { first: number; last: number; height: number }[] = [];
  for (let row = from + 1; row <= to; row++) {
    const height = heights[row];
    if (height === undefined) continue;
    const previous = sameHeight[sameHeight.length - 1];
    if (previous && previous.height === height && previous.last === row - 1) previous.last = row;
    else sameHeight.push({ first: row, last: row, height });
  }
  for (const { first, last, height } of sameHeight) worksheet.getRange(`${first}:${last}`).format.rowHeight = height;
}

/** Writes one of the template's validations (generating; live checking, to put back one a paste took). */
export function queueValidation(worksheet: Excel.Worksheet, validation: ValidationSpec): void {
  const target = worksheet.getRange(validation.range).dataValidation;
  const rule = validation.rule;
  target.rule =
    rule.type === "list"
      ? { list: { inCellDropDown: true, source: rule.items.join(",") } }
      : {
          [rule.type === "whole" ? "wholeNumber" : "decimal"]:
            "max" in rule && rule.max !== undefined
              ? { formula1: rule.min, formula2: rule.max, operator: "Between" }
              : { formula1: rule.min, operator: "GreaterThanOrEqualTo" },
        };
  target.ignoreBlanks = true;
  target.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
  target.errorAlert = {
    showAlert: true,
    style: "Stop",
    title: validation.error.title,
    message: validation.error.message,
  };
}

/** Formats, locks, validation, conditional formats, layout and print setup (not the cell contents). */
export function queueLayout(worksheet: Excel.Worksheet, spec: SheetSpec): void {
  const rows = spec.cells.length;
  const width = spec.cells[0]?.length ?? 0;
  if (rows === 0 || width === 0) return;
  const used = worksheet.getRange(rangeAddress(0, 0, rows, width));
  used.format.protection.locked = true;
  spec.columnWidths.forEach((chars, index) => {
    worksheet.getRange(cellAddress(0, index)).format.columnWidth = columnPoints(chars);
  });
  for (const { range, format } of spec.numberFormats) {
    const size = rangeSize(range);
    worksheet.getRange(range).numberFormat = filled(size.rows, size.cols, format);
  }
  for (const style of spec.styles) {
    const format = worksheet.getRange(style.range).format;
    if (style.bold !== undefined) format.font.bold = style.bold;
    if (style.italic !== undefined) format.font.italic = style.italic;
    if (style.fontColor) format.font.color = style.fontColor;
    if (style.fontSize) format.font.size = style.fontSize;
    if (style.fill) format.fill.color = style.fill;
    if (style.wrap !== undefined) format.wrapText = style.wrap;
    if (style.horizontal) format.horizontalAlignment = style.horizontal;
    if (style.vertical) format.verticalAlignment = style.vertical;
    if (style.border) {
      for (const edge of BORDER_EDGES) format.borders.getItem(edge).style = "Continuous";
    }
  }
  for (const merge of spec.merges) worksheet.getRange(merge).merge(false);
  for (const range of spec.unlocked) worksheet.getRange(range).format.protection.locked = false;
  for (const validation of spec.validations) queueValidation(worksheet, validation);
  for (const conditional of spec.conditionalFormats) {
    const format = worksheet.getRange(conditional.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = conditional.formula;
    format.custom.format.fill.color = conditional.fill;
    format.custom.format.font.color = conditional.fontColor;
  }
  const { rows: frozenRows, columns: frozenColumns } = spec.freeze;
  if (frozenRows > 0 && frozenColumns > 0) worksheet.freezePanes.freezeAt(worksheet.getRange(rangeAddress(0, 0, frozenRows, frozenColumns)));
  else if (frozenRows > 0) worksheet.freezePanes.freezeRows(frozenRows);
  else if (frozenColumns > 0) worksheet.freezePanes.freezeColumns(frozenColumns);
  const layout = worksheet.pageLayout;
  layout.paperSize = spec.print.paper ?? "A4";
  layout.orientation = spec.print.orientation;
  layout.zoom = { horizontalFitToPages: spec.print.fitToPagesWide, verticalFitToPages: 0 };
  layout.setPrintTitleRows(`$${spec.print.titleRows.replace(":", ":$")}`);
  if (spec.print.titleColumns) layout.setPrintTitleColumns(`$${spec.print.titleColumns.replace(":", ":$")}`);
  layout.setPrintArea(rangeAddress(0, 0, rows, width));
  layout.printGridlines = spec.print.gridlines ?? false;
  // Only the spec's breaks: a regenerated sheet loses those of its previous layout.
  worksheet.horizontalPageBreaks.removePageBreaks();
  for (const row of spec.print.pageBreaks ?? []) worksheet.horizontalPageBreaks.add(`A${row}`);
  layout.centerHorizontally = true;
  layout.topMargin = PRINT_MARGINS.top;
  layout.bottomMargin = PRINT_MARGINS.bottom;
  layout.leftMargin = PRINT_MARGINS.left;
  layout.rightMargin = PRINT_MARGINS.right;
  layout.headerMargin = PRINT_MARGINS.header;
  layout.footerMargin = PRINT_MARGINS.footer;
  // Header and footer: the same on every page (Excel's "Default" state), in Excel's format codes.
  const pages = layout.headersFooters.defaultForAllPages;
  pages.leftHeader = spec.print.header?.left ?? "";
  pages.centerHeader = spec.print.header?.center ?? "";
  pages.rightHeader = spec.print.header?.right ?? "";
  pages.leftFooter = spec.print.footer?.left ?? "";
  pages.centerFooter = spec.print.footer?.center ?? "";
  pages.rightFooter = spec.print.footer?.right ?? "";
  if (spec.tabColor) worksheet.tabColor = spec.tabColor;
  worksheet.visibility = spec.visibility;
}

/**
 * Empties the area a Planbook sheet occupies (contents, formats, merges, validation, conditional
 * formats), so a regenerated sheet starts clean in place: other sheets' references to it survive.
 */
export function queueClear(worksheet: Excel.Worksheet, rows: number, width: number): void {
  if (rows === 0 || width === 0) return;
  const area = worksheet.getRange(rangeAddress(0, 0, rows, width));
  area.unmerge();
  area.dataValidation.clear();
  area.conditionalFormats.clearAll();
  area.clear("All");
  worksheet.freezePanes.unfreeze();
}

/** Excel's protection options for a Planbook sheet (one table for both renderers, in the core). */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = SHEET_PROTECTION;
