import { LEVEL, rule } from "./rule-definition";
import { type FileReadProblem, fileProblemText } from "./file-problems";
import { LEVEL_LABELS, isQuotaLevel } from "../plan/level";
import type { CellValue } from "../template/spec";

/**
 * For the aggregator merging the returned files of the level below into a summary: why a file
 * cannot go in, what it brings that differs from the plan or the other files, and what the batch
 * lacks.
 */

/** A quota level as a person reads it (LEVEL_LABELS), or the text as it is. */
const levelZh = (level: string | undefined): string => (level !== undefined && isQuotaLevel(level) ? LEVEL_LABELS[level].zh : String(level));
const levelEn = (level: string | undefined): string => (level !== undefined && isQuotaLevel(level) ? LEVEL_LABELS[level].en : String(level));

export const MERGE_RULES = {
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
} as const;
