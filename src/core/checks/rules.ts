import type { Finding, Severity } from "../findings";
import type { CellValue } from "../template/spec";

/**
 * Every rule the checks report: its severity and what it means, in one table (the audit sheet
 * and the task pane count findings by it, in this order).
 *
 * Errors block submission. Warnings are about a plausible but surprising figure: every warning
 * belongs to one quota row, and a non-blank 说明 in that row explains it, so it is then NOT
 * reported at all (an explained figure is not a problem to count; the 说明 itself is in the sheet
 * for the auditor to read). Errors are never cleared by a 说明.
 */
export const RULES = {
  "meta-missing": { severity: "error", zh: "不是 Planbook 工作簿（缺少元数据）", en: "not a Planbook workbook (no metadata)" },
  "sheet-missing": { severity: "error", zh: "填报表缺失或被改名", en: "report sheet missing or renamed" },
  "header-missing": { severity: "error", zh: "表头缺失或被改动", en: "header row missing or changed" },
  "column-missing": { severity: "error", zh: "表头缺少列（列被删除或标题被改动）", en: "column missing (deleted or retitled)" },
  "row-missing": { severity: "error", zh: "指标行缺失（编号被删除或覆盖）", en: "quota row missing (id deleted or overwritten)" },
  "unknown-revision": { severity: "error", zh: "未知的计划版本", en: "unknown plan revision" },
  "wrong-revision": { severity: "error", zh: "计划版本不符", en: "wrong plan revision" },
  "wrong-scope": { severity: "error", zh: "填报范围不符", en: "wrong scope" },
  "wrong-period": { severity: "error", zh: "报告期不符", en: "wrong period" },
  "id-changed": { severity: "error", zh: "指标编号被改动", en: "quota id changed" },
  "target-changed": { severity: "error", zh: "目标值被改动", en: "target changed" },
  "formula-changed": { severity: "error", zh: "公式被改动或覆盖", en: "formula changed or overwritten" },
  "merged-cells": { severity: "error", zh: "指标行中有合并单元格", en: "merged cells in a quota row" },
  "not-a-number": { severity: "error", zh: "不是数字", en: "not a number" },
  "date-in-number": { severity: "error", zh: "数字单元格中填的是日期", en: "a date in a number cell" },
  "error-value": { severity: "error", zh: "单元格是错误值", en: "an error value in the cell" },
  "formula-without-value": { severity: "error", zh: "公式没有计算结果", en: "a formula without a computed value" },
  "duplicate-row": { severity: "error", zh: "指标行重复（同一编号出现两次）", en: "quota row duplicated (same id twice)" },
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

/** Text from a cell as a message quotes it: blank said as such, and long text cut (a message lands in one Excel cell). */
export function quote(value: CellValue): string {
  if (value === null || value === "") return "（空）";
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A finding of a rule; the message names the cell first, in Chinese then English. */
export function finding(
  rule: RuleId,
  at: { sheet: string; cell: string | null; quotaId: string | null },
  value: CellValue,
  detail: { zh: string; en: string },
  suggestion?: number,
): Finding {
  const where = at.cell ? `${at.cell}：` : "";
  const whereEn = at.cell ? `${at.cell}: ` : "";
  return {
    rule,
    severity: RULES[rule].severity,
    sheet: at.sheet,
    cell: at.cell,
    quotaId: at.quotaId,
    message: `${where}${detail.zh} / ${whereEn}${detail.en}`,
    value,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

/** Counts by rule, in the order of the rule table (for the audit sheet and the pane). */
export function countByRule(findings: Finding[]): { rule: RuleId; severity: Severity; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return (Object.keys(RULES) as RuleId[])
    .filter((rule) => counts.has(rule))
    .map((rule) => ({ rule, severity: RULES[rule].severity as Severity, count: counts.get(rule) as number }));
}
