import { list, quote, rule } from "./rule-definition";
import type { CellValue } from "../template/spec";

/**
 * For the official filling in a sheet: what they did to the cells the template writes and they
 * must not change (ids, targets, 上期累计, formulas, merges, data validation), and a sheet made by an
 * earlier version. Reported by `check` and by live checking.
 */

export const TEMPLATE_CELL_RULES = {
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
} as const;
