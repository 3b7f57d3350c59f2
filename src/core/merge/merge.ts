import { checkWorkbook } from "../checks/check";
import { typedInputs } from "../checks/integrity";
import { parsePartId, partId, partnerOf } from "../template/ratio-parts";
import { type Contribution, isContributedCount, outsideOthers } from "../checks/plausibility";
import { fileProblem, type FileReadProblem } from "../findings/file-problems";
import { type Finding, type Severity, type Where, countBySeverity, finding, inFile } from "../findings/findings";
import { isBlankInput, sameCellValue } from "../snapshot/cells";
import { canonicalPeriod, normalisedPeriod, parsePeriod } from "../period/period";
import { quotaIndex } from "../plan/ids";
import type { PlanRevision, Quota } from "../plan/types";
import { type LevelRecord, type QuotaLevel, withLevelCorrections } from "../plan/level";
import { type ReportRow, type ReportSheet, readMeta, readWorkbook } from "../snapshot/read-sheets";
import type { Geography } from "../plan/counties";
import { type Scope, scopeLabel, scopeOrNull } from "../plan/scope";
import type { WorkbookSnapshot } from "../snapshot/snapshot";
import { type TargetContext, planTarget } from "../template/targets";
import type { SheetRecord, SplitRecord } from "../template/meta";
import { DETAIL_SHEET } from "./layout";
import { type Rollup, childOf, childScope, rollupOfFiles } from "./rollup";
import { type SummaryState, stateFor } from "./state";

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

interface Examined {
  file: MergeInputFile;
  record: SheetRecord | null;
  city: string | null;
  report: ReportSheet | null;
  reasons: Finding[];
  warnings: Finding[];
  /** Every figure and note of the sheet is blank: a template returned unfilled. */
  blank: boolean;
}

/**
 * The cities' (counties') contributions without a target that are far outside the others' range,
 * by file: judged across the files, so only the merge can tell (each file's own check judges it
 * against the province's target alone).
 */
function outlierFindings(accepted: AcceptedFile[], revision: PlanRevision): Map<AcceptedFile, Finding[]> {
  const quotas = quotaIndex(revision.quotas);
  const byQuota = new Map<Quota, { file: AcceptedFile; contribution: Contribution }[]>();
  for (const file of accepted) {
    const excluded = new Set(file.excluded.map((cell) => cell.quotaId));
    for (const row of file.report.rows) {
      const quota = quotas.get(row.quotaId);
      const figure = row.values.cumulative;
      if (!quota || quota === "retired" || !isContributedCount(quota) || excluded.has(row.quotaId)) continue;
      if (typeof figure !== "number" || typeof row.values.target === "number") continue;
      const at = { sheet: file.report.name, cell: file.report.address(row, "cumulative"), quotaId: row.quotaId, file: file.name };
      // Above the province's whole target is the file's own finding already (its check).
      const judged = file.findings.some((f) => f.rule === "contribution-implausible" && f.cell === at.cell);
      const contribution = { child: file.child, figure, explained: judged || !isBlankInput(row.values.note), at };
      byQuota.set(quota, [...(byQuota.get(quota) ?? []), { file, contribution }]);
    }
  }
  const out = new Map<AcceptedFile, Finding[]>();
  for (const [quota, entries] of byQuota) {
    const all = entries.map((e) => e.contribution);
    for (const { file, contribution } of entries) {
      const found = outsideOthers(quota, contribution, all);
      if (found.length > 0) out.set(file, [...(out.get(file) ?? []), ...found]);
    }
  }
  return out;
}

/** Where a finding about a whole file is. */
const wholeFile = (file: string, sheet = ""): Where => ({ sheet, cell: null, quotaId: null, file });


/** The plan's target for the city against the one the file was generated with (its metadata). */
function planTargetFindings(name: string, scope: Scope, report: ReportSheet, row: ReportRow, quota: Quota, targets: TargetContext): Finding[] {
  const written = row.record.target;
  const city = scopeLabel(scope);
  const expected = planTarget(quota, scope, written, targets);
  if (expected === undefined || sameCellValue(written, expected)) return [];
  const targetAddress = report.address(row, "target");
  return [
    finding(
      "merge-target-not-plan",
      { sheet: report.name, cell: targetAddress, quotaId: row.quotaId, file: name },
      { quotaId: row.quotaId, city, found: written, expected },
      written,
    ),
  ];
}

/** The checks engine's findings on the file's sheet, each naming the file. */
function ownFindings(name: string, snapshot: WorkbookSnapshot, record: SheetRecord, revision: PlanRevision, geography?: Geography): Finding[] {
  const expected = { revision: record.revision, scope: record.scope, period: record.period };
  return checkWorkbook(snapshot, { revisions: [revision], expected, geography })
    .filter((f) => f.sheet === record.sheet)
    .map((f) => inFile(f, name));
}

/** Why a file cannot be merged at all, whatever the period and level: it cannot be read, or Planbook did not make it. Null for a Planbook workbook. */
export function unusableFile(file: MergeInputFile): Finding | null {
  if (file.snapshot === null) return finding("merge-unreadable", wholeFile(file.name), file.readProblem ?? fileProblem("not-xlsx"), file.name);
  return readMeta(file.snapshot).sheets.length === 0 ? finding("merge-not-planbook", wholeFile(file.name), {}, file.name) : null;
}

function examine(file: MergeInputFile, revision: PlanRevision, period: string, splits: SplitRecord[], rollup: Rollup, geography?: Geography): Examined {
  const name = file.name;
  const out: Examined = { file, record: null, city: null, report: null, reasons: [], warnings: [], blank: false };
  const unusable = unusableFile(file);
  if (unusable !== null || file.snapshot === null) {
    out.reasons.push(unusable ?? finding("merge-unreadable", wholeFile(name), fileProblem("not-xlsx"), name));
    return out;
  }
  const read = readWorkbook(file.snapshot);
  // By the scope's kind as written: a sheet whose name part cannot be read is merge-bad-scope below.
  const citySheets = read.meta.sheets.filter((s) => s.scope.trim().startsWith(`${rollup.childKind}:`));
  const [firstSheet] = citySheets;
  if (firstSheet === undefined) {
    const scopes = [...new Set(read.meta.sheets.map((s) => s.scope))];
    const other = read.meta.sheets.map((s) => childOf(s.scope)?.kind).find((kind) => kind !== undefined);
    // A file of another level than the others (a county's among cities') is a finding of its own.
    out.reasons.push(
      other
        ? finding("merge-mixed-levels", wholeFile(name), { level: other, expected: rollup.childKind, scopes }, name)
        : finding("merge-not-city", wholeFile(name), { scopes }, name),
    );
    return out;
  }
  const samePeriod = citySheets.filter((s) => normalisedPeriod(s.period) === period);
  const sameRevision = citySheets.filter((s) => s.revision === revision.revision);
  const matching = samePeriod.filter((s) => s.revision === revision.revision);
  const [record, ...otherMatching] = matching;
  if (record === undefined) {
    out.record = firstSheet;
    if (samePeriod.length === 0) {
      const periods = [...new Set(citySheets.map((s) => s.period))];
      out.reasons.push(
        finding("merge-other-period", wholeFile(name, firstSheet.sheet), { expected: period, found: periods, revision: revision.revision }, periods.join("、")),
      );
    }
    if (sameRevision.length === 0) {
      const revisions = [...new Set(citySheets.map((s) => s.revision))];
      out.reasons.push(
        finding("merge-other-revision", wholeFile(name, firstSheet.sheet), { expected: revision.revision, found: revisions }, revisions.join("、")),
      );
    }
    if (out.reasons.length === 0) {
      out.reasons.push(
        finding("merge-other-period", wholeFile(name, firstSheet.sheet), { expected: period, found: null, revision: revision.revision }, name),
      );
    }
    return out;
  }
  out.record = record;
  if (otherMatching.length > 0) {
    const sheets = matching.map((s) => s.sheet);
    out.reasons.push(finding("merge-several-sheets", wholeFile(name), { sheets }, sheets.join("」「")));
    return out;
  }
  const scope = scopeOrNull(record.scope);
  const city = scope === null || scope.kind === "province" ? "" : scopeLabel(scope);
  if (city === "") {
    out.reasons.push(finding("merge-bad-scope", wholeFile(name, record.sheet), { sheet: record.sheet, scope: record.scope }, record.scope));
    return out;
  }
  if (!rollup.children.includes(city)) {
    const among = rollup.parent.kind === "province" ? null : scopeLabel(rollup.parent);
    out.reasons.push(finding("merge-unknown-city", wholeFile(name, record.sheet), { city, among, level: rollup.childKind }, city));
    return out;
  }
  out.city = city;
  // A duplicated row is the file's own error (ownFindings below), held like any other error for the aggregator to accept.
  out.reasons.push(...read.findings.filter((f) => f.sheet === record.sheet && f.rule !== "duplicate-row").map((f) => inFile(f, name)));
  const report = read.reports.find((r) => r.name === record.sheet) ?? null;
  out.report = report;
  if (!report) return out;
  const quotas = quotaIndex(revision.quotas);
  const targets: TargetContext = { revision, splits, geography, period: parsePeriod(period) };
  for (const row of report.rows) {
    // A ratio's numerator or denominator row is read with its ratio (it has no target to check).
    const part = parsePartId(row.quotaId);
    if (part && quotas.get(part.quotaId) !== undefined) continue;
    const quota = quotas.get(row.quotaId);
    // A first-scheme row that is now only a point of a quota's path: kept in the file, not merged.
    if (quota === "retired") continue;
    if (!quota) {
      out.reasons.push(
        finding(
          "merge-unknown-quota",
          { sheet: report.name, cell: report.address(row, "id"), quotaId: row.quotaId, file: name },
          { quotaId: row.quotaId, row: row.row, sheet: report.name },
          row.quotaId,
        ),
      );
      continue;
    }
    out.reasons.push(...planTargetFindings(name, childScope(rollup, city), report, row, quota, targets));
  }
  // A changed target stops the file (the summary's targets come from the plan, the file's would
  // disagree); everything else the checks find is the file's own count for the aggregator to weigh.
  const checked = ownFindings(name, file.snapshot, record, revision, geography);
  out.reasons.push(...checked.filter((f) => f.rule === "target-changed"));
  out.warnings.push(...checked.filter((f) => f.rule !== "target-changed"));
  // A formula without a stored result reads as "" but was typed (a ratio's 累计完成 is the template's own formula).
  out.blank = report.rows.every((row) => typedInputs(report, row).length === 0);
  const named = citiesNamed(name, rollup.children);
  if (named.length > 0 && !named.includes(city)) out.warnings.push(finding("merge-file-name-city", wholeFile(name, record.sheet), { named, city }, city));
  return out;
}

/** A quota's level as corrections make it: the correction's, else the one derived from the text. */
const levelWith = (corrections: ReadonlyMap<string, QuotaLevel>, quota: Quota): QuotaLevel => corrections.get(quota.id) ?? quota.level;

/**
 * The level corrections a merge goes by — the aggregator's when given, else those most files were
 * made with (a file made before any correction has none) — and, by file, a warning for each file
 * made with other levels: it asks for rows the merge does not take, or lacks rows the merge sums.
 */
export function mergeLevels(
  files: readonly MergeInputFile[],
  revision: PlanRevision,
  given: readonly LevelRecord[] | undefined,
): { levels: readonly LevelRecord[]; differing: Map<MergeInputFile, Finding[]> } {
  const quotas = revision.quotas.filter((q) => q.region === null);
  // What a set of corrections changes, as a key: corrections that restate the derived level change nothing.
  const effective = (records: readonly LevelRecord[]): Map<string, QuotaLevel> => {
    const corrections = new Map(records.map((r) => [r.quotaId, r.level]));
    return new Map(quotas.flatMap((q) => (levelWith(corrections, q) !== q.level ? [[q.id, levelWith(corrections, q)] as const] : [])));
  };
  const keyOf = (changes: Map<string, QuotaLevel>): string => JSON.stringify([...changes].sort());
  const ofFiles = files.flatMap((file) => (file.snapshot && readMeta(file.snapshot).sheets.length > 0 ? [{ file, levels: readMeta(file.snapshot).levels }] : []));
  let levels = given;
  if (levels === undefined) {
    const counts = new Map<string, { count: number; levels: readonly LevelRecord[] }>();
    for (const entry of ofFiles) {
      const key = keyOf(effective(entry.levels));
      counts.set(key, { count: (counts.get(key)?.count ?? 0) + 1, levels: counts.get(key)?.levels ?? entry.levels });
    }
    levels = [...counts.values()].sort((a, b) => b.count - a.count)[0]?.levels ?? [];
  }
  const merged = effective(levels);
  const differing = new Map<MergeInputFile, Finding[]>();
  for (const entry of ofFiles) {
    const own = effective(entry.levels);
    const ids = quotas.filter((q) => (own.get(q.id) ?? q.level) !== (merged.get(q.id) ?? q.level));
    if (ids.length === 0) continue;
    const said = ids.map((q) => ({ quotaId: q.id, file: own.get(q.id) ?? q.level, merge: merged.get(q.id) ?? q.level }));
    differing.set(entry.file, [
      finding(
        "merge-levels-differ",
        wholeFile(entry.file.name),
        { quotaIds: said.map((d) => d.quotaId), fileLevels: said.map((d) => d.file), mergeLevels: said.map((d) => d.merge) },
        said.map((d) => d.quotaId).join("、"),
      ),
    ]);
  }
  return { levels, differing };
}

/** Every scope the readable files' metadata names: the files say which level is merged. */
function filesScopes(files: MergeInputFile[]): string[] {
  return files.flatMap((file) => (file.snapshot ? readMeta(file.snapshot).sheets.map((s) => s.scope) : []));
}

/** The roll-up the files ask for (see rollupOfFiles). */
export function rollupForFiles(files: MergeInputFile[], revision: PlanRevision, geography?: Geography): Rollup {
  return rollupOfFiles(filesScopes(files), revision, geography);
}

/** The plan's cities a file name mentions (杭州市, or 杭州 without the 市). */
export function citiesNamed(fileName: string, cities: string[]): string[] {
  const short = (city: string) => city.replace(/[市州]$/, "");
  return cities.filter((city) => fileName.includes(city) || (short(city).length >= 2 && fileName.includes(short(city))));
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
