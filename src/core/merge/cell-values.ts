/** A read value as a summary cell (blank as none), and column letters. */
import { columnLetter } from "../snapshot/a1";
import { isBlank } from "../snapshot/cells";
import { type CellSpec, type CellValue } from "../template/spec";

export const cell = (value: CellValue | undefined): CellSpec | null => (isBlank(value) ? null : { value });
export const L = columnLetter;
