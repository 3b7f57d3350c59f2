/**
 * The checks room's front door: what code outside src/core/checks may import from it.
 * The checks of a returned report: its cells (check), against the previous period (previous), the
 * audit sheet (audit), the change log and the correction of a past report (report-correction).
 */
export { AUDIT_SHEET, auditFailureVerdict, auditSheetSpec, auditVerdict } from "./audit";
export { type CellChange, CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, type ChangeLogEntry, changeLogRow } from "./changelog";
export { checkCells, checkWorkbook } from "./check";
export { uncomputedInWorkbook } from "./input-cells";
export { type CheckContext } from "./sheet-under-check";
export { parseNumberInput } from "./number";
export { median } from "./plausibility";
export { checkAgainstPrevious, previousRefresh } from "./previous";
export { type CorrectableKey, correctionOf } from "./report-correction";
export { cumulativeFell, type EarlierFigure, runningTotalFell } from "./running-total";
