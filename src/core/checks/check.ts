import { parseCell } from "../a1";
import type { Finding, Severity } from "../findings";
import { comparePeriods, parsePeriod, timeProgress, type Period } from "../period";
import type { PlanRevision, Quota } from "../plan/types";
import { type ReportRow, type ReportSheet, readWorkbook } from "../report";
import type { WorkbookSnapshot } from "../snapshot";
import { rowFormulas } from "../template/build";
import { BEHIND_THRESHOLD, type ColumnKey, IMPLAUSIBLE_MULTIPLE, MILESTONE_STATUSES } from "../template/columns";
import { rowFingerprint } from "../template/meta";
import type { CellValue } from "../template/spec";
import { expectedInput, isCountUnit } from "../units";
import { parseNumberInput } from "./number";

/** Every rule: its severity and what it means, in one table (the audit sheet counts by it). */
export const RULES = {
  "meta-missing": { severity: "error", zh: "不是 Planbook 工作簿（缺少元数据）", en: "not a Planbook workbook (no metadata)" },
  "sheet-missing": { severity: "error", zh: "填报表缺失或被改名", en: "report sheet missing or renamed" },
  "header-missing": { severity: "error", zh: "表头缺失或被改动", en: "header row missing or changed" },
  "row-missing": { severity: "error", zh: "指标行缺失（编号被删除或覆盖）", en: "quota row missing (id deleted or overwritten)" },
  "unknown-revision": { severity: "error", zh: "未知的计划版本", en: "unknown plan revision" },
  "wrong-revision": { severity: "error", zh: "计划版本不符", en: "wrong plan revision" },
  "wrong-scope": { severity: "error", zh: "填报范围不符", en: "wrong scope" },
  "wrong-period": { severity: "error", zh: "报告期不符", en: "wrong period" },
  "target-changed": { severity: "error", zh: "目标值被改动", en: "target changed" },
  "formula-changed": { severity: "error", zh: "公式被改动或覆盖", en: "formula changed or overwritten" },
  "not-a-number": { severity: "error", zh: "不是数字", en: "not a number" },
  negative: { severity: "error", zh: "负数", en: "negative" },
  "fraction-in-count": { severity: "error", zh: "计数应为整数", en: "fraction where a count is expected" },
  "ratio-out-of-range": { severity: "error", zh: "比例超出 0%–100%", en: "ratio outside 0%–100%" },
  "cumulative-below-period": { severity: "error", zh: "累计完成小于本期完成", en: "cumulative below this period" },
  "status-not-in-list": { severity: "error", zh: "进展状态不在列表中", en: "status not in the list" },
  "required-blank": { severity: "error", zh: "期末必填项为空", en: "required input blank at the end of the period" },
  "behind-schedule": { severity: "warning", zh: "完成进度明显落后于序时进度", en: "well behind time-progress" },
  "far-above-target": { severity: "warning", zh: "完成值远超目标，请核实", en: "implausibly far above target" },
  "cumulative-decreased": { severity: "warning", zh: "累计完成低于上期", en: "cumulative lower than an earlier period" },
  "cities-not-adding-up": { severity: "warning", zh: "各市之和与全省不符", en: "cities do not add up to the province" },
} as const satisfies Record<string, { severity: Severity; zh: string; en: string }>;

export type RuleId = keyof typeof RULES;

export interface CheckContext {
  /** Plan revisions the checker knows; a sheet's metadata names one. */
  revisions: PlanRevision[];
  /** What the caller expects; a sheet made for another revision, scope or period is an error. */
  expected?: { revision?: string; scope?: string; period?: string };
  /** At the end of a period (submitting), a blank required input is an error. */
  endOfPeriod?: boolean;
}

const show = (value: CellValue): string => (value === null || value === "" ? "（空）" : String(value));

function finding(rule: RuleId, sheet: string, cell: string | null, quotaId: string | null, value: CellValue, detail: { zh: string; en: string }, suggestion?: number): Finding {
  const where = cell ? `${cell}：` : "";
  const whereEn = cell ? `${cell}: ` : "";
  return {
    rule,
    severity: RULES[rule].severity,
    sheet,
    cell,
    quotaId,
    message: `${where}${detail.zh} / ${whereEn}${detail.en}`,
    value,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

const isBlank = (value: CellValue): boolean => value === null || value === "" || (typeof value === "string" && value.trim() === "");

/** The number in a cell when it is one (a finding is made elsewhere when it is not). */
const numberIn = (value: CellValue): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** Checks one typed numeric value against what the quota expects. */
function checkNumber(report: ReportSheet, row: ReportRow, key: ColumnKey, quota: Quota): Finding[] {
  const value = row.values[key];
  const cell = report.address(row, key);
  const expected = expectedInput(quota);
  const parsed = parseNumberInput(value, quota.unit?.startsWith("万") ?? false);
  if (!parsed.ok) {
    if (parsed.reason === "blank") return [];
    const suggestion = "suggestion" in parsed ? parsed.suggestion : undefined;
    return [
      finding("not-a-number", report.name, cell, row.quotaId, value, {
        zh: `填写的「${show(value)}」不是数字，应为${expected.zh}${suggestion === undefined ? "" : `；可改为 ${suggestion}`}`,
        en: `"${show(value)}" is not a number; expected ${expected.en}${suggestion === undefined ? "" : `; did you mean ${suggestion}?`}`,
      }, suggestion),
    ];
  }
  const n = parsed.value;
  if (n < 0) return [finding("negative", report.name, cell, row.quotaId, value, { zh: `「${n}」为负数，应为${expected.zh}`, en: `${n} is negative; expected ${expected.en}` })];
  if (quota.kind === "ratio" && n > 1) {
    return [finding("ratio-out-of-range", report.name, cell, row.quotaId, value, { zh: `「${n}」超过 100%，应为${expected.zh}`, en: `${n} is above 100%; expected ${expected.en}` })];
  }
  if (isCountUnit(quota.unit) && !Number.isInteger(n)) {
    return [finding("fraction-in-count", report.name, cell, row.quotaId, value, { zh: `「${n}」不是整数，应为${expected.zh}`, en: `${n} is not whole; expected ${expected.en}` }, Math.round(n))];
  }
  return [];
}

interface SheetContext {
  report: ReportSheet;
  revision: PlanRevision | null;
  period: Period | null;
  quotas: Map<string, Quota>;
}

const FORMULA_KEYS = ["completion", "progress", "state"] as const;

function formulasOf(row: ReportRow): string[] {
  return FORMULA_KEYS.map((key) => String(row.formulas[key] ?? ""));
}

function sheetContext(report: ReportSheet, context: CheckContext): SheetContext {
  const revision = context.revisions.find((r) => r.revision === report.record.revision) ?? null;
  let period: Period | null = null;
  try {
    period = parsePeriod(report.record.period);
  } catch {
    period = null;
  }
  return { report, revision, period, quotas: new Map((revision?.quotas ?? []).map((q) => [q.id, q])) };
}

/** What the sheet's metadata says against what the caller expects and knows. */
function checkSheetIdentity(sheet: SheetContext, context: CheckContext): Finding[] {
  const { report } = sheet;
  const out: Finding[] = [];
  const record = report.record;
  if (!sheet.revision) {
    out.push(finding("unknown-revision", report.name, null, null, record.revision, { zh: `工作表按未知的计划版本「${record.revision}」生成`, en: `made from an unknown plan revision "${record.revision}"` }));
  }
  const expected = context.expected ?? {};
  const mismatches: [RuleId, string | undefined, string][] = [
    ["wrong-revision", expected.revision, record.revision],
    ["wrong-scope", expected.scope, record.scope],
    ["wrong-period", expected.period, record.period],
  ];
  for (const [rule, want, have] of mismatches) {
    if (want !== undefined && want !== have) {
      out.push(finding(rule, report.name, null, null, have, { zh: `应为「${want}」，实为「${have}」`, en: `expected "${want}", found "${have}"` }));
    }
  }
  return out;
}

/** Tampering: the row's id, target and formulas against the fingerprint recorded at generation. */
function checkIntegrity(sheet: SheetContext, row: ReportRow): Finding[] {
  const { report } = sheet;
  const actual = rowFingerprint(row.quotaId, row.values.target, formulasOf(row), row.row);
  if (actual === row.record.fingerprint) return [];
  if (String(row.values.target ?? "") !== String(row.record.target ?? "")) {
    return [
      finding("target-changed", report.name, report.address(row, "target"), row.quotaId, row.values.target, {
        zh: `目标值应为「${show(row.record.target)}」，现为「${show(row.values.target)}」`,
        en: `target should be ${show(row.record.target)}, found ${show(row.values.target)}`,
      }),
    ];
  }
  // Only a row whose fingerprint differs pays for rebuilding what was generated for it.
  const quota = sheet.quotas.get(row.quotaId);
  if (quota && sheet.revision && sheet.period) {
    const generated = rowFormulas(quota, row.row, timeProgress(sheet.period, quota.year, sheet.revision.startYear));
    if (rowFingerprint(row.quotaId, row.record.target, generated, row.row) === actual) return [];
  }
  const changedKey = FORMULA_KEYS.find((key) => !String(row.formulas[key] ?? "").startsWith("=")) ?? "completion";
  return [
    finding("formula-changed", report.name, report.address(row, changedKey), row.quotaId, row.formulas[changedKey], {
      zh: `公式被改动或被数值覆盖（现为「${show(row.formulas[changedKey])}」），请重新生成模板`,
      en: `a formula was changed or pasted over (now "${show(row.formulas[changedKey])}"); generate the template again`,
    }),
  ];
}

function checkRow(sheet: SheetContext, row: ReportRow, context: CheckContext): Finding[] {
  const { report } = sheet;
  const quota = sheet.quotas.get(row.quotaId);
  const out = checkIntegrity(sheet, row);
  if (!quota) return out;
  const noteGiven = !isBlank(row.values.note);
  if (quota.kind === "milestone") {
    const status = row.values.status;
    if (!isBlank(status) && !(MILESTONE_STATUSES as readonly string[]).includes(String(status).trim())) {
      out.push(finding("status-not-in-list", report.name, report.address(row, "status"), row.quotaId, status, {
        zh: `「${show(status)}」不是有效状态，应为${MILESTONE_STATUSES.join("、")}之一`,
        en: `"${show(status)}" is not a status; expected one of ${MILESTONE_STATUSES.join(", ")}`,
      }));
    }
    if (context.endOfPeriod && isBlank(status)) {
      out.push(finding("required-blank", report.name, report.address(row, "status"), row.quotaId, status, { zh: "期末须填写进展状态", en: "the status is required at the end of the period" }));
    }
    return out;
  }
  const numericKeys: ColumnKey[] = quota.kind === "ratio" ? ["cumulative"] : ["period", "cumulative"];
  const problems = numericKeys.flatMap((key) => checkNumber(report, row, key, quota));
  out.push(...problems);
  const cumulative = numberIn(row.values.cumulative);
  const thisPeriod = numberIn(row.values.period);
  if (context.endOfPeriod && isBlank(row.values.cumulative)) {
    out.push(finding("required-blank", report.name, report.address(row, "cumulative"), row.quotaId, row.values.cumulative, { zh: "期末须填写累计完成", en: "the cumulative figure is required at the end of the period" }));
  }
  if (problems.length > 0 || cumulative === null) return out;
  if (thisPeriod !== null && quota.kind !== "ratio" && cumulative < thisPeriod) {
    out.push(finding("cumulative-below-period", report.name, report.address(row, "cumulative"), row.quotaId, cumulative, {
      zh: `累计完成 ${cumulative} 小于本期完成 ${thisPeriod}`,
      en: `cumulative ${cumulative} is below this period's ${thisPeriod}`,
    }));
  }
  const target = numberIn(row.values.target);
  if (noteGiven || target === null || target <= 0 || !sheet.revision || !sheet.period) return out;
  const completion = cumulative / target;
  const progress = timeProgress(sheet.period, quota.year, sheet.revision.startYear);
  const expectedShare = progress.elapsed / progress.span;
  if (completion < expectedShare - BEHIND_THRESHOLD) {
    out.push(finding("behind-schedule", report.name, report.address(row, "cumulative"), row.quotaId, cumulative, {
      zh: `完成率 ${(completion * 100).toFixed(1)}% 落后序时进度 ${(expectedShare * 100).toFixed(1)}% 超过 ${BEHIND_THRESHOLD * 100} 个百分点，请在说明中解释`,
      en: `completion ${(completion * 100).toFixed(1)}% trails time-progress ${(expectedShare * 100).toFixed(1)}% by more than ${BEHIND_THRESHOLD * 100} points; explain in 说明`,
    }));
  }
  if (cumulative > IMPLAUSIBLE_MULTIPLE * target) {
    out.push(finding("far-above-target", report.name, report.address(row, "cumulative"), row.quotaId, cumulative, {
      zh: `累计完成 ${cumulative} 超过目标 ${target} 的 ${IMPLAUSIBLE_MULTIPLE} 倍，请核实或在说明中解释`,
      en: `cumulative ${cumulative} is over ${IMPLAUSIBLE_MULTIPLE}× the target ${target}; check it or explain in 说明`,
    }));
  }
  return out;
}

/** A figure lower than the same quota's in an earlier period's sheet of the same scope. */
function checkAgainstEarlier(sheets: SheetContext[]): Finding[] {
  const out: Finding[] = [];
  for (const sheet of sheets) {
    if (!sheet.period) continue;
    const earlier = sheets.filter(
      (other) => other !== sheet && other.period && other.report.record.scope === sheet.report.record.scope && comparePeriods(other.period, sheet.period as Period) < 0,
    );
    if (earlier.length === 0) continue;
    const earlierRows = earlier.map((other) => ({ other, rows: new Map(other.report.rows.map((r) => [r.quotaId, r])) }));
    for (const row of sheet.report.rows) {
      const quota = sheet.quotas.get(row.quotaId);
      const now = numberIn(row.values.cumulative);
      if (!quota || now === null || quota.kind === "milestone" || !isBlank(row.values.note)) continue;
      for (const { other, rows } of earlierRows) {
        // An every-year figure starts again each January: only compare within one year.
        if (quota.kind === "annual" && other.period?.year !== sheet.period.year) continue;
        const before = numberIn(rows.get(row.quotaId)?.values.cumulative ?? null);
        if (before !== null && now < before) {
          out.push(finding("cumulative-decreased", sheet.report.name, sheet.report.address(row, "cumulative"), row.quotaId, now, {
            zh: `累计完成 ${now} 低于「${other.report.name}」的 ${before}`,
            en: `cumulative ${now} is below ${before} in "${other.report.name}"`,
          }));
          break;
        }
      }
    }
  }
  return out;
}

/** City sheets of a period against the province sheet of the same period, where all cities are present. */
function checkCitiesAddUp(sheets: SheetContext[]): Finding[] {
  const out: Finding[] = [];
  for (const province of sheets.filter((s) => s.report.record.scope === "province" && s.revision)) {
    const cities = (province.revision as PlanRevision).cities;
    const citySheets = cities.map((city) =>
      sheets.find((s) => s.report.record.scope === `city:${city}` && s.report.record.period === province.report.record.period),
    );
    if (cities.length === 0 || citySheets.some((s) => s === undefined)) continue;
    const cityRows = (citySheets as SheetContext[]).map((s) => new Map(s.report.rows.map((r) => [r.quotaId, r])));
    for (const row of province.report.rows) {
      const total = numberIn(row.values.cumulative);
      if (total === null || !isBlank(row.values.note)) continue;
      const parts = cityRows.map((rows) => numberIn(rows.get(row.quotaId)?.values.cumulative ?? null));
      if (parts.some((p) => p === null)) continue;
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - total) > 1e-6 * Math.max(1, Math.abs(total))) {
        out.push(finding("cities-not-adding-up", province.report.name, province.report.address(row, "cumulative"), row.quotaId, total, {
          zh: `全省 ${total} 与各市之和 ${Number(sum.toFixed(6))} 不符`,
          en: `the province's ${total} differs from the cities' sum ${Number(sum.toFixed(6))}`,
        }));
      }
    }
  }
  return out;
}

/** Every check over every Planbook sheet of a workbook snapshot. Never throws on cell values. */
export function checkWorkbook(snapshot: WorkbookSnapshot, context: CheckContext): Finding[] {
  const read = readWorkbook(snapshot);
  if (read.meta.sheets.length === 0) {
    return [finding("meta-missing", "", null, null, null, { zh: "工作簿中没有 Planbook 元数据，无法识别填报表", en: "the workbook has no Planbook metadata" })];
  }
  const structural = read.findings.map((f) => ({ ...f, severity: RULES[f.rule as RuleId]?.severity ?? f.severity }));
  const sheets = read.reports.map((report) => sheetContext(report, context));
  return [
    ...structural,
    ...sheets.flatMap((sheet) => [...checkSheetIdentity(sheet, context), ...sheet.report.rows.flatMap((row) => checkRow(sheet, row, context))]),
    ...checkAgainstEarlier(sheets),
    ...checkCitiesAddUp(sheets),
  ];
}

/** The findings for the rows of the given cells only (live checking as a person types). */
export function checkCells(snapshot: WorkbookSnapshot, sheet: string, addresses: string[], context: CheckContext): Finding[] {
  const rows = new Set(addresses.map((address) => parseCell(address).row));
  return checkWorkbook(snapshot, context).filter((f) => f.sheet === sheet && f.cell !== null && rows.has(parseCell(f.cell).row));
}

/** Counts by rule, in the order of the rule table (for the audit sheet and the pane). */
export function countByRule(findings: Finding[]): { rule: RuleId; severity: Severity; count: number }[] {
  return (Object.keys(RULES) as RuleId[])
    .map((rule) => ({ rule, severity: RULES[rule].severity as Severity, count: findings.filter((f) => f.rule === rule).length }))
    .filter((entry) => entry.count > 0);
}
