import type { Geography } from "../plan/counties";
import { type PlanRevision, type Quota, isPercentKind, leadUnits } from "../plan/types";
import type { Period } from "../period/period";
import { type Scope, countiesInScope, localUnitsToCover, planShare, unitRole } from "../plan/scope";
import { stageAt } from "../period/stage";
import { CONTRIBUTED, NOT_ASSIGNED, PENDING } from "./columns";
import type { SplitRecord } from "./meta";
import { quotaFacts } from "./labels";
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
  /** The counties, for per-county coverage of a quota the plan was read without (杭州市 13). */
  geography?: Geography | null;
  /** The report period: the target is its stage's (5000 until the end of 2025, then 10000); without one, the last. */
  period?: Period | null;
}

/** The region a local scope's split records are made out to. */
function regionOf(scope: Scope): string | null {
  return scope.kind === "city" ? scope.city : scope.kind === "county" ? scope.county : null;
}

/** A quota's stated figure at the context's period (its stage's point), else its last. */
function statedTarget(quota: Quota, context: TargetContext): number | null {
  const stage = context.period ? stageAt(quota, context.period, context.revision) : null;
  return stage?.point ? stage.point.target : quota.target;
}

/** The deadline the context's period reports on (its stage's), else the quota's last; null for a quota due every period. */
export function stageYear(quota: Quota, context: Pick<TargetContext, "period" | "revision">): number | null {
  const stage = context.period ? stageAt(quota, context.period, context.revision) : null;
  return stage ? (stage.point?.year ?? null) : (quota.path[quota.path.length - 1]?.year ?? null);
}

/**
 * A region's share of a quota at the context's stage: the record made for that deadline, else one
 * that holds at every stage. A share of 2027's target is never shown for 2025 (nor the reverse).
 */
export function splitAt(quota: Quota, region: string, context: TargetContext): SplitRecord | undefined {
  const records = (context.splits ?? []).filter((s) => s.quotaId === quota.id && s.city === region);
  const year = stageYear(quota, context);
  return records.find((s) => s.year !== undefined && s.year === year) ?? records.find((s) => s.year === undefined);
}

/** The number of units a per-unit quota asks a scope to cover: the province 90, 杭州市 13, a county 1. */
function coverageTarget(quota: Quota, scope: Scope, stated: number, context: TargetContext): CellValue {
  if (scope.kind === "county" || scope.kind === "city") return localUnitsToCover(quota, scope, context.geography) ?? NOT_ASSIGNED;
  // A quota a person marked per-unit that the plan did not state per county: its counties are the target.
  if (!quota.perUnit && context.geography) return countiesInScope(scope, context.geography).length;
  return stated;
}

/**
 * Whether a quota's target holds for every city and county as the plan states it: a ratio or a
 * growth rate, an amount per person (人均…元: a level, never a sum of places' parts), and a
 * ceiling of 0 (零事故: none anywhere means none in each place).
 */
function holdsEverywhere(quota: Quota, stated: number): boolean {
  return isPercentKind(quota.kind) || quota.measures === "per-capita" || (quota.comparator === "<=" && stated === 0);
}

/** The target a scope's row shows: a number, 待定, 未分解 (no split target) or — for milestones. */
export function targetCell(quota: Quota, scope: Scope, context: TargetContext): CellValue {
  if (quota.kind === "milestone") return "—";
  const stated = statedTarget(quota, context);
  if (quota.pending || stated === null) return PENDING;
  if (quota.level === "per-unit") return coverageTarget(quota, scope, stated, context);
  const planned = isPercentKind(quota.kind) ? stated / 100 : stated;
  const region = regionOf(scope);
  // The province, a unit, and an Annex 2 quota of the city's own show the plan's figure; a ratio, a growth rate or a ceiling of 0 applies to every city and county as it stands.
  if (region === null || quota.region !== null || holdsEverywhere(quota, stated)) return planned;
  if (quota.level === "split" && scope.kind === "city") {
    const share = planShare(context.revision, quota, scope.city);
    const shareTarget = share && !share.pending ? statedTarget(share, context) : null;
    if (shareTarget !== null) return shareTarget;
  }
  const split = splitAt(quota, region, context);
  if (split) return split.target;
  // A plan that splits nothing by region leaves every place its contribution: no split is missing.
  return splitsByRegion(context.revision) ? NOT_ASSIGNED : CONTRIBUTED;
}

/** Whether the plan gives any place its own figures (Annex 2). */
function splitsByRegion(revision: PlanRevision): boolean {
  return revision.quotas.some((quota) => quota.region !== null);
}

/** One deadline where Annex 1's figure and the sum of Annex 2's city shares differ. */
export interface AnnexDisagreement {
  year: number;
  annex1: number;
  annex2: number;
}

/** Annex 1's figure against the sum of Annex 2's city shares at each deadline, where the plan gives both and they differ (技能型乡村 2025: 500 vs 538). */
export function annexDisagreements(quota: Quota, revision: PlanRevision): AnnexDisagreement[] {
  if (quota.level !== "split" || quota.region !== null) return [];
  const shares = revision.cities.map((city) => planShare(revision, quota, city));
  if (shares.some((share) => share === null)) return [];
  return quota.path.flatMap((point): AnnexDisagreement[] => {
    const figures = shares.map((share) => share?.path.find((p) => p.year === point.year)?.target ?? null);
    if (point.target === null || figures.some((f) => f === null)) return [];
    const total = Number((figures as number[]).reduce((a, b) => a + b, 0).toFixed(10));
    return total === point.target ? [] : [{ year: point.year, annex1: point.target, annex2: total }];
  });
}

/** What a per-unit quota counts as covered: 县 (每个县(市、区)) or 市 (每个设区市). */
const coveredUnit = (quota: Quota): string => (quota.perUnit?.per === "city" ? "市" : "县");

const amount = (value: CellValue, quota: Quota): string =>
  typeof value === "number" ? (isPercentKind(quota.kind) ? `${Number((value * 100).toFixed(6))}%` : `${value}${quota.unit ?? ""}`) : String(value);

/** What the row asks the scope to report, in words (the second line of 工作举措/指标), then what the plan says of it beyond its target (属性, 基期值…). */
export function reportText(quota: Quota, scope: Scope, context: TargetContext): string {
  const facts = quotaFacts(quota);
  const asked = askedText(quota, scope, context);
  return facts === "" ? asked : `${asked}\n${facts}`;
}

function askedText(quota: Quota, scope: Scope, context: TargetContext): string {
  const target = targetCell(quota, scope, context);
  if (scope.kind === "province" || scope.kind === "unit") {
    const unit = quota.unit ?? "";
    const both = annexDisagreements(quota, context.revision)
      .map((d) => `（${d.year}年：附件1 ${d.annex1}${unit}；附件2 各市合计 ${d.annex2}${unit}，两者不一致，按附件1）`)
      .join("");
    // Coverage is counted in units covered: the province's 90 counties.
    const covered = quota.level === "per-unit" && typeof target === "number" ? `\n全省覆盖${coveredUnit(quota)}数 / ${target}` : "";
    if (scope.kind === "province") return `${quota.text}${both}${covered}`;
    return unitRole(quota, scope.unit) === "lead"
      ? `${quota.text}${both}${covered}\n本单位牵头：填报全省数（含配合单位）`
      : `${quota.text}${both}\n本单位配合（牵头单位：${leadUnits(quota).join("、")}）：填报本单位完成数`;
  }
  const who = scope.kind === "city" ? "本市" : "本县";
  if (quota.kind === "milestone") return `${who}进展状态：${quota.text}`;
  if (isPercentKind(quota.kind)) return `${who}${quota.kind === "growth" ? "增长率" : "比例"}，目标 ${amount(target, quota)}（与全省相同）：${quota.text}`;
  if (typeof target === "number" && holdsEverywhere(quota, target)) return `${who}目标 ${amount(target, quota)}（与全省相同）：${quota.text}`;
  if (quota.level === "per-unit") {
    return scope.kind === "city"
      ? `${who}覆盖${coveredUnit(quota)}数 / ${typeof target === "number" ? target : "—"}（每个${quota.perUnit?.per === "city" ? "设区市" : "县(市、区)"}至少 1 个）`
      : `${who}数量（${(quota.perUnit?.each ?? 1) === 1 ? "至少 1 个；有即覆盖" : `至少 ${quota.perUnit?.each} 个即覆盖`}）`;
  }
  if (typeof target === "number") {
    const source = quota.level === "split" && scope.kind === "city" && planShare(context.revision, quota, scope.city) ? "附件2" : "目标分解";
    const stage = context.period ? stageAt(quota, context.period, context.revision) : null;
    const year = stage?.point?.year ?? quota.year;
    const when = year === null ? "每年" : `到${year}年底`;
    return `${who}目标：${when}${amount(target, quota)}（${source}）`;
  }
  if (quota.region !== null) return `${who}目标：${quota.text}`;
  return `${who}贡献数（无分解目标；全省：${quota.text}）`;
}

/**
 * What the plan says a quota's target cell holds in a scope (at the context's period), or
 * undefined when the plan alone cannot tell: a count of counties without the counties; a share of
 * a province-wide target whose split (目标分解) is not among the context's splits was made
 * elsewhere, and only the file's own record (metadata) knows it; a cell written 未分解 or — (the
 * scope had no target of its own then) is not wrong now that the plan or a split gives one.
 */
export function planTarget(quota: Quota, scope: Scope, written: CellValue, context: TargetContext): CellValue | undefined {
  if (written === NOT_ASSIGNED || (written === CONTRIBUTED && quota.kind !== "milestone")) return undefined;
  const expected = targetCell(quota, scope, context);
  if ((expected === NOT_ASSIGNED || expected === CONTRIBUTED) && typeof written === "number") return undefined;
  return expected;
}
