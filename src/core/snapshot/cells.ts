import type { CellValue } from "../template/spec";

/** Nothing in the cell: empty, the empty string, or outside what was read (undefined). */
export function isBlank(value: CellValue | undefined): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** Nothing a person meant to type: blank, or only spaces. */
export function isBlankInput(value: CellValue | undefined): boolean {
  return isBlank(value) || (typeof value === "string" && value.trim() === "");
}

/** Equal as a person would read them: numbers by value (text "500" equals 500), text trimmed. */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  const x = typeof a === "number" ? a : Number(String(a).trim());
  const y = typeof b === "number" ? b : Number(String(b).trim());
  if (Number.isFinite(x) && Number.isFinite(y) && String(a).trim() !== "" && String(b).trim() !== "") {
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  }
  return String(a).trim() === String(b).trim();
}

/**
 * The most characters an Excel cell holds (Excel's specifications and limits). Excel refuses
 * longer text; only a program writes it into a file, and it is a finding there (text-too-long).
 */
export const EXCEL_CELL_CHARACTERS = 32_767;

/**
 * A value as a cell can hold it: text longer than EXCEL_CELL_CHARACTERS cut to fit, its end
 * marked "…". Only for text a finding has already told of (a summary showing a city's 说明).
 */
export function fittedToCell(value: CellValue): CellValue {
  if (typeof value !== "string" || value.length <= EXCEL_CELL_CHARACTERS) return value;
  return `${value.slice(0, EXCEL_CELL_CHARACTERS - 1)}…`;
}
