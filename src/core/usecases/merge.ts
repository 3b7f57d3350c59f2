import { isBlank } from "../snapshot/cells";
import { InputError } from "../shared/errors";
import { existingOutput } from "../snapshot/existing-output";
import { type Finding, finding } from "../findings/findings";
import { parsePeriod } from "../period/period";
import type { Geography } from "../plan/counties";
import { type LevelRecord, withLevelCorrections } from "../plan/level";
import type { PlanRevision } from "../plan/types";
import type { SheetSnapshot } from "../snapshot/snapshot";
import { defaultSheetName } from "../template/build";
import { EMPTY_META, META_SHEET, type MetaRecords, type SplitRecord, metaRows, withLevelRecords, withSheetRecords } from "../template/meta";
import { metaSheetSpec } from "../template/sheet";
import type { SheetSpec } from "../template/spec";
import type { ChartSpec } from "../merge/charts";
import { SOURCES_SHEET, DETAIL_SHEET } from "../merge/layout";
import { type MergeInputFile, type MergePlan, canMerge } from "../merge/merge";
import { mergeLevels } from "../merge/merge-levels";
import { rollupForFiles } from "../merge/file-scopes";
import { splitsForMerge } from "../merge/split";
import { readSummaryState } from "../merge/state";
import { type SummaryTotal, buildSummary } from "../merge/summary";
import { chartQuotaChoices } from "../merge/chart-choices";
import { BULLETIN_SHEET, MATRIX_SHEET, PROVINCE_SHEET, RANKING_SHEET } from "../merge/views";

/**
 * The merge as one use case, the same for `planbook merge` and the pane's 汇总: the returned files
 * and what the aggregator's workbook holds go in, the sheets to write come out. The adapters only
 * read (files; the open workbook's sheets) and write what this returns.
 */

/** The sheets a summary writes, in the order a workbook shows them. */
export const SUMMARY_SHEET_NAMES: readonly string[] = [PROVINCE_SHEET, MATRIX_SHEET, RANKING_SHEET, BULLETIN_SHEET, DETAIL_SHEET, SOURCES_SHEET];

/**
 * What the aggregator's workbook holds that a merge reads: the sheets of the names it writes (see
 * `mergeSheetNames`; one not there is absent) and its metadata — its split targets, its level
 * corrections, the records of its sheets. A merge into a new file (the CLI's `--out`) starts from
 * `NEW_WORKBOOK`: its guard on `--out` stands for the check of each sheet here (see `takenSheets`).
 */
export interface MergeWorkbook {
  sheets: readonly SheetSnapshot[];
  meta: MetaRecords;
}

export const NEW_WORKBOOK: MergeWorkbook = { sheets: [], meta: EMPTY_META };

export interface MergeIntoOptions {
  revision: PlanRevision;
  /** `2026-10` or `2026-Q3`. */
  period: string;
  geography?: Geography;
  /** Level corrections given for this merge (the CLI's `--corrections`, `--revision <workbook>`); see `mergeInputs`. */
  levels?: readonly LevelRecord[];
  /** Files whose checks found errors are merged, their erroneous cells left out (see MergeContext). */
  acceptErrors?: boolean;
  /** The aggregator's choice after seeing `planMerge`: the names of the files to merge. */
  chosen?: string[];
  /** The summary row id charted by city on 排名, one of the plan's `chartChoices`; the first by default. */
  chartQuota?: string;
  /** When the merge runs (ISO text): the core reads no clock. */
  mergedAt: string;
  password?: string | null;
}

/**
 * The level corrections and split targets a merge goes by, gathered one way for every host: the
 * levels given for the merge, else the aggregator's workbook's, else those most files were made
 * with (`mergeLevels`); the workbook's splits, then for every quota it does not split itself the
 * splits the files were made with (`splitsForMerge`).
 */
export function mergeInputs(
  files: readonly MergeInputFile[],
  workbook: MergeWorkbook,
  revision: PlanRevision,
  given?: readonly LevelRecord[],
): { levels: readonly LevelRecord[]; splits: SplitRecord[] } {
  const { meta } = workbook;
  const levels = mergeLevels(files, revision, given ?? (meta.levels.length > 0 ? meta.levels : undefined)).levels;
  return { levels, splits: splitsForMerge(meta.splits, files.flatMap((file) => (file.snapshot ? [file.snapshot] : []))) };
}

/** The parent's own return a merge of these files writes (a city's of its counties, a lead unit's of its units); null for the province. */
export function parentReturnName(files: MergeInputFile[], revision: PlanRevision, period: string, geography?: Geography): string | null {
  const { parent } = rollupForFiles(files, revision, geography);
  return parent.kind === "province" ? null : defaultSheetName(parent, parsePeriod(period));
}

/** The names of the sheets a merge of these files writes: the summary's, then the parent's own return. An adapter reads these (and the metadata) first. */
export function mergeSheetNames(files: MergeInputFile[], revision: PlanRevision, period: string, geography?: Geography): string[] {
  const parent = parentReturnName(files, revision, period, geography);
  return parent === null ? [...SUMMARY_SHEET_NAMES] : [...SUMMARY_SHEET_NAMES, parent];
}

/** A plan of the merge and the context it was made in: what `mergeInto` builds from. */
interface Planned {
  plan: MergePlan;
  context: Parameters<typeof canMerge>[1];
}

function planned(files: MergeInputFile[], workbook: MergeWorkbook, options: Omit<MergeIntoOptions, "mergedAt">): Planned {
  const { levels, splits } = mergeInputs(files, workbook, options.revision, options.levels);
  // The files say the level: cities into the province, a city's counties into the city, units into their lead.
  const rollup = rollupForFiles(files, options.revision, options.geography);
  const summary = workbook.sheets.find((sheet) => sheet.name === DETAIL_SHEET);
  const sources = workbook.sheets.find((sheet) => sheet.name === SOURCES_SHEET);
  // What an earlier merge into the workbook holds, read with the rows the merge's levels give.
  const existing = summary
    ? readSummaryState({ sheets: [summary, ...(sources ? [sources] : [])] }, withLevelCorrections(options.revision, levels), rollup)
    : null;
  const context = {
    revision: options.revision,
    period: options.period,
    existing,
    splits,
    rollup,
    ...(options.geography ? { geography: options.geography } : {}),
    levels,
    ...(options.acceptErrors === true ? { acceptErrors: true } : {}),
  };
  return { plan: canMerge(files, { ...context, ...(options.chosen ? { chosen: options.chosen } : {}) }), context };
}

/** What a merge would take and why it refuses the rest, before anything is built: the pane's preview and `decide`. */
export function planMerge(files: MergeInputFile[], workbook: MergeWorkbook, options: Omit<MergeIntoOptions, "mergedAt">): MergePlan & { chartChoices: { id: string; label: string }[] } {
  const { plan, context } = planned(files, workbook, options);
  return { ...plan, chartChoices: chartQuotaChoices(plan.accepted, { ...context, revision: plan.revision, rollup: plan.rollup }) };
}

/**
 * The one rule for writing over what a workbook holds: a merge (a summary, a 进度 history) writes a
 * sheet where there is none of its name, or over Planbook's own from an earlier merge. A sheet of a
 * name it writes whole that is unprotected with content is the aggregator's own work (Planbook
 * protects every sheet it writes); the parent's own report (`parentReturn`, the sheet a city's
 * summary fills with its totals) with figures typed in, or not Planbook's, is the aggregator's own
 * report — unless the workbook holds a Planbook summary, whose return it then is. Either is
 * `merge-sheet-taken`, and nothing is written. (A file the CLI writes is new: its `--out` guard,
 * `checkReplaceable`, is this rule for a whole file — absent, or a summary or 进度 Planbook wrote.)
 */
export function takenSheets(workbook: MergeWorkbook, whole: readonly string[], parentReturn: string | null = null): Finding[] {
  const byName = new Map(workbook.sheets.map((sheet) => [sheet.name, sheet]));
  const hasContent = (sheet: SheetSnapshot): boolean => sheet.values.some((row) => row.some((value) => !isBlank(value)));
  const taken = (name: string, typed: string | null): Finding =>
    finding("merge-sheet-taken", { sheet: name, cell: typed, quotaId: null }, { name, ...(typed ? { typed } : {}) }, name);
  const found = whole.flatMap((name) => {
    const sheet = byName.get(name);
    return sheet && !sheet.protected && hasContent(sheet) ? [taken(name, null)] : [];
  });
  const report = parentReturn === null ? undefined : byName.get(parentReturn);
  if (!report || byName.get(DETAIL_SHEET)?.protected === true || !hasContent(report)) return found;
  // The records of the sheets, as a metadata sheet: what tells a Planbook report and its typed cells.
  const rows = metaRows(workbook.meta).map((row) => row.map((value) => value ?? ""));
  const existing = existingOutput({ sheets: [report, { name: META_SHEET, visibility: "VeryHidden", protected: true, values: rows, formulas: rows }] });
  if (existing.kind === "report" && existing.typed === null) return found;
  return [...found, taken(report.name, existing.kind === "report" ? (existing.typed?.cell ?? null) : null)];
}

export interface MergeOutcome {
  /** The plan that was carried out (after the aggregator's choice). */
  plan: MergePlan;
  /** The plan's findings, after any sheet the merge may not write over (`takenSheets`). */
  findings: Finding[];
  /** The sheets to write, in order: the views, the detail, the sources, then the parent's own return and the metadata with its records. Empty when nothing is to be written. */
  sheets: SheetSpec[];
  charts: ChartSpec[];
  totals: SummaryTotal[];
  /** Children with figures in the summary (those an earlier merge holds too, when nothing is written). */
  filled: string[];
}

/**
 * Merges returned files into a summary, as every host does: the files' plan (`canMerge`), the
 * summary (`buildSummary`) and — for a city's counties or a lead unit's units — the parent's own
 * return filled with the totals, stored in the workbook's metadata with the merge's level
 * corrections, so the summary is itself a return for the level above. Nothing is to be written
 * when no file is accepted or a sheet is taken. Throws InputError for a `chartQuota` the merge
 * cannot chart (a mistyped 编号 would silently chart another quota).
 */
export function mergeInto(files: MergeInputFile[], workbook: MergeWorkbook, options: MergeIntoOptions): MergeOutcome {
  const { plan, context } = planned(files, workbook, options);
  const taken = takenSheets(workbook, SUMMARY_SHEET_NAMES, parentReturnName(files, options.revision, options.period, options.geography));
  const kept = context.existing?.children.map((c) => c.child) ?? [];
  if (plan.accepted.length === 0 || taken.length > 0) {
    return { plan: { ...plan, findings: [...taken, ...plan.findings] }, findings: [...taken, ...plan.findings], sheets: [], charts: [], totals: [], filled: kept };
  }
  const summaryContext = { ...context, revision: plan.revision, rollup: plan.rollup };
  const { chartQuota } = options;
  if (chartQuota !== undefined) {
    const choices = chartQuotaChoices(plan.accepted, summaryContext);
    if (!choices.some((choice) => choice.id === chartQuota)) {
      const ids = choices.map((choice) => choice.id).join("、");
      throw new InputError(
        `--chart-quota「${chartQuota}」不是分解到各市的指标，可选：${ids || "无"} / --chart-quota "${chartQuota}" is not a quota split across the cities; choose one of: ${ids || "none"}`,
      );
    }
  }
  const password = options.password ?? null;
  const built = buildSummary(plan.accepted, { ...summaryContext, mergedAt: options.mergedAt, rejected: plan.rejected, password, chartQuota });
  const parent = built.parentReturn;
  const sheets = parent
    ? [
        ...built.sheets,
        parent.sheet,
        metaSheetSpec(metaRows(withLevelRecords(withSheetRecords(workbook.meta, parent.sheetRecord, parent.rowRecords), plan.levels)), password),
      ]
    : built.sheets;
  return { plan, findings: plan.findings, sheets, charts: built.charts, totals: built.totals, filled: built.filled };
}
