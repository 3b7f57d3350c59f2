/** The sheet being built: its cells, rows and ranges as they are written, and the column helpers every writer uses. */
import { type Quota } from "../plan/types";
import { type Stage } from "../period/stage";
import { columnLetter } from "../snapshot/a1";
import { COLUMN, REPORT_COLUMNS } from "./columns";
import { type QuotaPart } from "./ratio-parts";
import { type RowRecord } from "./meta";
import { type CellSpec, type CellValue, type StyleSpec, setGridCell } from "./spec";

export const letter = (key: keyof typeof COLUMN): string => columnLetter(COLUMN[key]);
export const WIDTH = REPORT_COLUMNS.length;
export const LAST_COLUMN = columnLetter(WIDTH - 1);
/** The whole width of one row: `A7:P7`. */
export const fullRow = (row: number): string => `A${row}:${LAST_COLUMN}${row}`;
export const value = (v: CellValue): CellSpec => ({ value: v });

/** The sheet as it is being written: each line's writer adds its cells, styles and ranges. */
export interface Draft {
  cells: (CellSpec | null)[][];
  styles: StyleSpec[];
  merges: string[];
  unlocked: string[];
  /** Input cells that do not apply to their quota (a ratio's 本期完成, a count's 进展状态). */
  notApplicable: string[];
  rowRecords: RowRecord[];
  quotaRows: QuotaRow[];
  partRows: PartRow[];
  /** The rows of second readings (by Annex 2): locked, formulas only. */
  readingRows: number[];
}

/** A quota's row and where its path stands; a closed quota (after its last deadline) asks for nothing. */
export interface QuotaRow {
  row: number;
  quota: Quota;
  stage: Stage;
}

/** A ratio's numerator or denominator row; asks for nothing once the ratio is closed. */
export interface PartRow {
  row: number;
  part: QuotaPart;
  closed: boolean;
}

export function put(draft: Draft, row: number, key: keyof typeof COLUMN, cell: CellSpec): void {
  setGridCell(draft.cells, row - 1, COLUMN[key], cell);
}
