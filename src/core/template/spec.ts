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
  print: { orientation: "Landscape" | "Portrait"; fitToPagesWide: number; titleRows: string };
  protection: { password: string | null };
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string | null;
}

/** An empty grid of the given size, for builders to fill. */
export function emptyGrid(rows: number, columns: number): (CellSpec | null)[][] {
  return Array.from({ length: rows }, () => Array<CellSpec | null>(columns).fill(null));
}

/**
 * Excel reads a typed string that starts with `=`, `+`, `-` or `@`, or looks like a number or a
 * date, as a formula or a number. A leading apostrophe makes it stay text (Excel does not show
 * or return the apostrophe), so text a person typed is never evaluated when we write it back.
 */
export function asLiteralText(text: string): string {
  return /^[=+\-@]/.test(text) || /^[\s\d.,:/%$€¥-]+$/.test(text) ? `'${text}` : text;
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
