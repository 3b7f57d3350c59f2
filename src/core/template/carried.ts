import type { SIGNATURE_FIELDS } from "./columns";
import type { CellValue } from "./spec";

/** What a person typed in one row of an existing sheet, carried into the regenerated one. */
export interface CarriedRow {
  quotaId: string;
  period: CellValue;
  cumulative: CellValue;
  status: CellValue;
  note: CellValue;
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
}

/** Content of a cell that is not the template's and not a quota's input: kept with the address it had. */
export interface LooseCell {
  address: string;
  /** What the cell held (a formula as its text: it is kept, never evaluated). */
  content: CellValue;
}
