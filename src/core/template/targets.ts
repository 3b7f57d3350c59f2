import type { Quota } from "../plan/types";
import type { Scope } from "../scope";
import type { Stage } from "../stage";
import { NOT_ASSIGNED, PENDING } from "./columns";
import type { SplitRecord } from "./meta";
import type { CellValue } from "./spec";

/**
 * The target cell's content for a quota in a scope: a number, 待定, 未分解 or — for milestones.
 * With a stage, the stage's target (5000 until the end of 2025, then 10000); without one, the
 * last. A ratio's target applies to every city as it stands; a per-unit quota's is the number of
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
  if (scope.kind === "city" && quota.region === null && quota.kind !== "ratio") {
    const split = splits.find((s) => s.quotaId === quota.id && s.city === scope.city);
    return split ? split.target : NOT_ASSIGNED;
  }
  return quota.kind === "ratio" ? stated / 100 : stated;
}
