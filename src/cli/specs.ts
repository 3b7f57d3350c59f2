import type { CommandSpec } from "./args";

/**
 * Every command's options, in one light module: the parser reads them, and `planbook --help`
 * lists them without loading the commands (and ExcelJS with them).
 */

const JSON_OPTION = { name: "json", zh: "以 JSON 输出", en: "print JSON" };
/** For the commands that print findings. */
const LANG_OPTION = { name: "lang", value: "<zh|en>", zh: "发现的问题只用一种语言（默认中英双语，中文在前）", en: "findings in one language (default: Chinese, then English)" };
const REVISION_OPTION = {
  name: "revision",
  value: "<plan.txt|plan.docx|workbook.xlsx>",
  zh: "计划文本或 .docx，或导入过计划的工作簿（取其中保存的计划及校正；默认为内置的当前版本）",
  en: "the plan text or .docx, or a workbook a plan was imported into (its stored plan, corrected; default: the built-in current revision)",
};
/** Corrections to an imported plan, made in review (see README: 校正导入的计划). */
const CORRECTIONS_OPTION = {
  name: "corrections",
  value: "<corrections.json>",
  zh: "对 --revision 计划的校正：[{ id, kind?, target?, comparator?, year?, units?, level? }]；level（province-only、contributed、split、per-unit）随模板保存",
  en: "corrections to the --revision plan: [{ id, kind?, target?, comparator?, year?, units?, level? }]; a level (province-only, contributed, split, per-unit) goes with the templates",
};

export const PLAN_SPEC: CommandSpec = {
  name: "plan",
  operands: "",
  zh: "列出计划的指标（子命令 diff、check 见各自的 --help）",
  en: "the plan's quotas (subcommands diff and check: see their --help)",
  options: [JSON_OPTION, REVISION_OPTION, CORRECTIONS_OPTION],
};

export const PLAN_DIFF_SPEC: CommandSpec = {
  name: "plan diff",
  operands: "<older-seed> <newer-seed>",
  zh: "两个计划版本之间的修订对比",
  en: "what changed between two plan revisions",
  options: [JSON_OPTION],
};

export const PLAN_CHECK_SPEC: CommandSpec = {
  name: "plan check",
  operands: "",
  zh: "计划文本自身的一致性（附件 2 合计、附件 1 与附件 2）",
  en: "consistency findings of the plan text (Annex 2 totals, Annex 1 against Annex 2)",
  options: [JSON_OPTION, REVISION_OPTION, LANG_OPTION],
};

export const TEMPLATE_SPEC: CommandSpec = {
  name: "template",
  operands: "",
  zh: "生成填报模板（.xlsx），或每市、每县一个模板",
  en: "make the reporting template (.xlsx), or one per city or county",
  options: [
    { name: "scope", value: "<province|city:市|county:县|unit:单位>", zh: "填报范围", en: "whose template" },
    { name: "all-cities", zh: "每市一个文件，--out 为文件夹（不能与 --scope 同用）", en: "one file per city; --out is a folder (not with --scope)" },
    { name: "all-counties", value: "<市>", zh: "该市每县（市、区）一个文件，--out 为文件夹", en: "one file per county of the city; --out is a folder" },
    {
      name: "split",
      value: "<plan|equal|weights.tsv>",
      zh: "分解目标：plan 按计划附件2的各市数，equal 平均，或权重文件（每行「名称<TAB>权重」）；县级模板为本市目标分到各县",
      en: "split targets: plan in proportion to Annex 2's city figures, equal, or a weights file (name<TAB>weight a line); for counties, the city's targets",
    },
    { name: "city-split", value: "<plan|equal|weights.tsv>", zh: "县级模板：先把全省目标分到各市（同 --split）", en: "county templates: first split the province's targets to the cities (as --split)" },
    { name: "period", value: "<YYYY-MM|YYYY-Qn>", required: true, zh: "报告期（在计划年份之内；有 --from 时默认为上期的下一期）", en: "the period (within the plan's years; with --from, by default the one after the previous)" },
    { name: "out", value: "<file.xlsx|dir>", required: true, zh: "输出文件（--all-cities 时为文件夹）", en: "the file written (a folder with --all-cities)" },
    {
      name: "from",
      value: "<last-period.xlsx|dir>",
      zh: "上期报送的文件（--all-cities 时为各市文件的文件夹）：其累计完成带入为上期累计，里程碑状态沿用；范围默认取自该文件",
      en: "the previous period's returned file (a folder of the cities' files with --all-cities): its 累计完成 becomes 上期累计, milestone states carry on; the scope defaults to the file's",
    },
    REVISION_OPTION,
    CORRECTIONS_OPTION,
    { name: "password", value: "<password>", zh: "工作表保护密码", en: "the sheet protection password" },
    {
      name: "form",
      value: "<workbook.xlsx|form.json>",
      zh: "报表表头（表号、制表机关、批准文号/备案号、有效期至、联系人）：取自汇总工作簿，或 JSON 文件",
      en: "the form header (表号, 制表机关, approval, valid until, contact): from the aggregator's workbook, or a JSON file",
    },
  ],
};

export const CHECK_SPEC: CommandSpec = {
  name: "check",
  operands: "<file.xlsx>...",
  zh: "校验填报文件，列出每个错误和警告",
  en: "check returned files: every error and warning",
  options: [
    { name: "json", zh: "以 JSON 输出", en: "print JSON" },
    { name: "end-of-period", zh: "期末校验：必填项为空是错误", en: "end of period: a blank required input is an error" },
    {
      name: "previous",
      value: "<last-period.xlsx>",
      zh: "与上一报告期的文件比较：累计减少、里程碑倒退、指标缺失是错误，变化异常是警告",
      en: "compare with the previous period's file: a fallen cumulative, a milestone gone back or a missing quota is an error, an implausible jump a warning",
    },
    {
      name: "revision",
      value: "<plan.txt|plan.docx|workbook.xlsx>",
      zh: "另加一个计划（文本、.docx 或导入过计划的工作簿），按它生成的文件也能识别",
      en: "add a plan besides the built-in ones (a text, a .docx or a workbook a plan was imported into), so files made from it are recognised",
    },
    CORRECTIONS_OPTION,
    LANG_OPTION,
  ],
};

export const MERGE_SPEC: CommandSpec = {
  name: "merge",
  operands: "<file.xlsx>...",
  zh: "汇总填报文件（汇总、各市完成率、排名、通报、各市明细、来源，含图表）：各市→全省，一市各县→该市（附该市报表，可再汇总到全省），配合单位→牵头单位；级别由文件决定",
  en: "merge returned files (汇总, 各市完成率, 排名, 通报, 各市明细, 来源, with charts): cities → province, a city's counties → the city (with its own return), co-responsible units → the lead unit; the files say the level",
  options: [
    { name: "out", value: "<summary.xlsx>", required: true, zh: "汇总文件（不能是任何输入文件）", en: "the summary file (never one of the inputs)" },
    { name: "json", zh: "以 JSON 输出合计、采用和被拒的文件", en: "print totals, accepted and rejected files as JSON" },
    {
      name: "accept-errors",
      zh: "采用校验有错误的文件（其有错误的单元格不计入合计并列出）",
      en: "merge files whose checks found errors (their erroneous cells are left out of the totals and listed)",
    },
    { name: "period", value: "<YYYY-MM|YYYY-Qn>", zh: "报告期（默认取多数文件的报告期）", en: "the period (default: the one most files are for)" },
    REVISION_OPTION,
    CORRECTIONS_OPTION,
    LANG_OPTION,
    {
      name: "chart-quota",
      value: "<编号>",
      zh: "「排名」表中按市作图的指标（默认为第一个分解到各市的指标）；--history 时为「进度」表中作折线图的指标，逗号分隔（默认为前三个有全省数字的指标）",
      en: "the quota whose completion by city is charted on 排名 (default: the first one split across the cities); with --history the quotas given a line chart on 进度, comma-separated (default: the first three with a province figure)",
    },
    {
      name: "history",
      value: "<dir-of-periods>",
      zh: "汇总文件夹（含子文件夹）中各期的填报文件，生成「进度」表：每个指标一组行（全省及各市），每期一列累计完成和一列状态，并作折线图",
      en: "merge the returned files of several periods in a folder (sub-folders too) into a 进度 sheet: per quota the province and each city, a column of 累计 and one of 状态 per period, with line charts",
    },
  ],
};

export const CORRECT_SPEC: CommandSpec = {
  name: "correct",
  operands: "<file.xlsx>",
  zh: "更正已报送的某期报表（写到新文件，每处更正连同原值、新值记入隐藏的「修改记录」表）：更正一个指标的填报值，或按已更正的上期报表更新本期的上期累计",
  en: "correct a returned period's report (into a new file; each change logged with its old and new value in the hidden 修改记录 sheet): one quota's inputs, or this period's 上期累计 from the corrected previous report",
  options: [
    { name: "out", value: "<corrected.xlsx>", required: true, zh: "更正后的文件（不能是输入文件）", en: "the corrected file (never the input)" },
    { name: "quota", value: "<编号>", zh: "要更正的指标", en: "the quota to correct" },
    { name: "cumulative", value: "<值>", zh: "新的累计完成", en: "the new 累计完成" },
    { name: "this-period", value: "<值>", zh: "新的本期完成", en: "the new 本期完成" },
    { name: "status", value: "<未启动|推进中|已完成>", zh: "新的进展状态", en: "the new milestone status" },
    { name: "note", value: "<说明>", zh: "新的说明", en: "the new 说明" },
    { name: "sheet", value: "<工作表>", zh: "工作簿中有多张报表含该指标时，指定其一", en: "the sheet, when several of the workbook's report sheets hold the quota" },
    {
      name: "previous",
      value: "<corrected-last-period.xlsx>",
      zh: "已更正的上期报表：本期每个上期累计与其累计完成不符的，改为其值（不能与 --quota 同用）",
      en: "the corrected previous period's report: each 上期累计 that differs from its 累计完成 becomes it (not with --quota)",
    },
    { name: "reason", value: "<原因>", zh: "记入修改记录的原因", en: "the reason logged in 修改记录" },
    { name: "password", value: "<password>", zh: "新建修改记录表的保护密码", en: "the protection password of a 修改记录 sheet it creates" },
    JSON_OPTION,
  ],
};

/** Every command's spec, in the order help lists them. */
export const COMMAND_SPECS: CommandSpec[] = [PLAN_SPEC, PLAN_DIFF_SPEC, PLAN_CHECK_SPEC, TEMPLATE_SPEC, CHECK_SPEC, MERGE_SPEC, CORRECT_SPEC];
