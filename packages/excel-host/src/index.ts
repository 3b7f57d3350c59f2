/**
 * A strict in-memory Excel for testing the Office.js adapter on a machine without Excel: proxies
 * that must be loaded and synced before they are read, writes that land only at `sync()`,
 * protection, validation and formula evaluation (HyperFormula) as Excel does them, and counters
 * for syncs and request sizes. See host.ts for the test-side API.
 */
export { createExcelHost, EXCEL_WEB_PAYLOAD_LIMIT_BYTES, LOWEST_EXCEL_API, NEWEST_EXCEL_API, apiAtLeast } from "./host";
export type { CellSnapshot, ExcelHost, ExcelHostOptions, SheetSnapshot } from "./host";
export type { HostStats } from "./context";
export { EXCEL_ERRORS, ExcelHostUnsupportedError, RichApiError, UserEditRefusedError } from "./errors";
export type { ExcelErrorCode } from "./errors";
export { createOfficeRuntime } from "./office";
export type { DialogFake, OfficeRuntimeFake, OfficeRuntimeOptions, TaskpaneBehaviour } from "./office";
