import type { SIGNATURE_FIELDS } from "./columns";
import type { CellValue } from "./spec";

/** What a person typed in one row of an existing sheet, carried into the regenerated one. */
export interface CarriedRow {
  quotaId: string;
  period: CellValue;
  cumulative: CellValue;
  status: CellValue;
  note: CellValue;
  /** 上期累计 as the sheet showed it ("" for a sheet made before the column). */
  previous: CellValue;
  /** What the old sheet showed, for the archive area when the new revision drops the quota. */
  measure: CellValue;
  target: CellValue;
  unit: CellValue;
}

export interface CarriedInputs {
  rows: CarriedRow[];
  /** Signature block values by label (填表人 …). */
  signature: Partial<Record<(typeof SIGNATURE_FIELDS)[number], CellValue>>;
  /** What was typed outside the template's cells, kept in an area of its own. */
  loose?: LooseCell[];
  /** The period the sheet's 上期累计 came from ("" when none), kept when the sheet is made again. */
  previousPeriod?: string;
}

/** Content of a cell that is not the template's and not a quota's input: kept with the address it had. */
export interface LooseCell {
  address: string;
  /** What the cell held (a formula as its text: it is kept, never evaluated). */
  content: CellValue;
}

/**
 * The previous period's sheet a period's sheet is made from: its period (`2026-09`) and what was
 * reported in it. Its 累计完成 becomes the new sheet's 上期累计, its milestone states the new
 * sheet's starting states, and the signature's names and phone are kept (not the date).
 */
export interface PreviousReport {
  period: string;
  /** Whose sheet it is (`city:杭州市`): a period's sheet is made from the same scope's. */
  scope: string;
  /** The sheet (and file) it is, to name in messages. */
  source: string;
  rows: CarriedRow[];
  signature: CarriedInputs["signature"];
}
