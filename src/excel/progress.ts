import { isBlank } from "../core/snapshot";
import { type Finding, finding } from "../core/findings";
import { buildProgress, type HistoryRejection, type MergeInputFile, planHistory, PROGRESS_SHEET, type ProgressLine } from "../core/merge";
import type { PlanRevision } from "../core/plan";
import { queueCharts } from "./merge";
import { queueSheetRead, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";

export interface HistoryOptions {
  revision: PlanRevision;
  /** The returned files of several periods, already read (src/xlsx's readMergeFiles). */
  files: MergeInputFile[];
  /** Merge files whose checks found errors, their erroneous cells left out (the CLI's --accept-errors). */
  acceptErrors?: boolean;
  /** Quotas given a line chart; by default the first three with a province figure. */
  chartQuotas?: string[];
  password?: string | null;
}

export interface HistoryResult {
  /** False when no file could be merged, or the 进度 sheet's name is taken: the workbook is left as it was. */
  written: boolean;
  periods: string[];
  /** The cities merged, by period. */
  merged: Record<string, string[]>;
  rejected: HistoryRejection[];
  lines: ProgressLine[];
  /** Why nothing was written, when a sheet of the aggregator's own is named 进度. */
  findings: Finding[];
}

/**
 * 各期进度: the returned files of several periods merged into the 进度 sheet of the open workbook
 * (`planHistory` and `buildProgress`, as `planbook merge --history`), with its line charts.
 *
 * Syncs: one to read the 进度 sheet there is (and its charts), one to write it — plus one per
 * extra chunk past Excel on the web's request limit — whatever the number of files and rows. A
 * sheet named 进度 that Planbook did not write (unprotected, with content) is never written over.
 */
export async function writeHistory(context: Excel.RequestContext, options: HistoryOptions): Promise<HistoryResult> {
  const plan = planHistory(options.files, { revision: options.revision, acceptErrors: options.acceptErrors });
  const sheet = context.workbook.worksheets.getItemOrNullObject(PROGRESS_SHEET);
  const charts = sheet.charts;
  charts.load("items/name");
  const read = queueSheetRead(sheet);
  await syncSheetReads(context, [read]);
  const existing = read.result();
  const nothing = { written: false, periods: [], merged: {}, rejected: plan.rejected, lines: [] };
  if (existing && !existing.protected && existing.values.some((row) => row.some((value) => !isBlank(value)))) {
    return { ...nothing, findings: [finding("merge-sheet-taken", { sheet: PROGRESS_SHEET, cell: null, quotaId: null }, { name: PROGRESS_SHEET }, PROGRESS_SHEET)] };
  }
  if (plan.periods.length === 0) return { ...nothing, findings: [] };
  const built = buildProgress(plan.periods, { revision: options.revision, chartQuotas: options.chartQuotas, password: options.password ?? null });
  const stale = existing ? charts.items : [];
  await writeSheets(
    context,
    [
      {
        spec: built.sheet,
        current: currentOf(existing),
        extras: (worksheet) => {
          for (const chart of stale) chart.delete();
          queueCharts(worksheet, built.charts);
        },
      },
    ],
    { password: options.password ?? null, activate: PROGRESS_SHEET },
  );
  return {
    written: true,
    periods: built.periods,
    merged: Object.fromEntries(plan.periods.map((p) => [p.period, p.accepted.map((a) => a.child)])),
    rejected: plan.rejected,
    lines: built.lines,
    findings: [],
  };
}
