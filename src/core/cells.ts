import type { CellValue } from "./template/spec";

/** Nothing in the cell: empty, the empty string, or outside what was read (undefined). */
export function isBlank(value: CellValue | undefined): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** Nothing a person meant to type: blank, or only spaces. */
export function isBlankInput(value: CellValue | undefined): boolean {
  return isBlank(value) || (typeof value === "string" && value.trim() === "");
}
