import { columnLetter } from "../snapshot/a1";
import { comparePeriods, formatPeriod, parsePeriod, periodLabel } from "../period/period";
import type { PlanRevision, Quota } from "../plan/types";
import { MILESTONE_STATUSES, STATES } from "../template/columns";
import { milestoneStateFormula, quotaCompletionFormula, quotaStateFormula, rolledUpStatusFormula } from "../template/formulas";
import { type PathContext, stageInScope, targetCell } from "../template/targets";
import type { SplitRecord } from "../template/meta";
import { splitsForMerge } from "./split";
import { sheetSpec } from "../template/sheet";
import { type CellSpec, type CellValue, type SheetSpec, emptyGrid, setGridCell } from "../template/spec";
import { PALETTE, headerStyle, stateFormats, titleStyle } from "../template/styles";
import type { ChartSpec } from "./charts";
import { type SummaryRow, rowTotal, summaryRows } from "./layout";
import { type Finding, finding } from "../findings/findings";
import { type AcceptedFile, type MergeInputFile, canMerge } from "./merge";
import { unusableFile } from "./examine";
import { periodOfFiles } from "./period";
import { figuresFromFile } from "./child-figures";
import { provinceRollup } from "./rollup";
import { shortLabel } from "./views";

/** The aggregator's sheet of every quota's progress over the periods merged. */
export const PROGRESS_SHEET = "进度";

/** A file left out of a history, with why: its period when it has one, and the findings that refused it. */
export interface HistoryRejection {
  period: string | null;
  file: string;
  reasons: Finding[];
}

/** What a history of the files would hold: each period's accepted files, and every file refused. */
export interface HistoryPlan {
  periods: PeriodFiles[];
  rejected: HistoryRejection[];
}

/**
 * Ask before you change: the returned files of several periods grouped by the period their sheets
 * name, each period judged as `merge` judges it (`canMerge`), always as the province over its
 * cities — a county's or the province's own file is refused by name, never summed. A file that
 * cannot be read, is not a Planbook workbook or names no period is refused too. Shared by
 * `planbook merge --history` and the pane's 各期进度.
 */
export function planHistory(files: MergeInputFile[], context: { revision: PlanRevision; acceptErrors?: boolean }): HistoryPlan {
  const rollup = provinceRollup(context.revision);
  const byPeriod = new Map<string, MergeInputFile[]>();
  const rejected: HistoryRejection[] = [];
  for (const file of files) {
    const unusable = unusableFile(file);
    const period = unusable === null ? periodOfFiles([file]) : null;
    if (period === null) {
      rejected.push({ period: null, file: file.name, reasons: [unusable ?? finding("merge-no-period", { sheet: "", cell: null, quotaId: null, file: file.name }, {}, file.name)] });
      continue;
    }
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), file]);
  }
  const periods: PeriodFiles[] = [];
  for (const [period, inputs] of byPeriod) {
    const plan = canMerge(inputs, { revision: context.revision, period, acceptErrors: context.acceptErrors, rollup });
    rejected.push(...plan.rejected.map((r) => ({ period, file: r.file.name, reasons: r.reasons })));
    if (plan.accepted.length > 0) periods.push({ period, accepted: plan.accepted });
  }
  periods.sort((a, b) => comparePeriods(parsePeriod(a.period), parsePeriod(b.period)));
  return { periods, rejected };
}

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
  /** The aggregator's own splits (目标分解); each period also takes those its files were made with (see splitsForMerge). */
  splits?: readonly SplitRecord[];
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
  const byPeriod = sorted.map((files) => {
    const period = parsePeriod(files.period);
    const rows = summaryRows(revision, period, rollup, {});
    const figures = new Map(files.accepted.map((file) => [file.child, figuresFromFile(file, rows, rollup, { revision, period: files.period })]));
    // Each city's path is its own split points, as the period's files were made with them.
    const paths: PathContext = { revision, splits: splitsForMerge(context.splits ?? [], files.accepted.flatMap((file) => (file.file.snapshot ? [file.file.snapshot] : []))) };
    return { period, label: formatPeriod(period), rows: new Map(rows.map((row) => [row.id, row])), figures, paths };
  });
  const periods = byPeriod.map((p) => p.label);
  const rows: SummaryRow[] = summaryRows(revision, byPeriod[byPeriod.length - 1]?.period ?? parsePeriod(`${revision.startYear}-01`), rollup, {});
  const scopes = [PROVINCE, ...revision.cities];
  const valueColumn = (i: number): number => TITLES.length + i;
  const stateColumn = (i: number): number => TITLES.length + periods.length + i;
  // After the states: the period the line's current run of 滞后 (or 未完成) began in.
  const lagColumn = TITLES.length + 2 * periods.length;
  const width = lagColumn + 1;

  const lines: ProgressLine[] = rows.flatMap((row, index) =>
    scopes.map((scope): ProgressLine => ({
      quotaId: row.id,
      scope,
      values: byPeriod.map(({ figures }) => {
        if (scope !== PROVINCE) return figures.get(scope)?.[row.id]?.actual ?? null;
        const actualsOf = (i: number): CellValue[] => {
          const id = rows[i]?.id;
          return revision.cities.map((city) => (id === undefined ? null : (figures.get(city)?.[id]?.actual ?? null)));
        };
        return row.kind === "milestone" ? milestoneTotal(actualsOf(index)) : rowTotal(rows, index, actualsOf);
      }),
    })),
  );

  const chartIds = context.chartQuotas ?? rows.filter((row) => row.kind !== "milestone" && lines.some((l) => l.quotaId === row.id && l.scope === PROVINCE && l.values.some((v) => typeof v === "number"))).slice(0, DEFAULT_CHARTS).map((r) => r.id);
  const charted = chartIds.flatMap((id) => rows.filter((row) => row.id === id));
  const firstLine = HEADER + 1;
  const lastLine = firstLine + lines.length - 1;
  const chartTop = lastLine + 3;
  const cells = emptyGrid(chartTop + charted.length * CHART_ROWS, Math.max(width, 3));
  const put = (row: number, column: number, spec: CellSpec | null): void => setGridCell(cells, row - 1, column, spec);

  put(1, 0, cell(`${revision.title} 各期进度`));
  put(2, 0, cell(`报告期：${periods.map((p) => periodLabel(parsePeriod(p))).join("、")}　计划版本：${revision.label}（${revision.revision}）　各期数字为累计完成（里程碑为进展状态），状态按该期目标和序时进度计算`));
  TITLES.forEach((title, i) => put(HEADER, i, cell(title)));
  periods.forEach((period, i) => {
    put(HEADER, valueColumn(i), cell(period));
    put(HEADER, stateColumn(i), cell(`状态 ${period}`));
  });
  put(HEADER, lagColumn, cell(LAG_TITLE));

  lines.forEach((line, index) => {
    const r = firstLine + index;
    const row = rows.find((s) => s.id === line.quotaId) as SummaryRow;
    put(r, 0, cell(line.quotaId));
    put(r, 1, cell(line.scope === PROVINCE ? shortLabel(row) : null));
    put(r, 2, cell(row.unit ?? "—"));
    put(r, 3, cell(line.scope));
    // A province line is followed by its cities' lines: a milestone's province status is rolled up from theirs.
    const cityCells = (i: number): string => `${columnLetter(valueColumn(i))}${r + 1}:${columnLetter(valueColumn(i))}${r + revision.cities.length}`;
    byPeriod.forEach((inPeriod, i) => {
      const at = `${columnLetter(valueColumn(i))}${r}`;
      put(r, valueColumn(i), cell(line.values[i]));
      put(r, stateColumn(i), stateCell(row, line.scope, line.scope === PROVINCE && row.kind === "milestone" ? rolledUpStatusFormula(cityCells(i)) : at, inPeriod));
    });
    if (periods.length > 0) put(r, lagColumn, { formula: lagStartFormula(periods.map((_, i) => `${columnLetter(stateColumn(i))}${r}`), periods) });
  });

  const charts: ChartSpec[] = [];
  charted.forEach((row, k) => {
    const top = chartTop + k * CHART_ROWS;
    const province = lines.find((l) => l.quotaId === row.id && l.scope === PROVINCE) as ProgressLine;
    put(top, 0, cell("报告期"));
    put(top, 1, cell(`全省累计（${row.unit ?? ""}）`));
    put(top, 2, cell("序时进度应达"));
    byPeriod.forEach(({ label: period, period: p, rows: periodRows }, i) => {
      const stage = Object.values(periodRows.get(row.id)?.quotaByChild ?? {})[0];
      const target = periodRows.get(row.id)?.provinceTarget;
      const expected = stage && typeof target === "number" ? (() => {
        const { progress } = stageInScope(stage, { kind: "province" }, p, { revision });
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
    columnWidths: [13, 30, 7, 8, ...periods.flatMap(() => [9]), ...periods.flatMap(() => [7]), 10],
    styles: [
      titleStyle(`A1:${last}1`, false),
      headerStyle(`A${HEADER}:${last}${HEADER}`),
      ...(lines.length > 0 ? [{ range: `A${firstLine}:${last}${lastLine}`, border: true, vertical: "Top" as const }] : []),
      ...charted.map((_, k) => headerStyle(`A${chartTop + k * CHART_ROWS}:C${chartTop + k * CHART_ROWS}`)),
    ],
    merges: [`A1:${last}1`, `A2:${last}2`],
    conditionalFormats:
      lines.length > 0 && periods.length > 0
        ? stateFormats(`${columnLetter(stateColumn(0))}${firstLine}:${columnLetter(stateColumn(periods.length - 1))}${lastLine}`, `${columnLetter(stateColumn(0))}${firstLine}`)
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

/** The title of the column saying since when a line lags. */
export const LAG_TITLE = "滞后起始期";

const lagging = (state: string): string => `OR(${state}="${STATES.behind}",${state}="${STATES.notDone}")`;

/**
 * The period in which a line's current run of 滞后 (or 未完成) began, blank while its last period
 * is not behind: nested IFs from the first period on, as long as the periods are many (36 for
 * three years of months, well inside Excel's 64 levels of nesting).
 */
export function lagStartFormula(states: string[], periods: string[]): string {
  const last = states.at(-1);
  if (last === undefined) return "";
  // From the first period on: each later period starts a run unless the period before it lagged.
  const start = periods.slice(1).reduce((run, period, i) => `IF(${lagging(states[i] ?? "")},${run},"${period}")`, `"${periods[0] ?? ""}"`);
  return `=IF(${lagging(last)},${start},"")`;
}

/**
 * A line's 状态 in one period, as a formula over its figure (a cell, or for a province milestone
 * the status rolled up from its cities): the same rules as the report's 状态 — a count or a ratio
 * against the period's target and 序时进度, a level (a ceiling, a growth rate) against its whole
 * target, a milestone's status against 序时进度, final at a deadline. The target is the province's,
 * or the city's own (its plan share, a rate as it stands, else what its file showed). Blank where
 * there is no target to measure against (a city's contribution to a count nobody split).
 */
/** One period's columns: its rows, each city's figures, and the paths its files were made with. */
interface PeriodColumn {
  period: ReturnType<typeof parsePeriod>;
  rows: Map<string, SummaryRow>;
  figures: Map<string, Record<string, { target: CellValue }>>;
  paths: PathContext;
}

function stateCell(row: SummaryRow, scope: string, figure: string, period: PeriodColumn): CellSpec | null {
  const periodRow = period.rows.get(row.id);
  const quota = periodRow ? (scope === PROVINCE ? Object.values(periodRow.quotaByChild)[0] : periodRow.quotaByChild[scope]) : undefined;
  if (!periodRow || !quota || periodRow.part) return null;
  // A city's share of a split quota runs on its own path (Annex 2's points), the province on the plan's.
  const stage = stageInScope(quota, scope === PROVINCE ? { kind: "province" } : { kind: "city", city: scope }, period.period, period.paths);
  const progress = `(${stage.progress.expected}/${stage.progress.of})`;
  if (row.kind === "milestone") return { formula: milestoneStateFormula(figure, progress, stage.final) };
  const target = scope === PROVINCE ? periodRow.provinceTarget : cityTarget(quota, scope, period, row.id);
  if (typeof target !== "number" || (target <= 0 && quota.comparator !== "<=")) return null;
  const completion = quotaCompletionFormula(quota, figure, String(target)).slice(1);
  return { formula: quotaStateFormula(quota, completion, progress, stage.final) };
}

/** A city's target in a period: the plan's for the city (its share, a rate as it stands, its counties to cover), else what its file showed. */
function cityTarget(quota: Quota, city: string, period: PeriodColumn, rowId: string): CellValue {
  const planned = targetCell(quota, { kind: "city", city }, { ...period.paths, period: period.period });
  if (typeof planned === "number") return planned;
  return period.figures.get(city)?.[rowId]?.target ?? null;
}
