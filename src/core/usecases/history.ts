import type { Finding } from "../findings/findings";
import type { ChartSpec } from "../merge/charts";
import { type HistoryPlan, type ProgressLine, PROGRESS_SHEET, buildProgress, planHistory } from "../merge/progress-sheet";
import type { MergeInputFile } from "../merge/merge";
import type { PlanRevision } from "../plan/types";
import type { SheetSpec } from "../template/spec";
import { type MergeWorkbook, takenSheets } from "./merge";

/**
 * 各期进度 as one use case, the same for `planbook merge --history` and the pane: the returned
 * files of several periods, each period merged as `merge` judges it (`planHistory`), into the 进度
 * sheet (`buildProgress`). The adapters read the files (and the workbook's 进度 sheet) and write.
 */

export interface ProgressOptions {
  revision: PlanRevision;
  /** Merge files whose checks found errors, their erroneous cells left out (the CLI's --accept-errors). */
  acceptErrors?: boolean;
  /** Quotas given a line chart; by default the first three with a province figure. */
  chartQuotas?: string[];
  password?: string | null;
}

export interface ProgressOutcome {
  plan: HistoryPlan;
  /** Why nothing is written when the workbook's 进度 is the aggregator's own (`takenSheets`). */
  findings: Finding[];
  /** The 进度 sheet to write; null when no file could be merged or the sheet is taken. */
  sheet: SheetSpec | null;
  charts: ChartSpec[];
  periods: string[];
  /** The cities merged, by period. */
  merged: Record<string, string[]>;
  lines: ProgressLine[];
}

/** The 进度 sheet of the files' periods, for a workbook that holds `workbook` (a new file: `NEW_WORKBOOK`). */
export function progressInto(files: MergeInputFile[], workbook: MergeWorkbook, options: ProgressOptions): ProgressOutcome {
  const plan = planHistory(files, { revision: options.revision, acceptErrors: options.acceptErrors });
  const nothing = { plan, sheet: null, charts: [], periods: [], merged: {}, lines: [] };
  const taken = takenSheets(workbook, [PROGRESS_SHEET]);
  if (taken.length > 0) return { ...nothing, findings: taken };
  if (plan.periods.length === 0) return { ...nothing, findings: [] };
  const built = buildProgress(plan.periods, {
    revision: options.revision,
    ...(options.chartQuotas ? { chartQuotas: options.chartQuotas } : {}),
    password: options.password ?? null,
  });
  return {
    plan,
    findings: [],
    sheet: built.sheet,
    charts: built.charts,
    periods: built.periods,
    merged: Object.fromEntries(plan.periods.map((p) => [p.period, p.accepted.map((a) => a.child)])),
    lines: built.lines,
  };
}
