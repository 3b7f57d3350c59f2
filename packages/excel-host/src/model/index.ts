/** The workbook behind the proxies: plain state and Excel's rules for changing it. */
export * from "./sheet";
export { WorkbookModel } from "./workbook";
export { assertAllowed, protect, unprotect } from "./protection";
export { shiftLines, shiftRect } from "./shift";
export { shiftFormula } from "./formula-text";
