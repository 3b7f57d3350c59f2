import { type Period, periodEndMonth } from "./period";
import type { PathPoint, Quota } from "../plan/types";

/**
 * Where a quota stands in a report period: which stage of its path is current, what the path
 * expects by the period's end (序时进度), and whether the stage's status is final. Months are
 * counted from the plan's first January; a deadline year ends in its December.
 */
export interface Stage {
  /** The deadline reported against: the first on the path at or after the period, else the last; null for a quota due every period. */
  point: PathPoint | null;
  /**
   * 序时进度 as a fraction whose parts a reader can follow: what the path expects by the period's
   * end over the stage's target (`6875/10000`), or months elapsed over months due (`9/12`).
   */
  progress: { expected: number; of: number };
  /** The same as the formula writes it, exact: `(5000+(10000-5000)*9/24)/10000`, or `9/12`. */
  progressText: string;
  /** The period ends on the stage's deadline (or after): its status is 已完成 or 未完成, with no tolerance. */
  final: boolean;
  /** The period ends after the quota's last deadline: its figure is final and no longer asked for. */
  closed: boolean;
}

/** Months from the plan's first January to the end of the period. */
function monthsAt(period: Period, startYear: number): number {
  return (period.year - startYear) * 12 + periodEndMonth(period);
}

/** Months from the plan's first January to the end of the point's month (December unless the plan names one: 6月底前). */
const deadlineMonth = (point: PathPoint, startYear: number): number => (point.year - startYear) * 12 + (point.month ?? 12);


/**
 * A quota due every period (每年, 每两年, 每季度, a growth rate): the share of the current cycle's
 * time elapsed. One with a deadline year (2025年,增长7%) is closed after it.
 */
function recurringStage(quota: Quota, period: Period, endYear: number): Stage {
  const closed = quota.year !== null && period.year > quota.year;
  const month = periodEndMonth(period);
  if (quota.cadence === "quarterly") {
    const elapsed = month - (Math.ceil(month / 3) - 1) * 3;
    return { point: null, progress: { expected: elapsed, of: 3 }, progressText: `${elapsed}/3`, final: elapsed === 3, closed };
  }
  // Every second year: due in the plan's last year and every second year before it; in between nothing is due.
  const due = quota.cadence !== "biennial" || (endYear - period.year) % 2 === 0;
  const elapsed = due ? month : 0;
  return { point: null, progress: { expected: elapsed, of: 12 }, progressText: `${elapsed}/12`, final: due && month === 12, closed };
}

export function stageAt(quota: Quota, period: Period, plan: { startYear: number; endYear: number }): Stage {
  const now = monthsAt(period, plan.startYear);
  const points = quota.path.map((point) => ({ point, at: deadlineMonth(point, plan.startYear) }));
  const last = points.at(-1);
  if (quota.cadence !== "once" || last === undefined) return recurringStage(quota, period, plan.endYear);
  const index = points.findIndex((p) => p.at >= now);
  // Past every deadline (index -1) the stage is the last one.
  const current = points[index] ?? last;
  const closed = now > last.at;
  const final = now >= current.at;
  const previous = index > 0 ? points[index - 1] : index === -1 ? points[points.length - 2] : undefined;
  const from = previous ? { at: previous.at, value: previous.point.target } : { at: 0, value: quota.baseline };
  const elapsed = Math.max(0, Math.min(now, current.at) - from.at);
  const span = current.at - from.at;
  const target = current.point.target;
  // A milestone, a ceiling (held at every point, not built up), or a target not decided yet (or a
  // stage that starts undecided): only time tells.
  if (quota.kind === "milestone" || quota.comparator === "<=" || target === null || from.value === null || target === 0) {
    const timeFrom = quota.kind === "milestone" ? 0 : from.at;
    const expected = Math.min(now, current.at) - timeFrom;
    const of = current.at - timeFrom;
    return { point: current.point, progress: { expected, of }, progressText: `${expected}/${of}`, final, closed };
  }
  const expected = span === 0 ? target : from.value + ((target - from.value) * elapsed) / span;
  // The path's value by the period's end over the stage's target, written out so a reader sees the points.
  const progressText = span === 0 ? `${target}/${target}` : `(${from.value}+(${target}-${from.value})*${elapsed}/${span})/${target}`;
  return { point: current.point, progress: { expected, of: target }, progressText, final, closed };
}

/** Months from the plan's first January to the start of the period (the months before it). */
function monthsBefore(period: Period, startYear: number): number {
  return monthsAt(period, startYear) - (period.quarter !== null ? 3 : 1);
}

/**
 * Where the quota's 累计 starts counting, as months from the plan's first January: a 每年 quota
 * from its year's January, a 每季度 one from its quarter's first month, a 每两年 one from the
 * January of its two-year cycle (ending in a year it is due); null for a quota with a path, whose
 * 累计 runs from the plan's start (its baseline included) across years.
 */
export function countingStart(quota: Pick<Quota, "cadence">, period: Period, plan: { startYear: number; endYear: number }): number | null {
  const yearStart = (period.year - plan.startYear) * 12;
  switch (quota.cadence) {
    case "once":
      return null;
    case "annual":
      return yearStart;
    case "quarterly":
      return yearStart + (Math.ceil(periodEndMonth(period) / 3) - 1) * 3;
    case "biennial": {
      // Due in the plan's last year and every second year before it; the cycle is the due year and the one before.
      const dueYear = (plan.endYear - period.year) % 2 === 0 ? period.year : period.year + 1;
      return (dueYear - 1 - plan.startYear) * 12;
    }
  }
}

/**
 * 上期累计 of a quota in `period` as far as time alone tells: 0 when the period is the first of its
 * counting cycle (January or Q1 for a 每年 quota), else null — the previous period's sheet says.
 */
export function previousAtCycleStart(quota: Pick<Quota, "cadence">, period: Period, plan: { startYear: number; endYear: number }): 0 | null {
  const start = countingStart(quota, period, plan);
  return start !== null && monthsBefore(period, plan.startYear) <= start ? 0 : null;
}

/**
 * Whether the previous period's 累计 carries into `period`'s 上期累计: it does unless the quota's
 * counting cycle started after the previous period ended (a 每年 quota in the next year).
 */
export function carriesAcross(quota: Pick<Quota, "cadence">, previous: Period, period: Period, plan: { startYear: number; endYear: number }): boolean {
  const start = countingStart(quota, period, plan);
  return start === null || monthsAt(previous, plan.startYear) > start;
}
