import type { Finding } from "../core/findings";
import { type HistoryRejection, type MergeInputFile, PROGRESS_SHEET, type ProgressLine } from "../core/merge";
import type { PlanRevision } from "../core/plan";
import { EMPTY_META } from "../core/template";
import { progressInto } from "../core/usecases";
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
 * (`progressInto`, as `planbook merge --history`), with its line charts.
 *
 * Syncs: one to read the 进度 sheet there is (and its charts), one to write it — plus one per
 * extra chunk past Excel on the web's request limit — whatever the number of files and rows. A
 * sheet named 进度 that Planbook did not write (unprotected, with content) is never written over.
 */
export async function writeHistory(context: Excel.RequestContext, options: HistoryOptions): Promise<HistoryResult> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(PROGRESS_SHEET);
  const charts = sheet.charts;
  charts.load("items/name");
  const read = queueSheetRead(sheet);
  await syncSheetReads(context, [read]);
  const existing = read.result();
  const outcome = progressInto(options.files, { sheets: existing ? [existing] : [], meta: EMPTY_META }, options);
  const result = { periods: outcome.periods, merged: outcome.merged, rejected: outcome.plan.rejected, lines: outcome.lines, findings: outcome.findings };
  if (outcome.sheet === null) return { ...result, written: false };
  const stale = existing ? charts.items : [];
  await writeSheets(
    context,
    [
      {
        spec: outcome.sheet,
        current: currentOf(existing),
        extras: (worksheet) => {
          for (const chart of stale) chart.delete();
          queueCharts(worksheet, outcome.charts);
        },
      },
    ],
    { password: options.password ?? null, activate: PROGRESS_SHEET },
  );
  return { ...result, written: true };
}
