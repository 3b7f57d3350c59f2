import { SOURCES_SHEET, SUMMARY_SHEET } from "../core/merge/layout";
import { type MergeInputFile, type MergePlan, canMerge } from "../core/merge/merge";
import { withSplitRecords } from "../core/merge/split";
import { readSummaryState } from "../core/merge/state";
import { type ChartSpec, type SummaryTotal, buildSummary } from "../core/merge/summary";
import { type Period, formatPeriod } from "../core/period";
import type { PlanRevision } from "../core/plan/types";
import type { SheetSnapshot } from "../core/snapshot";
import { metaSheetSpec } from "../core/template/build";
import { EMPTY_META, META_SHEET, type SplitRecord, metaRows, parseMetaRows } from "../core/template/meta";
import type { SheetSpec } from "../core/template/spec";
import { readWorkbookFile } from "../xlsx/read";
import { reprotect } from "./generate";
import { PROTECTION_OPTIONS, REQUEST_BUDGET_BYTES, chunkRows, queueCells, queueClear, queueLayout } from "./render";
import { queueSheetRead } from "./workbook";

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
 * Reads each file with the .xlsx reader. A file that cannot be read is not an exception: it
 * becomes a file with a read error, which canMerge reports by name.
 */
export async function readMergeFiles(files: MergeSourceFile[]): Promise<MergeInputFile[]> {
  return Promise.all(
    files.map(async (file): Promise<MergeInputFile> => {
      if (!("data" in file)) return file;
      try {
        return { name: file.name, snapshot: await readWorkbookFile(file.data, { fileName: file.name }), replace: file.replace };
      } catch (error) {
        return { name: file.name, snapshot: null, readError: (error as Error).message, replace: file.replace };
      }
    }),
  );
}

interface SheetWrite {
  spec: SheetSpec;
  existing: SheetSnapshot | null;
  charts: ChartSpec[];
  oldCharts: Excel.Chart[];
}

/** Unprotects, clears, writes, adds charts and protects again: queued only, the caller syncs. */
async function queueWrites(context: Excel.RequestContext, writes: SheetWrite[], password: string | null): Promise<void> {
  const worksheets = context.workbook.worksheets;
  for (const write of writes) {
    const worksheet = write.existing ? worksheets.getItem(write.spec.name) : worksheets.add(write.spec.name);
    if (write.existing?.protected) worksheet.protection.unprotect(password ?? undefined);
    for (const chart of write.oldCharts) chart.delete();
    queueClear(
      worksheet,
      Math.max(write.existing?.values.length ?? 0, write.spec.cells.length),
      Math.max(write.existing?.values[0]?.length ?? 0, write.spec.cells[0]?.length ?? 0),
    );
    const chunks = chunkRows(write.spec.cells, REQUEST_BUDGET_BYTES);
    for (const [index, [from, to]] of chunks.entries()) {
      queueCells(worksheet, write.spec, from, to);
      // Only a sheet past Excel on the web's request limit gets a sync per chunk.
      if (index < chunks.length - 1) await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
    }
    queueLayout(worksheet, write.spec);
    for (const spec of write.charts) {
      const chart = worksheet.charts.add(spec.type, worksheet.getRange(spec.source), spec.seriesBy);
      chart.name = spec.name;
      chart.title.text = spec.title;
      chart.legend.visible = false;
      chart.setPosition(spec.topLeft);
      chart.width = spec.width;
      chart.height = spec.height;
    }
    worksheet.protection.protect(PROTECTION_OPTIONS, password ?? undefined);
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
  await context.sync();

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
  const writes: SheetWrite[] = [
    {
      spec: built.summary,
      existing: summarySnapshot,
      charts: [built.chart, built.itemChart],
      oldCharts: summarySnapshot ? oldCharts.items : [],
    },
    { spec: built.sources, existing: sourcesSnapshot, charts: [], oldCharts: [] },
  ];

  let written = false;
  try {
    context.runtime.enableEvents = false;
    context.workbook.application.suspendApiCalculationUntilNextSync();
    await queueWrites(context, writes, password);
    worksheets.getItem(SUMMARY_SHEET).activate();
    context.runtime.enableEvents = true;
    await context.sync();
    written = true;
  } finally {
    if (!written) await reprotect(context, writes.map((w) => w.spec.name), password);
  }
  return { plan, written, totals: built.totals, filled: built.filled };
}

/**
 * Stores split targets (目标分解, from planSplit) in the workbook's metadata, replacing earlier
 * splits of the same quotas; city templates generated afterwards show each city's share.
 * Syncs: one to read the metadata, one to write it.
 */
export async function saveSplit(context: Excel.RequestContext, records: SplitRecord[], password: string | null = null): Promise<void> {
  const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
  await context.sync();
  const metaSnapshot = metaRead.result();
  const meta = withSplitRecords(metaSnapshot ? parseMetaRows(metaSnapshot.values) : EMPTY_META, records);
  const writes: SheetWrite[] = [{ spec: metaSheetSpec(metaRows(meta), password), existing: metaSnapshot, charts: [], oldCharts: [] }];
  let written = false;
  try {
    context.runtime.enableEvents = false;
    await queueWrites(context, writes, password);
    context.runtime.enableEvents = true;
    await context.sync();
    written = true;
  } finally {
    if (!written) await reprotect(context, [META_SHEET], password);
  }
}
