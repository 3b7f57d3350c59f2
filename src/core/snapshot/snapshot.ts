import { cellAddress } from "./a1";
import type { CellValue } from "../template/spec";

/**
 * A workbook as pure data, the same whichever host read it (Office.js or an .xlsx file):
 * what checks, merges and upgrades work on.
 */
export interface SheetSnapshot {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** Cell values from A1 to the end of the used range; formula cells hold their computed value; "" is empty. */
  values: CellValue[][];
  /** The same cells as formulas (`=…`) or constants, same shape as `values`. */
  formulas: CellValue[][];
  /**
   * Merged areas (`J7:K7`) on the sheet, when the reader looked for them (it does for Planbook
   * sheets): a merge over input cells empties all but its first cell.
   */
  merges?: string[];
  /**
   * What a cell's value alone does not say, by A1 address (`J7`), for the cells it applies to:
   * - `date`: the value is a date's serial number (a number formatted as a date);
   * - `boolean`: TRUE or FALSE;
   * - `error`: an error value (`#DIV/0!`), which Office.js gives as its code, like text;
   * - `uncached-formula`: a formula the file holds no result for (written by a program, never
   *   opened in a spreadsheet); its value is "" unless the reader could evaluate it safely
   *   (`evaluated-formula`, see core/snapshot/formula.ts), so a figure is never silently blank.
   * Readers fill it when they can tell; absent means plain numbers and text.
   */
  types?: Record<string, CellType>;
}

export type CellType = "date" | "boolean" | "error" | "uncached-formula" | "evaluated-formula";

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** A cell's type at a 0-based position, when the reader recorded one. */
export function cellTypeAt(sheet: Pick<SheetSnapshot, "types">, rowIndex: number, colIndex: number): CellType | null {
  return sheet.types?.[cellAddress(rowIndex, colIndex)] ?? null;
}

/** The value at a 0-based position, "" beyond the used range. */
export function cellAt(grid: CellValue[][], rowIndex: number, colIndex: number): CellValue {
  return grid[rowIndex]?.[colIndex] ?? "";
}
