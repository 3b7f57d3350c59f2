import { columnLetter } from "../a1";
import { comparePeriods, formatPeriod, parsePeriod, periodLabel } from "../period";
import type { PlanRevision } from "../plan/types";
import { stageAt } from "../stage";
import { MILESTONE_STATUSES } from "../template/columns";
import { figureStateFormula, levelOkFrom, metAtOf, milestoneStateFormula } from "../template/formulas";
import { sheetSpec } from "../template/sheet";
import { type CellSpec, type CellValue, type SheetSpec, emptyGrid } from "../template/spec";
import { PALETTE, headerStyle, stateFormats, titleStyle } from "../template/styles";
import type { ChartSpec } from "./charts";
import { type SummaryRow, summaryRows } from "./layout";
import type { AcceptedFile } from "./merge";
import { figuresFromFile, rowTotal } from "./summary";
import { provinceRollup } from "./rollup";
import { shortLabel } from "./views";

/** The aggregator's sheet of every quota's progress over the periods merged. */
export const PROGRESS_SHEET = "进度";

/** One period's accepted files (see `canMerge`). */
export interface PeriodFiles {
  period: string;
  accepted: AcceptedFile[];
}

/** A quota's figures over the periods, for one scope (the province total or a city). */
export interface ProgressLine {
  quotaId: string;
  /** 全省 or the city. */
  scope: string;
  /** The 累计 (or a milestone's status, the province's `done/reported`) of each period; null where none. */
  values: CellValue[];
}

export interface BuiltProgress {
  sheet: SheetSpec;
  charts: ChartSpec[];
  periods: string[];
  lines: ProgressLine[];
}

export interface ProgressContext {
  revision: PlanRevision;
  /** Quota (summary row) ids to chart; by default the first three with a province figure. */
  chartQuotas?: string[];
  password?: string | null;
}

const PROVINCE = "全省";
const TITLES = ["编号", "工作举措/指标", "计量单位", "范围"];
const HEADER = 3;
const CHART_SIZE = { width: 420, height: 240 };
/** Rows a chart takes beside its table (at the default row height). */
const CHART_ROWS = 17;
const DEFAULT_CHARTS = 3;

const cell = (value: CellValue | undefined): CellSpec | null => (value === null || value === undefined || value === "" ? null : { value });

/** A province milestone: how many cities are done out of those that reported (`3/11`), as the summary says it. */
function milestoneTotal(statuses: CellValue[]): CellValue {
  const reported = statuses.filter((s) => typeof s === "string" && s.trim() !== "");
  if (reported.length === 0) return null;
  return `${reported.filter((s) => String(s).trim() === MILESTONE_STATUSES[2]).length}/${reported.length}`;
}

/**
 * 进度: one block of rows per quota (the province total, then each city), one column per period
 * with the 累计 reached, then one column per period with its 状态 — a live formula from the figure,
 * the period's target and 序时进度 (the same rules as the report's 状态), so one sees in which period
 * it started to lag. Below, per charted quota, a table of the province's 累计 against what 序时进度
 * expects, with its line chart beside it.
 */
export function buildProgress(periodFiles: PeriodFiles[], context: ProgressContext): BuiltProgress {
  const { revision } = context;
  // The province's progress over its cities (a city's over its counties is not built yet).
  const rollup = provinceRollup(revision);
  const sorted = [...periodFiles].sort((a, b) => comparePeriods(parsePeriod(a.period), parsePeriod(b.period)));
  const periods = sorted.map((p) => formatPeriod(parsePeriod(p.period)));
  const byPeriod = sorted.map((files) => {
    const period = parsePeriod(files.period);
    const rows = summaryRows(revision, period, rollup, {});
    const figures = new Map(files.accepted.map((file) => [file.city, figuresFromFile(file, rows, rollup, { revision, period: files.period })]));
    return { period, rows: new Map(rows.map((row) => [row.id, row])), figures };
  });
  const rows: SummaryRow[] = summaryRows(revision, byPeriod[byPeriod.length - 1]?.period ?? parsePeriod(`${revision.startYear}-01`), rollup, {});
  const scopes = [PROVINCE, ...revision.cities];
  const valueColumn = (i: number): number => TITLES.length + i;
  const stateColumn = (i: number): number => TITLES.length + periods.length + i;
  const width = TITLES.length + 2 * periods.length;

  const lines: ProgressLine[] = rows.flatMap((row) =>
    scopes.map((scope): ProgressLine => ({
      quotaId: row.id,
      scope,
      values: byPeriod.map(({ figures }) => {
        if (scope !== PROVINCE) return figures.get(scope)?.[row.id]?.actual ?? null;
        const actuals = revision.cities.map((city) => figures.get(city)?.[row.id]?.actual ?? null);
        return row.kind === "milestone" ? milestoneTotal(actuals) : rowTotal(row, actuals);
      }),
    })),
  );

  const chartIds = context.chartQuotas ?? rows.filter((row) => row.kind !== "milestone" && lines.some((l) => l.quotaId === row.id && l.scope === PROVINCE && l.values.some((v) => typeof v === "number"))).slice(0, DEFAULT_CHARTS).map((r) => r.id);
  const charted = chartIds.flatMap((id) => rows.filter((row) => row.id === id));
  const firstLine = HEADER + 1;
  const lastLine = firstLine + lines.length - 1;
  const chartTop = lastLine + 3;
  const cells = emptyGrid(chartTop + charted.length * CHART_ROWS, Math.max(width, 3));
  const put = (row: number, column: number, spec: CellSpec | null): void => {
    cells[row - 1][column] = spec;
  };

  put(1, 0, cell(`${revision.title} 各期进度`));
  put(2, 0, cell(`报告期：${periods.map((p) => periodLabel(parsePeriod(p))).join("、")}　计划版本：${revision.label}（${revision.revision}）　各期数字为累计完成（里程碑为进展状态），状态按该期目标和序时进度计算`));
  TITLES.forEach((title, i) => put(HEADER, i, cell(title)));
  periods.forEach((period, i) => {
    put(HEADER, valueColumn(i), cell(period));
    put(HEADER, stateColumn(i), cell(`状态 ${period}`));
  });

  lines.forEach((line, index) => {
    const r = firstLine + index;
    const row = rows.find((s) => s.id === line.quotaId) as SummaryRow;
    put(r, 0, cell(line.quotaId));
    put(r, 1, cell(line.scope === PROVINCE ? shortLabel(row) : null));
    put(r, 2, cell(row.unit ?? "—"));
    put(r, 3, cell(line.scope));
    line.values.forEach((value, i) => {
      const at = `${columnLetter(valueColumn(i))}${r}`;
      put(r, valueColumn(i), cell(value));
      put(r, stateColumn(i), stateCell(row, line.scope, at, byPeriod[i], revision));
    });
  });

  const charts: ChartSpec[] = [];
  charted.forEach((row, k) => {
    const top = chartTop + k * CHART_ROWS;
    const province = lines.find((l) => l.quotaId === row.id && l.scope === PROVINCE) as ProgressLine;
    put(top, 0, cell("报告期"));
    put(top, 1, cell(`全省累计（${row.unit ?? ""}）`));
    put(top, 2, cell("序时进度应达"));
    periods.forEach((period, i) => {
      const { period: p, rows: periodRows } = byPeriod[i];
      const stage = Object.values(periodRows.get(row.id)?.quotaByChild ?? {})[0];
      const target = periodRows.get(row.id)?.provinceTarget;
      const expected = stage && typeof target === "number" ? (() => {
        const { progress } = stageAt(stage, p, revision);
        return (target * progress.expected) / progress.of;
      })() : null;
      put(top + 1 + i, 0, cell(period));
      put(top + 1 + i, 1, cell(province.values[i]));
      put(top + 1 + i, 2, cell(expected === null ? null : Number(expected.toPrecision(12))));
    });
    charts.push({
      name: `进度图 ${k + 1}`,
      type: "Line",
      title: `${row.id} ${shortLabel(row)}`.slice(0, 60),
      sheet: PROGRESS_SHEET,
      source: `A${top}:C${top + periods.length}`,
      seriesBy: "Columns",
      topLeft: `E${top}`,
      width: CHART_SIZE.width,
      height: CHART_SIZE.height,
    });
  });

  const last = columnLetter(width - 1);
  const sheet = sheetSpec({
    name: PROGRESS_SHEET,
    cells,
    columnWidths: [13, 30, 7, 8, ...periods.flatMap(() => [9]), ...periods.flatMap(() => [7])],
    styles: [
      titleStyle(`A1:${last}1`, false),
      headerStyle(`A${HEADER}:${last}${HEADER}`),
      ...(lines.length > 0 ? [{ range: `A${firstLine}:${last}${lastLine}`, border: true, vertical: "Top" as const }] : []),
      ...charted.map((_, k) => headerStyle(`A${chartTop + k * CHART_ROWS}:C${chartTop + k * CHART_ROWS}`)),
    ],
    merges: [`A1:${last}1`, `A2:${last}2`],
    conditionalFormats:
      lines.length > 0 && periods.length > 0
        ? stateFormats(`${columnLetter(stateColumn(0))}${firstLine}:${last}${lastLine}`, `${columnLetter(stateColumn(0))}${firstLine}`)
        : [],
    freeze: { rows: HEADER, columns: TITLES.length },
    titleRows: `${HEADER}:${HEADER}`,
    orientation: "Landscape",
    paper: "A3",
    password: context.password ?? null,
    tabColor: PALETTE.reportTab,
  });
  return { sheet, charts, periods, lines };
}

/**
 * A line's 状态 in one period, as a formula over its figure's cell: a figure against the period's
 * target (the province's, or the city's own where the city's file has one) and 序时进度, a
 * milestone's status against 序时进度. Blank where there is no target to measure against.
 */
function stateCell(row: SummaryRow, scope: string, at: string, period: { period: ReturnType<typeof parsePeriod>; rows: Map<string, SummaryRow>; figures: Map<string, Record<string, { target: CellValue }>> }, revision: PlanRevision): CellSpec | null {
  const periodRow = period.rows.get(row.id);
  const quota = periodRow ? (scope === PROVINCE ? Object.values(periodRow.quotaByChild)[0] : periodRow.quotaByChild[scope]) : undefined;
  if (!periodRow || !quota) return null;
  const stage = stageAt(quota, period.period, revision);
  const progress = `(${stage.progress.expected}/${stage.progress.of})`;
  if (row.kind === "milestone") return scope === PROVINCE ? null : { formula: milestoneStateFormula(at, progress, stage.final) };
  // A level (a ceiling, a growth rate) is held against its whole target: its 状态 is the report's, not charted here.
  if (levelOkFrom(quota) !== null) return null;
  const target = scope === PROVINCE ? periodRow.provinceTarget : period.figures.get(scope)?.[row.id]?.target;
  if (typeof target !== "number" || target <= 0) return null;
  return { formula: figureStateFormula(`IF(ISNUMBER(${at}),${at}/${target},"")`, progress, metAtOf(quota), stage.final) };
}
