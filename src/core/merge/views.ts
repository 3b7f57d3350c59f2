import { columnLetter, runs, sheetRef } from "../snapshot/a1";
import { type Period, parsePeriod, periodLabel } from "../period/period";
import { type Stage, stageAt } from "../period/stage";
import type { PlanRevision } from "../plan/types";
import { type Scope, pathInScope, scopeLabel } from "../plan/scope";
import { BEHIND_THRESHOLD, STATES } from "../template/columns";
import { fitRowHeights } from "../template/fit";
import { averageFormula, completionAgainst, laggingBelow, quotaStateFormula } from "../template/formulas";
import { sheetSpec } from "../template/sheet";
import { required } from "../shared/required";
import { type CellSpec, type CellValue, type SheetSpec, type StyleSpec, emptyGrid, pageTextLiteral, setGridCell } from "../template/spec";
import { PALETTE, PERCENT_FORMAT, headerStyle, stateFormats } from "../template/styles";
import { chinaDateTime } from "../period/time";
import { type ChartSpec, itemTable } from "./charts";
import { DETAIL_SHEET, type SummaryColumns, type SummaryRow, blockRange, rowTotal } from "./layout";
import type { Rollup } from "./rollup";

/**
 * The summary as people read it, built beside the detail sheet (各市明细, every city's figures:
 * what a later merge reads back) and computed from it by formulas:
 * - 汇总: the province view, one row per quota — target, total, 完成率, 序时进度, 状态 and how
 *   many cities lag — on A3, with completion by key work item as a chart;
 * - 各市完成率: the city matrix, quotas × cities;
 * - 排名: the cities ranked for each quota split across them, with a chart for the chosen one;
 * - 通报: the lagging quotas and cities, with their 说明.
 */
export const PROVINCE_SHEET = "汇总";
export const MATRIX_SHEET = "各市完成率";
export const RANKING_SHEET = "排名";
export const BULLETIN_SHEET = "通报";

const CHART_SIZE = { width: 480, height: 288 };
/** Rows kept free under a table for a chart of CHART_SIZE at the default row height (so it prints). */
const CHART_ROWS = 21;

export interface ViewsInput {
  revision: PlanRevision;
  /** Whose summary it is: a city's follows its Annex 2 shares' paths. */
  parent: Scope;
  /** What the children are (cities, counties, units): the views name them so, and the parent by its name. */
  childKind: Rollup["childKind"];
  period: string;
  rows: SummaryRow[];
  col: SummaryColumns;
  firstData: number;
  cities: string[];
  merged: number;
  mergedAt: string;
  password: string | null;
  /**
   * Each row's and city's figures at merge time, for the 通报 list, with where the city's own path
   * stands (its 序时进度 as a share, and whether the period ends on its deadline).
   */
  figures: (rowIndex: number, city: string) => { actual: CellValue; target: CellValue; note: CellValue; progress: number; final: boolean };
  /** The quota (summary row id) whose completion by city is charted; the first ranked one by default. */
  chartQuota?: string;
}

export interface BuiltViews {
  sheets: SheetSpec[];
  charts: ChartSpec[];
}

const L = columnLetter;

/** The children's word in the views' titles and columns (市, 县, 单位). */
const CHILD_TITLE: Record<Rollup["childKind"], string> = { city: "市", county: "县", unit: "单位" };

/** How the views name the parent and its children: 全省 and 市 for the province, 杭州市 and 县 for a city's summary. */
function names(input: Pick<ViewsInput, "parent" | "childKind">): { parent: string; child: string } {
  return { parent: input.parent.kind === "province" ? "全省" : scopeLabel(input.parent), child: CHILD_TITLE[input.childKind] };
}
const detail = (address: string): string => sheetRef(DETAIL_SHEET, address);
const value = (v: CellValue): CellSpec | null => (v === null || v === "" ? null : { value: v });

/** The target phrase of a row, without the measure it belongs to (for narrow columns). */
export function shortLabel(row: SummaryRow): string {
  return row.label.slice(row.label.lastIndexOf("\n") + 1);
}

/** 序时进度 of a row at the end of the period: where its quota's path stands (see `stageAt`), and whether its status is final. */
function progressOf(row: SummaryRow, period: Period, input: ViewsInput): Stage["progress"] & { text: string; final: boolean } {
  const quota = Object.values(row.quotaByChild)[0];
  if (!quota) return { expected: 0, of: 1, text: "0/1", final: false };
  const stage = stageAt(pathInScope(quota, input.parent, input.revision), period, input.revision);
  return { ...stage.progress, text: stage.progressText, final: stage.final };
}

/** Below which completion each city's 状态 is 滞后 (未完成 at its deadline), along the city's own path. */
function cityLaggingBelow(input: ViewsInput, index: number): number[] {
  const row = required(input.rows[index], `summary row ${index}`);
  return input.cities.map((city) => {
    const { progress, final } = input.figures(index, city);
    return Number(laggingBelow(row, progress, final).toPrecision(12));
  });
}

/** How many cities' completions in `range` (one cell a city) are below their own `thresholds`. */
function countBelowFormula(range: { first: number; row: number }, thresholds: number[]): string {
  if (thresholds.every((t) => t === thresholds[0])) {
    return `COUNTIF(${detail(blockRange(range.first, thresholds.length, range.row))},"<"&${thresholds[0]})`;
  }
  return thresholds.map((t, i) => `COUNTIF(${detail(`${L(range.first + i)}${range.row}`)},"<"&${t})`).join("+");
}

/** Rows whose target is split across the cities (Annex 2 families, the aggregator's splits): ranked. */
export function rankedRows(input: Pick<ViewsInput, "rows" | "cities" | "figures">): number[] {
  return input.rows.flatMap((row, index) =>
    row.kind !== "milestone" && input.cities.some((city) => typeof input.figures(index, city).target === "number") ? [index] : [],
  );
}

export function buildViews(input: ViewsInput): BuiltViews {
  const period = parsePeriod(input.period);
  const province = provinceSheet(input, period);
  const matrix = matrixSheet(input);
  const ranking = rankingSheet(input);
  const bulletin = bulletinSheet(input, period);
  return { sheets: [province.sheet, matrix, ranking.sheet, bulletin], charts: [province.chart, ...(ranking.chart ? [ranking.chart] : [])] };
}

function infoLine(input: ViewsInput): string {
  return `报告期：${periodLabel(parsePeriod(input.period))}　计划版本：${input.revision.label}（${input.revision.revision}）　已汇总 ${input.merged}/${input.cities.length} ${names(input).child}　汇总时间：${chinaDateTime(input.mergedAt)}`;
}

function provinceSheet(input: ViewsInput, period: Period): { sheet: SheetSpec; chart: ChartSpec } {
  const { rows, col, firstData, cities, revision } = input;
  const { parent, child } = names(input);
  const titles = ["编号", "工作举措/指标", "计量单位", `${parent}目标`, `${parent}合计`, "本期合计", "完成率", "序时进度", "状态", `滞后${child}数`, `已报${child}数`];
  // Column C is 计量单位 above and the key work items' 完成率 below: wide enough for a rate of 10000%.
  const widths = [13, 38, 10, 9, 9, 9, 10, 8, 6, 7, 7];
  const header = 3;
  const first = header + 1;
  const last = first + rows.length - 1;
  const items = itemTable(revision, rows);
  const itemHeader = last + 2;
  const height = itemHeader + items.length + 1 + CHART_ROWS;
  const cells = emptyGrid(height, titles.length);
  const lastCol = L(titles.length - 1);
  setGridCell(cells, 0, 0, { value: `${revision.title}${parent}汇总表` });
  setGridCell(cells, 1, 0, { value: infoLine(input) });
  titles.forEach((title, i) => setGridCell(cells, header - 1, i, { value: title }));
  rows.forEach((row, index) => {
    const r = first + index;
    const d = firstData + index;
    const progress = progressOf(row, period, input);
    const at = (column: number): string => detail(`${L(column)}${d}`);
    const line: (CellSpec | null)[] = [
      { value: row.id },
      { value: row.label },
      value(row.unit ?? "—"),
      value(row.provinceTarget),
      { formula: `=IF(${at(col.total)}="","",${at(col.total)})` },
      row.kind === "annual" || row.kind === "cumulative" ? { formula: `=IF(${at(col.periodTotal)}="","",${at(col.periodTotal)})` } : null,
      { formula: `=IF(${at(col.completion)}="","",${at(col.completion)})` },
      // A ratio's numerator and denominator are counts with no target: no 序时进度 either.
      row.part ? null : { formula: `=${progress.text}` },
      // The reports' own rule: a level against its whole target, final (已完成 / 未完成) at a deadline.
      row.kind === "milestone" ? null : { formula: quotaStateFormula(row, `G${r}`, `H${r}`, progress.final) },
      row.kind === "milestone"
        ? null
        : { formula: `=IF(H${r}="","",${countBelowFormula({ first: col.childCompletion, row: d }, cityLaggingBelow(input, index))})` },
      { formula: `=${row.kind === "milestone" ? "COUNTA" : "COUNT"}(${detail(blockRange(col.actual, cities.length, d))})` },
    ];
    cells[r - 1] = line;
  });
  setGridCell(cells, itemHeader - 1, 1, { value: "重点工作" });
  setGridCell(cells, itemHeader - 1, 2, { value: "完成率" });
  items.forEach((item, i) => {
    const refs = runs(item.rowIndexes.map((index) => first + index)).map(([a, b]) => (a === b ? `G${a}` : `G${a}:G${b}`));
    setGridCell(cells, itemHeader + i, 1, { value: item.label });
    setGridCell(cells, itemHeader + i, 2, { formula: averageFormula(refs) });
  });
  const styles: StyleSpec[] = [
    { range: `A1:${lastCol}1`, bold: true, fontSize: 16, horizontal: "Center" },
    { range: `A2:${lastCol}2`, horizontal: "Center" },
    headerStyle(`A${header}:${lastCol}${header}`),
    { range: `B${itemHeader}:C${itemHeader}`, bold: true, fill: PALETTE.header, border: true },
  ];
  if (rows.length > 0) styles.push({ range: `A${first}:${lastCol}${last}`, border: true, wrap: true, vertical: "Top" });
  if (items.length > 0) styles.push({ range: `B${itemHeader + 1}:C${itemHeader + items.length}`, border: true, wrap: true });
  const numberFormats = rows.length > 0 ? [{ range: `G${first}:H${last}`, format: PERCENT_FORMAT }] : [];
  if (items.length > 0) numberFormats.push({ range: `C${itemHeader + 1}:C${itemHeader + items.length}`, format: PERCENT_FORMAT });
  const merges = [`A1:${lastCol}1`, `A2:${lastCol}2`];
  const sheet = sheetSpec({
    name: PROVINCE_SHEET,
    cells,
    columnWidths: widths,
    numberFormats,
    styles,
    merges,
    conditionalFormats: rows.length > 0 ? stateFormats(`I${first}:I${last}`, `$I${first}`) : [],
    freeze: { rows: header, columns: 2 },
    titleRows: `${header}:${header}`,
    paper: "A3",
    header: { center: pageTextLiteral(`${revision.title}${parent}汇总表`) },
    // The key work item table starts a page, so the chart under it prints whole, however long the quota table.
    pageBreaks: [itemHeader],
    rowHeights: fitRowHeights({ cells, columnWidths: widths, styles, merges }),
    password: input.password,
    tabColor: PALETTE.summaryTab,
  });
  const chart: ChartSpec = {
    name: "PlanbookItemCompletion",
    type: "ColumnClustered",
    title: "各重点工作完成率",
    sheet: PROVINCE_SHEET,
    source: `B${itemHeader}:C${itemHeader + items.length}`,
    seriesBy: "Columns",
    topLeft: `B${itemHeader + items.length + 2}`,
    ...CHART_SIZE,
  };
  return { sheet, chart };
}

function matrixSheet(input: ViewsInput): SheetSpec {
  const { rows, col, firstData, cities } = input;
  const header = 3;
  const first = header + 1;
  const width = 3 + cities.length;
  // A rate as wide as 99999.9% (a figure typed in the wrong unit) still prints, not as ###.
  const widths = [13, 24, 10.5, ...cities.map(() => 10.5)];
  const cells = emptyGrid(first + rows.length - 1, width);
  const lastCol = L(width - 1);
  const { parent, child } = names(input);
  setGridCell(cells, 0, 0, { value: `各${child}完成率` });
  setGridCell(cells, 1, 0, { value: infoLine(input) });
  ["编号", "指标", parent, ...cities].forEach((title, i) => setGridCell(cells, header - 1, i, { value: title }));
  rows.forEach((row, index) => {
    const d = firstData + index;
    const r = first + index;
    setGridCell(cells, r - 1, 0, { value: row.id });
    setGridCell(cells, r - 1, 1, { value: shortLabel(row) });
    setGridCell(cells, r - 1, 2, { formula: `=IF(${detail(`${L(col.completion)}${d}`)}="","",${detail(`${L(col.completion)}${d}`)})` });
    cities.forEach((_, i) => {
      const ref = detail(`${L(col.childCompletion + i)}${d}`);
      setGridCell(cells, r - 1, 3 + i, { formula: `=IF(${ref}="","",${ref})` });
    });
  });
  const last = first + rows.length - 1;
  const styles: StyleSpec[] = [{ range: `A1:${lastCol}1`, bold: true, fontSize: 16, horizontal: "Center" }, { range: `A2:${lastCol}2`, horizontal: "Center" }, headerStyle(`A${header}:${lastCol}${header}`)];
  if (rows.length > 0) styles.push({ range: `A${first}:${lastCol}${last}`, border: true, wrap: true, vertical: "Top" });
  const merges = [`A1:${lastCol}1`, `A2:${lastCol}2`];
  return sheetSpec({
    name: MATRIX_SHEET,
    cells,
    columnWidths: widths,
    numberFormats: rows.length > 0 ? [{ range: `C${first}:${lastCol}${last}`, format: PERCENT_FORMAT }] : [],
    styles,
    merges,
    freeze: { rows: header, columns: 2 },
    titleRows: `${header}:${header}`,
    paper: "A3",
    header: { center: pageTextLiteral(`各${child}完成率`) },
    rowHeights: fitRowHeights({ cells, columnWidths: widths, styles, merges }),
    password: input.password,
    tabColor: PALETTE.summaryTab,
  });
}

function rankingSheet(input: ViewsInput): { sheet: SheetSpec; chart: ChartSpec | null } {
  const { rows, col, firstData, cities } = input;
  const ranked = rankedRows(input);
  const chosen = ranked.find((index) => rows[index]?.id === input.chartQuota) ?? ranked[0];
  const blockHeight = cities.length + 3;
  // Enough columns for the chart to end inside the grid: a drawing past the print area widens the printout.
  const chartColumns = 10;
  const width = 5 + chartColumns;
  const widths = [10, 8, 6, 10, 10, ...Array<number>(chartColumns).fill(8.5)];
  const top = 3;
  const height = Math.max(top + ranked.length * blockHeight, top + CHART_ROWS);
  const cells = emptyGrid(height, width);
  const { child } = names(input);
  setGridCell(cells, 0, 0, { value: `各${child}排名（分解到各${child}的指标）` });
  setGridCell(cells, 1, 0, { value: infoLine(input) });
  const styles: StyleSpec[] = [{ range: `A1:${L(width - 1)}1`, bold: true, fontSize: 16, horizontal: "Center" }, { range: `A2:${L(width - 1)}2`, horizontal: "Center" }];
  const merges = [`A1:${L(width - 1)}1`, `A2:${L(width - 1)}2`];
  const numberFormats: { range: string; format: string }[] = [];
  let chart: ChartSpec | null = null;
  ranked.forEach((index, block) => {
    // rankedRows gives indexes into rows.
    const row = required(rows[index], `summary row ${index}`);
    const d = firstData + index;
    const title = top + block * blockHeight;
    const head = title + 1;
    setGridCell(cells, title - 1, 0, { value: `${row.id}　${shortLabel(row)}` });
    merges.push(`A${title}:E${title}`);
    [child, "完成率", "名次", "目标", "完成"].forEach((text, i) => setGridCell(cells, head - 1, i, { value: text }));
    const a = head + 1;
    const b = head + cities.length;
    cities.forEach((city, i) => {
      const r = head + 1 + i;
      const completion = detail(`${L(col.childCompletion + i)}${d}`);
      cells[r - 1] = [
        { value: city },
        { formula: `=IF(${completion}="","",${completion})` },
        { formula: `=IF(ISNUMBER(B${r}),RANK(B${r},$B$${a}:$B$${b}),"")` },
        { formula: `=IF(${detail(`${L(col.childTarget + i)}${d}`)}="","",${detail(`${L(col.childTarget + i)}${d}`)})` },
        { formula: `=IF(${detail(`${L(col.actual + i)}${d}`)}="","",${detail(`${L(col.actual + i)}${d}`)})` },
        ...Array<CellSpec | null>(chartColumns).fill(null),
      ];
    });
    styles.push({ range: `A${title}:E${title}`, bold: true, fill: PALETTE.band, wrap: true }, headerStyle(`A${head}:E${head}`), { range: `A${a}:E${b}`, border: true });
    numberFormats.push({ range: `B${a}:B${b}`, format: PERCENT_FORMAT });
    if (index === chosen) {
      chart = {
        name: "PlanbookCityCompletion",
        type: "ColumnClustered",
        title: `各${child}完成率：${shortLabel(row)}`,
        sheet: RANKING_SHEET,
        source: `A${head}:B${b}`,
        seriesBy: "Columns",
        topLeft: `F${top}`,
        ...CHART_SIZE,
      };
    }
  });
  if (ranked.length === 0) setGridCell(cells, top - 1, 0, { value: `本计划没有分解到各${child}的指标。` });
  return {
    sheet: sheetSpec({
      name: RANKING_SHEET,
      cells,
      columnWidths: widths,
      numberFormats,
      styles,
      merges,
      freeze: { rows: 2, columns: 0 },
      titleRows: "1:2",
      paper: "A3",
      header: { center: pageTextLiteral(`各${child}排名`) },
      rowHeights: fitRowHeights({ cells, columnWidths: widths, styles, merges }),
      password: input.password,
      tabColor: PALETTE.summaryTab,
    }),
    chart,
  };
}

/**
 * 通报: quotas and cities whose 状态 is 滞后 — or 未完成 at a deadline — as found at merge time, by the
 * reports' own rule (a level against its whole target; a city along its own path).
 */
function bulletinSheet(input: ViewsInput, period: Period): SheetSpec {
  const { rows, cities } = input;
  const { parent, child } = names(input);
  type Entry = { kind: string; row: SummaryRow; city: string; completion: number; progress: number; note: CellValue };
  const entries: Entry[] = [];
  rows.forEach((row, index) => {
    if (row.kind === "milestone") return;
    const { expected, of, final } = progressOf(row, period, input);
    const progress = expected / of;
    const found = cities.map((city) => ({ city, ...input.figures(index, city) }));
    const total = rowTotal(rows, index, (i) => cities.map((city) => input.figures(i, city).actual));
    const target = row.provinceTarget;
    const completion = total !== null && typeof target === "number" ? completionAgainst(row, total, target) : null;
    if (completion !== null && completion < laggingBelow(row, progress, final)) {
      entries.push({ kind: final ? "指标未完成" : "指标滞后", row, city: parent, completion, progress, note: null });
    }
    for (const f of found) {
      const own = typeof f.actual === "number" && typeof f.target === "number" ? completionAgainst(row, f.actual, f.target) : null;
      if (own !== null && own < laggingBelow(row, f.progress, f.final)) {
        entries.push({ kind: `${child}${f.final ? "未完成" : "滞后"}`, row, city: f.city, completion: own, progress: f.progress, note: f.note });
      }
    }
  });
  const titles = ["序号", "类型", "编号", "指标", child, "完成率", "序时进度", "说明"];
  const widths = [5, 9, 13, 30, 8, 8, 8, 40];
  const header = 3;
  const cells = emptyGrid(header + Math.max(1, entries.length), titles.length);
  setGridCell(cells, 0, 0, { value: `通报：滞后和未完成的指标和${child}（${STATES.behind}：完成率落后序时进度 ${BEHIND_THRESHOLD * 100} 个百分点以上，控制类、增长类指标未达目标；${STATES.notDone}：到期未达目标）` });
  setGridCell(cells, 1, 0, { value: infoLine(input) });
  titles.forEach((title, i) => setGridCell(cells, header - 1, i, { value: title }));
  entries.forEach((entry, i) => {
    cells[header + i] = [
      { value: i + 1 },
      { value: entry.kind },
      { value: entry.row.id },
      { value: shortLabel(entry.row) },
      { value: entry.city },
      { value: entry.completion },
      { value: entry.progress },
      value(entry.note),
    ];
  });
  if (entries.length === 0) setGridCell(cells, header, 0, { value: `没有滞后或未完成的指标和${child}。` });
  const last = header + Math.max(1, entries.length);
  const lastCol = L(titles.length - 1);
  const styles: StyleSpec[] = [
    { range: `A1:${lastCol}1`, bold: true, fontSize: 14, horizontal: "Center", wrap: true },
    { range: `A2:${lastCol}2`, horizontal: "Center" },
    headerStyle(`A${header}:${lastCol}${header}`),
    { range: `A${header + 1}:${lastCol}${last}`, border: true, wrap: true, vertical: "Top" },
  ];
  const merges = [`A1:${lastCol}1`, `A2:${lastCol}2`, ...(entries.length === 0 ? [`A${header + 1}:${lastCol}${header + 1}`] : [])];
  return sheetSpec({
    name: BULLETIN_SHEET,
    cells,
    columnWidths: widths,
    numberFormats: [{ range: `F${header + 1}:G${last}`, format: PERCENT_FORMAT }],
    styles,
    merges,
    freeze: { rows: header, columns: 0 },
    titleRows: `${header}:${header}`,
    header: { center: pageTextLiteral("通报") },
    rowHeights: fitRowHeights({ cells, columnWidths: widths, styles, merges }),
    password: input.password,
    tabColor: PALETTE.summaryTab,
  });
}
