import { type Quota, isPercentKind } from "../plan/types";
import type { Scope } from "../scope";
import type { Stage } from "../stage";
import { NOT_ASSIGNED, PENDING } from "./columns";
import type { SplitRecord } from "./meta";
import type { CellValue } from "./spec";

/**
 * The target cell's content for a quota in a scope: a number, 待定, 未分解 or — for milestones.
 * With a stage, the stage's target (5000 until the end of 2025, then 10000); without one, the
 * last. A ratio's (or growth rate's) target applies to every city as it stands; a per-unit quota's is the number of
 * units in the scope (90 counties for the province, 13 for 杭州市).
 */
export function targetCell(quota: Quota, scope: Scope, splits: SplitRecord[], stage: Stage | null = null): CellValue {
  if (quota.kind === "milestone") return "—";
  const stated = stage?.point ? stage.point.target : quota.target;
  if (quota.pending || stated === null) return PENDING;
  if (quota.perUnit) {
    if (scope.kind !== "city") return stated;
    return quota.perUnit.byCity[scope.city] ?? NOT_ASSIGNED;
  }
  if (scope.kind === "city" && quota.region === null && !isPercentKind(quota.kind)) {
    const split = splits.find((s) => s.quotaId === quota.id && s.city === scope.city);
    return split ? split.target : NOT_ASSIGNED;
  }
  return isPercentKind(quota.kind) ? stated / 100 : stated;
}

/**
 * What the plan says a quota's target cell holds in a scope (at a stage), or undefined when the
 * plan alone cannot tell: a city's share of a province-wide target whose split (目标分解) is not
 * among `splits` was made elsewhere, and only the file's own record (metadata) knows it; a cell
 * written 未分解 (the city had no target of its own then) is not wrong now that the plan gives one.
 */
export function planTarget(quota: Quota, scope: Scope, written: CellValue, splits: SplitRecord[], stage: Stage | null = null): CellValue | undefined {
  const takesSplit = quota.region === null && !isPercentKind(quota.kind) && !quota.perUnit;
  if (scope.kind === "city" && takesSplit && typeof written === "number" && !splits.some((s) => s.quotaId === quota.id && s.city === scope.city)) {
    return undefined;
  }
  if (written === NOT_ASSIGNED) return undefined;
  return targetCell(quota, scope, splits, stage);
}
