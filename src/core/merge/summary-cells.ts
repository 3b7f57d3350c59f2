/** The cells of the summary sheet: headings, a row per quota with each child's block, the parent's own return, the chart tables. */
import { runs } from "../snapshot/a1";
import { chinaDateTime } from "../period/time";
import { parsePeriod } from "../period/period";
import { type BuiltTemplate, buildTemplate } from "../template/build";
import type { CarriedRow } from "../template/carried";
import { scopeLabel } from "../plan/scope";
import { averageFormula, completionAgainst, coverageFormula, milestoneCompletionFormula, quotaCompletionFormula, ratioFormula, rolledUpStatus, sumFormula, totalFormula } from "../template/formulas";
import { type CellSpec, type CellValue } from "../template/spec";
import { FILE_ROW_LABEL, INFO_LABELS, SUMMARY_ROWS, SUMMARY_TITLES, type SummaryColumns, type SummaryRow, blockRange, hasParts, rowTotal } from "./layout";
import { CHILD_WORD, type Rollup } from "./rollup";
import { type KeptFigures } from "./state";
import type { SummaryContext, SummaryTotal, SummaryGeometry } from "./summary";
import { type CityColumn, cityTarget } from "./child-figures";
import { cell, L } from "./cell-values";

type Put = (row: number, column: number, spec: CellSpec | null) => void;

/** The parent's sheet filled with the totals of its children, as values (never a formula a child typed). */
export function parentReturn(
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
export function cityBlocks(col: SummaryColumns): (readonly [number, string])[] {
  return [
    [col.actual, SUMMARY_TITLES.blocks.actual],
    [col.childTarget, SUMMARY_TITLES.blocks.childTarget],
    [col.childCompletion, SUMMARY_TITLES.blocks.childCompletion],
    [col.childPeriod, SUMMARY_TITLES.blocks.childPeriod],
    [col.note, SUMMARY_TITLES.blocks.note],
  ];
}

/** Title, information line, block titles and column titles. */
export function writeHeading(
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
export function writeDataRow(
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
export function writeChartTables(put: Put, { col, cities, rows, firstData, lastData, cityTableHeader, items, itemTableHeader }: SummaryGeometry): void {
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
