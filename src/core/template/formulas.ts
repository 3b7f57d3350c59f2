import { type Quota, type QuotaKind, isPercentKind } from "../plan/types";
import type { Stage } from "../period/stage";
import { columnLetter } from "../snapshot/a1";
import { partsOf } from "./ratio-parts";
import { APPROXIMATE_TOLERANCE, BEHIND_THRESHOLD, COLUMN, MILESTONE_STATUSES, STATES } from "./columns";

/**
 * Every formula Planbook writes. Reports and summaries compute completion the same way, so each
 * rule is written here once and the builders only say which cells it reads.
 */

/**
 * `dividend ÷ divisor` (then `then`, e.g. `-1`), blank while either cell is not a number or the
 * divisor is 0: a sheet shows nothing rather than #DIV/0! or a rate over a missing figure.
 */
function guardedQuotient(dividend: string, divisor: string, then = ""): string {
  return `=IF(OR(NOT(ISNUMBER(${dividend})),NOT(ISNUMBER(${divisor}))),"",IF(${divisor}=0,"",${dividend}/${divisor}${then}))`;
}

/** 完成率: actual ÷ target, blank while either is not a number or the target is 0. */
export const completionFormula = (actual: string, target: string): string => guardedQuotient(actual, target);

/** A ratio's value from its two figures: numerator ÷ denominator, blank while either is not a number or the denominator is 0. */
export const ratioFormula = (numerator: string, denominator: string): string => guardedQuotient(numerator, denominator);

/**
 * A ceiling's 完成率 (控制在5%以内, 不超过20人: lower is better): 1 while the figure is at or under the
 * ceiling, else the ceiling over the figure (20 over 25 is 80 %), so that, as for every other kind,
 * 100 % means met and less means short of it. A ceiling of 0 (零事故) is met by 0 and missed by more.
 */
export function ceilingCompletionFormula(actual: string, target: string): string {
  return `=IF(OR(NOT(ISNUMBER(${actual})),NOT(ISNUMBER(${target}))),"",IF(${actual}<=${target},1,${target}/${actual}))`;
}

/** 完成率 of a quota's figure against its target: the ceiling's rule where lower is better, else figure ÷ target. */
export function quotaCompletionFormula(quota: Pick<Quota, "comparator">, actual: string, target: string): string {
  return quota.comparator === "<=" ? ceilingCompletionFormula(actual, target) : completionFormula(actual, target);
}

/** What `quotaCompletionFormula` computes, for checks and summaries that read the figures. */
export function completionOf(quota: Pick<Quota, "comparator">, actual: number, target: number): number {
  if (quota.comparator === "<=") return actual <= target ? 1 : target / actual;
  return actual / target;
}

/**
 * 完成率 where the sheets show one: none without a usable target — a negative one, or 0 for a
 * quota that counts up (the formula's blank) —, but a ceiling of 0 (零事故) is met by 0 and missed by more.
 */
export function completionAgainst(quota: Pick<Quota, "comparator">, actual: number, target: number): number | null {
  if (target < 0 || (target === 0 && quota.comparator !== "<=")) return null;
  return completionOf(quota, actual, target);
}

/**
 * The completion below which a quota's 状态 is 滞后 — or 未完成 at a deadline (`final`) —, as
 * `quotaStateFormula` decides it from 序时进度 (`progress`, a share): what summaries and checks
 * that compute a state from figures compare with.
 */
export function laggingBelow(quota: Pick<Quota, "kind" | "comparator">, progress: number, final: boolean): number {
  if (final) return metAtOf(quota);
  return levelOkFrom(quota) ?? Math.min(metAtOf(quota), progress - BEHIND_THRESHOLD);
}

/** A growth rate from this year's and last year's figure for the same period: 106 over 100 is 6 %. */
export const growthRateFormula = (thisYear: string, lastYear: string): string => guardedQuotient(thisYear, lastYear, "-1");

/** A milestone's 完成率: 1 once its status is 已完成, else 0; blank while no status is given. */
export function milestoneCompletionFormula(status: string): string {
  return `=IF(${status}="","",IF(${status}="${STATES.done}",1,0))`;
}

/**
 * The formulas of a report's quota row: 完成率, 序时进度, 状态, and for a ratio collected as two
 * figures its 累计完成, their quotient (the numerator's row right below, the denominator's after
 * it, as the layout puts them). Blank while the inputs are blank.
 * 序时进度 shows where it comes from (the path's expected value over the stage's target, or months
 * over months); at a deadline the status is final: 已完成 or 未完成, with no tolerance.
 */
/** A quota row's formulas: 完成率, 序时进度, 状态, and for a ratio collected as two figures its 累计完成 (their quotient). */
export type RowFormulas = [completion: string, progress: string, state: string] | [completion: string, progress: string, state: string, share: string];

export function rowFormulas(quota: Quota, row: number, stage: Stage): RowFormulas {
  const cell = (key: keyof typeof COLUMN): string => `${columnLetter(COLUMN[key])}${row}`;
  const [t, p, c, s, m, n] = [cell("target"), cell("period"), cell("cumulative"), cell("status"), cell("completion"), cell("progress")];
  const progressFormula = `=IF(AND(${p}="",${c}="",${s}=""),"",${stage.progressText})`;
  if (quota.kind === "milestone") return [milestoneCompletionFormula(s), progressFormula, milestoneStateFormula(s, n, stage.final)];
  const formulas: [string, string, string] = [quotaCompletionFormula(quota, c, t), progressFormula, quotaStateFormula(quota, m, n, stage.final)];
  if (partsOf(quota).length === 0) return formulas;
  const figure = (offset: number): string => `${columnLetter(COLUMN.cumulative)}${row + offset}`;
  return [...formulas, ratioFormula(figure(1), figure(2))];
}

/**
 * 状态 of a quota with a figure, from its 完成率 and 序时进度, as every sheet decides it: a level
 * (a ceiling, a growth rate) against its whole target before its deadline, anything else against
 * 序时进度; at a deadline (`final`) 已完成 or 未完成.
 */
export function quotaStateFormula(quota: Pick<Quota, "kind" | "comparator">, completion: string, progress: string, final: boolean): string {
  const okFrom = levelOkFrom(quota);
  return final || okFrom === null ? figureStateFormula(completion, progress, metAtOf(quota), final) : levelStateFormula(completion, okFrom);
}

/** The completion from which a quota's target counts as met: 95% for a 左右 (≈) target, else all of it. */
export const metAtOf = (quota: Pick<Quota, "comparator">): number => (quota.comparator === "≈" ? 1 - APPROXIMATE_TOLERANCE : 1);

/** 状态 of a milestone from its status and 序时进度; at its deadline 已完成 or 未完成. */
export function milestoneStateFormula(status: string, progress: string, final: boolean): string {
  const done = `${status}="${STATES.done}"`;
  return final
    ? `=IF(${status}="","",IF(${done},"${STATES.done}","${STATES.notDone}"))`
    : // 未启动 is behind from half-way through the time; 推进中 only once the deadline is reached.
      `=IF(${status}="","",IF(${done},"${STATES.done}",IF(OR(${progress}>=1,AND(${status}="${MILESTONE_STATUSES[0]}",${progress}>=0.5)),"${STATES.behind}","${STATES.onTrack}")))`;
}

/** 状态 of a figure from its 完成率 and 序时进度; at a deadline (`final`) 已完成 or 未完成, with no tolerance. */
export function figureStateFormula(completion: string, progress: string, metAt: number, final: boolean): string {
  return final ? `=IF(${completion}="","",IF(${completion}>=${metAt},"${STATES.done}","${STATES.notDone}"))` : stateFormula(completion, progress, metAt);
}

/**
 * A level quota is held against its whole target in every period, not against 序时进度: a ceiling
 * (lower is better) holds while the figure is at or under it, and a growth rate is this year's
 * against last year's from January on. Returns the completion from which such a quota is 正常
 * before its deadline (below it, 滞后; never 已完成 before the deadline, since a level can still
 * move): 100 % for a ceiling — any excess is 滞后 —, for a growth rate its met-at share less the
 * 10 points a figure may trail by. Null for a quota that builds up over time (counts, ratios).
 */
export function levelOkFrom(quota: Pick<Quota, "kind" | "comparator">): number | null {
  if (quota.comparator === "<=") return 1;
  if (quota.kind === "growth") return metAtOf(quota) - BEHIND_THRESHOLD;
  return null;
}

/** 状态 of a level quota before its deadline: 正常 from `okFrom`, else 滞后. */
export function levelStateFormula(completion: string, okFrom: number): string {
  return `=IF(${completion}="","",IF(${completion}>=${okFrom},"${STATES.onTrack}","${STATES.behind}"))`;
}

/** 状态 from 完成率 and 序时进度: 已完成 from `metAt`, 滞后 when more than BEHIND_THRESHOLD behind, else 正常. */
export function stateFormula(completion: string, progress: string, metAt: number): string {
  return `=IF(${completion}="","",IF(${completion}>=${metAt},"${STATES.done}",IF(${completion}>=${progress}-${BEHIND_THRESHOLD},"${STATES.onTrack}","${STATES.behind}")))`;
}

/**
 * A summary row's total over the cities' figures: their sum, the mean for ratios, and for a
 * milestone how many cities are done out of those that reported (`3/11`).
 */
export function totalFormula(kind: QuotaKind, range: string): string {
  if (kind === "milestone") {
    return `=IF(COUNTA(${range})=0,"",COUNTIF(${range},"${MILESTONE_STATUSES[2]}")&"/"&COUNTA(${range}))`;
  }
  return `=IF(COUNT(${range})=0,"",${isPercentKind(kind) ? "AVERAGE" : "SUM"}(${range}))`;
}

/**
 * A parent's coverage from its children's counts in `range` (see Coverage in merge/layout): how
 * many children have at least `each` (`children`), or 1 once they have `each` between them
 * (`parent`); blank while none is a number.
 */
export function coverageFormula(covers: { units: "children" | "parent"; each: number }, range: string): string {
  const covered = covers.units === "children" ? `COUNTIF(${range},">=${covers.each}")` : `IF(SUM(${range})>=${covers.each},1,0)`;
  return `=IF(COUNT(${range})=0,"",${covered})`;
}

/** The sum of the figures in `range`, blank while none is a number. */
export function sumFormula(range: string): string {
  return `=IF(COUNT(${range})=0,"",SUM(${range}))`;
}

/** The mean of the numbers in `refs` (ranges or cells), blank while there is none. */
export function averageFormula(refs: string[]): string {
  return `=IFERROR(AVERAGE(${refs.join(",")}),"")`;
}
