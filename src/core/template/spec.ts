import { required } from "../shared/required";
/**
 * A sheet as pure data: what both renderers (Office.js and .xlsx) write, cell for cell.
 * Addresses are A1 strings on the sheet itself (no sheet prefix). Formulas start with `=`
 * and use English function names and commas, as Excel's `range.formulas` expects.
 */

export type CellValue = string | number | boolean | null;

/** A cell holds a constant or a formula, never both. `null` in the grid is an empty cell. */
export type CellSpec = { value: CellValue } | { formula: string };

export interface StyleSpec {
  range: string;
  bold?: boolean;
  italic?: boolean;
  /** #RRGGBB */
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: "Left" | "Center" | "Right";
  vertical?: "Top" | "Center" | "Bottom";
  /** Thin borders on every edge of every cell. */
  border?: boolean;
}

export type ValidationRule =
  | { type: "decimal"; min: number; max?: number }
  | { type: "whole"; min: number }
  | { type: "list"; items: string[] };

export interface ValidationSpec {
  range: string;
  rule: ValidationRule;
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

/** A custom-formula conditional format; the formula is written for the range's top-left cell. */
export interface ConditionalFormatSpec {
  range: string;
  formula: string;
  fill: string;
  fontColor: string;
}

/** Header or footer text in Excel's format codes (`&P` page, `&N` pages), by position on the page. */
export interface PageText {
  left?: string;
  center?: string;
  right?: string;
}

/**
 * How a sheet prints. Every sheet prints its whole grid (the print area is the spec's cells), fit
 * to `fitToPagesWide` pages across and as many pages down as it needs, with `titleRows` repeated.
 */
export interface PrintSpec {
  /** A4 unless told: the paper a Chinese office prints on (Excel's own default is US Letter). */
  paper?: "A4" | "A3";
  orientation: "Landscape" | "Portrait";
  fitToPagesWide: number;
  titleRows: string;
  /** Columns repeated at the left of every page, e.g. `A:B`, for a sheet printed several pages wide. */
  titleColumns?: string;
  header?: PageText;
  footer?: PageText;
  /** Print the grid lines (a form prints its own borders instead). */
  gridlines?: boolean;
  /** 1-based rows that start a new page: a chart placed there is printed whole, not split across two pages. */
  pageBreaks?: number[];
}

/**
 * Page margins in points, the same for every Planbook sheet: narrow enough that a wide form keeps
 * a readable scale on one page width, wide enough for a binder's holes and the header and footer.
 */
export const PRINT_MARGINS = { top: 43, bottom: 43, left: 25, right: 25, header: 18, footer: 18 } as const;

/** `第 1 页 共 3 页`: what a Chinese form carries at the foot of each page. */
export const PAGE_NUMBER = "第 &P 页 共 &N 页";

/** Excel's header/footer text for the three positions (`&L…&C…&R…`); `&` in plain text is doubled. */
export function headerFooterText(text: PageText | undefined): string {
  if (!text) return "";
  return (["left", "center", "right"] as const)
    .filter((position) => text[position])
    .map((position) => `&${position.charAt(0).toUpperCase()}${text[position]}`)
    .join("");
}

/** Plain text for a header or footer: an `&` that is not a format code is written `&&`. */
export function pageTextLiteral(text: string): string {
  return text.replace(/&/g, "&&");
}

export interface SheetSpec {
  name: string;
  /** Rows from A1; every row has the same length (the column count). */
  cells: (CellSpec | null)[][];
  /** Column widths in characters (Excel's column width unit). */
  columnWidths: number[];
  /** Number formats per range (applied after values). */
  numberFormats: { range: string; format: string }[];
  styles: StyleSpec[];
  merges: string[];
  /** Ranges a person may type in; everything else is locked. */
  unlocked: string[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  freeze: { rows: number; columns: number };
  print: PrintSpec;
  /** Row heights in points by 1-based row, where the default height would cut wrapped text. */
  rowHeights?: Record<number, number>;
  protection: { password: string | null };
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string | null;
}

/** An empty grid of the given size, for builders to fill. */
export function emptyGrid(rows: number, columns: number): (CellSpec | null)[][] {
  return Array.from({ length: rows }, () => Array<CellSpec | null>(columns).fill(null));
}

/** Puts a cell at a 0-based position of a grid made by emptyGrid: a position outside it is a bug in the layout that chose it. */
export function setGridCell(grid: (CellSpec | null)[][], rowIndex: number, colIndex: number, cell: CellSpec | null): void {
  required(grid[rowIndex], `row ${rowIndex + 1} of the sheet being built`)[colIndex] = cell;
}

/**
 * Excel reads a written string as it reads typing: one that starts with `=`, `+`, `-` or `@` as a
 * formula, `#N/A` as an error, `TRUE` as a boolean, and anything with a digit in it may become a
 * number or a date — `589216e2` (an exponent), `(5)` (−5), `Jan-5`, `10月1日`, `1,500`, `12:30`.
 * A leading apostrophe makes it stay text (Excel neither shows nor returns the apostrophe), so
 * text and ids are written as they are and never evaluated.
 */
export function asLiteralText(text: string): string {
  return /^[=+\-@#']/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text) ? `'${text}` : text;
}

/** The grid as Excel's `range.formulas` wants it: formulas as `=…`, constants as values, "" for empty. */
export function gridToFormulas(cells: (CellSpec | null)[][]): (string | number | boolean)[][] {
  return cells.map((row) =>
    row.map((cell) => {
      if (cell === null) return "";
      if ("formula" in cell) return cell.formula;
      if (typeof cell.value === "string") return asLiteralText(cell.value);
      return cell.value === null ? "" : cell.value;
    }),
  );
}

/**
 * What a person may still do on a protected Planbook sheet (Office.js's option names; the xlsx
 * renderer maps them to ExcelJS's): select, resize and filter — not edit, sort, insert or delete.
 */
export const SHEET_PROTECTION = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowFormatCells: false,
  allowSort: false,
  allowInsertRows: false,
  allowDeleteRows: false,
  allowInsertColumns: false,
  allowDeleteColumns: false,
  allowInsertHyperlinks: false,
  allowPivotTables: false,
  allowEditObjects: false,
  allowEditScenarios: false,
} as const;
