import type { Quota } from "../plan/types";
import type { Scope } from "../scope";
import { NOT_ASSIGNED, PENDING } from "./columns";
import type { SplitRecord } from "./meta";
import type { CellValue } from "./spec";

/** The target cell's content for a quota in a scope: a number, 待定, 未分解 or — for milestones. */
export function targetCell(quota: Quota, scope: Scope, splits: SplitRecord[]): CellValue {
  if (quota.kind === "milestone") return "—";
  if (quota.pending || quota.target === null) return PENDING;
  if (scope.kind === "city" && quota.region === null) {
    const split = splits.find((s) => s.quotaId === quota.id && s.city === scope.city);
    return split ? split.target : NOT_ASSIGNED;
  }
  return quota.kind === "ratio" ? quota.target / 100 : quota.target;
}

/**
 * What the plan says a quota's target cell holds in a scope, or undefined when the plan alone
 * cannot tell: a city's share of a province-wide target whose split (目标分解) is not among
 * `splits` was made elsewhere, and only the file's own record (metadata) knows it.
 */
export function planTarget(quota: Quota, scope: Scope, written: CellValue, splits: SplitRecord[]): CellValue | undefined {
  if (scope.kind === "city" && quota.region === null && typeof written === "number" && !splits.some((s) => s.quotaId === quota.id && s.city === scope.city)) {
    return undefined;
  }
  return targetCell(quota, scope, splits);
}
