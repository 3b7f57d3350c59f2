import { type Finding, type Where, finding } from "../findings/findings";
import type { Quota } from "../plan/types";
import { OUTLIER_MIN_OTHERS, OUTLIER_MULTIPLE } from "../template/columns";

/**
 * Plausibility of a contribution without a target of its own (a city's 本市贡献数, a county's
 * 本县贡献数): with nothing to complete, a figure is judged against the whole it is part of and
 * against the other contributors. Each finding is a warning a 说明 clears.
 */

/** One contributor's figure for a quota, where it is, and whether a 说明 explains it. */
export interface Contribution {
  /** The city, county or unit that reports it. */
  child: string;
  figure: number;
  explained: boolean;
  at: Where;
}

/** The kinds whose contributions add up to the whole (a ratio or a milestone does not). */
export function isContributedCount(quota: Quota): boolean {
  return quota.kind === "annual" || quota.kind === "cumulative";
}

/** The middle value, or the mean of the middle two; NaN for no values at all. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const lower = sorted[Math.ceil(sorted.length / 2) - 1];
  const upper = sorted[Math.floor(sorted.length / 2)];
  return lower === undefined || upper === undefined ? NaN : (lower + upper) / 2;
}

/** A contribution larger than the whole it is part of (the province's target): no part can be. */
export function aboveWhole(quota: Quota, contribution: Contribution, whole: number | null): Finding[] {
  if (contribution.explained || whole === null || whole <= 0 || contribution.figure <= whole) return [];
  return [
    finding(
      "contribution-implausible",
      contribution.at,
      { child: contribution.child, figure: contribution.figure, unit: quota.unit, whole },
      contribution.figure,
    ),
  ];
}

/**
 * A contribution more than OUTLIER_MULTIPLE times the median of the others' (robust to one other
 * outlier), judged only where at least OUTLIER_MIN_OTHERS others reported a figure.
 */
export function outsideOthers(quota: Quota, contribution: Contribution, all: readonly Contribution[]): Finding[] {
  if (contribution.explained) return [];
  const others = all.filter((other) => other !== contribution && other.child !== contribution.child).map((other) => other.figure);
  if (others.length < OUTLIER_MIN_OTHERS) return [];
  const middle = median(others);
  if (middle <= 0 || contribution.figure <= OUTLIER_MULTIPLE * middle) return [];
  return [
    finding(
      "contribution-implausible",
      contribution.at,
      { child: contribution.child, figure: contribution.figure, unit: quota.unit, median: Number(middle.toPrecision(12)), others: others.length },
      contribution.figure,
    ),
  ];
}
