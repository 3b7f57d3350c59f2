import { type FileReadProblem, fileProblemText } from "./file-problems";
import type { QuotaKind } from "../plan/types";
import { LEVEL_LABELS, isQuotaLevel } from "../plan/level";
import { STATUS_THRESHOLDS, IMPLAUSIBLE_MULTIPLE, MILESTONE_STATUSES, OUTLIER_MULTIPLE } from "../template/columns";
import type { CellValue } from "../template/spec";
import { expectedInput } from "../plan/quota-units";

/**
 * The rule registry: every rule any part of Planbook reports (the checks of a sheet, the reading of
 * a workbook or file, merge, split, the plan text), each with its severity, its name, the message
 * it says and what clears it — in one table. The audit sheet and the task pane count findings by
 * rule in the table's order.
 *
 * A finding carries the rule's id and its parameters, never a finished sentence: the message is
 * rendered where it is shown (`findingMessage` in ./findings), in the language of the place that
 * shows it. The renderer puts the location first (file, then cell), so a template says only what
 * is wrong.
 *
 * To add a rule:
 *   1. add an entry below, in the group it belongs to: `"my-rule": rule<{ …params }>({ severity,
 *      area, zh, en, clearedBy, message: (p) => ({ zh: …, en: … }) })`. Params are plain data (strings,
 *      numbers, booleans, null, arrays of them) so findings stay JSON; quote what a person typed
 *      with `quote()`. The Chinese message comes first and must read on its own; so must the English;
 *   2. make findings of it with `finding("my-rule", where, params)` from ./findings — the only way
 *      to make a finding (severity comes from here, nowhere else);
 *   3. a rule cleared by a 说明 (`clearedBy: "note"`) must be about one quota row.
 */

export type Severity = "error" | "warning" | "info";

/** A text in both languages. */
export interface Text {
  zh: string;
  en: string;
}

/**
 * What makes a finding go away. `correction`: fixing what it points at (errors always).
 * `note`: a non-blank 说明 in its quota row explains the figure, and the finding is then not
 * reported at all (an explained figure is not a problem to count; the 说明 is in the sheet for the
 * auditor to read). `none`: information, nothing to do.
 */
export type Clearance = "correction" | "note" | "none";

/** A parameter value: plain data, so a finding can be written as JSON. */
export type ParamValue = CellValue | readonly string[];

/**
 * Who meets the rule: `sheet`, a person filling in or checking a Planbook sheet (the checks and
 * the reading of a workbook); `merge`, the aggregator merging city files; `split`, the aggregator
 * splitting a target; `plan`, whoever imports a plan text.
 */
export type RuleArea = "sheet" | "merge" | "split" | "plan";

export interface RuleDefinition<P> {
  severity: Severity;
  area: RuleArea;
  /** The rule's name, in counts by rule. */
  zh: string;
  en: string;
  clearedBy: Clearance;
  /** The message of one finding, from its parameters (the renderer adds the file and cell). */
  message: (params: P) => Text;
}

const rule = <P extends Record<string, ParamValue> = Record<never, never>>(definition: RuleDefinition<P>): RuleDefinition<P> => definition;

/** Text from a cell as a message quotes it: blank said as such, and long text cut (a message lands in one Excel cell). */
export function quote(value: CellValue): string {
  if (value === null || value === "") return "（空）";
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A quota level as a person reads it (LEVEL_LABELS), or the text as it is. */
const levelZh = (level: string | undefined): string => (level !== undefined && isQuotaLevel(level) ? LEVEL_LABELS[level].zh : String(level));
const levelEn = (level: string | undefined): string => (level !== undefined && isQuotaLevel(level) ? LEVEL_LABELS[level].en : String(level));

/** What a roll-up's children are called: its files' level. */
const LEVEL = {
  city: { zh: "市", report: "市级报表", en: "city", plural: "cities" },
  county: { zh: "县（市、区）", report: "县级报表", en: "county", plural: "counties" },
  unit: { zh: "单位", report: "责任单位报表", en: "unit", plural: "units" },
} as const;

/** What a cell of a quota of this kind and unit expects (the parameters of the number rules). */
interface Expecting extends Record<string, ParamValue> {
  kind: QuotaKind;
  unit: string | null;
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
const list = (items: readonly string[]): Text => ({ zh: items.join("、"), en: items.join(", ") });

const mismatch = (p: { expected: string; found: CellValue }): Text => ({
  zh: `应为「${p.expected}」，实为「${quote(p.found)}」`,
  en: `expected "${p.expected}", found "${quote(p.found)}"`,
});

const BY_PART = { part: { zh: "分解值", en: "the part" }, weight: { zh: "权重", en: "the weight" } } as const;

const NOT_SPLITTABLE = {
  regional: { zh: "已是各市分列的指标", en: "it is already a per-city quota" },
  "not-contributed": { zh: "不是各市贡献的指标（省级事项或按县覆盖）", en: "cities do not contribute to it (province-only or per county)" },
  pending: { zh: "目标值尚未确定", en: "its target is not decided" },
  "not-count": { zh: "只有数量类指标可以分解", en: "only count quotas can be split" },
} as const;

export const RULES = {
  // Reading a workbook: what the metadata names and the sheets do not have.
  "meta-missing": rule({
    severity: "error",
    area: "sheet",
    zh: "不是 Planbook 工作簿（缺少元数据）",
    en: "not a Planbook workbook (no metadata)",
    clearedBy: "correction",
    message: () => ({ zh: "工作簿中没有 Planbook 元数据，无法识别填报表", en: "the workbook has no Planbook metadata" }),
  }),
  "sheet-missing": rule<{ sheet: string }>({
    severity: "error",
    area: "sheet",
    zh: "填报表缺失或被改名",
    en: "report sheet missing or renamed",
    clearedBy: "correction",
    message: (p) => ({ zh: `找不到工作表「${p.sheet}」（已删除或改名）`, en: `sheet "${p.sheet}" is missing (deleted or renamed)` }),
  }),
  "header-missing": rule<{ sheet: string }>({
    severity: "error",
    area: "sheet",
    zh: "表头缺失或被改动",
    en: "header row missing or changed",
    clearedBy: "correction",
    message: (p) => ({ zh: `工作表「${p.sheet}」找不到表头行（编号、目标值…）`, en: `sheet "${p.sheet}" has no header row` }),
  }),
  "column-missing": rule<{ title: string }>({
    severity: "error",
    area: "sheet",
    zh: "表头缺少列（列被删除或标题被改动）",
    en: "column missing (deleted or retitled)",
    clearedBy: "correction",
    message: (p) => ({
      zh: `表头缺少「${p.title}」列（列被删除，或标题被改动），该列无法读取；请撤销删除或恢复标题`,
      en: `the header has no "${p.title}" column (deleted, or its title changed), so the column cannot be read; undo the deletion or restore the title`,
    }),
  }),
  "row-missing": rule<{ sheet: string; quotaId: string; row: number }>({
    severity: "error",
    area: "sheet",
    zh: "指标行缺失（编号被删除或覆盖）",
    en: "quota row missing (id deleted or overwritten)",
    clearedBy: "correction",
    message: (p) => ({
      zh: `工作表「${p.sheet}」缺少指标 ${p.quotaId} 的行（原在第 ${p.row} 行）`,
      en: `row of quota ${p.quotaId} is missing (was row ${p.row})`,
    }),
  }),

  // A sheet's identity: what its metadata says against what is known and expected.
  "duplicate-row": rule<{ quotaId: string; first: number; again: number }>({
    severity: "error",
    area: "sheet",
    zh: "指标行重复（同一编号出现两次）",
    en: "quota row duplicated (same id twice)",
    clearedBy: "correction",
    message: (p) => ({
      zh: `指标 ${p.quotaId} 的行重复（第 ${p.first} 行与第 ${p.again} 行），只读取第 ${p.first} 行：请删去多余的一行`,
      en: `the row of quota ${p.quotaId} appears twice (rows ${p.first} and ${p.again}); only row ${p.first} is read: delete the extra row`,
    }),
  }),
  "unknown-revision": rule<{ revision: string; known: readonly string[] }>({
    severity: "error",
    area: "sheet",
    zh: "未知的计划版本",
    en: "unknown plan revision",
    clearedBy: "correction",
    message: (p) => ({
      zh: `工作表按未知的计划版本「${quote(p.revision)}」生成（已知版本：${list(p.known).zh || "无"}）`,
      en: `made from an unknown plan revision "${quote(p.revision)}" (known: ${list(p.known).en || "none"})`,
    }),
  }),
  "wrong-revision": rule<{ expected: string; found: string }>({
    severity: "error",
    area: "sheet",
    zh: "计划版本不符",
    en: "wrong plan revision",
    clearedBy: "correction",
    message: mismatch,
  }),
  "wrong-scope": rule<{ expected: string; found: string }>({
    severity: "error",
    area: "sheet",
    zh: "填报范围不符",
    en: "wrong scope",
    clearedBy: "correction",
    message: mismatch,
  }),
  /** `expected` null: the period cannot be read at all. */
  "wrong-period": rule<{ expected: string | null; found: string }>({
    severity: "error",
    area: "sheet",
    zh: "报告期不符",
    en: "wrong period",
    clearedBy: "correction",
    message: (p) =>
      p.expected === null
        ? { zh: `报告期「${quote(p.found)}」无法识别`, en: `the period "${quote(p.found)}" cannot be read` }
        : mismatch({ expected: p.expected, found: p.found }),
  }),

  // What a person did to the template's own cells.
  "id-changed": rule<{ expected: string; found: CellValue }>({
    severity: "error",
    area: "sheet",
    zh: "指标编号被改动",
    en: "quota id changed",
    clearedBy: "correction",
    message: (p) => ({
      zh: `指标编号应为「${p.expected}」，现为「${quote(p.found)}」，请勿修改编号`,
      en: `the quota id should be "${p.expected}", found "${quote(p.found)}"; ids must not be changed`,
    }),
  }),
  "sheet-outdated": rule<{ found: number; current: number }>({
    severity: "warning",
    area: "sheet",
    zh: "报表由旧版生成",
    en: "sheet made by an earlier version",
    clearedBy: "correction",
    message: (p) => ({
      zh: `工作表由较早版本的 Planbook 生成（格式 ${p.found}，当前为 ${p.current}），其完成率、序时进度和状态按旧规则计算，请先升级报表`,
      en: `made by an earlier Planbook (format ${p.found}, now ${p.current}): its completion, time progress and status follow the old rules; upgrade the sheet first`,
    }),
  }),
  "target-outdated": rule<{ expected: CellValue; found: CellValue }>({
    severity: "warning",
    area: "sheet",
    zh: "目标值为旧版读法",
    en: "target as read by an earlier version",
    clearedBy: "correction",
    message: (p) => ({
      zh: `目标值「${quote(p.found)}」是旧版对计划的读法，按当前计划应为「${quote(p.expected)}」，升级报表后即更正`,
      en: `the target ${quote(p.found)} is how an earlier version read the plan; the plan gives ${quote(p.expected)}, which upgrading the sheet writes`,
    }),
  }),
  /**
   * `correctedAt`: across files, the previous period's report no longer says what was carried in —
   * it was corrected, from `correctedFrom`, at that time by its 修改记录 ("" when its log has no
   * such entry) — so this sheet's 上期累计 is to be brought in line (`planbook correct --previous`),
   * a change logged in turn.
   */
  "previous-changed": rule<{ expected: CellValue; found: CellValue; previousPeriod: string; correctedAt?: string; correctedFrom?: CellValue }>({
    severity: "error",
    area: "sheet",
    zh: "上期累计被改动",
    en: "previous cumulative changed",
    clearedBy: "correction",
    message: (p) =>
      p.correctedAt === undefined
        ? {
            zh: `上期累计应为「${quote(p.expected)}」（${p.previousPeriod === "" ? "生成时写入" : `取自 ${p.previousPeriod} 报表`}），现为「${quote(p.found)}」；上期数字有误请更正上期报表，不要在本期改动`,
            en: `the previous cumulative should be ${quote(p.expected)} (${p.previousPeriod === "" ? "as generated" : `from the ${p.previousPeriod} report`}), found ${quote(p.found)}; correct the previous period's report instead`,
          }
        : p.correctedAt === ""
          ? {
              zh: `上期累计为「${quote(p.found)}」，但 ${p.previousPeriod} 报表的累计完成现为「${quote(p.expected)}」（修改记录中没有这次更正）；请核实上期报表，确认后用 planbook correct --previous 更新本期上期累计`,
              en: `the previous cumulative is ${quote(p.found)} but the ${p.previousPeriod} report's cumulative is now ${quote(p.expected)} (its 修改记录 logs no such correction); check that report, then bring this one in line with planbook correct --previous`,
            }
          : {
              zh: `上期累计为「${quote(p.found)}」，但 ${p.previousPeriod} 报表已于 ${p.correctedAt} 更正：「${quote(p.correctedFrom ?? "")}」→「${quote(p.expected)}」；请用 planbook correct --previous 更新本期上期累计（会记入修改记录）`,
              en: `the previous cumulative is ${quote(p.found)} but the ${p.previousPeriod} report was corrected on ${p.correctedAt}: ${quote(p.correctedFrom ?? "")} → ${quote(p.expected)}; bring this sheet in line with planbook correct --previous (logged in 修改记录)`,
            },
  }),
  "target-changed": rule<{ expected: CellValue; found: CellValue }>({
    severity: "error",
    area: "sheet",
    zh: "目标值被改动",
    en: "target changed",
    clearedBy: "correction",
    message: (p) => ({
      zh: `目标值应为「${quote(p.expected)}」，现为「${quote(p.found)}」，请勿修改目标值`,
      en: `the target should be ${quote(p.expected)}, found ${quote(p.found)}; targets must not be changed`,
    }),
  }),
  /** `cells`: every changed formula cell of the row; `expected`: the first one's formula, when the plan is known. */
  "formula-changed": rule<{ cells: readonly string[]; found: CellValue; expected: string | null }>({
    severity: "error",
    area: "sheet",
    zh: "公式被改动或覆盖",
    en: "formula changed or overwritten",
    clearedBy: "correction",
    message: (p) => ({
      zh: `${list(p.cells).zh} 的公式被改动或被数值覆盖（现为「${quote(p.found)}」${p.expected ? `，应为「${p.expected}」` : ""}），请重新生成模板`,
      en: `the formula in ${list(p.cells).en} was changed or pasted over (now "${quote(p.found)}"${p.expected ? `, should be "${p.expected}"` : ""}); generate the template again`,
    }),
  }),
  "merged-cells": rule<{ range: string; columns: string }>({
    severity: "error",
    area: "sheet",
    zh: "指标行中有合并单元格",
    en: "merged cells in a quota row",
    clearedBy: "correction",
    message: (p) => ({
      zh: `${p.range} 被合并（${p.columns} 列），合并只保留第一个单元格的内容：请取消合并，并重新填写被清空的单元格`,
      en: `${p.range} is merged (columns ${p.columns}); a merge keeps only its first cell: unmerge it and fill in again what it emptied`,
    }),
  }),

  /**
   * A paste of cells ("Paste: All") brings the source's data validation, or none, in place of the
   * input cell's: its drop-down list or number range is gone. Live checking sees it (the checks of
   * a file cannot: the file's validation is read by no rule).
   */
  "validation-removed": rule<{ cells: readonly string[] }>({
    severity: "warning",
    area: "sheet",
    zh: "粘贴带走了数据验证",
    en: "a paste removed the data validation",
    clearedBy: "correction",
    message: (p) => ({
      zh: `粘贴带走了 ${list(p.cells).zh} 的数据验证（下拉列表或数值范围）：粘贴的值已照常检查；Planbook 在下次写入修改记录时（运行校验、生成前，停止检查或点「写入修改记录」时）按模板恢复这些单元格的数据验证。以后粘贴请用「选择性粘贴 → 数值」（Ctrl+Alt+V）`,
      en: `a paste removed the data validation (drop-down list or number range) of ${list(p.cells).en}: the pasted values are checked as usual; Planbook restores these cells' validation from the template at the next write of 修改记录 (before 校验 or 生成, when checking stops, or on 写入修改记录). Next time paste values only (Paste Special → Values, Ctrl+Alt+V)`,
    }),
  }),

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

  // Merging city files into the province summary: why a file cannot go in, and what the batch lacks.
  "merge-unreadable": rule<FileReadProblem>({
    severity: "error",
    area: "merge",
    zh: "无法读取的文件",
    en: "file cannot be read",
    clearedBy: "correction",
    message: fileProblemText,
  }),
  "merge-no-period": rule({
    severity: "error",
    area: "merge",
    zh: "没有可识别的报告期",
    en: "no readable period",
    clearedBy: "correction",
    message: () => ({ zh: "其 Planbook 报表中没有可识别的报告期", en: "its Planbook sheets name no period that can be read" }),
  }),
  "merge-not-planbook": rule({
    severity: "error",
    area: "merge",
    zh: "不是 Planbook 报表",
    en: "not a Planbook workbook",
    clearedBy: "correction",
    message: () => ({ zh: "不是 Planbook 生成的报表（没有元数据）", en: "is not a Planbook workbook (no metadata)" }),
  }),
  "merge-not-city": rule<{ scopes: readonly string[] }>({
    severity: "error",
    area: "merge",
    zh: "不是市级报表",
    en: "not a city workbook",
    clearedBy: "correction",
    message: (p) => ({ zh: `不是市级报表（范围：${p.scopes.join("、")}）`, en: `is not a city workbook (scope: ${p.scopes.join("、")})` }),
  }),
  /** `found`: the periods the file's city sheets are for; null when some sheet has the period and another the revision, none both. */
  "merge-other-period": rule<{ expected: string; found: readonly string[] | null; revision: string }>({
    severity: "error",
    area: "merge",
    zh: "报告期不符",
    en: "another period",
    clearedBy: "correction",
    message: (p) =>
      p.found === null
        ? {
            zh: `没有报告期 ${p.expected}、计划版本 ${p.revision} 的市级报表`,
            en: `has no city sheet for period ${p.expected} and revision ${p.revision}`,
          }
        : { zh: `是报告期 ${p.found.join("、")} 的报表，不是 ${p.expected}`, en: `is for period ${p.found.join("、")}, not ${p.expected}` },
  }),
  "merge-other-revision": rule<{ expected: string; found: readonly string[] }>({
    severity: "error",
    area: "merge",
    zh: "计划版本不符",
    en: "another plan revision",
    clearedBy: "correction",
    message: (p) => ({
      zh: `按计划版本 ${p.found.join("、")} 生成，不是当前版本 ${p.expected}（请先升级）`,
      en: `was made from revision ${p.found.join("、")}, not ${p.expected} (upgrade it first)`,
    }),
  }),
  "merge-several-sheets": rule<{ sheets: readonly string[] }>({
    severity: "error",
    area: "merge",
    zh: "含多张同期市级报表",
    en: "several city sheets for the period",
    clearedBy: "correction",
    message: (p) => ({
      zh: `含多张同期市级报表「${p.sheets.join("」「")}」，无法确定汇总哪一张`,
      en: `holds several city sheets for the period ("${p.sheets.join("」「")}")`,
    }),
  }),
  /** The metadata names a city sheet but no city (`city: `): the hidden sheet was edited. */
  "merge-bad-scope": rule<{ sheet: string; scope: string }>({
    severity: "error",
    area: "merge",
    zh: "填报范围无法识别",
    en: "scope cannot be read",
    clearedBy: "correction",
    message: (p) => ({
      zh: `的工作表「${p.sheet}」填报范围「${p.scope}」无法识别（应为 city:<市>），请重新生成模板后填报`,
      en: `the scope "${p.scope}" of sheet "${p.sheet}" cannot be read (expected city:<city>); make the template again and fill it in`,
    }),
  }),
  "merge-mixed-levels": rule<{ level: keyof typeof LEVEL; expected: keyof typeof LEVEL; scopes: readonly string[] }>({
    severity: "error",
    area: "merge",
    zh: "报表级别与其他文件不同",
    en: "another level than the other files",
    clearedBy: "correction",
    message: (p) => ({
      zh: `是${LEVEL[p.level].report}（范围：${p.scopes.join("、")}），本次汇总的是${LEVEL[p.expected].report}，不同级别不能混在一起汇总`,
      en: `is a ${LEVEL[p.level].en} workbook (scope: ${p.scopes.join(", ")}) among ${LEVEL[p.expected].en} workbooks: levels cannot be mixed`,
    }),
  }),
  /** The quotas whose level differs, with the level the file was made with and the one the merge goes by (parallel lists). */
  "merge-levels-differ": rule<{ quotaIds: readonly string[]; fileLevels: readonly string[]; mergeLevels: readonly string[] }>({
    severity: "warning",
    area: "merge",
    zh: "指标级别与汇总不同",
    en: "quota levels differ from the merge's",
    clearedBy: "none",
    message: (p) => ({
      zh: `按不同的指标级别生成：${p.quotaIds.map((id, i) => `${id}（文件：${levelZh(p.fileLevels[i])}，汇总：${levelZh(p.mergeLevels[i])}）`).join("；")}；汇总按汇总的级别取数，文件中此外的行不计入`,
      en: `made with other quota levels: ${p.quotaIds.map((id, i) => `${id} (file: ${levelEn(p.fileLevels[i])}, merge: ${levelEn(p.mergeLevels[i])})`).join("; ")}; the merge takes rows by its own levels`,
    }),
  }),
  /** `among`: the city (or lead unit) whose summary it is; null for the province. */
  "merge-unknown-city": rule<{ city: string; among: string | null; level: keyof typeof LEVEL }>({
    severity: "error",
    area: "merge",
    zh: "不属于本次汇总",
    en: "not one of this summary's",
    clearedBy: "correction",
    message: (p) =>
      p.among === null
        ? { zh: `的「${p.city}」不是计划中的市`, en: `"${p.city}" is not a city of the plan` }
        : {
            zh: `的「${p.city}」不是${p.among}的${p.level === "unit" ? "配合单位" : LEVEL[p.level].zh}`,
            en: `"${p.city}" is not a ${LEVEL[p.level].en} of ${p.among}`,
          },
  }),
  "merge-unknown-quota": rule<{ quotaId: string; row: number; sheet: string }>({
    severity: "error",
    area: "merge",
    zh: "指标编号不在计划中",
    en: "quota id not in the plan",
    clearedBy: "correction",
    message: (p) => ({
      zh: `工作表「${p.sheet}」第 ${p.row} 行的指标编号 ${p.quotaId} 不在计划中`,
      en: `quota id ${p.quotaId} on row ${p.row} of ${p.sheet} is not in the plan`,
    }),
  }),
  "merge-target-not-plan": rule<{ quotaId: string; city: string; found: CellValue; expected: CellValue }>({
    severity: "error",
    area: "merge",
    zh: "目标值与计划不符",
    en: "target differs from the plan",
    clearedBy: "correction",
    message: (p) => ({
      zh: `指标 ${p.quotaId} 的目标值「${String(p.found ?? "")}」与计划中${p.city}的目标「${String(p.expected ?? "")}」不符`,
      en: `target "${String(p.found ?? "")}" of quota ${p.quotaId} differs from the plan's target for ${p.city} ("${String(p.expected ?? "")}")`,
    }),
  }),
  "merge-declined": rule({
    severity: "info",
    area: "merge",
    zh: "汇总人未采用",
    en: "not chosen",
    clearedBy: "none",
    message: () => ({ zh: "汇总人未采用", en: "not chosen by the aggregator" }),
  }),
  /** `kept`: the file the aggregator chose to replace the others, or null when none was chosen. */
  "merge-duplicate-city": rule<{ city: string; kept: string | null; files: readonly string[] }>({
    severity: "error",
    area: "merge",
    zh: "同一市有多份报表",
    en: "several files of one city",
    clearedBy: "correction",
    message: (p) =>
      p.kept !== null
        ? { zh: `与「${p.kept}」同为${p.city}的报表，汇总人指定采用后者`, en: `is another workbook of ${p.city}; the aggregator chose "${p.kept}"` }
        : {
            zh: `与其他文件重复：「${p.files.join("」「")}」都是${p.city}的报表，请只保留一份（或指定替换）`,
            en: `duplicates another file: ${p.files.map((f) => `"${f}"`).join(", ")} are all workbooks of ${p.city}; keep one (or mark a replacement)`,
          },
  }),
  "merge-replaces-city": rule<{ city: string; previous: string }>({
    severity: "info",
    area: "merge",
    zh: "替换汇总中一个市的数据",
    en: "replaces a city's figures",
    clearedBy: "none",
    message: (p) => ({
      zh: `将替换汇总中${p.city}的数据（原来自「${p.previous}」）`,
      en: `replaces the figures of ${p.city} in the summary (from "${p.previous}")`,
    }),
  }),
  /** `typed`: the first cell typed in, when the sheet is the parent's own report (the sheet a city's summary fills with the totals). */
  "merge-sheet-taken": rule<{ name: string; typed?: string }>({
    severity: "error",
    area: "merge",
    zh: "工作表名已被占用",
    en: "sheet name taken",
    clearedBy: "none",
    message: (p) =>
      p.typed
        ? {
            zh: `工作表「${p.name}」是本级已填报的报表（${p.typed} 有填报内容），汇总不会用合计覆盖它：请先将它改名，再合并`,
            en: `the sheet "${p.name}" is this level's own report with figures typed in (${p.typed}); the merge never writes the totals over it: rename it, then merge again`,
          }
        : {
            zh: `工作表「${p.name}」不是 Planbook 写的汇总表（未受保护且有内容），汇总不会覆盖它：请先将它改名，再合并`,
            en: `the sheet "${p.name}" is not a summary sheet Planbook wrote (unprotected, with content); the merge never writes over it: rename it, then merge again`,
          },
  }),
  "merge-summary-reset": rule<{ period: string; revision: string }>({
    severity: "info",
    area: "merge",
    zh: "现有汇总将重建",
    en: "existing summary rebuilt",
    clearedBy: "none",
    message: (p) => ({
      zh: `现有汇总是报告期 ${p.period}、版本 ${p.revision} 的，将整体重建`,
      en: `the existing summary (period ${p.period}, revision ${p.revision}) will be rebuilt`,
    }),
  }),
  /** `why`: for each missing city (or county, unit), in order, the file that explains it ("" when none does); `whyCity`: the place that file holds (a renamed file), or "" for a blank template. */
  "merge-city-missing": rule<{ cities: readonly string[]; level: keyof typeof LEVEL; why?: readonly string[]; whyCity?: readonly string[] }>({
    severity: "warning",
    area: "merge",
    zh: "尚有未报送",
    en: "not all reported",
    clearedBy: "correction",
    message: (p) => {
      const said = (city: string, i: number, zh: boolean): string => {
        const file = p.why?.[i] ?? "";
        if (file === "") return city;
        const holds = p.whyCity?.[i] ?? "";
        if (holds === "") return zh ? `${city}（「${file}」尚未填写）` : `${city} ("${file}" is not filled in yet)`;
        return zh ? `${city}（「${file}」的内容是${holds}的报表）` : `${city} ("${file}" holds ${holds}'s report)`;
      };
      return {
        zh: `尚缺 ${p.cities.length} 个${LEVEL[p.level].zh}的报表：${p.cities.map((city, i) => said(city, i, true)).join("、")}`,
        en: `${p.cities.length} ${LEVEL[p.level].plural} have not reported: ${p.cities.map((city, i) => said(city, i, false)).join(", ")}`,
      };
    },
  }),
  /** A file whose own checks found errors, held back until the aggregator accepts it. */
  "merge-has-errors": rule<{ errors: number; cells: readonly string[] }>({
    severity: "error",
    area: "merge",
    zh: "文件有错误，未汇总",
    en: "file has errors, not merged",
    clearedBy: "correction",
    message: (p) => ({
      zh: `有 ${p.errors} 个错误${p.cells.length ? `（${p.cells.join("、")}…）` : ""}，未汇总：请退回修改，或由汇总人确认采用（命令行 --accept-errors；任务窗格中勾选），有错误的单元格不计入合计`,
      en: `has ${p.errors} errors${p.cells.length ? ` (${p.cells.join(", ")}…)` : ""} and was not merged: send it back, or accept it explicitly (--accept-errors on the command line; tick it in the pane), and its erroneous cells are left out of the totals`,
    }),
  }),
  /** A figure of a file accepted despite its errors, left out of the totals. */
  /** `partnerCell`: a ratio's figure left out with its partner, the partner's cell (which has the error). */
  "merge-cell-excluded": rule<{ quotaId: string; error: string; partnerCell?: string | null }>({
    severity: "warning",
    area: "merge",
    zh: "有错误的单元格不计入合计",
    en: "a cell with an error left out of the totals",
    clearedBy: "correction",
    message: (p) =>
      p.partnerCell
        ? {
            zh: `比例指标的分子、分母须一并计入：${p.partnerCell} 有错误（${p.error}）不计入合计，${p.quotaId} 的这个值随之不计入`,
            en: `a ratio's numerator and denominator go into the totals together: ${p.partnerCell} has an error (${p.error}) and is left out, so this figure of ${p.quotaId} is left out with it`,
          }
        : {
            zh: `指标 ${p.quotaId} 的这个值有错误（${p.error}），不计入合计`,
            en: `this figure of quota ${p.quotaId} has an error (${p.error}) and is left out of the totals`,
          },
  }),
  /** `ignored`: another file brings the city's figures, so the blank one is only set aside. */
  "merge-not-filled": rule<{ city: string; ignored: boolean }>({
    severity: "warning",
    area: "merge",
    zh: "空白模板，尚未填写",
    en: "a template not filled in",
    clearedBy: "correction",
    message: (p) =>
      p.ignored
        ? { zh: `是${p.city}的空白模板，已忽略（${p.city}的数据来自其他文件）`, en: `is ${p.city}'s blank template, ignored (${p.city}'s figures come from another file)` }
        : { zh: `是${p.city}的空白模板，尚未填写：${p.city}算未报送`, en: `is ${p.city}'s template with nothing filled in: ${p.city} has not reported yet` },
  }),
  "merge-file-name-city": rule<{ named: readonly string[]; city: string }>({
    severity: "warning",
    area: "merge",
    zh: "文件名与内容的市不符",
    en: "file name and content name different cities",
    clearedBy: "correction",
    message: (p) => ({
      zh: `的文件名是${p.named.join("、")}，内容却是${p.city}的报表：按内容计入${p.city}，${p.named.join("、")}仍算未报送`,
      en: `is named for ${p.named.join(", ")} but holds ${p.city}'s report: it counts as ${p.city}, and ${p.named.join(", ")} has not reported`,
    }),
  }),

  // 目标分解: what the aggregator typed to split a provincial target.
  "split-unknown-city": rule<{ city: string }>({
    severity: "error",
    area: "split",
    zh: "不是计划中的市",
    en: "not a city of the plan",
    clearedBy: "correction",
    message: (p) => ({ zh: `「${p.city}」不是计划中的市`, en: `"${p.city}" is not a city of the plan` }),
  }),
  "split-bad-value": rule<{ city: string; by: keyof typeof BY_PART; found: CellValue }>({
    severity: "error",
    area: "split",
    zh: "分解值或权重无效",
    en: "invalid part or weight",
    clearedBy: "correction",
    message: (p) => ({
      zh: `${p.city}的${BY_PART[p.by].zh}「${String(p.found)}」应为不小于 0 的数`,
      en: `${BY_PART[p.by].en} of ${p.city} must be a number ≥ 0, got "${String(p.found)}"`,
    }),
  }),
  "split-not-splittable": rule<{ quotaId: string; reason: keyof typeof NOT_SPLITTABLE }>({
    severity: "error",
    area: "split",
    zh: "指标不能分解",
    en: "quota cannot be split",
    clearedBy: "correction",
    message: (p) => ({
      zh: `指标 ${p.quotaId} 不能分解：${NOT_SPLITTABLE[p.reason].zh}`,
      en: `quota ${p.quotaId} cannot be split: ${NOT_SPLITTABLE[p.reason].en}`,
    }),
  }),
  /** `decimals` null: the part must be whole (a count). */
  "split-precision": rule<{ city: string; part: number; unit: string | null; decimals: number | null }>({
    severity: "error",
    area: "split",
    zh: "分解值精度不符",
    en: "part too precise",
    clearedBy: "correction",
    message: (p) =>
      p.decimals === null
        ? { zh: `${p.city}的分解值 ${p.part} 应为整数（${p.unit ?? ""}）`, en: `the part of ${p.city} must be a whole number (${p.unit ?? ""})` }
        : { zh: `${p.city}的分解值 ${p.part} 最多保留 ${p.decimals} 位小数`, en: `the part of ${p.city} has too many decimals` },
  }),
  "split-not-adding-up": rule<{ sum: number; total: number; unit: string | null }>({
    severity: "error",
    area: "split",
    zh: "分解值合计不等于目标",
    en: "parts do not add up",
    clearedBy: "correction",
    message: (p) => ({
      zh: `各市分解值合计 ${p.sum} 不等于全省目标 ${p.total}${p.unit ?? ""}`,
      en: `the parts add up to ${p.sum}, not the target ${p.total}`,
    }),
  }),
  "split-share-missing": rule<{ family: string; cities: readonly string[] }>({
    severity: "error",
    area: "split",
    zh: "附件2缺少部分市的目标",
    en: "family lacks some cities' targets",
    clearedBy: "correction",
    message: (p) => ({
      zh: `附件2指标 ${p.family} 缺少${p.cities.join("、")}的目标，无法按其比例分解`,
      en: `family ${p.family} has no target for ${p.cities.join(", ")}`,
    }),
  }),
  "split-no-plan-figures": rule({
    severity: "error",
    area: "split",
    zh: "计划未给出各市的数",
    en: "the plan gives no city figures",
    clearedBy: "correction",
    message: () => ({ zh: "计划未给出各市的数（附件2），无法按计划分解；请用 equal 或权重文件", en: "the plan gives no city figures (Annex 2): split equally or by weights" }),
  }),
  "split-unknown-county": rule<{ county: string }>({
    severity: "error",
    area: "split",
    zh: "不是本市的县（市、区）",
    en: "not a county of the city",
    clearedBy: "correction",
    message: (p) => ({ zh: `「${p.county}」不是本市的县（市、区）`, en: `"${p.county}" is not a county of the city` }),
  }),
  "split-weights-missing": rule<{ names: readonly string[]; level: "city" | "county" }>({
    severity: "error",
    area: "split",
    zh: "权重缺少部分市（县）",
    en: "weights missing for some places",
    clearedBy: "correction",
    message: (p) => ({
      zh: `权重未给出${p.names.join("、")}：每个${LEVEL[p.level].zh}都须有一行权重，不参与分解的写 0`,
      en: `no weight for ${p.names.join(", ")}: every ${LEVEL[p.level].en} needs a weight line (write 0 for one that takes no share)`,
    }),
  }),
  "split-no-weight": rule({
    severity: "error",
    area: "split",
    zh: "权重之和为 0",
    en: "weights add up to 0",
    clearedBy: "correction",
    message: () => ({ zh: "权重之和为 0（每个市或县的权重都是 0），无法分解", en: "the weights add up to 0 (every place weighs 0): nothing to split by" }),
  }),

  // The plan text itself: the plan is what it is, Planbook reports and does not fix it.
  "annex2-total": rule<{ label: string; total: number; sum: number }>({
    severity: "error",
    area: "plan",
    zh: "附件2合计与各市之和不符",
    en: "Annex 2 total differs from the cities' sum",
    clearedBy: "correction",
    message: (p) => ({
      zh: `附件2「${p.label}」合计 ${p.total} 与各市之和 ${p.sum} 不符`,
      en: `Annex 2 total ${p.total} for "${p.label}" differs from the sum of the cities, ${p.sum}`,
    }),
  }),
  "components-exceed-total": rule<{ text: string; total: number; sum: number; unit: string | null }>({
    severity: "error",
    area: "plan",
    zh: "其中各项之和超过总数",
    en: "parts exceed their total",
    clearedBy: "correction",
    message: (p) => ({
      zh: `「${p.text}」其中各项之和 ${p.sum}${p.unit ?? ""} 超过总数 ${p.total}${p.unit ?? ""}`,
      en: `the parts of "${p.text}" add up to ${p.sum}, more than the total ${p.total}`,
    }),
  }),
  "components-short-of-total": rule<{ text: string; total: number; sum: number; unit: string | null }>({
    severity: "info",
    area: "plan",
    zh: "其中各项之和少于总数",
    en: "parts add up to less than their total",
    clearedBy: "none",
    message: (p) => ({
      zh: `「${p.text}」其中各项之和 ${p.sum}${p.unit ?? ""} 少于总数 ${p.total}${p.unit ?? ""}（其中可能只列了部分项）`,
      en: `the parts of "${p.text}" add up to ${p.sum}, less than the total ${p.total} (其中 may name only some)`,
    }),
  }),
  /** Both figures are kept: the province row's status is Annex 1's, a line under it Annex 2's, the cities have their Annex 2 shares. */
  "annex1-annex2-differ": rule<{ text: string; target: number; total: number; unit: string | null; annex1Line: number; annex2Line: number; label: string }>({
    severity: "warning",
    area: "plan",
    zh: "附件1与附件2合计不一致",
    en: "Annex 1 and Annex 2 disagree",
    clearedBy: "none",
    message: (p) => ({
      zh: `附件1 第 ${p.annex1Line} 行「${p.text}」为 ${p.target}${p.unit ?? ""}，附件2 第 ${p.annex2Line} 行「${p.label}」各市合计为 ${p.total}${p.unit ?? ""}，两者不一致：全省行的状态按附件1 ${p.target}${p.unit ?? ""}，其下一行按附件2 ${p.total}${p.unit ?? ""} 另算一个状态，各市目标按附件2`,
      en: `Annex 1 line ${p.annex1Line} says ${p.target}${p.unit ?? ""}, Annex 2 line ${p.annex2Line} totals ${p.total}${p.unit ?? ""}: the province row's status is against Annex 1's ${p.target}, the line under it has a second status against Annex 2's ${p.total}, and each city's target is its Annex 2 share`,
    }),
  }),
} as const;

export type RuleId = keyof typeof RULES;

/** The parameters a rule's message takes. */
export type ParamsOf<R extends RuleId> = (typeof RULES)[R] extends RuleDefinition<infer P> ? P : never;
