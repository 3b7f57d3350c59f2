import { type ChartSpec, type MergeInputFile, type MergePlan, PROVINCE_SHEET, type SummaryTotal, withSplitRecords } from "../core/merge";
import type { Geography, PlanRevision } from "../core/plan";
import { type Period, formatPeriod } from "../core/period";
import { EMPTY_META, META_SHEET, metaRows, metaSheetSpec, parseMetaRows, type SplitRecord } from "../core/template";
import { mergeInto, mergeSheetNames, planMerge } from "../core/usecases";
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
 * Merges returned workbooks into the open workbook (`mergeInto`, as `planbook merge`): the
 * summary's sheets and, for a city's counties or a lead unit's units, the parent's own return and
 * the metadata recording it.
 *
 * Syncs: one to read the sheets the merge writes and the metadata (the aggregator's splits and
 * level corrections); one to write them and the charts — plus one per extra chunk for a sheet past
 * Excel on the web's request limit. The files come read (the .xlsx reader is not Office.js).
 * Merging again replaces only the cities the new files bring.
 */
export async function mergeWorkbooks(context: Excel.RequestContext, options: MergeOptions): Promise<MergeResult> {
  const password = options.password ?? null;
  const period = typeof options.period === "string" ? options.period : formatPeriod(options.period);
  const { files, revision, geography } = options;

  const worksheets = context.workbook.worksheets;
  // Every sheet the merge writes is read first: to clear it in place, for the charts on it, and to
  // tell one of the aggregator's own that is never written over.
  const reads = new Map(
    mergeSheetNames(files, revision, period, geography).map((name) => {
      const sheet = worksheets.getItemOrNullObject(name);
      const charts = sheet.charts;
      charts.load("items/name");
      return [name, { read: queueSheetRead(sheet), charts }] as const;
    }),
  );
  const metaRead = queueSheetRead(worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [...[...reads.values()].map((r) => r.read), metaRead]);
  const snapshotOf = (name: string) => (name === META_SHEET ? metaRead.result() : (reads.get(name)?.read.result() ?? null));
  const metaSnapshot = metaRead.result();
  const workbook = { sheets: [...reads.keys()].flatMap((name) => snapshotOf(name) ?? []), meta: metaSnapshot ? parseMetaRows(metaSnapshot.values) : EMPTY_META };

  const common = { revision, period, password, ...(geography ? { geography } : {}) };
  const chosen = options.decide ? await options.decide(planMerge(files, workbook, common)) : undefined;
  const outcome = mergeInto(files, workbook, {
    ...common,
    ...(chosen ? { chosen } : {}),
    ...(options.chartQuota !== undefined ? { chartQuota: options.chartQuota } : {}),
    mergedAt: (options.now ?? new Date()).toISOString(),
  });
  if (outcome.sheets.length === 0) return { plan: outcome.plan, written: false, totals: [], filled: outcome.filled };
  await writeSheets(
    context,
    outcome.sheets.map((spec) => {
      const snapshot = snapshotOf(spec.name);
      const staleCharts = snapshot ? (reads.get(spec.name)?.charts.items ?? []) : [];
      const charts = outcome.charts.filter((chart) => chart.sheet === spec.name);
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
  return { plan: outcome.plan, written: true, totals: outcome.totals, filled: outcome.filled };
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
