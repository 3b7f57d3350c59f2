import type { CellValue } from "./template/spec";

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
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** The value at a 0-based position, "" beyond the used range. */
export function cellAt(grid: CellValue[][], rowIndex: number, colIndex: number): CellValue {
  return grid[rowIndex]?.[colIndex] ?? "";
}
