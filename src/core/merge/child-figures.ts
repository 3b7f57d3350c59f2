/** Each child's (city's, county's) figures and targets for the summary's rows, read from its accepted file. */
import { fittedToCell } from "../snapshot/cells";
import { type Period } from "../period/period";
import { idsOnSheet } from "../plan/scope";
import { isPair, partId, shareOf } from "../template/ratio-parts";
import type { ReportRow } from "../snapshot/read-sheets";
import { type CellValue } from "../template/spec";
import { stageInScope, targetCell } from "../template/targets";
import { type ViewsInput } from "./views";
import { type SummaryRow, hasParts } from "./layout";
import type { AcceptedFile, FigureKey, MergeContext } from "./merge";
import { type Rollup, childScope } from "./rollup";
import { type KeptFigures, type SummaryState } from "./state";

/** A city's figures in every summary row, and the file they came from. */
export interface CityColumn {
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
export function cityTarget(row: SummaryRow, child: string, context: MergeContext, rollup: Rollup, column: CityColumn | undefined, period: Period): CellValue {
  const quota = row.quotaByChild[child];
  // A ratio's numerator and denominator are counts with no target of their own.
  if (!quota || rollup.childKind === "unit" || row.part) return null;
  const target = targetCell(quota, childScope(rollup, child), { revision: context.revision, splits: context.splits, geography: context.geography, period });
  if (typeof target === "number") return target;
  const carried = column?.figures[row.id]?.target;
  return typeof carried === "number" ? carried : null;
}

/** Each city's column of figures: what the existing summary keeps for it, replaced by its accepted file's. */
export function cityColumns(accepted: AcceptedFile[], rows: SummaryRow[], rollup: Rollup, context: MergeContext, existing: SummaryState | null): Map<string, CityColumn> {
  const columns = new Map<string, CityColumn>();
  for (const kept of existing?.children ?? []) columns.set(kept.child, { file: kept.file, figures: kept.figures });
  for (const file of accepted) columns.set(file.child, { file: file.name, figures: figuresFromFile(file, rows, rollup, context) });
  return columns;
}

/**
 * A row's and city's figures at merge time, with the city's target and where the city's own path
 * stands (an Annex 2 share runs from the city's stock to its own points) — for 排名 and 通报.
 */
export function cityFigures(rows: SummaryRow[], columns: Map<string, CityColumn>, context: MergeContext, rollup: Rollup, period: Period): ViewsInput["figures"] {
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
