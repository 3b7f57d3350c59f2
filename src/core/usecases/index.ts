/**
 * The use cases' front door: each use case assembled once, for every host (the CLI, the pane, the
 * ribbon) — the adapters read (files, the open workbook), call one of these, and write the result.
 * - merge: returned files into a summary (`planMerge`, `mergeInto`), with what they may write over (`takenSheets`);
 * - history: the files of several periods into 进度 (`progressInto`);
 * - audit: a workbook's checks, with the previous period's file (`auditFindings`, `auditWorkbook`).
 */
export { type Audit, auditFindings, auditWorkbook, type PreviousFile } from "./audit";
export { type ProgressOptions, type ProgressOutcome, progressInto } from "./history";
export {
  type MergeIntoOptions,
  type MergeOutcome,
  type MergeWorkbook,
  NEW_WORKBOOK,
  SUMMARY_SHEET_NAMES,
  mergeInputs,
  mergeInto,
  mergeSheetNames,
  parentReturnName,
  planMerge,
  takenSheets,
} from "./merge";
