/**
 * The merge room's front door: what code outside src/core/merge may import from it.
 * Merging returned reports into a summary: the summary sheets (summary, layout, views), the
 * roll-up of children into their parent (rollup, state), splits (split), the 进度 sheet (progress-sheet).
 */
export { type ChartSpec } from "./charts";
export { familyLabel, regionalFamilies } from "./family";
export { buildProgress, type HistoryRejection, LAG_TITLE, planHistory, PROGRESS_SHEET, type ProgressLine } from "./progress-sheet";
export { SOURCES_SHEET, SUMMARY_ROWS, DETAIL_SHEET, summaryColumns, summaryRows } from "./layout";
export { canMerge, type MergeInputFile, type MergePlan } from "./merge";
export { rollupForFiles } from "./file-scopes";
export { periodOfFiles } from "./period";
export { cityRollup, provinceRollup, unitRollup } from "./rollup";
export { annexShares, cityCountySplits, citySplits, countySplits, planSplit, type SplitMode, type SplitPlan, splitsForMerge, type SplitSource, splittableQuotas, splitTarget, withSplitRecords } from "./split";
export { readSummaryState, sourceRows, type SummaryState } from "./state";
export { buildSummary, type BuiltSummary, type SummaryTotal } from "./summary";
export { chartQuotaChoices } from "./chart-choices";
export { BULLETIN_SHEET, MATRIX_SHEET, PROVINCE_SHEET, RANKING_SHEET } from "./views";
