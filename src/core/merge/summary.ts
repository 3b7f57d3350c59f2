import { columnLetter, runs } from "../a1";
import { countBySeverity, type Finding } from "../findings";
import { formatPeriod, parsePeriod } from "../period";
import type { PlanRevision } from "../plan/types";
import { targetCell } from "../template/build";
import { MILESTONE_STATUSES, STATES } from "../template/columns";
import { chineseNumeral } from "../text";
import { type CellSpec, type CellValue, type SheetSpec, type StyleSpec, emptyGrid } from "../template/spec";
import {
  ACCEPTED_TEXT,
  FILE_ROW_LABEL,
  INFO_LABELS,
  SOURCE_HEADER_ROW,
  SOURCE_TITLES,
  SOURCES_SHEET,
  SUMMARY_ROWS,
  SUMMARY_SHEET,
  SUMMARY_TITLES,
  type SourceRow,
  type SummaryRow,
  blockRange,
  summaryColumns,
  summaryRows,
} from "./layout";
import type { AcceptedFile, MergeContext, RejectedFile } from "./merge";
import { type KeptFigures, stateFor } from "./state";

/** A chart as pure data; the Office.js adapter adds it with `worksheet.charts.add`. */
export interface ChartSpec {
  name: string;
  type: "ColumnClustered";
  title: string;
  sheet: string;
  /** Header row first, categories in the first column, one series per further column. */
  source: string;
  seriesBy: "Columns";
  /** Where the chart's top-left corner sits, and its size in points. */
  topLeft: string;
  width: number;
  height: number;
}

export interface SummaryContext extends MergeContext {
  /** When the merge runs (ISO text); passed in because the core reads no clock. */
  mergedAt: string;
  /** Listed on the 来源 sheet with their reasons. */
  rejected?: RejectedFile[];
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
  summary: SheetSpec;
  sources: SheetSpec;
  /** Average completion by city. */
  chart: ChartSpec;
  /** Completion by key work item. */
  itemChart: ChartSpec;
  totals: SummaryTotal[];
  /** Cities with figures in the summary, in revision order. */
  filled: string[];
}

const COLORS = { title: "#1F4E79", header: "#DDEBF7", file: "#F2F2F2", table: "#EFF6FC" };
const CHART_SIZE = { width: 480, height: 288 };
/** Columns a chart spans at the summary's city column width: where the second chart starts. */
const CHART_COLUMNS = 8;
const MAX_REASONS = 10;

const blank = (value: CellValue | undefined): boolean => value === null || value === undefined || value === "";
const cell = (value: CellValue | undefined): CellSpec | null => (blank(value) ? null : { value: value as CellValue });

/** A city's figures in every summary row, and the file they came from. */
interface CityColumn {
  file: string;
  figures: Record<string, KeptFigures>;
}

function figuresFromFile(file: AcceptedFile, rows: SummaryRow[]): Record<string, KeptFigures> {
  const byId = new Map(file.report.rows.map((row) => [row.quotaId, row]));
  return Object.fromEntries(
    rows.flatMap((row) => {
      const quota = row.quotaByCity[file.city];
      const found = quota ? byId.get(quota.id) : undefined;
      if (!found) return [];
      const v = found.values;
      // A milestone reports a status; a ratio has no "this period" figure (its cell is locked).
      const figures: KeptFigures = {
        actual: row.kind === "milestone" ? v.status : v.cumulative,
        period: row.kind === "annual" || row.kind === "cumulative" ? v.period : null,
        note: v.note,
        target: v.target,
      };
      return [[row.id, figures]];
    }),
  );
}

/** The city's target in a row: the plan's own for Annex 2, else the split (the aggregator's, the file's, the kept one). */
function cityTarget(row: SummaryRow, city: string, context: SummaryContext, column: CityColumn | undefined): CellValue {
  const quota = row.quotaByCity[city];
  if (!quota) return null;
  if (row.regional) return targetCell(quota, { kind: "city", city }, { revision: context.revision });
  if (row.kind !== "annual" && row.kind !== "cumulative") return null;
  const split = (context.splits ?? []).find((s) => s.quotaId === quota.id && s.city === city);
  if (split) return split.target;
  const carried = column?.figures[row.id]?.target;
  return typeof carried === "number" ? carried : null;
}

function numbers(values: CellValue[]): number[] {
  return values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

function rowTotal(row: SummaryRow, actuals: CellValue[]): number | null {
  if (row.kind === "milestone") return null;
  const found = numbers(actuals);
  if (found.length === 0) return null;
  const sum = found.reduce((a, b) => a + b, 0);
  return row.kind === "ratio" ? sum / found.length : sum;
}

function reasonsText(findings: Finding[]): string {
  const messages = findings.map((f) => f.message);
  const shown = messages.slice(0, MAX_REASONS).join("\n");
  return messages.length > MAX_REASONS ? `${shown}\n…（共 ${messages.length} 条 / ${messages.length} in all）` : shown;
}

/**
 * Builds the 汇总 and 来源 sheets from the accepted city files (and what an existing summary holds
 * for the cities they do not replace). Figures are written as values — a formula typed into a city
 * file never becomes a live formula here — while totals and completion rates are live formulas.
 */
export function buildSummary(accepted: AcceptedFile[], context: SummaryContext): BuiltSummary {
  const { revision } = context;
  const period = formatPeriod(parsePeriod(context.period));
  const cities = revision.cities;
  const n = cities.length;
  const col = summaryColumns(n);
  const rows = summaryRows(revision);
  const existing = stateFor(context.existing, period, revision.revision);

  const columns = new Map<string, CityColumn>();
  for (const kept of existing?.cities ?? []) columns.set(kept.city, { file: kept.file, figures: kept.figures });
  for (const file of accepted) columns.set(file.city, { file: file.name, figures: figuresFromFile(file, rows) });
  const filled = cities.filter((city) => columns.has(city));

  const { firstData } = SUMMARY_ROWS;
  const lastData = firstData + rows.length - 1;
  const cityTableHeader = lastData + 2;
  const itemRows = itemTable(revision, rows);
  const itemTableHeader = cityTableHeader + n + 2;
  const height = itemTableHeader + itemRows.length;
  const cells = emptyGrid(height, col.width);
  const put = (row: number, column: number, spec: CellSpec | null): void => {
    cells[row - 1][column] = spec;
  };
  const L = columnLetter;
  const lastCol = L(col.width - 1);

  put(1, 0, { value: `${revision.title} 全省汇总 / Province summary` });
  put(SUMMARY_ROWS.info, 0, { value: INFO_LABELS.period });
  put(SUMMARY_ROWS.info, 1, { value: period });
  put(SUMMARY_ROWS.info, 2, { value: INFO_LABELS.revision });
  put(SUMMARY_ROWS.info, 3, { value: revision.revision });
  put(SUMMARY_ROWS.info, col.actual, {
    value: `已汇总 ${filled.length}/${n} 市 · 汇总时间 ${context.mergedAt} / ${filled.length} of ${n} cities merged`,
  });
  const blocks = [
    [col.actual, SUMMARY_TITLES.blocks.actual],
    [col.cityTarget, SUMMARY_TITLES.blocks.cityTarget],
    [col.cityCompletion, SUMMARY_TITLES.blocks.cityCompletion],
    [col.cityPeriod, SUMMARY_TITLES.blocks.cityPeriod],
    [col.note, SUMMARY_TITLES.blocks.note],
  ] as const;
  for (const [first, title] of blocks) {
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
  cities.forEach((city, i) => put(SUMMARY_ROWS.file, col.actual + i, cell(columns.get(city)?.file)));

  const totals: SummaryTotal[] = [];
  rows.forEach((row, index) => {
    const r = firstData + index;
    const at = (column: number): string => `${L(column)}${r}`;
    put(r, col.id, { value: row.id });
    put(r, col.label, { value: row.label });
    put(r, col.unit, cell(row.unit ?? "—"));
    put(r, col.target, cell(row.provinceTarget));
    const actuals: CellValue[] = [];
    cities.forEach((city, i) => {
      const column = columns.get(city);
      const figures = column?.figures[row.id];
      actuals.push(figures?.actual ?? null);
      put(r, col.actual + i, cell(figures?.actual));
      put(r, col.cityTarget + i, cell(cityTarget(row, city, context, column)));
      put(r, col.cityPeriod + i, cell(figures?.period));
      put(r, col.note + i, cell(figures?.note));
      const a = at(col.actual + i);
      const t = at(col.cityTarget + i);
      put(r, col.cityCompletion + i, {
        formula:
          row.kind === "milestone"
            ? `=IF(${a}="","",IF(${a}="${STATES.done}",1,0))`
            : `=IF(OR(NOT(ISNUMBER(${a})),NOT(ISNUMBER(${t}))),"",IF(${t}=0,"",${a}/${t}))`,
      });
    });
    const actualRange = blockRange(col.actual, n, r);
    // Cities' ratios are averaged, not added; a milestone row counts the cities that are done.
    const totalFormula =
      row.kind === "milestone"
        ? `=IF(COUNTA(${actualRange})=0,"",COUNTIF(${actualRange},"${MILESTONE_STATUSES[2]}")&"/"&COUNTA(${actualRange}))`
        : `=IF(COUNT(${actualRange})=0,"",${row.kind === "ratio" ? "AVERAGE" : "SUM"}(${actualRange}))`;
    put(r, col.total, { formula: totalFormula });
    const total = at(col.total);
    const target = at(col.target);
    put(r, col.completion, { formula: `=IF(OR(${total}="",NOT(ISNUMBER(${target}))),"",IF(${target}=0,"",${total}/${target}))` });
    if (row.kind === "annual" || row.kind === "cumulative") {
      const periodRange = blockRange(col.cityPeriod, n, r);
      put(r, col.periodTotal, { formula: `=IF(COUNT(${periodRange})=0,"",SUM(${periodRange}))` });
    }
    const actual = rowTotal(row, actuals);
    const provinceTarget = row.provinceTarget;
    totals.push({
      quotaId: row.id,
      target: provinceTarget,
      actual,
      completion: actual !== null && typeof provinceTarget === "number" && provinceTarget !== 0 ? actual / provinceTarget : null,
    });
  });

  // Small tables the charts read: the average completion of each city, and of each key work item.
  const dataRange = (column: number): string => `${L(column)}${firstData}:${L(column)}${lastData}`;
  put(cityTableHeader, 1, { value: "市 / City" });
  put(cityTableHeader, 2, { value: "平均完成率 / Average completion" });
  cities.forEach((city, i) => {
    put(cityTableHeader + 1 + i, 1, { value: city });
    put(cityTableHeader + 1 + i, 2, rows.length === 0 ? null : { formula: `=IFERROR(AVERAGE(${dataRange(col.cityCompletion + i)}),"")` });
  });
  put(itemTableHeader, 1, { value: "重点工作 / Key work item" });
  put(itemTableHeader, 2, { value: "完成率 / Completion" });
  itemRows.forEach((item, i) => {
    const refs = runs(item.rowIndexes.map((index) => firstData + index)).map(([a, b]) =>
      a === b ? `${L(col.completion)}${a}` : `${L(col.completion)}${a}:${L(col.completion)}${b}`,
    );
    put(itemTableHeader + 1 + i, 1, { value: item.label });
    put(itemTableHeader + 1 + i, 2, { formula: `=IFERROR(AVERAGE(${refs.join(",")}),"")` });
  });

  const styles: StyleSpec[] = [
    { range: `A1:${lastCol}1`, bold: true, fontSize: 14, fill: COLORS.title, fontColor: "#FFFFFF", horizontal: "Center" },
    { range: `A${SUMMARY_ROWS.info}:${lastCol}${SUMMARY_ROWS.info}`, italic: true },
    {
      range: `A${SUMMARY_ROWS.group}:${lastCol}${SUMMARY_ROWS.header}`,
      bold: true,
      fill: COLORS.header,
      wrap: true,
      horizontal: "Center",
      vertical: "Center",
      border: true,
    },
    { range: `A${SUMMARY_ROWS.file}:${lastCol}${SUMMARY_ROWS.file}`, italic: true, fill: COLORS.file, border: true, wrap: true },
    { range: `B${cityTableHeader}:C${cityTableHeader}`, bold: true, fill: COLORS.header, border: true },
    { range: `B${cityTableHeader + 1}:C${cityTableHeader + n}`, border: true, fill: COLORS.table },
    { range: `B${itemTableHeader}:C${itemTableHeader}`, bold: true, fill: COLORS.header, border: true },
  ];
  if (itemRows.length > 0) {
    styles.push({ range: `B${itemTableHeader + 1}:C${itemTableHeader + itemRows.length}`, border: true, fill: COLORS.table, wrap: true });
  }
  const numberFormats: { range: string; format: string }[] = [
    { range: `C${cityTableHeader + 1}:C${cityTableHeader + n}`, format: "0.0%" },
  ];
  if (itemRows.length > 0) numberFormats.push({ range: `C${itemTableHeader + 1}:C${itemTableHeader + itemRows.length}`, format: "0.0%" });
  if (rows.length > 0) {
    styles.push({ range: `A${firstData}:${lastCol}${lastData}`, border: true, vertical: "Top" }, { range: dataRange(col.label), wrap: true });
    const completionRanges = [dataRange(col.completion), `${L(col.cityCompletion)}${firstData}:${L(col.cityCompletion + n - 1)}${lastData}`];
    numberFormats.push(...completionRanges.map((range) => ({ range, format: "0.0%" })));
    const ratioRows = rows.flatMap((row, index) => (row.kind === "ratio" ? [firstData + index] : []));
    for (const [a, b] of runs(ratioRows)) {
      numberFormats.push(
        { range: `${L(col.target)}${a}:${L(col.total)}${b}`, format: "0%" },
        { range: `${L(col.cityTarget)}${a}:${L(col.cityTarget + n - 1)}${b}`, format: "0%" },
      );
    }
  }
  const merges = [`A1:${lastCol}1`, `${L(col.actual)}${SUMMARY_ROWS.info}:${lastCol}${SUMMARY_ROWS.info}`];
  for (const [first] of blocks) merges.push(`${L(first)}${SUMMARY_ROWS.group}:${L(first + n - 1)}${SUMMARY_ROWS.group}`);

  const columnWidths = Array.from({ length: col.width }, (_, i) => {
    if (i === col.id) return 16;
    if (i === col.label) return 40;
    if (i === col.unit) return 8;
    if (i >= col.note) return 20;
    return i === col.target || i === col.total || i === col.periodTotal ? 11 : 9;
  });

  const summary: SheetSpec = {
    name: SUMMARY_SHEET,
    cells,
    columnWidths,
    numberFormats,
    styles,
    merges,
    unlocked: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: SUMMARY_ROWS.file, columns: 2 },
    print: { orientation: "Landscape", fitToPagesWide: 1, titleRows: `${SUMMARY_ROWS.group}:${SUMMARY_ROWS.header}` },
    protection: { password: context.password ?? null },
    visibility: "Visible",
    tabColor: "#1F4E79",
  };

  const chart: ChartSpec = {
    name: "PlanbookCityCompletion",
    type: "ColumnClustered",
    title: "各市平均完成率 / Average completion by city",
    sheet: SUMMARY_SHEET,
    source: `B${cityTableHeader}:C${cityTableHeader + n}`,
    seriesBy: "Columns",
    topLeft: `${L(col.actual)}${cityTableHeader}`,
    ...CHART_SIZE,
  };
  const itemChart: ChartSpec = {
    ...chart,
    name: "PlanbookItemCompletion",
    title: "各重点工作完成率 / Completion by key work item",
    source: `B${itemTableHeader}:C${itemTableHeader + itemRows.length}`,
    topLeft: `${L(col.actual + CHART_COLUMNS)}${cityTableHeader}`,
  };

  return {
    summary,
    sources: buildSources(accepted, context, period, existing?.cities.filter((c) => !accepted.some((a) => a.city === c.city)) ?? []),
    chart,
    itemChart,
    totals,
    filled,
  };
}

/** Key work items with at least one numeric row, and the indexes of those rows. */
function itemTable(revision: PlanRevision, rows: SummaryRow[]): { label: string; rowIndexes: number[] }[] {
  return revision.items.flatMap((item) => {
    const rowIndexes = rows.flatMap((row, index) => (row.item === item.number && row.kind !== "milestone" ? [index] : []));
    return rowIndexes.length === 0 ? [] : [{ label: `（${chineseNumeral(item.number)}）${item.title}`, rowIndexes }];
  });
}

function buildSources(
  accepted: AcceptedFile[],
  context: SummaryContext,
  period: string,
  kept: { city: string; file: string; source: SourceRow | null }[],
): SheetSpec {
  const lines: SourceRow[] = [
    ...kept.map(
      (k): SourceRow =>
        k.source ?? {
          file: k.file,
          scope: `city:${k.city}`,
          period,
          revision: context.revision.revision,
          generatedAt: "",
          errors: 0,
          warnings: 0,
          accepted: true,
          reasons: "",
          mergedAt: "",
        },
    ),
    ...accepted.map((file): SourceRow => {
      const replaced = file.replaces ? [`替换「${file.replaces}」 / replaces "${file.replaces}"`] : [];
      return {
        file: file.name,
        scope: file.record.scope,
        period: file.record.period,
        revision: file.record.revision,
        generatedAt: file.record.generatedAt,
        errors: file.counts.error,
        warnings: file.counts.warning,
        accepted: true,
        reasons: [...replaced, reasonsText(file.findings)].filter((t) => t !== "").join("\n"),
        mergedAt: context.mergedAt,
      };
    }),
    ...(context.rejected ?? []).map((rejected): SourceRow => {
      const counts = countBySeverity(rejected.reasons);
      return {
        file: rejected.file.name,
        scope: rejected.record?.scope ?? "",
        period: rejected.record?.period ?? "",
        revision: rejected.record?.revision ?? "",
        generatedAt: rejected.record?.generatedAt ?? "",
        errors: counts.error,
        warnings: counts.warning,
        accepted: false,
        reasons: reasonsText(rejected.reasons),
        mergedAt: context.mergedAt,
      };
    }),
  ];
  const width = SOURCE_TITLES.length;
  const cells = emptyGrid(SOURCE_HEADER_ROW + lines.length, width);
  const lastCol = columnLetter(width - 1);
  cells[0][0] = { value: `汇总来源 / Sources of the summary（${period}）` };
  SOURCE_TITLES.forEach((title, i) => {
    cells[SOURCE_HEADER_ROW - 1][i] = { value: title };
  });
  lines.forEach((line, index) => {
    const values: CellValue[] = [
      line.file,
      line.scope,
      line.period,
      line.revision,
      line.generatedAt,
      line.errors,
      line.warnings,
      line.accepted ? ACCEPTED_TEXT.yes : ACCEPTED_TEXT.no,
      line.reasons,
      line.mergedAt,
    ];
    cells[SOURCE_HEADER_ROW + index] = values.map(cell);
    // Counts are always shown, 0 included.
    cells[SOURCE_HEADER_ROW + index][5] = { value: line.errors };
    cells[SOURCE_HEADER_ROW + index][6] = { value: line.warnings };
  });
  const lastRow = SOURCE_HEADER_ROW + lines.length;
  return {
    name: SOURCES_SHEET,
    cells,
    columnWidths: [28, 14, 10, 14, 22, 8, 8, 8, 60, 22],
    numberFormats: [],
    styles: [
      { range: `A1:${lastCol}1`, bold: true, fontSize: 14, fill: COLORS.title, fontColor: "#FFFFFF" },
      { range: `A${SOURCE_HEADER_ROW}:${lastCol}${SOURCE_HEADER_ROW}`, bold: true, fill: COLORS.header, border: true, wrap: true },
      ...(lines.length > 0 ? [{ range: `A${SOURCE_HEADER_ROW + 1}:${lastCol}${lastRow}`, border: true, wrap: true, vertical: "Top" as const }] : []),
    ],
    merges: [`A1:${lastCol}1`],
    unlocked: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: SOURCE_HEADER_ROW, columns: 1 },
    print: { orientation: "Landscape", fitToPagesWide: 1, titleRows: `${SOURCE_HEADER_ROW}:${SOURCE_HEADER_ROW}` },
    protection: { password: context.password ?? null },
    visibility: "Visible",
    tabColor: "#1F4E79",
  };
}
