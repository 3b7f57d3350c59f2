import { buildSummary, BULLETIN_SHEET, canMerge, type ChartSpec, MATRIX_SHEET, type MergeInputFile, type MergePlan, PROVINCE_SHEET, RANKING_SHEET, readSummaryState, rollupForFiles, SOURCES_SHEET, splitsForMerge, DETAIL_SHEET, type SummaryTotal, withSplitRecords } from "../core/merge";

/** The sheets a merge writes, in the order a workbook shows them. */
const SUMMARY_SHEET_NAMES = [PROVINCE_SHEET, MATRIX_SHEET, RANKING_SHEET, BULLETIN_SHEET, DETAIL_SHEET, SOURCES_SHEET];
import { type Geography, type PlanRevision, withLevelCorrections } from "../core/plan";
import { type Period, formatPeriod } from "../core/period";
import { EMPTY_META, META_SHEET, metaRows, metaSheetSpec, parseMetaRows, type SplitRecord } from "../core/template";
import { isBlank } from "../core/snapshot";
import { finding } from "../core/findings";
import { queueSheetRead, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";

export interface MergeOptions {
  revision: PlanRevision;
  period: Period | string;
  /** The returned files, already read (src/xlsx's readMergeFiles): a file that could not be read carries its error. */
  files: MergeInputFile[];
  /**
   * Shown the plan before anything is written; returns the names of the files to merge (the
   * aggregator's choice). Without it every file that passes is merged.
   */
  decide?: (plan: MergePlan) => string[] | Promise<string[]>;
  password?: string | null;
  /** The quota (summary row id) charted by city on 排名, one of chartQuotaChoices; the first ranked one by default. */
  chartQuota?: string;
  /** When the merge runs; defaults to now. */
  now?: Date;
  /** The counties, for county files and per-county targets. */
  geography?: Geography;
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

/** Queues each chart of a spec on a worksheet. */
export function queueCharts(worksheet: Excel.Worksheet, charts: ChartSpec[]): void {
  for (const spec of charts) {
    const chart = worksheet.charts.add(spec.type, worksheet.getRange(spec.source), spec.seriesBy);
    chart.name = spec.name;
    chart.title.text = spec.title;
    // A line chart's lines are told apart by its legend; a column chart has one series.
    chart.legend.visible = spec.type === "Line";
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
 * Excel on the web's request limit. The files come read (the .xlsx reader is not Office.js).
 * Merging again replaces only the cities the new files bring.
 */
export async function mergeWorkbooks(context: Excel.RequestContext, options: MergeOptions): Promise<MergeResult> {
  const password = options.password ?? null;
  const period = typeof options.period === "string" ? options.period : formatPeriod(options.period);
  const files = options.files;

  const worksheets = context.workbook.worksheets;
  // Every sheet the summary writes is read first: to clear it in place, and for the charts on it.
  const reads = new Map(
    SUMMARY_SHEET_NAMES.map((name) => {
      const sheet = worksheets.getItemOrNullObject(name);
      const charts = sheet.charts;
      charts.load("items/name");
      return [name, { read: queueSheetRead(sheet), charts }] as const;
    }),
  );
  const metaRead = queueSheetRead(worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [...[...reads.values()].map((r) => r.read), metaRead]);

  const snapshotOf = (name: string) => reads.get(name)?.read.result() ?? null;
  // A sheet of a summary sheet's name that Planbook did not write (every sheet it writes is
  // protected) holds the aggregator's own work: nothing is written, and the finding names it.
  const taken = SUMMARY_SHEET_NAMES.filter((name) => {
    const snapshot = snapshotOf(name);
    return snapshot !== null && !snapshot.protected && snapshot.values.some((row) => row.some((value) => !isBlank(value)));
  }).map((name) => finding("merge-sheet-taken", { sheet: name, cell: null, quotaId: null }, { name }, name));
  const summarySnapshot = snapshotOf(DETAIL_SHEET);
  const sourcesSnapshot = snapshotOf(SOURCES_SHEET);
  const metaSnapshot = metaRead.result();
  // The files say the level: cities into the province, a city's counties into the city, units into their lead.
  const rollup = rollupForFiles(files, options.revision, options.geography);
  const meta = metaSnapshot ? parseMetaRows(metaSnapshot.values) : EMPTY_META;
  // The levels a person corrected in this workbook's 计划 view decide which rows the summary has.
  const corrected = withLevelCorrections(options.revision, meta.levels);
  const existing = summarySnapshot
    ? readSummaryState({ sheets: [summarySnapshot, ...(sourcesSnapshot ? [sourcesSnapshot] : [])] }, corrected, rollup)
    : null;
  const splits = splitsForMerge(meta.splits, files.flatMap((file) => (file.snapshot ? [file.snapshot] : [])));
  const mergeContext = { revision: options.revision, levels: meta.levels, period, existing, splits, rollup, geography: options.geography };
  let plan = canMerge(files, mergeContext);
  if (options.decide) plan = canMerge(files, { ...mergeContext, chosen: await options.decide(plan) });
  if (plan.accepted.length === 0 || taken.length > 0) {
    return { plan: { ...plan, findings: [...taken, ...plan.findings] }, written: false, totals: [], filled: existing?.children.map((c) => c.child) ?? [] };
  }

  const built = buildSummary(plan.accepted, {
    ...mergeContext,
    revision: plan.revision,
    mergedAt: (options.now ?? new Date()).toISOString(),
    rejected: plan.rejected,
    password,
    chartQuota: options.chartQuota,
  });
  await writeSheets(
    context,
    built.sheets.map((spec) => {
      const snapshot = snapshotOf(spec.name);
      const staleCharts = snapshot ? (reads.get(spec.name)?.charts.items ?? []) : [];
      const charts = built.charts.filter((chart) => chart.sheet === spec.name);
      return {
        spec,
        current: currentOf(snapshot),
        // Charts are not part of the cells: the old ones go and the new ones come while the sheet is open.
        extras: (worksheet: Excel.Worksheet) => {
          for (const chart of staleCharts) chart.delete();
          queueCharts(worksheet, charts);
        },
      };
    }),
    { password, activate: PROVINCE_SHEET },
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

/** The split targets (目标分解) stored in the workbook's metadata, for city templates. One sync. */
export async function readSplits(context: Excel.RequestContext): Promise<SplitRecord[]> {
  const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const snapshot = metaRead.result();
  return snapshot ? parseMetaRows(snapshot.values).splits : [];
}
