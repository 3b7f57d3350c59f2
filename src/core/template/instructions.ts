import { RULES } from "../findings/rules";
import { type Period, periodLabel } from "../period/period";
import type { PlanRevision } from "../plan/types";
import { type Scope, scopeLabel } from "../plan/scope";
import { MILESTONE_STATUSES, NOT_ASSIGNED, PENDING, REPORT_COLUMNS, RUNNING_KINDS } from "./columns";
import { fitRowHeights } from "./fit";
import type { FormSettings } from "./form";
import { type CellSpec, type CellValue, PAGE_NUMBER, type SheetSpec, type StyleSpec, emptyGrid, pageTextLiteral, setGridCell } from "./spec";

/**
 * 填报说明: the sheet that travels with every template and tells the person filling it what each
 * column means, what 本期 and 累计 count from, what to type for each kind of row, which checks
 * block a submission and how a 说明 clears a warning, and whom to ask. It prints like the form.
 */
export const INSTRUCTIONS_SHEET = "填报说明";

const TITLE = "填报说明";

/** Whether a sheet's values are Planbook's 填报说明 (its title cell), not a sheet a person named so. */
export function isInstructionsSheet(values: CellValue[][]): boolean {
  const title = values[0]?.[0];
  return typeof title === "string" && title.startsWith(`${TITLE}（`);
}
/** About 90 width units: one A4 portrait page wide at no less than 9 pt (see the audit sheet). */
const COLUMN_WIDTHS = [13, 74];
const FILL = { title: "#1F4E79", section: "#DDEBF7" };

/** What each report column means; a column without an entry here is listed by its title alone. */
const COLUMN_MEANINGS: Partial<Record<string, string>> = {
  id: "指标的固定编号（重点工作-指标-截止年份），汇总和核对都按它对应，请勿改动。",
  action: "指标所属的主要任务。",
  item: "指标所属的重点工作。",
  measure: "工作举措及指标原文；第二行是目标原文（如“每年培训40万人次”）。",
  units: "计划确定的责任单位。",
  kind: "每年：每年重新计数；累计：从计划起点累计到截止年份；比例：达到的比例；里程碑：只报进展状态。",
  unit: "计量单位，填报数字均按此单位。",
  year: "目标的截止年份；“每年”表示逐年考核。",
  target: `本范围的目标值（已锁定）。“${PENDING}”表示新版计划尚未确定目标；“${NOT_ASSIGNED}”表示全省目标未分解到本市，仍须填报完成数。`,
  period: "本报告期内新增完成的数量。",
  cumulative: "截至本报告期末的累计完成数（计数起点见下文）。",
  previous: "上一报告期报送的累计完成数（由上期报表带入，已锁定）。",
  status: `里程碑类指标的进展，从下拉列表选择：${MILESTONE_STATUSES.join("、")}。`,
  completion: "完成率 = 累计完成 ÷ 目标值，自动计算。",
  progress: "序时进度：按时间应完成的比例，自动计算。",
  state: "已完成 / 正常 / 滞后，自动判断：完成率落后序时进度 10 个百分点以上为滞后。",
  note: "说明：对滞后、超常或与上期不一致的数字作出解释；有警告时必须填写。",
};

export interface InstructionsRequest {
  revision: PlanRevision;
  scope: Scope;
  period: Period;
  form: FormSettings;
  password?: string | null;
  /** The period the sheet's 上期累计 came from, when it was made from the previous period's sheet. */
  previousPeriod?: Period | null;
}

type Line = { kind: "section"; text: string } | { kind: "entry"; label: string; text: string } | { kind: "blank" };

/** The counting rules for the period's cadence: what 本期, 累计 and 上期累计 count from, for each cadence the plan has. */
function countingLines(revision: PlanRevision, period: Period, previousPeriod: Period | null): Line[] {
  const monthly = period.quarter === null;
  const span = monthly ? "当月（1日至月末）" : "本季度（三个月）";
  const previous = monthly ? "上月" : "上季度";
  const cadences = new Set(revision.quotas.filter((quota) => RUNNING_KINDS.has(quota.kind)).map((quota) => quota.cadence));
  const source = previousPeriod ? `本表的上期累计取自${periodLabel(previousPeriod)}报表。` : "本表不是从上期报表生成的，上期累计只在新计数周期的第一期填为 0。";
  return [
    { kind: "entry", label: "报告期", text: `${periodLabel(period)}，${monthly ? "月报" : "季报"}。` },
    { kind: "entry", label: "本期完成", text: `${span}内新增完成的数量。` },
    {
      kind: "entry",
      label: "累计完成（每年类）",
      text: `从当年1月1日起累计到本报告期末；每年1月重新从 0 开始。${monthly ? "1月报" : "第1季度报"}的累计等于本期。`,
    },
    ...(cadences.has("quarterly")
      ? [{ kind: "entry", label: "累计完成（每季度类）", text: "从本季度第一个月1日起累计到本报告期末；每季度重新从 0 开始。" } as Line]
      : []),
    ...(cadences.has("biennial")
      ? [{ kind: "entry", label: "累计完成（每两年类）", text: "从两年考核周期（止于应完成的年份）首年的1月1日起累计；新周期重新从 0 开始。" } as Line]
      : []),
    {
      kind: "entry",
      label: "累计完成（累计类）",
      text: `从计划起点（${revision.startYear}年1月1日，含计划所列基数）累计到本报告期末，跨年不清零。`,
    },
    {
      kind: "entry",
      label: "上期累计",
      text: `${previous}报表报送的累计完成数，已锁定；新计数周期的第一期（每年类的1月或第1季度）为 0。${source}本期 = 累计 − 上期累计，相差超出四舍五入即为错误；累计数不应小于上期累计，否则为错误。`,
    },
  ];
}

/** What to type in each kind of row. */
function rowKindLines(scope: Scope): Line[] {
  const city = scope.kind === "city";
  return [
    {
      kind: "entry",
      label: "分项上报的数字",
      text: `${city ? "本市" : "本单位"}的完成数（如培训人次）：在“本期完成”“累计完成”填数字，按“单位”栏计量，计数类须为整数；全省合计由汇总时相加得出。`,
    },
    {
      kind: "entry",
      label: "分解目标",
      text: `目标值栏显示分解给${city ? "本市" : "本范围"}的目标（已锁定，不能修改）；照常填报完成数，完成率按分解目标计算。显示“${NOT_ASSIGNED}”的指标没有分解目标，仍须填报完成数。`,
    },
    {
      kind: "entry",
      label: "里程碑",
      text: `没有数字的任务（如出台制度）：在“进展状态”选择${MILESTONE_STATUSES.join("、")}，本期和累计栏为灰色不填；已完成的请在“说明”写明文件名称或文号。`,
    },
    {
      kind: "entry",
      label: "比例",
      text: "比例指标下方有“分子”“分母”两行（如：开展能级工资集体协商企业数 / 已建会规上企业数）：在这两行的“累计完成”填报告期末的个数，比例由公式自动计算，分子不能大于分母；汇总时按分子、分母分别相加再求比例，不对百分比求平均。",
    },
    {
      kind: "entry",
      label: "覆盖",
      text: `“全覆盖”“每个县（市、区）”类指标：填已覆盖的县（市、区）个数，目标为${city ? "本市" : "全省"}的县（市、区）总数。`,
    },
  ];
}

/** The checks, named as the audit sheet names them, by severity. */
function checkLines(): Line[] {
  // Only what a person filling in a sheet can meet: not the merge, split or plan-text rules.
  const names = (severity: "error" | "warning"): string =>
    Object.values(RULES)
      .filter((rule) => rule.area === "sheet" && rule.severity === severity)
      .map((rule) => rule.zh)
      .join("；");
  return [
    { kind: "entry", label: "错误（须更正）", text: `以下问题为错误，更正前不能报送，填写说明也不能消除：${names("error")}。` },
    { kind: "entry", label: "警告（须说明）", text: `以下问题为警告：${names("warning")}。在该指标行的“说明”栏写明原因后，警告即消除，审核人会阅读说明。` },
    { kind: "entry", label: "自行检查", text: "在 Excel 中可按加载项的“校验”按钮检查全部内容；不使用加载项时，状态、完成率等公式同样会即时更新。" },
  ];
}

/** The 填报说明 sheet for a template of this scope and period. */
export function instructionsSheetSpec(request: InstructionsRequest): SheetSpec {
  const { revision, scope, period, form } = request;
  const lines: Line[] = [
    { kind: "section", text: "一、各栏含义" },
    ...REPORT_COLUMNS.map((column): Line => ({ kind: "entry", label: column.title, text: COLUMN_MEANINGS[column.key] ?? "" })),
    { kind: "blank" },
    { kind: "section", text: "二、本期、累计和上期累计的计数口径" },
    ...countingLines(revision, period, request.previousPeriod ?? null),
    { kind: "blank" },
    { kind: "section", text: "三、各类指标怎么填" },
    ...rowKindLines(scope),
    { kind: "blank" },
    { kind: "section", text: "四、审核规则" },
    ...checkLines(),
    { kind: "blank" },
    { kind: "section", text: "五、联系方式" },
    { kind: "entry", label: "联系人及电话", text: form.contact || "（由汇总单位填写）" },
    ...(form.authority ? [{ kind: "entry", label: "制表机关", text: form.authority } as Line] : []),
  ];
  const headerRows = 2;
  const cells = emptyGrid(headerRows + lines.length, COLUMN_WIDTHS.length);
  const value = (text: string): CellSpec => ({ value: text });
  setGridCell(cells, 0, 0, value(`${TITLE}（${revision.title}）`));
  setGridCell(cells, 1, 0, value(`填报范围：${scopeLabel(scope)}　报告期：${periodLabel(period)}`));
  const styles: StyleSpec[] = [
    { range: "A1:B1", bold: true, fontSize: 16, horizontal: "Center", vertical: "Center", wrap: true },
    { range: "A2:B2", horizontal: "Center" },
  ];
  const merges = ["A1:B1", "A2:B2"];
  lines.forEach((line, index) => {
    const row = headerRows + 1 + index;
    if (line.kind === "section") {
      setGridCell(cells, row - 1, 0, value(line.text));
      merges.push(`A${row}:B${row}`);
      styles.push({ range: `A${row}:B${row}`, bold: true, fill: FILL.section, border: true });
    } else if (line.kind === "entry") {
      setGridCell(cells, row - 1, 0, value(line.label));
      setGridCell(cells, row - 1, 1, line.text === "" ? null : value(line.text));
      styles.push({ range: `A${row}:B${row}`, border: true, wrap: true, vertical: "Top" }, { range: `A${row}`, bold: true });
    }
  });
  return {
    name: INSTRUCTIONS_SHEET,
    cells,
    columnWidths: COLUMN_WIDTHS,
    numberFormats: [],
    styles,
    merges,
    unlocked: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 0, columns: 0 },
    print: {
      paper: "A4",
      orientation: "Portrait",
      fitToPagesWide: 1,
      titleRows: "1:2",
      header: { center: pageTextLiteral(TITLE) },
      footer: { center: PAGE_NUMBER },
    },
    rowHeights: fitRowHeights({ cells, columnWidths: COLUMN_WIDTHS, styles, merges }),
    protection: { password: request.password ?? null },
    visibility: "Visible",
    tabColor: "#605E5C",
  };
}
