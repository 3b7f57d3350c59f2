import { runs } from "../snapshot/a1";
import { type Period, canonicalPeriod, parsePeriod } from "../period/period";
import { type BuiltTemplate } from "../template/build";
import { fitRowHeights } from "../template/fit";
import { sheetSpec } from "../template/sheet";
import { type CellSpec, type CellValue, type SheetSpec, type StyleSpec, emptyGrid, pageTextLiteral, setGridCell } from "../template/spec";
import { PALETTE, PERCENT_FORMAT, RATIO_FORMAT, headerStyle, titleStyle } from "../template/styles";
import { type ChartSpec, itemTable } from "./charts";
import { buildViews } from "./views";
import { SUMMARY_ROWS, DETAIL_SHEET, type SummaryColumns, type SummaryRow, summaryColumns, summaryRows } from "./layout";
import type { AcceptedFile, MergeContext, RejectedFile } from "./merge";
import { provinceRollup } from "./rollup";
import { buildSources } from "./sources";
import { stateFor } from "./state";
import { cityColumns, cityFigures } from "./child-figures";
import { parentReturn, cityBlocks, writeHeading, writeDataRow, writeChartTables } from "./summary-cells";
import { cell, L } from "./cell-values";

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

/** Where the summary's parts sit: data rows, then the city table, then the key work item table. */
export interface SummaryGeometry {
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

  const keptChildren = existing?.children.filter((c) => !accepted.some((a) => a.child === c.child)) ?? [];
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
  const sources = buildSources({ accepted, rejected: context.rejected ?? [], kept: keptChildren, rollup, context, period, mergedAt: context.mergedAt, password: context.password ?? null });
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
