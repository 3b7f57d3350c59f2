import { parsePartId, partId, partnerOf } from "../template/ratio-parts";
import { type FileReadProblem } from "../findings/file-problems";
import { type Finding, type Severity, countBySeverity, finding } from "../findings/findings";
import { isBlankInput } from "../snapshot/cells";
import { canonicalPeriod } from "../period/period";
import type { PlanRevision } from "../plan/types";
import { type LevelRecord, withLevelCorrections } from "../plan/level";
import { type ReportSheet } from "../snapshot/read-sheets";
import type { Geography } from "../plan/counties";
import type { WorkbookSnapshot } from "../snapshot/snapshot";
import type { SheetRecord, SplitRecord } from "../template/meta";
import { DETAIL_SHEET } from "./layout";
import { type Rollup } from "./rollup";
import { type SummaryState, stateFor } from "./state";
import { type Examined, wholeFile, examine } from "./examine";
import { outlierFindings } from "./outliers";
import { mergeLevels } from "./merge-levels";
import { rollupForFiles, citiesNamed } from "./file-scopes";

/**
 * Ask before you change: which returned city workbooks can go into the province summary, and why
 * the others cannot. Nothing is merged here; `buildSummary` does that with the accepted files.
 */

export interface MergeInputFile {
  name: string;
  /** Null when the file could not be read (see readProblem). */
  snapshot: WorkbookSnapshot | null;
  /** Why the file could not be read. */
  readProblem?: FileReadProblem;
  /** The aggregator says this file replaces any other for its city (in this batch or the summary). */
  replace?: boolean;
}

export interface MergeContext {
  revision: PlanRevision;
  /** `2026-10` or `2026-Q3`. */
  period: string;
  /** What the workbook's summary already holds (readSummaryState), to merge again city by city. */
  existing?: SummaryState | null;
  /** The aggregator's split targets (目标分解), to check the targets city files show. */
  splits?: SplitRecord[];
  /** Whose summary it is and whose files it takes; by default taken from the files (rollupOfFiles). */
  rollup?: Rollup;
  /** The counties: county files and per-county targets need them. */
  geography?: Geography;
  /**
   * The aggregator's choice after seeing a first plan: names of the files to merge. Others are
   * declined (which also settles duplicates). Undefined: every file that passes is taken.
   */
  chosen?: string[];
  /**
   * The aggregator accepts files whose checks found errors (CLI `--accept-errors`; in the pane,
   * ticking such a file is the acceptance, since it starts unticked with its errors shown). Without
   * it a file with errors is rejected. An accepted file's erroneous figures are left out of the
   * totals and listed (`excluded`).
   */
  acceptErrors?: boolean;
  /**
   * The aggregator's corrections of quota levels (its workbook's 计划 view, `--corrections`): who
   * reports what in this merge. Absent: the corrections the files were made with (see mergeLevels).
   */
  levels?: readonly LevelRecord[];
}

export interface AcceptedFile {
  file: MergeInputFile;
  name: string;
  child: string;
  record: SheetRecord;
  report: ReportSheet;
  /** The file's own findings from the checks engine (they do not stop it: the aggregator weighs them). */
  findings: Finding[];
  counts: Record<Severity, number>;
  /** The file whose figures for the city this one replaces in the existing summary. */
  replaces: string | null;
  /** Figure cells with errors, left out of the totals (the file was accepted despite them). */
  excluded: ExcludedCell[];
}

/** A figure of an accepted file that is not summed, and the error that keeps it out. */
export interface ExcludedCell {
  quotaId: string;
  key: FigureKey;
  cell: string;
  finding: Finding;
  /** For a ratio's figure left out with its partner: the partner's cell, which has the error. */
  with?: string;
}

/** The columns whose figures a summary takes from a city file. */
export const FIGURE_KEYS = ["cumulative", "period", "status"] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface RejectedFile {
  file: MergeInputFile;
  /** The Planbook sheet the file was judged by, when it has one. */
  record: SheetRecord | null;
  reasons: Finding[];
}

export interface MergePlan {
  /** Whose summary it is (the province, a city, a lead unit) and whose files it takes. */
  rollup: Rollup;
  /** The revision with the merge's level corrections: the summary is built with it. */
  revision: PlanRevision;
  /** Those corrections (see mergeLevels), to store with a summary that is itself a return. */
  levels: readonly LevelRecord[];
  /** Returned templates with nothing filled in: their cities have not reported yet. */
  notFilled: { file: string; child: string }[];
  accepted: AcceptedFile[];
  rejected: RejectedFile[];
  /** Every finding: each rejection's reasons, then what concerns the batch (missing cities…). */
  findings: Finding[];
}


/**
 * The error findings on an accepted file's figure cells: those figures are left out of the totals.
 * A ratio's figure leaves with its partner (its 分母 with an excluded 分子, and the reverse), so no
 * total holds one without the other.
 */
function excludedCells(report: ReportSheet, findings: Finding[]): ExcludedCell[] {
  const rows = new Map(report.rows.map((row) => [row.quotaId, row]));
  const cells = findings.flatMap((f): ExcludedCell[] => {
    const row = f.severity === "error" && f.quotaId ? rows.get(f.quotaId) : undefined;
    const key = row ? FIGURE_KEYS.find((k) => report.address(row, k) === f.cell) : undefined;
    return row && key && f.cell ? [{ quotaId: row.quotaId, key, cell: f.cell, finding: f }] : [];
  });
  const partners = cells.flatMap((cell): ExcludedCell[] => {
    const part = cell.key === "cumulative" ? parsePartId(cell.quotaId) : null;
    const partner = part ? rows.get(partId(part.quotaId, partnerOf(part.key))) : undefined;
    const at = partner ? report.address(partner, "cumulative") : null;
    if (!partner || at === null || isBlankInput(partner.values.cumulative) || cells.some((c) => c.cell === at)) return [];
    return [{ quotaId: partner.quotaId, key: "cumulative", cell: at, finding: cell.finding, with: cell.cell }];
  });
  return [...cells, ...partners];
}

/** Says which files can be merged into the summary of `context.period`, and why the others cannot. */
export function canMerge(files: MergeInputFile[], context: MergeContext): MergePlan {
  const levels = mergeLevels(files, context.revision, context.levels);
  const revision = withLevelCorrections(context.revision, levels.levels);
  const period = canonicalPeriod(context.period);
  const splits = context.splits ?? [];
  const existing = context.existing ?? null;
  const usableExisting = stateFor(existing, period, revision.revision);
  const batchFindings: Finding[] = [];
  if (existing && !usableExisting) {
    batchFindings.push(
      finding("merge-summary-reset", { sheet: DETAIL_SHEET, cell: null, quotaId: null }, { period: existing.period, revision: existing.revision }, existing.period),
    );
  }

  const rollup = context.rollup ?? rollupForFiles(files, revision, context.geography);
  const examined = files.map((file) => examine(file, revision, period, splits, rollup, context.geography));
  for (const entry of examined) entry.warnings.push(...(levels.differing.get(entry.file) ?? []));
  const chosen = context.chosen ? new Set(context.chosen) : null;
  for (const entry of examined) {
    if (chosen && !chosen.has(entry.file.name) && entry.reasons.length === 0) {
      entry.reasons.push(finding("merge-declined", wholeFile(entry.file.name, entry.record?.sheet), {}, entry.file.name));
    }
  }
  const notFilled: Examined[] = [];
  for (const entry of examined) {
    if (entry.reasons.length > 0) continue;
    if (entry.blank) {
      notFilled.push(entry);
      continue;
    }
    const errors = entry.warnings.filter((f) => f.severity === "error");
    const acceptedByAggregator = context.acceptErrors === true || (chosen?.has(entry.file.name) ?? false);
    if (errors.length > 0 && !acceptedByAggregator) {
      const cells = errors.flatMap((f) => (f.cell ? [f.cell] : [])).slice(0, 5);
      entry.reasons.push(finding("merge-has-errors", wholeFile(entry.file.name, entry.record?.sheet), { errors: errors.length, cells }, errors.length), ...errors);
    }
  }
  const candidates = examined.filter((e) => e.reasons.length === 0 && !notFilled.includes(e));
  const byCity = new Map<string, Examined[]>();
  for (const entry of candidates) byCity.set(entry.city as string, [...(byCity.get(entry.city as string) ?? []), entry]);
  for (const [city, entries] of byCity) {
    if (entries.length < 2) continue;
    const replacing = entries.filter((e) => e.file.replace === true);
    const kept = replacing.length === 1 ? replacing[0] : null;
    const names = entries.map((e) => e.file.name);
    for (const entry of entries) {
      if (entry === kept) continue;
      entry.reasons.push(
        finding(
          "merge-duplicate-city",
          wholeFile(entry.file.name, entry.record?.sheet),
          { city, kept: kept ? kept.file.name : null, files: names },
          names.join("」「"),
        ),
      );
    }
  }

  const accepted: AcceptedFile[] = [];
  const rejected: RejectedFile[] = [];
  const replacements: Finding[] = [];
  const exclusions: Finding[] = [];
  for (const entry of examined) {
    if (notFilled.includes(entry)) continue;
    if (entry.reasons.length > 0 || !entry.report || !entry.record || !entry.city) {
      rejected.push({ file: entry.file, record: entry.record, reasons: entry.reasons });
      continue;
    }
    const excluded = excludedCells(entry.report, entry.warnings);
    for (const cell of excluded) {
      exclusions.push(
        finding(
          "merge-cell-excluded",
          { sheet: entry.record.sheet, cell: cell.cell, quotaId: cell.quotaId, file: entry.file.name },
          { quotaId: cell.quotaId, error: cell.finding.rule, partnerCell: cell.with ?? null },
          cell.finding.value,
        ),
      );
    }
    const previous = usableExisting?.children.find((c) => c.child === entry.city) ?? null;
    if (previous) {
      replacements.push(finding("merge-replaces-city", wholeFile(entry.file.name, DETAIL_SHEET), { city: entry.city, previous: previous.file }, previous.file));
    }
    accepted.push({
      file: entry.file,
      name: entry.file.name,
      child: entry.city,
      record: entry.record,
      report: entry.report,
      findings: entry.warnings,
      counts: countBySeverity(entry.warnings),
      replaces: previous ? previous.file : null,
      excluded,
    });
  }

  if (rollup.childKind !== "unit") {
    for (const [file, found] of outlierFindings(accepted, revision)) {
      file.findings = [...file.findings, ...found];
      file.counts = countBySeverity(file.findings);
    }
  }

  const filled = new Set([...accepted.map((a) => a.child), ...(usableExisting?.children.map((c) => c.child) ?? [])]);
  const missing = rollup.children.filter((city) => !filled.has(city));
  for (const entry of notFilled) {
    const city = entry.city as string;
    batchFindings.push(finding("merge-not-filled", wholeFile(entry.file.name, entry.record?.sheet), { city, ignored: filled.has(city) }, city));
  }
  if (missing.length > 0) {
    // Why each missing city is missing, where a file says: a blank template, or a file named for it that holds another city.
    const explaining = missing.map(
      (city) =>
        notFilled.find((e) => e.city === city) ??
        examined.find((e) => e.city !== null && e.city !== city && citiesNamed(e.file.name, rollup.children).includes(city)) ??
        null,
    );
    batchFindings.push(
      finding(
        "merge-city-missing",
        { sheet: DETAIL_SHEET, cell: null, quotaId: null },
        {
          cities: missing,
          level: rollup.childKind,
          why: explaining.map((e) => e?.file.name ?? ""),
          whyCity: explaining.map((e, i) => (e && e.city !== missing[i] ? (e.city as string) : "")),
        },
        missing.join("、"),
      ),
    );
  }
  return {
    rollup,
    revision,
    levels: levels.levels,
    accepted,
    rejected,
    notFilled: notFilled.map((e) => ({ file: e.file.name, child: e.city as string })),
    findings: [...rejected.flatMap((r) => r.reasons), ...accepted.flatMap((a) => a.findings), ...exclusions, ...replacements, ...batchFindings],
  };
}
