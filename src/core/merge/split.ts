import { type Finding, finding, type Where } from "../findings/findings";
import type { PlanRevision, Quota } from "../plan/types";
import type { MetaRecords, SplitRecord } from "../template/meta";
import { isCountUnit } from "../plan/quota-units";
import { regionalFamilies } from "./family";
import { InvalidSplitError, UnknownQuotaError } from "../shared/errors";
import { type Scope, quotasInScope } from "../plan/scope";
import { type Geography, countiesOf } from "../plan/counties";
import { type TargetContext, targetCell } from "../template/targets";
import { readMeta } from "../snapshot/read-sheets";
import { required } from "../shared/required";
import type { WorkbookSnapshot } from "../snapshot/snapshot";

/** 目标分解: a provincial target split across the cities, so each city template shows its share. */

/** Findings about a split name this instead of a sheet: they are about what the aggregator typed. */
export const SPLIT_SHEET = "目标分解";

/**
 * The smallest step a part may take: whole units for counts, hundredths otherwise (万人次 keeps two
 * decimals) — or the total's own precision when it has more decimals, so the parts can still add up.
 */
function stepsPerUnit(total: number, integer: boolean): number {
  if (integer) return 1;
  for (let decimals = 2; decimals <= 10; decimals++) {
    if (Number(total.toFixed(decimals)) === total) return 10 ** decimals;
  }
  return 10 ** 10;
}

/**
 * Splits `total` in proportion to `weights` by the largest-remainder method: every part is a whole
 * number of steps (1 for counts, 0.01 otherwise), and the parts add up to the total exactly.
 * A zero weight always gets 0.
 */
export function splitTarget(total: number, weights: number[], integer: boolean): number[] {
  if (!Number.isFinite(total) || total < 0) throw new InvalidSplitError("total", `应为不小于 0 的数，实为 ${total}`);
  if (integer && !Number.isInteger(total)) throw new InvalidSplitError("total", `按整数分解时应为整数，实为 ${total}`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new InvalidSplitError("weights", `权重应为不小于 0 的数，实为 ${weights.join(", ")}`);
  }
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (!(weightSum > 0)) throw new InvalidSplitError("weights", "权重之和应大于 0");
  const scale = stepsPerUnit(total, integer);
  const steps = Math.round(total * scale);
  if (!Number.isSafeInteger(steps)) throw new InvalidSplitError("total", `数值过大：${total}`);

  const exact = weights.map((w) => (steps * w) / weightSum);
  const parts = exact.map(Math.floor);
  let rest = steps - parts.reduce((a, b) => a + b, 0);
  // Largest fractional remainder first; ties go to the larger weight, then to the earlier city.
  const order = weights
    .map((w, index) => ({ index, w, fraction: (exact[index] ?? 0) - (parts[index] ?? 0) }))
    .filter((entry) => entry.w > 0)
    .sort((a, b) => b.fraction - a.fraction || b.w - a.w || a.index - b.index)
    .map((entry) => entry.index);
  // Rounding in `exact` can leave `rest` one step outside [0, order.length): cycling keeps the sum exact.
  /** The part of the city `order` puts at position k (its index is always one of `parts`'). */
  const partAt = (k: number): number => required(order[k % order.length], "a city in the rounding order");
  for (let k = 0; rest > 0; k++, rest--) parts[partAt(k)] = (parts[partAt(k)] ?? 0) + 1;
  for (let k = order.length - 1; rest < 0; k = (k - 1 + order.length) % order.length) {
    if ((parts[partAt(k)] ?? 0) > 0) {
      parts[partAt(k)] = (parts[partAt(k)] ?? 0) - 1;
      rest++;
    }
  }
  return parts.map((p) => p / scale);
}

/** Where the shares of a split come from. */
export type SplitSource =
  /** In proportion to an Annex 2 family's city targets (e.g. each city's 2027 技能型企业). */
  | { kind: "annex"; familyId: string }
  /** In proportion to weights the aggregator typed, by city; a city left out weighs 0. */
  | { kind: "weights"; weights: Record<string, number> }
  /** Parts typed by hand, by city; a city left out gets 0. They must add up to the target. */
  | { kind: "manual"; parts: Record<string, number> };

export interface SplitPlan {
  quotaId: string;
  /** Each city's share in revision.cities order; empty when findings hold an error. */
  records: SplitRecord[];
  findings: Finding[];
}

/**
 * The quotas whose provincial target an aggregator can split: Annex 1 counts with a decided number
 * that every city contributes to. A quota the plan splits itself (Annex 2), a per-county coverage
 * and a province-only act are not.
 */
export function splittableQuotas(revision: PlanRevision): Quota[] {
  return revision.quotas.filter(
    (q) => q.region === null && q.level === "contributed" && (q.kind === "annual" || q.kind === "cumulative") && !q.pending && q.target !== null,
  );
}

/**
 * Each city's target in an Annex 2 family, in revision.cities order (at the deadline `year` where
 * its path has one, e.g. 杭州市 700 by 2025; else its last); null when the annex gives none.
 */
export function annexShares(revision: PlanRevision, familyId: string, year?: number): Record<string, number | null> {
  const family = regionalFamilies(revision).find((f) => f.id === familyId);
  if (!family) throw new UnknownQuotaError(familyId, revision.revision);
  return Object.fromEntries(
    revision.cities.map((city) => {
      const member = family.byCity[city];
      if (!member || member.pending) return [city, null];
      const atYear = year === undefined ? undefined : member.path.find((point) => point.year === year);
      return [city, atYear ? atYear.target : member.target];
    }),
  );
}

/** One target a split shares: a deadline's (its year), or the quota's one target (no year). */
export interface SplitStage {
  year?: number;
  total: number;
}

/**
 * What a split of a quota shares: each deadline's target on its path (技能型企业: 5000 by 2025,
 * 10000 by 2027), so a period's sheet shows the share of the stage it reports on; a quota due
 * every year, or with one deadline, has one target. A deadline not decided yet is not split.
 */
export function splitStages(quota: Quota): SplitStage[] {
  const points = quota.cadence === "once" ? quota.path.filter((point) => point.target !== null) : [];
  if (points.length <= 1) return quota.target === null ? [] : [{ total: quota.target }];
  return points.map((point) => ({ year: point.year, total: point.target as number }));
}

/** The end of a deadline year, as a period: where a stage's target is read. */
const endOf = (year: number): TargetContext["period"] => ({ year, month: 12, quarter: null });

/**
 * A scope's own number at each stage of a quota (its Annex 2 share, its split of a contributed
 * count): what its counties split. Ratios and coverage are not split (they hold as they stand, and
 * a county covers itself); a stage without a number is left out.
 */
export function scopeStageTargets(quota: Quota, scope: Scope, context: TargetContext): { quota: Quota; year?: number; target: number }[] {
  if (quota.kind !== "annual" && quota.kind !== "cumulative") return [];
  if (quota.level === "per-unit") return [];
  return splitStages(quota).flatMap(({ year }) => {
    const target = targetCell(quota, scope, { ...context, period: year === undefined ? null : endOf(year) });
    return typeof target === "number" ? [{ quota, target, ...(year === undefined ? {} : { year }) }] : [];
  });
}

/** Where a finding about a whole split (not one quota's) points. */
const SPLIT_AT: Where = { sheet: SPLIT_SHEET, cell: null, quotaId: null };

/** Where a finding about what the aggregator typed to split `quota` is. */
const splitWhere = (quota: Quota): Where => ({ sheet: SPLIT_SHEET, cell: null, quotaId: quota.id });

/** Findings for cities the plan does not list and for values that are not numbers ≥ 0. */
function badEntries(quota: Quota, revision: PlanRevision, entries: Record<string, number>, by: "part" | "weight"): Finding[] {
  const findings: Finding[] = [];
  for (const [city, value] of Object.entries(entries)) {
    if (!revision.cities.includes(city)) {
      findings.push(finding("split-unknown-city", splitWhere(quota), { city }, city));
    } else if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      const found = typeof value === "number" ? value : String(value);
      findings.push(finding("split-bad-value", splitWhere(quota), { city, by, found }, found));
    }
  }
  return findings;
}

/**
 * Works out each city's share of a provincial target — the records to store in the workbook's
 * metadata (MetaRecords.splits) — or the findings that stop it. Asks, does not change anything.
 */
export function planSplit(revision: PlanRevision, quotaId: string, source: SplitSource): SplitPlan {
  const quota = revision.quotas.find((q) => q.id === quotaId);
  if (!quota) throw new UnknownQuotaError(quotaId, revision.revision);
  const fail = (findings: Finding[]): SplitPlan => ({ quotaId, records: [], findings });
  if (!splittableQuotas(revision).includes(quota)) {
    const reason =
      quota.region !== null || quota.level === "split"
        ? "regional"
        : quota.level !== "contributed"
          ? "not-contributed"
          : quota.pending || quota.target === null
            ? "pending"
            : "not-count";
    return fail([finding("split-not-splittable", splitWhere(quota), { quotaId: quota.id, reason }, quota.id)]);
  }
  const total = quota.target as number;
  const integer = isCountUnit(quota.unit);
  const step = 1 / stepsPerUnit(total, integer);
  const stages = splitStages(quota);
  const toRecords = (parts: number[], year: number | undefined): SplitRecord[] =>
    revision.cities.map((city, index) => ({ quotaId, city, target: required(parts[index], `${city}'s part`), ...(year === undefined ? {} : { year }) }));
  /** Every stage's target split by its weights (the same for each stage unless `weightsAt` says otherwise). */
  const byStage = (weightsAt: (year: number | undefined) => number[]): SplitRecord[] =>
    stages.flatMap((stage) => toRecords(splitTarget(stage.total, weightsAt(stage.year), integer && Number.isInteger(stage.total)), stage.year));

  if (source.kind === "manual") {
    const bad = badEntries(quota, revision, source.parts, "part");
    if (bad.length > 0) return fail(bad);
    const findings: Finding[] = [];
    for (const [city, value] of Object.entries(source.parts)) {
      const steps = value / step;
      if (Math.abs(steps - Math.round(steps)) > 1e-6) {
        const decimals = integer ? null : Math.round(Math.log10(1 / step));
        findings.push(finding("split-precision", splitWhere(quota), { city, part: value, unit: quota.unit, decimals }, value));
      }
    }
    if (findings.length > 0) return fail(findings);
    const parts = revision.cities.map((city) => source.parts[city] ?? 0);
    const sumSteps = parts.reduce((sum, part) => sum + Math.round(part / step), 0);
    if (sumSteps !== Math.round(total / step)) {
      const sum = Number((sumSteps * step).toFixed(10));
      return fail([finding("split-not-adding-up", splitWhere(quota), { sum, total, unit: quota.unit }, sum)]);
    }
    // The parts typed are the last deadline's; an earlier deadline's target is shared in their proportion.
    const last = stages[stages.length - 1];
    const weights = parts.some((part) => part > 0) ? parts : parts.map(() => 1);
    const earlier = stages.length > 1 ? byStage(() => weights).filter((record) => record.year !== last?.year) : [];
    return { quotaId, records: [...earlier, ...toRecords(parts, last?.year)], findings: [] };
  }

  // The plan's own city figures at each deadline (each city's 2025 技能型企业 for the 2025 stage), or the weights typed.
  const weightsAt = (year: number | undefined): Record<string, number | null> =>
    source.kind === "annex" ? annexShares(revision, source.familyId, year) : source.weights;
  if (source.kind === "weights") {
    const findings = badEntries(quota, revision, source.weights, "weight");
    if (findings.length > 0) return fail(findings);
  }
  const vectors = new Map<number | undefined, number[]>();
  for (const stage of stages) {
    const weights = weightsAt(stage.year);
    const missing = revision.cities.filter((city) => weights[city] === null);
    if (source.kind === "annex" && missing.length > 0) {
      return fail([finding("split-share-missing", splitWhere(quota), { family: source.familyId, cities: missing }, missing.join("、"))]);
    }
    const vector = revision.cities.map((city) => weights[city] ?? 0);
    if (!(vector.reduce((a, b) => a + b, 0) > 0)) return fail([finding("split-no-weight", splitWhere(quota), {}, 0)]);
    vectors.set(stage.year, vector);
  }
  return { quotaId, records: byStage((year) => vectors.get(year) as number[]), findings: [] };
}

/** The metadata with these records replacing every earlier split of the same quotas. */
export function withSplitRecords(meta: MetaRecords, records: SplitRecord[]): MetaRecords {
  const quotas = new Set(records.map((r) => r.quotaId));
  return { ...meta, splits: [...meta.splits.filter((s) => !quotas.has(s.quotaId)), ...records] };
}

/**
 * The splits a merge uses: its own (the aggregator's workbook), then for every quota it does not
 * split itself those the returned files were made with (each template stores the split table it
 * showed) — so a city's summary of its counties carries the city's own target, which its county
 * templates were split from. A share the files disagree on is left out (each child's column still
 * shows the target its own file had).
 */
export function splitsForMerge(own: readonly SplitRecord[], snapshots: readonly WorkbookSnapshot[]): SplitRecord[] {
  const ownQuotas = new Set(own.map((record) => record.quotaId));
  return [...own, ...splitsOfFiles(snapshots).filter((record) => !ownQuotas.has(record.quotaId))];
}

function splitsOfFiles(snapshots: readonly WorkbookSnapshot[]): SplitRecord[] {
  const byKey = new Map<string, SplitRecord | null>();
  for (const snapshot of snapshots) {
    for (const record of readMeta(snapshot).splits) {
      const key = `${record.quotaId}\u0001${record.city}\u0001${record.year ?? ""}`;
      const seen = byKey.get(key);
      byKey.set(key, seen === undefined || (seen !== null && seen.target === record.target) ? record : null);
    }
  }
  return [...byKey.values()].filter((record): record is SplitRecord => record !== null);
}

/**
 * How `planbook template --split` shares targets: `plan` in proportion to the plan's own city figures
 * (Annex 2's last running total, e.g. each city's 2027 技能型企业), `equal` alike, `weights` as typed
 * (by city, or by county within a city).
 */
export type SplitMode = { kind: "plan" } | { kind: "equal" } | { kind: "weights"; weights: Record<string, number> };

/** The Annex 2 family `plan` splits in proportion to: the last running total every city has a figure for. */
export function planWeightsFamily(revision: PlanRevision): string | null {
  const complete = regionalFamilies(revision).filter((family) =>
    revision.cities.every((city) => family.byCity[city] && family.byCity[city].target !== null && !family.byCity[city].pending),
  );
  const totals = complete.filter((family) => family.representative.key?.endsWith("累计") ?? true);
  const last = [...totals].sort((a, b) => (b.representative.year ?? 0) - (a.representative.year ?? 0))[0];
  return last?.id ?? null;
}

/**
 * Each city's share of every contributed count, by the mode — the records to put in the city
 * templates — or the findings that stop it. Quotas the plan splits itself (Annex 2) keep the plan's.
 */
export function citySplits(revision: PlanRevision, mode: SplitMode): { records: SplitRecord[]; findings: Finding[] } {
  let source: SplitSource;
  if (mode.kind === "plan") {
    const familyId = planWeightsFamily(revision);
    if (familyId === null) {
      return { records: [], findings: [finding("split-no-plan-figures", SPLIT_AT, {}, null)] };
    }
    source = { kind: "annex", familyId };
  } else {
    if (mode.kind === "weights") {
      const missing = missingWeights(revision.cities, mode.weights, "city");
      if (missing.length > 0) return { records: [], findings: missing };
    }
    source = { kind: "weights", weights: mode.kind === "equal" ? Object.fromEntries(revision.cities.map((c) => [c, 1])) : mode.weights };
  }
  const plans = splittableQuotas(revision).map((q) => planSplit(revision, q.id, source));
  return { records: plans.flatMap((p) => p.records), findings: plans.flatMap((p) => p.findings) };
}

/**
 * A weights file must name every city (every county of the city): one left out is an error, not a
 * silent 0 — a place that takes no share is written with weight 0.
 */
function missingWeights(names: readonly string[], weights: Record<string, number>, level: "city" | "county"): Finding[] {
  const missing = names.filter((name) => !(name in weights));
  return missing.length === 0 ? [] : [finding("split-weights-missing", SPLIT_AT, { names: missing, level }, missing.join("、"))];
}

/**
 * A city's targets shared across its counties: every quota the city has a number for (its split, or
 * its Annex 2 share) is split by the counties' weights (equal, or as typed).
 */
export function countySplits(
  cityTargets: { quota: Quota; year?: number; target: number }[],
  counties: readonly string[],
  mode: Exclude<SplitMode, { kind: "plan" }>,
): { records: SplitRecord[]; findings: Finding[] } {
  const weights = counties.map((county) => (mode.kind === "equal" ? 1 : (mode.weights[county] ?? 0)));
  const findings: Finding[] = [];
  if (mode.kind === "weights") {
    for (const [name, weight] of Object.entries(mode.weights)) {
      if (!counties.includes(name)) {
        findings.push(finding("split-unknown-county", SPLIT_AT, { county: name }, name));
      } else if (!Number.isFinite(weight) || weight < 0) {
        findings.push(finding("split-bad-value", SPLIT_AT, { city: name, by: "weight", found: String(weight) }, String(weight)));
      }
    }
  }
  if (mode.kind === "weights" && findings.length === 0) findings.push(...missingWeights(counties, mode.weights, "county"));
  if (findings.length === 0 && !(weights.reduce((a, b) => a + b, 0) > 0)) {
    findings.push(finding("split-no-weight", SPLIT_AT, {}, 0));
  }
  if (findings.length > 0) return { records: [], findings };
  // Each stage of the city's target (its 2025 and its 2027 figure) is shared alike.
  const records = cityTargets.flatMap(({ quota, year, target }) => {
    const integer = isCountUnit(quota.unit) && Number.isInteger(target);
    const parts = splitTarget(target, weights, integer);
    return counties.map((county, index) => ({ quotaId: quota.id, city: county, target: required(parts[index], `${county}'s part`), ...(year === undefined ? {} : { year }) }));
  });
  return { records, findings: [] };
}

/**
 * A city's targets shared by its counties, stage by stage: its Annex 2 shares and its split of
 * contributed counts (`cityRecords`), each deadline's (杭州市 700 by 2025, 1500 by 2027) split by
 * the counties' weights — the records county templates show.
 */
export function cityCountySplits(
  revision: PlanRevision,
  geography: Geography,
  city: string,
  mode: Exclude<SplitMode, { kind: "plan" }>,
  cityRecords: readonly SplitRecord[],
): { records: SplitRecord[]; findings: Finding[] } {
  const scope: Scope = { kind: "city", city };
  const context = { revision, splits: cityRecords, geography };
  const cityTargets = quotasInScope(revision, scope, geography).flatMap((quota) => scopeStageTargets(quota, scope, context));
  return countySplits(cityTargets, countiesOf(geography, city).map((c) => c.name), mode);
}
