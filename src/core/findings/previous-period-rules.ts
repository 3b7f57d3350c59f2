import { rule } from "./rule-definition";

/**
 * For the auditor: a sheet against the previous period's file of the same scope (`planbook check
 * --previous`, the pane's audit with the previous file) — a running total that fell, a milestone
 * that went back, a quota gone.
 */

export const PREVIOUS_PERIOD_RULES = {
  // Checks across files: a sheet against the previous period's file of the same scope (`planbook check --previous`).
  /** `found`: the periods of the previous file's sheets of the same scope. */
  "previous-not-matching": rule<{ file: string; scope: string; period: string; found: readonly string[] }>({
    severity: "error",
    area: "sheet",
    zh: "上期文件中没有对应的上一报告期",
    en: "no earlier period of the same scope in the previous file",
    clearedBy: "correction",
    message: (p) => ({
      zh: `上期文件「${p.file}」中没有「${p.scope}」早于 ${p.period} 的报表（其中为：${p.found.length > 0 ? p.found.join("、") : "无"}）`,
      en: `the previous file "${p.file}" has no sheet of "${p.scope}" for a period before ${p.period} (it has: ${p.found.length > 0 ? p.found.join(", ") : "none"})`,
    }),
  }),
  "cumulative-fell": rule<{ cumulative: number; before: number; previousPeriod: string }>({
    severity: "error",
    area: "sheet",
    zh: "累计完成比上期减少",
    en: "cumulative fell since the previous period",
    clearedBy: "correction",
    message: (p) => ({
      zh: `累计完成 ${p.cumulative} 低于上期（${p.previousPeriod}）的 ${p.before}：累计数不能减少，请更正`,
      en: `cumulative ${p.cumulative} is below ${p.before} in the previous period (${p.previousPeriod}); a running total cannot fall`,
    }),
  }),
  /** `part`: 分子 / 分母; `previousPeriod`: the period (or sheet) the earlier figure is from. */
  "part-fell": rule<{ part: string; figure: number; before: number; previousPeriod: string }>({
    severity: "warning",
    area: "sheet",
    zh: "比例的分子或分母比上期减少",
    en: "a ratio's numerator or denominator fell since the previous period",
    clearedBy: "note",
    message: (p) => ({
      zh: `${p.part} ${p.figure} 低于上期（${p.previousPeriod}）的 ${p.before}，请核实或在说明中解释（如企业注销）`,
      en: `the ${p.part === "分子" ? "numerator" : "denominator"} ${p.figure} is below ${p.before} in the previous period (${p.previousPeriod}); check it or explain in 说明 (enterprises closed…)`,
    }),
  }),
  "milestone-went-back": rule<{ status: string; before: string; previousPeriod: string }>({
    severity: "error",
    area: "sheet",
    zh: "里程碑状态倒退",
    en: "milestone went back",
    clearedBy: "correction",
    message: (p) => ({
      zh: `进展状态为「${p.status}」，上期（${p.previousPeriod}）已是「${p.before}」，状态不能倒退`,
      en: `status is "${p.status}" but was already "${p.before}" in the previous period (${p.previousPeriod})`,
    }),
  }),
  "quota-disappeared": rule<{ previousPeriod: string; name: string }>({
    severity: "error",
    area: "sheet",
    zh: "上期有的指标本期缺失",
    en: "a quota of the previous period is gone",
    clearedBy: "correction",
    message: (p) => ({
      zh: `上期（${p.previousPeriod}）的指标「${p.name}」在本期报表中找不到`,
      en: `the quota "${p.name}" of the previous period (${p.previousPeriod}) is not in this sheet`,
    }),
  }),
  "figure-jumped": rule<{ cumulative: number; before: number; previousPeriod: string }>({
    severity: "warning",
    area: "sheet",
    zh: "与上期相比变化异常，请在说明中解释",
    en: "implausible change since the previous period",
    clearedBy: "note",
    message: (p) => ({
      zh: `累计完成从上期（${p.previousPeriod}）的 ${p.before} 变为 ${p.cumulative}，变化异常，请核实或在说明中解释`,
      en: `cumulative went from ${p.before} in the previous period (${p.previousPeriod}) to ${p.cumulative}; check it or explain in 说明`,
    }),
  }),
} as const;
