import { SOURCES_SHEET, SUMMARY_SHEET } from "../core/merge/layout";
import { type MergeInputFile, type MergePlan, canMerge } from "../core/merge/merge";
import { withSplitRecords } from "../core/merge/split";
import { readSummaryState } from "../core/merge/state";
import { type ChartSpec, type SummaryTotal, buildSummary } from "../core/merge/summary";
import { type Period, formatPeriod } from "../core/period";
import type { PlanRevision } from "../core/plan/types";
import { metaSheetSpec } from "../core/template/build";
import { EMPTY_META, META_SHEET, type SplitRecord, metaRows, parseMetaRows } from "../core/template/meta";
import { readWorkbookFile } from "../xlsx/read";
import { queueSheetRead, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";

/** A returned city workbook: its bytes, or a snapshot another reader already made. */
export type MergeSourceFile =
  | { name: string; data: Uint8Array; replace?: boolean }
  | { name: string; snapshot: MergeInputFile["snapshot"]; readError?: string; replace?: boolean };

export interface MergeOptions {
  revision: PlanRevision;
  period: Period | string;
  files: MergeSourceFile[];
  /**
   * Shown the plan before anything is written; returns the names of the files to merge (the
   * aggregator's choice). Without it every file that passes is merged.
   */
  decide?: (plan: MergePlan) => string[] | Promise<string[]>;
  password?: string | null;
  /** When the merge runs; defaults to now. */
  now?: Date;
}

export interface MergeResult {
  /** The plan that was carried out (after the aggregator's choice). */
  plan: MergePlan;
  /** False when no file was accepted: the workbook is left as it was. */
  written: boolean;
  totals: SummaryTotal[];
  /** Cities with figures in the summary. */
  filled: string[];
}

/**
 * Reads a file with the .xlsx reader. A file that cannot be read is not an exception: it becomes
 * a file with a read error, which canMerge reports by name.
 */
export async function readMergeFile(file: MergeSourceFile): Promise<MergeInputFile> {
  if (!("data" in file)) return file;
  try {
    return { name: file.name, snapshot: await readWorkbookFile(file.data, { fileName: file.name }), replace: file.replace };
  } catch (error) {
    return { name: file.name, snapshot: null, readError: (error as Error).message, replace: file.replace };
  }
}

/**
 * Reads the files one after another: one JavaScript thread gains nothing from reading them at
 * once, and one at a time only a single file's parse is alive beside the snapshots kept.
 */
export async function readMergeFiles(files: MergeSourceFile[]): Promise<MergeInputFile[]> {
  const read: MergeInputFile[] = [];
  for (const file of files) read.push(await readMergeFile(file));
  return read;
}

/** Queues each chart of a spec on a worksheet. */
function queueCharts(worksheet: Excel.Worksheet, charts: ChartSpec[]): void {
  for (const spec of charts) {
    const chart = worksheet.charts.add(spec.type, worksheet.getRange(spec.source), spec.seriesBy);
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.legend.visible = false;
    chart.setPosition(spec.topLeft);
    chart.width = spec.width;
    chart.height = spec.height;
  }
}

/**
 * Merges returned city workbooks into the 汇总 and 来源 sheets of the open workbook.
 *
 * Syncs: one to read the existing summary, its sources and the metadata (for the aggregator's
 * splits); one to write both sheets and the charts — plus one per extra chunk for a sheet past
 * Excel on the web's request limit. Files are read with the .xlsx reader before any sync.
 * Merging again replaces only the cities the new files bring.
 */
export async function mergeWorkbooks(context: Excel.RequestContext, options: MergeOptions): Promise<MergeResult> {
  const password = options.password ?? null;
  const period = typeof options.period === "string" ? options.period : formatPeriod(options.period);
  const files = await readMergeFiles(options.files);

  const worksheets = context.workbook.worksheets;
  const summarySheet = worksheets.getItemOrNullObject(SUMMARY_SHEET);
  const summaryRead = queueSheetRead(summarySheet);
  const sourcesRead = queueSheetRead(worksheets.getItemOrNullObject(SOURCES_SHEET));
  const metaRead = queueSheetRead(worksheets.getItemOrNullObject(META_SHEET));
  const oldCharts = summarySheet.charts;
  oldCharts.load("items/name");
  await syncSheetReads(context, [summaryRead, sourcesRead, metaRead]);

  const summarySnapshot = summaryRead.result();
  const sourcesSnapshot = sourcesRead.result();
  const metaSnapshot = metaRead.result();
  const existing = summarySnapshot
    ? readSummaryState({ sheets: [summarySnapshot, ...(sourcesSnapshot ? [sourcesSnapshot] : [])] }, options.revision)
    : null;
  const splits = metaSnapshot ? parseMetaRows(metaSnapshot.values).splits : [];
  const mergeContext = { revision: options.revision, period, existing, splits };
  let plan = canMerge(files, mergeContext);
  if (options.decide) plan = canMerge(files, { ...mergeContext, chosen: await options.decide(plan) });
  if (plan.accepted.length === 0) return { plan, written: false, totals: [], filled: existing?.cities.map((c) => c.city) ?? [] };

  const built = buildSummary(plan.accepted, {
    ...mergeContext,
    mergedAt: (options.now ?? new Date()).toISOString(),
    rejected: plan.rejected,
    password,
  });
  const staleCharts = summarySnapshot ? oldCharts.items : [];
  await writeSheets(
    context,
    [
      {
        spec: built.summary,
        current: currentOf(summarySnapshot),
        // Charts are not part of the cells: the old ones go and the new ones come while the sheet is open.
        extras: (worksheet) => {
          for (const chart of staleCharts) chart.delete();
          queueCharts(worksheet, [built.chart, built.itemChart]);
        },
      },
      { spec: built.sources, current: currentOf(sourcesSnapshot) },
    ],
    { password, activate: SUMMARY_SHEET },
  );
  return { plan, written: true, totals: built.totals, filled: built.filled };
}

/**
 * Stores split targets (目标分解, from planSplit) in the workbook's metadata, replacing earlier
 * splits of the same quotas; city templates generated afterwards show each city's share.
 * Syncs: one to read the metadata, one to write it.
 */
export async function saveSplit(context: Excel.RequestContext, records: SplitRecord[], password: string | null = null): Promise<void> {
  const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const metaSnapshot = metaRead.result();
  const meta = withSplitRecords(metaSnapshot ? parseMetaRows(metaSnapshot.values) : EMPTY_META, records);
  await writeSheets(context, [{ spec: metaSheetSpec(metaRows(meta), password), current: currentOf(metaSnapshot) }], { password });
}
