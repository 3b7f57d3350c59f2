import { columnLetter, runs } from "../snapshot/a1";
import { fittedToCell, isBlank } from "../snapshot/cells";
import { chinaDateTime } from "../period/time";
import { type Period, canonicalPeriod, parsePeriod } from "../period/period";
import { type BuiltTemplate, buildTemplate } from "../template/build";
import type { CarriedRow } from "../template/carried";
import { idsOnSheet, scopeLabel } from "../plan/scope";
import { averageFormula, completionAgainst, coverageFormula, milestoneCompletionFormula, quotaCompletionFormula, ratioFormula, rolledUpStatus, sumFormula, totalFormula } from "../template/formulas";
import { fitRowHeights } from "../template/fit";
import { isPair, partId, shareOf } from "../template/ratio-parts";
import type { ReportRow } from "../snapshot/read-sheets";
import { sheetSpec } from "../template/sheet";
import { type CellSpec, type CellValue, type SheetSpec, type StyleSpec, emptyGrid, pageTextLiteral, setGridCell } from "../template/spec";
import { PALETTE, PERCENT_FORMAT, RATIO_FORMAT, headerStyle, titleStyle } from "../template/styles";
import { stageInScope, targetCell } from "../template/targets";
import { type ChartSpec, itemTable } from "./charts";
import { type ViewsInput, buildViews, rankedRows, shortLabel } from "./views";
import {
  FILE_ROW_LABEL,
  INFO_LABELS,
  SUMMARY_ROWS,
  DETAIL_SHEET,
  SUMMARY_TITLES,
  type SummaryColumns,
  type SummaryRow,
  blockRange,
  hasParts,
  rowTotal,
  summaryColumns,
  summaryRows,
} from "./layout";
import type { AcceptedFile, FigureKey, MergeContext, RejectedFile } from "./merge";
import { CHILD_WORD, type Rollup, childScope, provinceRollup } from "./rollup";
import { buildSources } from "./sources";
import { type KeptFigures, type SummaryState, stateFor } from "./state";


export interface SummaryContext extends MergeContext {
  /** When the merge runs (ISO text); passed in because the core reads no clock. */
  mergedAt: string;
  /** Listed on the 来源 sheet with their reasons. */
  rejected?: RejectedFile[];
  /** The summary row id whose completion by city is charted (the first ranked quota by default). */
  chartQuota?: string;
  password?: string | null;
}

export interface SummaryTotal {
  /** The summary row's id: a quota id, or an Annex 2 family id. */
  quotaId: string;
  target: CellValue;
  /** Sum of the cities' figures (their mean for ratios); null for milestones or when no city reported. */
  actual: number | null;
  completion: number | null;
}

export interface BuiltSummary {
  /** The detail sheet (各市明细): every city's figures, read back by a later merge. */
  summary: SheetSpec;
  sources: SheetSpec;
  /** The sheets people read (汇总, 各市完成率, 排名, 通报), computed from the detail sheet. */
  views: SheetSpec[];
  /** Every sheet in the order a workbook shows them: the views, the detail, the sources. */
  sheets: SheetSpec[];
  /** Completion by key work item (on 汇总) and by city for the chosen quota (on 排名). */
  charts: ChartSpec[];
  totals: SummaryTotal[];
  /** Children (cities, counties, units) with figures in the summary, in column order. */
  filled: string[];
  /**
   * The parent's own return filled with the totals (a city's sheet in a city summary, the lead unit's
   * in a unit summary): itself a valid return for the level above. Null for the province.
   */
  parentReturn: BuiltTemplate | null;
}

const cell = (value: CellValue | undefined): CellSpec | null => (isBlank(value) ? null : { value });
const L = columnLetter;

/** A city's figures in every summary row, and the file they came from. */
interface CityColumn {
  file: string;
  figures: Record<string, KeptFigures>;
}

export function figuresFromFile(file: AcceptedFile, rows: SummaryRow[], rollup: Rollup, context: MergeContext): Record<string, KeptFigures> {
  const byId = new Map(file.report.rows.map((row) => [row.quotaId, row]));
  // Figures with errors in a file accepted despite them are not summed (they are listed instead).
  const excluded = new Set(file.excluded.map((cell) => `${cell.quotaId}\u0001${cell.key}`));
  const figure = (quotaId: string, key: FigureKey, value: CellValue): CellValue => (excluded.has(`${quotaId}\u0001${key}`) ? null : value);
  const found = (row: SummaryRow | undefined) => {
    if (!row) return undefined;
    const quota = row.quotaByChild[file.child];
    if (!quota) return undefined;
    // A file made earlier carries the quota's former id, or the city's Annex 2 share's row; a ratio's figure is on a row of its own.
    const ids = idsOnSheet(quota, childScope(rollup, file.child), context.revision, context.geography);
    const part = row.part;
    return (part ? ids.map((id) => partId(id, part)) : ids).map((id) => byId.get(id)).find((r) => r !== undefined);
  };
  // A ratio's two figures in the file, from the row index of its numerator: null unless they are a pair to add up.
  const pairAt = (numeratorIndex: number) => pairInFile(found(rows[numeratorIndex]), found(rows[numeratorIndex + 1]), figure);
  const figuresOf = (row: SummaryRow, index: number): KeptFigures | null => {
    const own = found(row);
    if (!own) return null;
    const v = own.values;
    if (row.part) {
      // A figure goes into the totals only with its partner: a 分子 whose 分母 is blank or left out leaves with it.
      const pair = pairAt(row.part === "numerator" ? index : index - 1);
      return { actual: pair ? pair[row.part] : null, period: null, note: fittedToCell(v.note), target: v.target };
    }
    // A ratio collected as figures is their quotient here, whatever its cell showed (a file saved without recalculating shows none).
    const pair = row.kind === "ratio" && hasParts(rows, index) ? pairAt(index + 1) : undefined;
    const share = pair === undefined ? undefined : pair && shareOf(pair.numerator, pair.denominator);
    return {
      // A milestone reports a status; a ratio has no "this period" figure (its cell is locked).
      actual: row.kind === "milestone" ? figure(own.quotaId, "status", v.status) : share !== undefined ? share : figure(own.quotaId, "cumulative", v.cumulative),
      period: row.kind === "annual" || row.kind === "cumulative" ? figure(own.quotaId, "period", v.period) : null,
      // A 说明 longer than a cell holds is a finding of the file (text-too-long); the summary shows what fits.
      note: fittedToCell(v.note),
      target: v.target,
    };
  };
  return Object.fromEntries(rows.flatMap((row, index) => {
    const figures = figuresOf(row, index);
    return figures ? [[row.id, figures]] : [];
  }));
}

/** A ratio's figures' rows in a file as counts to add up: null while either is missing, excluded, not a number, or not a pair (see isPair). */
function pairInFile(
  numerator: ReportRow | undefined,
  denominator: ReportRow | undefined,
  figure: (quotaId: string, key: FigureKey, value: CellValue) => CellValue,
): { numerator: number; denominator: number } | null {
  const count = (row: ReportRow | undefined): number | null => {
    const value = row ? figure(row.quotaId, "cumulative", row.values.cumulative) : null;
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  };
  const [n, d] = [count(numerator), count(denominator)];
  return n !== null && d !== null && isPair(n, d) ? { numerator: n, denominator: d } : null;
}

/**
 * A child's target in a row: what its own sheet shows (the plan's share, the aggregator's split, a
 * ratio as it stands, its counties to cover), else the number its file was made with. A
 * co-responsible unit has no target of its own, nor has a ratio's numerator or denominator.
 */
function cityTarget(row: SummaryRow, child: string, context: MergeContext, rollup: Rollup, column: CityColumn | undefined, period: Period): CellValue {
  const quota = row.quotaByChild[child];
  // A ratio's numerator and denominator are counts with no target of their own.
  if (!quota || rollup.childKind === "unit" || row.part) return null;
  const target = targetCell(quota, childScope(rollup, child), { revision: context.revision, splits: context.splits, geography: context.geography, period });
  if (typeof target === "number") return target;
  const carried = column?.figures[row.id]?.target;
  return typeof carried === "number" ? carried : null;
}

/** Each city's column of figures: what the existing summary keeps for it, replaced by its accepted file's. */
function cityColumns(accepted: AcceptedFile[], rows: SummaryRow[], rollup: Rollup, context: MergeContext, existing: SummaryState | null): Map<string, CityColumn> {
  const columns = new Map<string, CityColumn>();
  for (const kept of existing?.children ?? []) columns.set(kept.child, { file: kept.file, figures: kept.figures });
  for (const file of accepted) columns.set(file.child, { file: file.name, figures: figuresFromFile(file, rows, rollup, context) });
  return columns;
}

/**
 * A row's and city's figures at merge time, with the city's target and where the city's own path
 * stands (an Annex 2 share runs from the city's stock to its own points) — for 排名 and 通报.
 */
function cityFigures(rows: SummaryRow[], columns: Map<string, CityColumn>, context: MergeContext, rollup: Rollup, period: Period): ViewsInput["figures"] {
  return (index, city) => {
    const row = rows[index];
    const column = columns.get(city);
    if (!row) return { actual: null, target: null, note: null, progress: 0, final: false };
    const figures = column?.figures[row.id];
    const quota = row.quotaByChild[city] ?? Object.values(row.quotaByChild)[0];
    const stage = quota ? stageInScope(quota, childScope(rollup, city), period, context) : null;
    return {
      actual: figures?.actual ?? null,
      target: cityTarget(row, city, context, rollup, column, period),
      note: figures?.note ?? null,
      progress: stage ? stage.progress.expected / stage.progress.of : 0,
      final: stage?.final ?? false,
    };
  };
}

/**
 * The quotas whose completion by city 排名 can chart — the choices for `chartQuota` — in 排名's
 * order, the default (the first) first. The same files and context as the merge give the same list.
 */
export function chartQuotaChoices(accepted: AcceptedFile[], context: MergeContext): { id: string; label: string }[] {
  const period = canonicalPeriod(context.period);
  const rollup = context.rollup ?? provinceRollup(context.revision);
  const rows = summaryRows(context.revision, parsePeriod(period), rollup, { splits: context.splits, geography: context.geography });
  const existing = stateFor(context.existing, period, context.revision.revision);
  const figures = cityFigures(rows, cityColumns(accepted, rows, rollup, context, existing), context, rollup, parsePeriod(period));
  return rankedRows({ rows, cities: rollup.children, figures }).flatMap((index) => {
    const row = rows[index];
    return row ? [{ id: row.id, label: shortLabel(row) }] : [];
  });
}

/** Where the summary's parts sit: data rows, then the city table, then the key work item table. */
interface SummaryGeometry {
  period: Period;
  col: SummaryColumns;
  cities: string[];
  rows: SummaryRow[];
  firstData: number;
  lastData: number;
  cityTableHeader: number;
  items: { label: string; rowIndexes: number[] }[];
  itemTableHeader: number;
}

/**
 * Builds the 汇总 and 来源 sheets from the accepted city files (and what an existing summary holds
 * for the cities they do not replace). Figures are written as values — a formula typed into a city
 * file never becomes a live formula here — while totals and completion rates are live formulas.
 */
export function buildSummary(accepted: AcceptedFile[], context: SummaryContext): BuiltSummary {
  const { revision } = context;
  const period = canonicalPeriod(context.period);
  const rollup = context.rollup ?? provinceRollup(revision);
  const cities = rollup.children;
  const rows = summaryRows(revision, parsePeriod(period), rollup, { splits: context.splits, geography: context.geography });
  const existing = stateFor(context.existing, period, revision.revision);

  const columns = cityColumns(accepted, rows, rollup, context, existing);
  const filled = cities.filter((city) => columns.has(city));

  const { firstData } = SUMMARY_ROWS;
  const lastData = firstData + rows.length - 1;
  const cityTableHeader = lastData + 2;
  const items = itemTable(revision, rows);
  const itemTableHeader = cityTableHeader + cities.length + 2;
  const geometry: SummaryGeometry = { period: parsePeriod(period), col: summaryColumns(cities.length), cities, rows, firstData, lastData, cityTableHeader, items, itemTableHeader };
  const cells = emptyGrid(itemTableHeader + items.length, geometry.col.width);
  const put = (row: number, column: number, spec: CellSpec | null): void => setGridCell(cells, row - 1, column, spec);

  writeHeading(put, geometry, rollup, { title: revision.title, period, revision: revision.revision, merged: filled.length, mergedAt: context.mergedAt });
  cities.forEach((city, i) => put(SUMMARY_ROWS.file, geometry.col.actual + i, cell(columns.get(city)?.file)));
  const totals = rows.map((row, index) => writeDataRow(put, geometry, row, index, columns, context, rollup));
  writeChartTables(put, geometry);

  const keptCities = existing?.children.filter((c) => !accepted.some((a) => a.child === c.child)) ?? [];
  const views = buildViews({
    revision,
    parent: rollup.parent,
    childKind: rollup.childKind,
    period,
    rows,
    col: geometry.col,
    firstData,
    cities,
    merged: filled.length,
    mergedAt: context.mergedAt,
    password: context.password ?? null,
    chartQuota: context.chartQuota,
    paths: { revision, splits: context.splits, geography: context.geography },
    figures: cityFigures(rows, columns, context, rollup, geometry.period),
  });
  const summary = summarySheet(cells, geometry, context.password ?? null);
  const sources = buildSources({ accepted, rejected: context.rejected ?? [], kept: keptCities, context, period, mergedAt: context.mergedAt, password: context.password ?? null });
  const rolledUp = [...columns.values()].map((column) => column.figures);
  return {
    parentReturn: rollup.parent.kind === "province" ? null : parentReturn(rollup, rows, rolledUp, filled, context, period),
    summary,
    sources,
    views: views.sheets,
    sheets: [...views.sheets, summary, sources],
    charts: views.charts,
    totals,
    filled,
  };
}

type Put = (row: number, column: number, spec: CellSpec | null) => void;

/** The parent's sheet filled with the totals of its children, as values (never a formula a child typed). */
function parentReturn(
  rollup: Rollup,
  rows: SummaryRow[],
  figures: Record<string, KeptFigures>[],
  filled: string[],
  context: SummaryContext,
  period: string,
): BuiltTemplate {
  const word = CHILD_WORD[rollup.childKind].zh;
  const of = (row: SummaryRow | undefined, key: "actual" | "period"): CellValue[] => (row ? figures.map((f) => f[row.id]?.[key] ?? null) : []);
  const carried: CarriedRow[] = rows.flatMap((row, index): CarriedRow[] => {
    if (row.regional) return [];
    const total = rowTotal(rows, index, (i) => of(rows[i], "actual"));
    // Coverage gained this period cannot be told from the children's counts of things: none.
    const periodTotal = (row.kind === "annual" || row.kind === "cumulative") && !row.covers ? rowTotal(rows, index, (i) => of(rows[i], "period")) : null;
    return [
      {
        quotaId: row.id,
        period: periodTotal === null ? null : Number(periodTotal.toPrecision(15)),
        cumulative: total === null || row.kind === "ratio" || row.kind === "growth" ? total : Number(total.toPrecision(15)),
        status: row.kind === "milestone" ? rolledUpStatus(of(row, "actual")) : null,
        note: `由 ${filled.length} 个${word}汇总：${filled.join("、")}`,
        measure: row.label,
        target: row.provinceTarget,
        unit: row.unit,
        // The parent's 上期累计 is its own sheet's: 0 at a counting cycle's start, else blank (not summed here).
        previous: null,
      },
    ];
  });
  return buildTemplate({
    revision: context.revision,
    scope: rollup.parent,
    period: parsePeriod(period),
    generatedAt: context.mergedAt,
    splits: context.splits,
    geography: context.geography,
    password: context.password ?? null,
    carried: { rows: carried, signature: {} },
  });
}

/** The blocks of city columns, each under a merged title. */
function cityBlocks(col: SummaryColumns): (readonly [number, string])[] {
  return [
    [col.actual, SUMMARY_TITLES.blocks.actual],
    [col.childTarget, SUMMARY_TITLES.blocks.childTarget],
    [col.childCompletion, SUMMARY_TITLES.blocks.childCompletion],
    [col.childPeriod, SUMMARY_TITLES.blocks.childPeriod],
    [col.note, SUMMARY_TITLES.blocks.note],
  ];
}

/** Title, information line, block titles and column titles. */
function writeHeading(
  put: Put,
  { col, cities }: SummaryGeometry,
  rollup: Rollup,
  info: { title: string; period: string; revision: string; merged: number; mergedAt: string },
): void {
  const n = cities.length;
  const word = CHILD_WORD[rollup.childKind];
  const parent = rollup.parent.kind === "province" ? "全省" : scopeLabel(rollup.parent);
  put(1, 0, { value: `${info.title} ${parent}汇总（各${word.zh}填报明细）` });
  put(SUMMARY_ROWS.info, 0, { value: INFO_LABELS.period });
  put(SUMMARY_ROWS.info, 1, { value: info.period });
  put(SUMMARY_ROWS.info, 2, { value: INFO_LABELS.revision });
  put(SUMMARY_ROWS.info, 3, { value: info.revision });
  put(SUMMARY_ROWS.info, col.actual, { value: `已汇总 ${info.merged}/${n} ${word.zh} · 汇总时间 ${chinaDateTime(info.mergedAt)}` });
  for (const [first, title] of cityBlocks(col)) {
    put(SUMMARY_ROWS.group, first, { value: title });
    cities.forEach((city, i) => put(SUMMARY_ROWS.header, first + i, { value: city }));
  }
  const singles = [
    [col.id, SUMMARY_TITLES.id],
    [col.label, SUMMARY_TITLES.label],
    [col.unit, SUMMARY_TITLES.unit],
    [col.target, SUMMARY_TITLES.target],
    [col.total, SUMMARY_TITLES.total],
    [col.completion, SUMMARY_TITLES.completion],
    [col.periodTotal, SUMMARY_TITLES.periodTotal],
  ] as const;
  for (const [column, title] of singles) put(SUMMARY_ROWS.header, column, { value: title });
  put(SUMMARY_ROWS.file, 0, { value: FILE_ROW_LABEL });
}

/** One summary row: the cities' figures as values, totals and completion rates as formulas. */
function writeDataRow(
  put: Put,
  { col, cities, period, rows, firstData }: SummaryGeometry,
  row: SummaryRow,
  index: number,
  columns: Map<string, CityColumn>,
  context: SummaryContext,
  rollup: Rollup,
): SummaryTotal {
  const n = cities.length;
  const r = firstData + index;
  const at = (column: number): string => `${L(column)}${r}`;
  // A ratio collected as figures: its total is the quotient of the totals on the two rows below (a
  // city's share is a value, computed from its file's figures like every city figure here).
  const share = row.kind === "ratio" && hasParts(rows, index) ? (column: number): string => ratioFormula(`${L(column)}${r + 1}`, `${L(column)}${r + 2}`) : null;
  put(r, col.id, { value: row.id });
  put(r, col.label, { value: row.label });
  put(r, col.unit, cell(row.unit ?? "—"));
  put(r, col.target, cell(row.provinceTarget));
  cities.forEach((city, i) => {
    const column = columns.get(city);
    const figures = column?.figures[row.id];
    put(r, col.actual + i, cell(figures?.actual));
    put(r, col.childTarget + i, cell(cityTarget(row, city, context, rollup, column, period)));
    put(r, col.childPeriod + i, cell(figures?.period));
    put(r, col.note + i, cell(figures?.note));
    const actual = at(col.actual + i);
    // A ratio's figure has no target of its own: no completion.
    if (row.part) return;
    put(r, col.childCompletion + i, {
      formula: row.kind === "milestone" ? milestoneCompletionFormula(actual) : quotaCompletionFormula(row, actual, at(col.childTarget + i)),
    });
  });
  const range = blockRange(col.actual, n, r);
  put(r, col.total, { formula: share ? share(col.total) : row.covers ? coverageFormula(row.covers, range) : totalFormula(row.kind, range) });
  if (!row.part) put(r, col.completion, { formula: quotaCompletionFormula(row, at(col.total), at(col.target)) });
  // Coverage gained this period cannot be told from the children's counts of things: no 本期合计.
  if ((row.kind === "annual" || row.kind === "cumulative") && !row.part && !row.covers) put(r, col.periodTotal, { formula: sumFormula(blockRange(col.childPeriod, n, r)) });
  const actual = rowTotal(rows, index, (i) => {
    const id = rows[i]?.id;
    return cities.map((city) => (id === undefined ? null : (columns.get(city)?.figures[id]?.actual ?? null)));
  });
  const target = row.provinceTarget;
  return {
    quotaId: row.id,
    target,
    actual,
    completion: actual !== null && typeof target === "number" ? completionAgainst(row, actual, target) : null,
  };
}

/** Small tables the charts read: the average completion of each city, and of each key work item. */
function writeChartTables(put: Put, { col, cities, rows, firstData, lastData, cityTableHeader, items, itemTableHeader }: SummaryGeometry): void {
  put(cityTableHeader, 1, { value: "市" });
  put(cityTableHeader, 2, { value: "平均完成率" });
  cities.forEach((city, i) => {
    const completion = L(col.childCompletion + i);
    put(cityTableHeader + 1 + i, 1, { value: city });
    put(cityTableHeader + 1 + i, 2, rows.length === 0 ? null : { formula: averageFormula([`${completion}${firstData}:${completion}${lastData}`]) });
  });
  put(itemTableHeader, 1, { value: "重点工作" });
  put(itemTableHeader, 2, { value: "完成率" });
  items.forEach((item, i) => {
    const refs = runs(item.rowIndexes.map((index) => firstData + index)).map(([a, b]) =>
      a === b ? `${L(col.completion)}${a}` : `${L(col.completion)}${a}:${L(col.completion)}${b}`,
    );
    put(itemTableHeader + 1 + i, 1, { value: item.label });
    put(itemTableHeader + 1 + i, 2, { formula: averageFormula(refs) });
  });
}

/** Width units an A3 landscape page holds at a readable size, with 编号 and 指标 repeated on it. */
const DETAIL_UNITS_PER_PAGE = 120;

/** The detail sheet's spec: styles, number formats, merges and widths around the cells. */
function summarySheet(cells: (CellSpec | null)[][], geometry: SummaryGeometry, password: string | null): SheetSpec {
  const { col, cities, rows, firstData, lastData, cityTableHeader, items, itemTableHeader } = geometry;
  const n = cities.length;
  const lastCol = L(col.width - 1);
  const dataRange = (column: number): string => `${L(column)}${firstData}:${L(column)}${lastData}`;
  const styles: StyleSpec[] = [
    titleStyle(`A1:${lastCol}1`),
    { range: `A${SUMMARY_ROWS.info}:${lastCol}${SUMMARY_ROWS.info}`, italic: true },
    headerStyle(`A${SUMMARY_ROWS.group}:${lastCol}${SUMMARY_ROWS.header}`),
    { range: `A${SUMMARY_ROWS.file}:${lastCol}${SUMMARY_ROWS.file}`, italic: true, fill: PALETTE.band, border: true, wrap: true },
    { range: `B${cityTableHeader}:C${cityTableHeader}`, bold: true, fill: PALETTE.header, border: true },
    { range: `B${cityTableHeader + 1}:C${cityTableHeader + n}`, border: true, fill: PALETTE.onTrack },
    { range: `B${itemTableHeader}:C${itemTableHeader}`, bold: true, fill: PALETTE.header, border: true },
  ];
  if (items.length > 0) {
    styles.push({ range: `B${itemTableHeader + 1}:C${itemTableHeader + items.length}`, border: true, fill: PALETTE.onTrack, wrap: true });
  }
  const numberFormats = [{ range: `C${cityTableHeader + 1}:C${cityTableHeader + n}`, format: PERCENT_FORMAT }];
  if (items.length > 0) numberFormats.push({ range: `C${itemTableHeader + 1}:C${itemTableHeader + items.length}`, format: PERCENT_FORMAT });
  if (rows.length > 0) {
    // 编号 and 指标 wrap (their rows sized below), so the pages' repeated columns print them whole.
    styles.push({ range: `A${firstData}:${lastCol}${lastData}`, border: true, vertical: "Top" }, { range: dataRange(col.id), wrap: true }, { range: dataRange(col.label), wrap: true });
    const completionRanges = [dataRange(col.completion), `${L(col.childCompletion)}${firstData}:${L(col.childCompletion + n - 1)}${lastData}`];
    numberFormats.push(...completionRanges.map((range) => ({ range, format: PERCENT_FORMAT })));
    const ratioRows = rows.flatMap((row, index) => (row.kind === "ratio" ? [firstData + index] : []));
    for (const [a, b] of runs(ratioRows)) {
      numberFormats.push(
        { range: `${L(col.target)}${a}:${L(col.total)}${b}`, format: RATIO_FORMAT },
        { range: `${L(col.childTarget)}${a}:${L(col.childTarget + n - 1)}${b}`, format: RATIO_FORMAT },
      );
    }
  }
  const merges = [`A1:${lastCol}1`, `${L(col.actual)}${SUMMARY_ROWS.info}:${lastCol}${SUMMARY_ROWS.info}`];
  for (const [first] of cityBlocks(col)) merges.push(`${L(first)}${SUMMARY_ROWS.group}:${L(first + n - 1)}${SUMMARY_ROWS.group}`);
  const columnWidths = Array.from({ length: col.width }, (_, i) => {
    if (i === col.id) return 16;
    if (i === col.label) return 40;
    // 单位 above, the chart tables' rates below; rates print up to 99999.9% rather than as ###.
    if (i === col.unit) return 11;
    if (i >= col.note) return 20;
    if (i === col.completion || (i >= col.childCompletion && i < col.childCompletion + cities.length)) return 10.5;
    return i === col.target || i === col.total || i === col.periodTotal ? 11 : 9;
  });
  return sheetSpec({
    name: DETAIL_SHEET,
    cells,
    columnWidths,
    numberFormats,
    styles,
    merges,
    freeze: { rows: SUMMARY_ROWS.file, columns: 2 },
    titleRows: `${SUMMARY_ROWS.group}:${SUMMARY_ROWS.header}`,
    // Too wide for one page at a readable size: as many A3 pages across as it takes, 编号 and 指标 on each.
    paper: "A3",
    pagesWide: Math.ceil(columnWidths.reduce((a, b) => a + b, 0) / DETAIL_UNITS_PER_PAGE),
    titleColumns: "A:B",
    header: { center: pageTextLiteral(`${DETAIL_SHEET}（各市填报数据）`) },
    rowHeights: fitRowHeights({ cells, columnWidths, styles, merges }),
    password,
    tabColor: PALETTE.summaryTab,
  });
}
