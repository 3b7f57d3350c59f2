import { checkWorkbook } from "../checks/check";
import { type Finding, type Severity, countBySeverity } from "../findings";
import { isBlank } from "../cells";
import { canonicalPeriod, normalisedPeriod } from "../period";
import type { PlanRevision, Quota } from "../plan/types";
import { type ReportRow, type ReportSheet, readMeta, readWorkbook } from "../report";
import type { Geography } from "../plan/counties";
import type { Scope } from "../scope";
import type { WorkbookSnapshot } from "../snapshot";
import { targetCell } from "../template/targets";
import type { SheetRecord, SplitRecord } from "../template/meta";
import { NOT_ASSIGNED } from "../template/columns";
import type { CellValue } from "../template/spec";
import { SUMMARY_SHEET } from "./layout";
import { CHILD_WORD, type Rollup, childOf, childScope, rollupOfFiles } from "./rollup";
import { type SummaryState, stateFor } from "./state";

/**
 * Ask before you change: which returned city workbooks can go into the province summary, and why
 * the others cannot. Nothing is merged here; `buildSummary` does that with the accepted files.
 */

export interface MergeInputFile {
  name: string;
  /** Null when the file could not be read (see readError). */
  snapshot: WorkbookSnapshot | null;
  readError?: string;
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
}

export interface AcceptedFile {
  file: MergeInputFile;
  name: string;
  city: string;
  record: SheetRecord;
  report: ReportSheet;
  /** The file's own findings from the checks engine (they do not stop it: the aggregator weighs them). */
  findings: Finding[];
  counts: Record<Severity, number>;
  /** The file whose figures for the city this one replaces in the existing summary. */
  replaces: string | null;
}

export interface RejectedFile {
  file: MergeInputFile;
  /** The Planbook sheet the file was judged by, when it has one. */
  record: SheetRecord | null;
  reasons: Finding[];
}

export interface MergePlan {
  /** Whose summary it is (the province, a city, a lead unit) and whose files it takes. */
  rollup: Rollup;
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
}

function fileFinding(
  file: string,
  rule: string,
  severity: Severity,
  zh: string,
  en: string,
  extra: Partial<Finding> = {},
): Finding {
  return {
    rule,
    severity,
    sheet: "",
    cell: null,
    quotaId: null,
    message: `文件「${file}」${zh} / file "${file}": ${en}`,
    value: file,
    file,
    ...extra,
  };
}


/** Equal as a person would read them: numbers by value (text "500" equals 500), text trimmed. */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  const x = typeof a === "number" ? a : Number(String(a).trim());
  const y = typeof b === "number" ? b : Number(String(b).trim());
  if (Number.isFinite(x) && Number.isFinite(y) && String(a).trim() !== "" && String(b).trim() !== "") {
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  }
  return String(a).trim() === String(b).trim();
}

/** What the plan says a city sheet's target cell holds, or undefined when only the file can tell. */
function planTarget(revision: PlanRevision, quota: Quota, scope: Scope, written: CellValue, splits: SplitRecord[], geography?: Geography): CellValue | undefined {
  const expected = targetCell(quota, scope, { revision, splits, geography });
  // A split the aggregator's workbook does not know (made elsewhere): the file's metadata is all we have.
  if (expected === NOT_ASSIGNED && typeof written === "number") return undefined;
  return expected;
}

/** The plan's target for the city against the one the file was generated with (its metadata). */
function planTargetFindings(
  revision: PlanRevision,
  name: string,
  scope: Scope,
  report: ReportSheet,
  row: ReportRow,
  quota: Quota,
  splits: SplitRecord[],
  geography?: Geography,
): Finding[] {
  const written = row.record.target;
  const city = scope.kind === "city" ? scope.city : scope.kind === "county" ? scope.county : scope.kind === "unit" ? scope.unit : "全省";
  const expected = planTarget(revision, quota, scope, written, splits, geography);
  if (expected === undefined || sameCellValue(written, expected)) return [];
  const targetAddress = report.address(row, "target");
  return [
    fileFinding(
      name,
      "merge-target-not-plan",
      "error",
      `指标 ${row.quotaId} 的目标值「${String(written ?? "")}」与计划中${city}的目标「${String(expected ?? "")}」不符`,
      `target "${String(written ?? "")}" of quota ${row.quotaId} differs from the plan's target for ${city} ("${String(expected ?? "")}")`,
      { sheet: report.name, cell: targetAddress, quotaId: row.quotaId, value: written },
    ),
  ];
}

/** The checks engine's findings on the file's sheet, each naming the file. */
function ownFindings(name: string, snapshot: WorkbookSnapshot, record: SheetRecord, revision: PlanRevision): Finding[] {
  const expected = { revision: record.revision, scope: record.scope, period: record.period };
  return checkWorkbook(snapshot, { revisions: [revision], expected })
    .filter((f) => f.sheet === record.sheet)
    .map((f) => ({ ...f, message: `文件「${name}」${f.message}`, file: name }));
}

const LEVEL_WORD: Record<Rollup["childKind"], string> = { city: "市级", county: "县级", unit: "责任单位" };

function examine(file: MergeInputFile, revision: PlanRevision, period: string, splits: SplitRecord[], rollup: Rollup, geography?: Geography): Examined {
  const name = file.name;
  const out: Examined = { file, record: null, city: null, report: null, reasons: [], warnings: [] };
  if (file.snapshot === null) {
    out.reasons.push(
      fileFinding(name, "merge-unreadable", "error", `无法读取：${file.readError ?? "未知原因"}`, `cannot be read: ${file.readError ?? "unknown reason"}`),
    );
    return out;
  }
  const read = readWorkbook(file.snapshot);
  if (read.meta.sheets.length === 0) {
    out.reasons.push(
      fileFinding(name, "merge-not-planbook", "error", "不是 Planbook 生成的报表（没有元数据）", "is not a Planbook workbook (no metadata)"),
    );
    return out;
  }
  const citySheets = read.meta.sheets.filter((s) => childOf(s.scope)?.kind === rollup.childKind);
  if (citySheets.length === 0) {
    const scopes = [...new Set(read.meta.sheets.map((s) => s.scope))].join("、");
    const other = read.meta.sheets.map((s) => childOf(s.scope)?.kind).find((kind) => kind !== undefined);
    // Files of another level than the others (a county's among cities') are a finding of their own.
    out.reasons.push(
      other
        ? fileFinding(
            name,
            "merge-mixed-levels",
            "error",
            `是${LEVEL_WORD[other]}报表（范围：${scopes}），本次汇总的是${LEVEL_WORD[rollup.childKind]}报表，不能混在一起汇总`,
            `is a ${other} workbook (scope: ${scopes}) among ${rollup.childKind} workbooks: levels cannot be mixed`,
            { value: scopes },
          )
        : fileFinding(name, "merge-not-city", "error", `不是${LEVEL_WORD[rollup.childKind]}报表（范围：${scopes}）`, `is not a ${rollup.childKind} workbook (scope: ${scopes})`),
    );
    return out;
  }
  const samePeriod = citySheets.filter((s) => normalisedPeriod(s.period) === period);
  const sameRevision = citySheets.filter((s) => s.revision === revision.revision);
  const matching = samePeriod.filter((s) => s.revision === revision.revision);
  if (matching.length === 0) {
    out.record = citySheets[0];
    if (samePeriod.length === 0) {
      const periods = [...new Set(citySheets.map((s) => s.period))].join("、");
      out.reasons.push(
        fileFinding(name, "merge-other-period", "error", `是报告期 ${periods} 的报表，不是 ${period}`, `is for period ${periods}, not ${period}`, {
          sheet: citySheets[0].sheet,
          value: periods,
        }),
      );
    }
    if (sameRevision.length === 0) {
      const revisions = [...new Set(citySheets.map((s) => s.revision))].join("、");
      out.reasons.push(
        fileFinding(
          name,
          "merge-other-revision",
          "error",
          `按计划版本 ${revisions} 生成，不是当前版本 ${revision.revision}（请先升级）`,
          `was made from revision ${revisions}, not ${revision.revision} (upgrade it first)`,
          { sheet: citySheets[0].sheet, value: revisions },
        ),
      );
    }
    if (out.reasons.length === 0) {
      out.reasons.push(
        fileFinding(
          name,
          "merge-other-period",
          "error",
          `没有报告期 ${period}、计划版本 ${revision.revision} 的市级报表`,
          `has no city sheet for period ${period} and revision ${revision.revision}`,
          { sheet: citySheets[0].sheet },
        ),
      );
    }
    return out;
  }
  if (matching.length > 1) {
    const sheets = matching.map((s) => s.sheet).join("」「");
    out.record = matching[0];
    out.reasons.push(
      fileFinding(name, "merge-several-sheets", "error", `含多张同期市级报表「${sheets}」，无法确定汇总哪一张`, `holds several city sheets for the period ("${sheets}")`, {
        value: sheets,
      }),
    );
    return out;
  }
  const record = matching[0];
  out.record = record;
  const city = childOf(record.scope)?.name ?? "";
  if (!rollup.children.includes(city)) {
    const whose = rollup.parent.kind === "province" ? "计划中的市" : rollup.childKind === "county" ? `${(rollup.parent as { city: string }).city}的县（市、区）` : `${(rollup.parent as { unit: string }).unit}牵头指标的配合单位`;
    out.reasons.push(
      fileFinding(name, "merge-unknown-city", "error", `的「${city}」不是${whose}`, `"${city}" is not one of the ${CHILD_WORD[rollup.childKind].en} of this summary`, {
        sheet: record.sheet,
        value: city,
      }),
    );
    return out;
  }
  out.city = city;
  for (const finding of read.findings.filter((f) => f.sheet === record.sheet)) {
    out.reasons.push({ ...finding, message: `文件「${name}」：${finding.message}`, file: name });
  }
  const report = read.reports.find((r) => r.name === record.sheet) ?? null;
  out.report = report;
  if (!report) return out;
  const quotas = new Map(revision.quotas.map((q) => [q.id, q]));
  for (const row of report.rows) {
    const quota = quotas.get(row.quotaId);
    if (!quota) {
      out.reasons.push(
        fileFinding(name, "merge-unknown-quota", "error", `工作表「${report.name}」第 ${row.row} 行的指标编号 ${row.quotaId} 不在计划中`, `quota id ${row.quotaId} on row ${row.row} of ${report.name} is not in the plan`, {
          sheet: report.name,
          cell: report.address(row, "id"),
          quotaId: row.quotaId,
          value: row.quotaId,
        }),
      );
      continue;
    }
    out.reasons.push(...planTargetFindings(revision, name, childScope(rollup, city), report, row, quota, splits, geography));
  }
  // A changed target stops the file (the summary's targets come from the plan, the file's would
  // disagree); everything else the checks find is the file's own count for the aggregator to weigh.
  const checked = ownFindings(name, file.snapshot, record, revision);
  out.reasons.push(...checked.filter((f) => f.rule === "target-changed"));
  out.warnings.push(...checked.filter((f) => f.rule !== "target-changed"));
  return out;
}

/** Every scope the readable files' metadata names: the files say which level is merged. */
function filesScopes(files: MergeInputFile[]): string[] {
  return files.flatMap((file) => (file.snapshot ? readMeta(file.snapshot).sheets.map((s) => s.scope) : []));
}

/** The roll-up the files ask for (see rollupOfFiles). */
export function rollupForFiles(files: MergeInputFile[], revision: PlanRevision, geography?: Geography): Rollup {
  return rollupOfFiles(filesScopes(files), revision, geography);
}

/** Says which files can be merged into the summary of `context.period`, and why the others cannot. */
export function canMerge(files: MergeInputFile[], context: MergeContext): MergePlan {
  const { revision } = context;
  const period = canonicalPeriod(context.period);
  const splits = context.splits ?? [];
  const existing = context.existing ?? null;
  const usableExisting = stateFor(existing, period, revision.revision);
  const batchFindings: Finding[] = [];
  if (existing && !usableExisting) {
    batchFindings.push({
      rule: "merge-summary-reset",
      severity: "info",
      sheet: SUMMARY_SHEET,
      cell: null,
      quotaId: null,
      message: `现有汇总是报告期 ${existing.period}、版本 ${existing.revision} 的，将整体重建 / the existing summary (period ${existing.period}, revision ${existing.revision}) will be rebuilt`,
      value: existing.period,
    });
  }

  const rollup = context.rollup ?? rollupForFiles(files, revision, context.geography);
  const examined = files.map((file) => examine(file, revision, period, splits, rollup, context.geography));
  const chosen = context.chosen ? new Set(context.chosen) : null;
  for (const entry of examined) {
    if (chosen && !chosen.has(entry.file.name) && entry.reasons.length === 0) {
      entry.reasons.push(
        fileFinding(entry.file.name, "merge-declined", "info", "汇总人未采用", "not chosen by the aggregator", {
          sheet: entry.record?.sheet ?? "",
        }),
      );
    }
  }
  const candidates = examined.filter((e) => e.reasons.length === 0);
  const byCity = new Map<string, Examined[]>();
  for (const entry of candidates) byCity.set(entry.city as string, [...(byCity.get(entry.city as string) ?? []), entry]);
  for (const [city, entries] of byCity) {
    if (entries.length < 2) continue;
    const replacing = entries.filter((e) => e.file.replace === true);
    const kept = replacing.length === 1 ? replacing[0] : null;
    const names = entries.map((e) => e.file.name).join("」「");
    for (const entry of entries) {
      if (entry === kept) continue;
      entry.reasons.push(
        fileFinding(
          entry.file.name,
          "merge-duplicate-city",
          "error",
          kept
            ? `与「${kept.file.name}」同为${city}的报表，汇总人指定采用后者`
            : `与其他文件重复：「${names}」都是${city}的报表，请只保留一份（或指定替换）`,
          kept
            ? `is another workbook of ${city}; the aggregator chose "${kept.file.name}"`
            : `duplicates another file: "${names}" are all workbooks of ${city}; keep one (or mark a replacement)`,
          { sheet: entry.record?.sheet ?? "", value: names },
        ),
      );
    }
  }

  const accepted: AcceptedFile[] = [];
  const rejected: RejectedFile[] = [];
  const replacements: Finding[] = [];
  for (const entry of examined) {
    if (entry.reasons.length > 0 || !entry.report || !entry.record || !entry.city) {
      rejected.push({ file: entry.file, record: entry.record, reasons: entry.reasons });
      continue;
    }
    const previous = usableExisting?.cities.find((c) => c.city === entry.city) ?? null;
    if (previous) {
      replacements.push(
        fileFinding(
          entry.file.name,
          "merge-replaces-city",
          "info",
          `将替换汇总中${entry.city}的数据（原来自「${previous.file}」）`,
          `replaces the figures of ${entry.city} in the summary (from "${previous.file}")`,
          { sheet: SUMMARY_SHEET, value: previous.file },
        ),
      );
    }
    accepted.push({
      file: entry.file,
      name: entry.file.name,
      city: entry.city,
      record: entry.record,
      report: entry.report,
      findings: entry.warnings,
      counts: countBySeverity(entry.warnings),
      replaces: previous ? previous.file : null,
    });
  }

  const filled = new Set([...accepted.map((a) => a.city), ...(usableExisting?.cities.map((c) => c.city) ?? [])]);
  const missing = rollup.children.filter((city) => !filled.has(city));
  if (missing.length > 0) {
    const word = CHILD_WORD[rollup.childKind];
    batchFindings.push({
      rule: "merge-city-missing",
      severity: "warning",
      sheet: SUMMARY_SHEET,
      cell: null,
      quotaId: null,
      message: `尚缺 ${missing.length} 个${word.zh}的报表：${missing.join("、")} / ${missing.length} ${word.en} have not reported: ${missing.join(", ")}`,
      value: missing.join("、"),
    });
  }
  return {
    rollup,
    accepted,
    rejected,
    findings: [...rejected.flatMap((r) => r.reasons), ...accepted.flatMap((a) => a.findings), ...replacements, ...batchFindings],
  };
}
