import { type ParamValue, quote, rule } from "./rule-definition";
import type { QuotaKind } from "../plan/types";
import { expectedInput } from "../plan/quota-units";
import { STATUS_THRESHOLDS, IMPLAUSIBLE_MULTIPLE, MILESTONE_STATUSES, OUTLIER_MULTIPLE } from "../template/columns";
import type { CellValue } from "../template/spec";

/**
 * For the official filling in a sheet: what they typed into its input cells — figures that cannot
 * be right (errors, to correct), and plausible but surprising ones (warnings, each about one quota
 * row, that its 说明 explains). Reported by `check` and by live checking, cell by cell.
 */

/** What a cell of a quota of this kind and unit expects (the parameters of the number rules). */
interface Expecting extends Record<string, ParamValue> {
  kind: QuotaKind;
  unit: string | null;
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

export const INPUT_RULES = {
  // What a person typed.
  /** `plausible` false: a number, but no figure a plan reports (1e308, a pasted id). */
  "not-a-number": rule<Expecting & { found: CellValue; plausible: boolean; suggestion: number | null }>({
    severity: "error",
    area: "sheet",
    zh: "不是数字",
    en: "not a number",
    clearedBy: "correction",
    message: (p) => {
      const expected = expectedInput(p);
      if (!p.plausible) {
        return { zh: `「${quote(p.found)}」不是合理的数值，应为${expected.zh}`, en: `${quote(p.found)} is not a plausible figure; expected ${expected.en}` };
      }
      return {
        zh: `填写的「${quote(p.found)}」不是数字，应为${expected.zh}${p.suggestion === null ? "" : `；可改为 ${p.suggestion}`}`,
        en: `"${quote(p.found)}" is not a number; expected ${expected.en}${p.suggestion === null ? "" : `; did you mean ${p.suggestion}?`}`,
      };
    },
  }),
  /** A date typed into a number cell: its serial number would be summed as a figure. */
  "date-in-number": rule<Expecting & { found: CellValue; date: string }>({
    severity: "error",
    area: "sheet",
    zh: "数字单元格中填的是日期",
    en: "a date in a number cell",
    clearedBy: "correction",
    message: (p) => ({
      zh: `填的是日期 ${p.date}（单元格格式为日期），不是数字，应为${expectedInput(p).zh}；如是数字，请把单元格格式改为“常规”或“数值”`,
      en: `holds the date ${p.date} (the cell is formatted as a date), not a number; expected ${expectedInput(p).en}; if it is a figure, format the cell as General or Number`,
    }),
  }),
  "boolean-in-number": rule<Expecting & { found: CellValue }>({
    severity: "error",
    area: "sheet",
    zh: "数字单元格中填的是逻辑值",
    en: "TRUE or FALSE in a number cell",
    clearedBy: "correction",
    message: (p) => ({
      zh: `填的是逻辑值 ${p.found ? "TRUE" : "FALSE"}，不是数字，应为${expectedInput(p).zh}`,
      en: `holds the logical value ${p.found ? "TRUE" : "FALSE"}, not a number; expected ${expectedInput(p).en}`,
    }),
  }),
  "error-value": rule<Expecting & { found: CellValue }>({
    severity: "error",
    area: "sheet",
    zh: "单元格是错误值",
    en: "an error value in the cell",
    clearedBy: "correction",
    message: (p) => ({
      zh: `是错误值 ${quote(p.found)}（公式出错），不是数字，应为${expectedInput(p).zh}`,
      en: `holds the error ${quote(p.found)} (a formula failed), not a number; expected ${expectedInput(p).en}`,
    }),
  }),
  /** A formula the file holds no result for, that core/snapshot/formula.ts could not compute safely. */
  "formula-without-value": rule<{ formula: CellValue }>({
    severity: "error",
    area: "sheet",
    zh: "公式没有计算结果",
    en: "a formula without a computed value",
    clearedBy: "correction",
    message: (p) => ({
      zh: `公式「${quote(p.formula)}」在文件中没有计算结果（文件由程序生成，未在 Excel 中打开过），也无法可靠地计算：请在 Excel 中打开并保存，或直接填写数字`,
      en: `the formula "${quote(p.formula)}" has no computed value in the file (written by a program, never opened in Excel) and cannot be computed safely: open and save the file in Excel, or type the figure`,
    }),
  }),
  /** Text longer than an Excel cell holds (32,767 characters): only a program writes it, and Excel would not keep it whole. */
  "text-too-long": rule<{ length: number; limit: number }>({
    severity: "error",
    area: "sheet",
    zh: "文字超过单元格上限",
    en: "text longer than a cell holds",
    clearedBy: "correction",
    message: (p) => ({
      zh: `有 ${p.length} 个字符，超过 Excel 单元格最多可容纳的 ${p.limit} 个字符（Excel 不会完整保留）：请缩短，汇总中只显示前 ${p.limit} 个字符`,
      en: `holds ${p.length} characters, more than the ${p.limit} an Excel cell holds (Excel would not keep it whole): shorten it; a summary shows only the first ${p.limit}`,
    }),
  }),
  negative: rule<Expecting & { found: number }>({
    severity: "error",
    area: "sheet",
    zh: "负数",
    en: "negative",
    clearedBy: "correction",
    message: (p) => ({ zh: `「${p.found}」为负数，应为${expectedInput(p).zh}`, en: `${p.found} is negative; expected ${expectedInput(p).en}` }),
  }),
  "fraction-in-count": rule<Expecting & { found: number }>({
    severity: "error",
    area: "sheet",
    zh: "计数应为整数",
    en: "fraction where a count is expected",
    clearedBy: "correction",
    message: (p) => ({ zh: `「${p.found}」不是整数，应为${expectedInput(p).zh}`, en: `${p.found} is not whole; expected ${expectedInput(p).en}` }),
  }),
  "ratio-out-of-range": rule<Expecting & { found: number }>({
    severity: "error",
    area: "sheet",
    zh: "比例超出 0%–100%",
    en: "ratio outside 0%–100%",
    clearedBy: "correction",
    message: (p) => ({ zh: `「${p.found}」超过 100%，应为${expectedInput(p).zh}`, en: `${p.found} is above 100%; expected ${expectedInput(p).en}` }),
  }),
  "numerator-above-denominator": rule<{ numerator: number; denominator: number; denominatorCell: string | null }>({
    severity: "error",
    area: "sheet",
    zh: "分子大于分母",
    en: "numerator above denominator",
    clearedBy: "correction",
    message: (p) => ({
      zh: `分子「${p.numerator}」大于分母「${p.denominator}」${p.denominatorCell ? `（${p.denominatorCell}）` : ""}，比例不能超过 100%`,
      en: `the numerator ${p.numerator} is above the denominator ${p.denominator}${p.denominatorCell ? ` (${p.denominatorCell})` : ""}; a share cannot exceed 100%`,
    }),
  }),
  /** `part`, `partner`: 分子 / 分母. */
  "ratio-part-alone": rule<{ part: string; partner: string; partnerCell: string | null }>({
    severity: "error",
    area: "sheet",
    zh: "比例只填了分子或分母",
    en: "a ratio's numerator or denominator without the other",
    clearedBy: "correction",
    message: (p) => ({
      zh: `已填${p.part}，${p.partner}${p.partnerCell ? `（${p.partnerCell}）` : ""}为空：比例须分子、分母一并填写，缺一则两者均不计入汇总`,
      en: `the ${p.part === "分子" ? "numerator" : "denominator"} is filled but the ${p.partner === "分子" ? "numerator" : "denominator"}${p.partnerCell ? ` (${p.partnerCell})` : ""} is blank: a ratio needs both, and neither is summed without the other`,
    }),
  }),
  /** `unit`: 县 or 市, what is covered; `units`: how many the scope has (杭州市 13 counties). */
  "coverage-above-units": rule<{ covered: number; units: number; unit: string; scope: string }>({
    severity: "error",
    area: "sheet",
    zh: "覆盖数超过辖区单位数",
    en: "coverage above the number of units",
    clearedBy: "correction",
    message: (p) => ({
      zh: `覆盖${p.unit}数「${p.covered}」超过${p.scope}的${p.unit === "县" ? "县（市、区）" : "设区市"}数 ${p.units}：此处填已覆盖的${p.unit}数（每${p.unit}有即算 1 个），不是个数`,
      en: `${p.covered} ${p.unit === "县" ? "counties" : "cities"} covered is more than ${p.scope} has (${p.units}): type how many are covered (each counts once), not how many things there are`,
    }),
  }),
  "parts-exceed-total": rule<{ total: number; sum: number; parts: readonly string[] }>({
    severity: "error",
    area: "sheet",
    zh: "其中各项之和超过总数",
    en: "parts exceed their total",
    clearedBy: "correction",
    message: (p) => ({
      zh: `其中各项（${p.parts.join("、")}）之和 ${p.sum} 超过总数 ${p.total}`,
      en: `the parts (${p.parts.join(", ")}) add up to ${p.sum}, more than the total ${p.total}`,
    }),
  }),
  "cumulative-below-period": rule<{ cumulative: number; period: number }>({
    severity: "error",
    area: "sheet",
    zh: "累计完成小于本期完成",
    en: "cumulative below this period",
    clearedBy: "correction",
    message: (p) => ({
      zh: `累计完成 ${p.cumulative} 小于本期完成 ${p.period}`,
      en: `cumulative ${p.cumulative} is below this period's ${p.period}`,
    }),
  }),
  "period-not-difference": rule<{ period: number; cumulative: number; previous: number; difference: number }>({
    severity: "error",
    area: "sheet",
    zh: "本期完成不等于累计减上期累计",
    en: "this period is not cumulative minus previous",
    clearedBy: "correction",
    message: (p) => ({
      zh: `本期完成 ${p.period} 不等于累计完成 ${p.cumulative} − 上期累计 ${p.previous} = ${p.difference}，请核对本期或累计`,
      en: `this period's ${p.period} is not cumulative ${p.cumulative} − previous ${p.previous} = ${p.difference}; check this period's or the cumulative figure`,
    }),
  }),
  "status-not-in-list": rule<{ found: CellValue }>({
    severity: "error",
    area: "sheet",
    zh: "进展状态不在列表中",
    en: "status not in the list",
    clearedBy: "correction",
    message: (p) => ({
      zh: `「${quote(p.found)}」不是有效状态，应为${MILESTONE_STATUSES.join("、")}之一`,
      en: `"${quote(p.found)}" is not a status; expected one of ${MILESTONE_STATUSES.join(", ")}`,
    }),
  }),
  "required-blank": rule<{ column: "status" | "cumulative" }>({
    severity: "error",
    area: "sheet",
    zh: "期末必填项为空",
    en: "required input blank at the end of the period",
    clearedBy: "correction",
    message: (p) =>
      p.column === "status"
        ? { zh: "期末须填写进展状态", en: "the status is required at the end of the period" }
        : { zh: "期末须填写累计完成", en: "the cumulative figure is required at the end of the period" },
  }),

  // Plausible but surprising figures: each is about one quota row, and its 说明 explains it.
  /**
   * `completion` and `timeProgress` are shares (0.5 is 50%); `level`, for a ceiling or a growth
   * rate, is the completion it must reach whatever the time (it is held against its whole target).
   */
  "behind-schedule": rule<{ completion: number; timeProgress: number; level?: number }>({
    severity: "warning",
    area: "sheet",
    zh: "完成进度明显落后于序时进度",
    en: "well behind time-progress",
    clearedBy: "note",
    message: (p) =>
      p.level === undefined
        ? {
            zh: `完成率 ${percent(p.completion)} 落后序时进度 ${percent(p.timeProgress)} 超过 ${STATUS_THRESHOLDS.behindBy * 100} 个百分点，请在说明中解释`,
            en: `completion ${percent(p.completion)} trails time-progress ${percent(p.timeProgress)} by more than ${STATUS_THRESHOLDS.behindBy * 100} points; explain in 说明`,
          }
        : {
            zh: `完成率 ${percent(p.completion)} 未达到 ${percent(p.level)}（控制类、增长类指标每期按全年目标衡量，不看序时进度），请在说明中解释`,
            en: `completion ${percent(p.completion)} is below ${percent(p.level)} (a ceiling or a growth rate is held against its whole target in every period, not time-progress); explain in 说明`,
          },
  }),
  /** `whole`: the row has no target of its own (a city share not yet split), so the plan's whole target is the bound. */
  "far-above-target": rule<{ cumulative: number; target: number; whole?: boolean }>({
    severity: "warning",
    area: "sheet",
    zh: "完成值远超目标，请核实",
    en: "implausibly far above target",
    clearedBy: "note",
    message: (p) => ({
      zh: `累计完成 ${p.cumulative} 超过${p.whole ? "全省" : ""}目标 ${p.target} 的 ${IMPLAUSIBLE_MULTIPLE} 倍，请核实或在说明中解释`,
      en: `cumulative ${p.cumulative} is over ${IMPLAUSIBLE_MULTIPLE}× the ${p.whole ? "plan's whole " : ""}target ${p.target}; check it or explain in 说明`,
    }),
  }),
  /**
   * A contribution without a target of its own: `whole` when it exceeds the province's (the whole's)
   * target, `median` (of `others` contributors) when it is far outside their range.
   */
  "contribution-implausible": rule<{ child: string; figure: number; unit: string | null; whole?: number; median?: number; others?: number }>({
    severity: "warning",
    area: "sheet",
    zh: "贡献数不合常理，请说明",
    en: "an implausible contribution",
    clearedBy: "note",
    message: (p) =>
      p.whole !== undefined
        ? {
            zh: `${p.child}填报 ${p.figure}${p.unit ?? ""}，大于全省目标 ${p.whole}${p.unit ?? ""}，请核实或在说明中解释`,
            en: `${p.child} reports ${p.figure}, more than the province's whole target ${p.whole}; check it or explain in 说明`,
          }
        : {
            zh: `${p.child}填报 ${p.figure}${p.unit ?? ""}，超过其他 ${p.others ?? 0} 个地方中位数 ${p.median ?? 0}${p.unit ?? ""} 的 ${OUTLIER_MULTIPLE} 倍，请核实或在说明中解释`,
            en: `${p.child} reports ${p.figure}, over ${OUTLIER_MULTIPLE}× the median ${p.median ?? 0} of the ${p.others ?? 0} others; check it or explain in 说明`,
          },
  }),
  /** `sheet`: the earlier period's sheet with the higher figure. */
  "cumulative-decreased": rule<{ cumulative: number; before: number; sheet: string }>({
    severity: "warning",
    area: "sheet",
    zh: "累计完成低于上期",
    en: "cumulative lower than an earlier period",
    clearedBy: "note",
    message: (p) => ({
      zh: `累计完成 ${p.cumulative} 低于「${p.sheet}」的 ${p.before}，请核实或在说明中解释`,
      en: `cumulative ${p.cumulative} is below ${p.before} in "${p.sheet}"; check it or explain in 说明`,
    }),
  }),
  "cities-not-adding-up": rule<{ total: number; cities: number; sum: number }>({
    severity: "warning",
    area: "sheet",
    zh: "各市之和与全省不符",
    en: "cities do not add up to the province",
    clearedBy: "note",
    message: (p) => ({
      zh: `全省累计完成 ${p.total} 与 ${p.cities} 个市之和 ${p.sum} 不符，请核实或在说明中解释`,
      en: `the province's cumulative ${p.total} differs from the sum of the ${p.cities} cities, ${p.sum}; check it or explain in 说明`,
    }),
  }),
} as const;
