import type { Geography } from "../plan/counties";
import type { PlanRevision, Quota } from "../plan/types";
import { type Scope, countiesInScope, planShare, unitRole } from "../scope";
import { NOT_ASSIGNED, PENDING } from "./columns";
import type { SplitRecord } from "./meta";
import type { CellValue } from "./spec";

/**
 * A quota's target and its words on a scope's sheet: what the row asks this scope to report
 * (本市贡献数, 本市目标 from Annex 2, 本市覆盖县数 / 13…). Templates, checks and merges all take the
 * target from here, so the sheet and the summary can never disagree.
 */
export interface TargetContext {
  revision: PlanRevision;
  /** Targets split by the aggregator (目标分解), to cities or to the counties of a city. */
  splits?: readonly SplitRecord[];
  /** The counties, for per-county coverage (杭州市 13) and the county level. */
  geography?: Geography;
}

/** The region a local scope's split records are made out to. */
function regionOf(scope: Scope): string | null {
  return scope.kind === "city" ? scope.city : scope.kind === "county" ? scope.county : null;
}

/** The target a scope's row shows: a number, 待定, 未分解 (no split target) or — for milestones. */
export function targetCell(quota: Quota, scope: Scope, context: TargetContext): CellValue {
  if (quota.kind === "milestone") return "—";
  if (quota.pending || quota.target === null) return PENDING;
  const planned = quota.kind === "ratio" ? quota.target / 100 : quota.target;
  const region = regionOf(scope);
  if (region === null || quota.region !== null) {
    if (quota.level === "per-unit" && context.geography) return countiesInScope(scope, context.geography).length;
    return planned;
  }
  // A ratio (and coverage) applies to every city and county as it stands.
  if (quota.kind === "ratio") return planned;
  if (quota.level === "per-unit") return context.geography ? countiesInScope(scope, context.geography).length : NOT_ASSIGNED;
  if (quota.level === "split" && scope.kind === "city") {
    const share = planShare(context.revision, quota, scope.city);
    if (share && share.target !== null && !share.pending) return share.target;
  }
  const split = (context.splits ?? []).find((s) => s.quotaId === quota.id && s.city === region);
  return split ? split.target : NOT_ASSIGNED;
}

/** Annex 1's figure against the sum of Annex 2's city shares, when the plan gives both and they differ. */
export function annexDisagreement(quota: Quota, revision: PlanRevision): { annex1: number; annex2: number } | null {
  if (quota.level !== "split" || quota.target === null) return null;
  const shares = revision.cities.map((city) => planShare(revision, quota, city)?.target ?? null);
  if (shares.some((share) => share === null)) return null;
  const total = (shares as number[]).reduce((a, b) => a + b, 0);
  return total === quota.target ? null : { annex1: quota.target, annex2: total };
}

const amount = (value: CellValue, quota: Quota): string =>
  typeof value === "number" ? (quota.kind === "ratio" ? `${Number((value * 100).toFixed(6))}%` : `${value}${quota.unit ?? ""}`) : String(value);

/** What the row asks the scope to report, in words (the second line of 工作举措/指标). */
export function reportText(quota: Quota, scope: Scope, context: TargetContext): string {
  const target = targetCell(quota, scope, context);
  if (scope.kind === "province" || scope.kind === "unit") {
    const disagreement = annexDisagreement(quota, context.revision);
    const both = disagreement
      ? `（附件1 ${disagreement.annex1}${quota.unit ?? ""}；附件2 各市合计 ${disagreement.annex2}${quota.unit ?? ""}，两者不一致，按附件1）`
      : "";
    if (scope.kind === "province") return `${quota.text}${both}`;
    return unitRole(quota, scope.unit) === "lead"
      ? `${quota.text}${both}\n本单位牵头：填报全省数（含配合单位）`
      : `${quota.text}${both}\n本单位配合（牵头单位：${quota.units[0]}）：填报本单位完成数`;
  }
  const who = scope.kind === "city" ? "本市" : "本县";
  if (quota.kind === "milestone") return `${who}进展状态：${quota.text}`;
  if (quota.kind === "ratio") return `${who}比例，目标 ${amount(target, quota)}（与全省相同）：${quota.text}`;
  if (quota.level === "per-unit") {
    return scope.kind === "city"
      ? `${who}覆盖县数 / ${typeof target === "number" ? target : "—"}（每个县(市、区)至少 1 个）`
      : `${who}数量（至少 1 个；有即覆盖）`;
  }
  if (typeof target === "number") {
    const source = quota.level === "split" && scope.kind === "city" && planShare(context.revision, quota, scope.city) ? "附件2" : "目标分解";
    const when = quota.year === null ? "每年" : `到${quota.year}年底`;
    return `${who}目标：${when}${amount(target, quota)}（${source}）`;
  }
  if (quota.region !== null) return `${who}目标：${quota.text}`;
  return `${who}贡献数（无分解目标；全省：${quota.text}）`;
}

/**
 * What the plan says a quota's target cell holds in a scope, or undefined when the plan alone
 * cannot tell (a count of counties without the counties), or a share of a province-wide target whose split (目标分解) is not among the
 * context's splits was made elsewhere, and only the file's own record (metadata) knows it.
 */
export function planTarget(quota: Quota, scope: Scope, written: CellValue, context: TargetContext): CellValue | undefined {
  // A per-county coverage target counts the scope's counties: without them, only the file's record knows it.
  if (quota.level === "per-unit" && !context.geography) return undefined;
  const expected = targetCell(quota, scope, context);
  if (expected === NOT_ASSIGNED && typeof written === "number") return undefined;
  return expected;
}
