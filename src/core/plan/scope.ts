import { matchGroup } from "../shared/required";
import { groupedBy, indexBuiltOnce } from "../shared/list-index";
import { type Geography, cityOfCounty, countiesOf } from "./counties";
import { isStandaloneRegional } from "./level";
import { type PlanRevision, type Quota, leadUnits, responsibleUnits } from "./types";
import { InvalidScopeError } from "../shared/errors";

/**
 * Whose sheet it is: the whole province, one responsible unit, one city or one county. The
 * province, its cities and their counties are the reporting hierarchy; units are the other axis.
 */
export type Scope =
  | { kind: "province" }
  | { kind: "unit"; unit: string }
  | { kind: "city"; city: string }
  | { kind: "county"; county: string };

export type ScopeKind = Scope["kind"];

/** The scope a text names, or null: for reading files, where a bad scope is a finding, not an error. */
export function scopeOrNull(text: string): Scope | null {
  try {
    return parseScope(text);
  } catch {
    return null;
  }
}

/** `province`, `city:杭州市`, `county:萧山区`, `unit:省总工会` — the CLI and the metadata sheet use this form. */
export function formatScope(scope: Scope): string {
  switch (scope.kind) {
    case "province":
      return "province";
    case "unit":
      return `unit:${scope.unit}`;
    case "city":
      return `city:${scope.city}`;
    case "county":
      return `county:${scope.county}`;
  }
}

/**
 * Reads a scope; given the revision (and the counties), a city, county or unit the plan does not
 * know is refused by name.
 */
export function parseScope(text: string, revision?: PlanRevision, geography?: Geography): Scope {
  const trimmed = text.trim();
  if (trimmed === "province" || trimmed === "全省") return { kind: "province" };
  const match = /^(city|unit|county):(.+)$/.exec(trimmed);
  if (!match) {
    throw new InvalidScopeError(text, {
      zh: "应为 province、city:<市>、county:<县(市、区)>、unit:<单位>",
      en: "expected province, city:<city>, county:<county> or unit:<unit>",
    });
  }
  const name = matchGroup(match, 2).trim();
  if (match[1] === "city") {
    if (revision && !revision.cities.includes(name)) {
      const county = geography ? cityOfCounty(geography, name) : null;
      throw new InvalidScopeError(
        text,
        county !== null
          ? { zh: `「${name}」是${county}的县（市、区），请用 county:${name}`, en: `"${name}" is a county of ${county}: use county:${name}` }
          : { zh: `计划中没有此市（可选：${revision.cities.join("、")}）`, en: `the plan has no such city (one of: ${revision.cities.join(", ")})` },
      );
    }
    return { kind: "city", city: name };
  }
  if (match[1] === "county") {
    if (geography && cityOfCounty(geography, name) === null) {
      throw new InvalidScopeError(
        text,
        geography.cities.includes(name)
          ? { zh: `「${name}」是设区市，不是县（市、区），请用 city:${name}`, en: `"${name}" is a city, not a county: use city:${name}` }
          : { zh: "浙江省没有此县（市、区）（见 seeds/zhejiang-counties.tsv）", en: "no such county in Zhejiang (see seeds/zhejiang-counties.tsv)" },
      );
    }
    return { kind: "county", county: name };
  }
  if (revision && !revision.quotas.some((quota) => responsibleUnits(quota).includes(name))) {
    throw new InvalidScopeError(text, { zh: "计划中没有以此单位为责任单位的指标", en: "no quota of the plan names this responsible unit" });
  }
  return { kind: "unit", unit: name };
}

/** What a person calls the scope: 全省 / 杭州市 / 萧山区 / 省总工会. */
export function scopeLabel(scope: Scope): string {
  switch (scope.kind) {
    case "province":
      return "全省";
    case "city":
      return scope.city;
    case "county":
      return scope.county;
    case "unit":
      return scope.unit;
  }
}

/** Whether a city or county reports the quota: every level but the province's own acts. */
export function reportedLocally(quota: Quota): boolean {
  return quota.level !== "province-only";
}

/**
 * The quotas a scope reports on, one row each, in plan order:
 * - the province and a unit: the Annex 1 quotas (a unit only its own; a quota split by department
 *   is its parts there, each its unit's);
 * - a city or a county: what a city reports — contributed, split, per-unit quotas and the ratios
 *   that apply to every city, never a province-only act; a department split is its whole (one city
 *   figure); an Annex 2 city cell is not a row of its own but the city's target of its Annex 1
 *   quota, unless the annex gives a quota of its own for the city.
 */
export function quotasInScope(revision: PlanRevision, scope: Scope, geography?: Geography): Quota[] {
  const provincial = revision.quotas.filter((quota) => quota.region === null);
  switch (scope.kind) {
    case "province":
      return provincial.filter((quota) => quota.departmentParts === undefined);
    case "unit":
      return provincial.filter((quota) => quota.departmentParts === undefined && responsibleUnits(quota).includes(scope.unit));
    case "city":
    case "county": {
      const city = scope.kind === "city" ? scope.city : geography ? cityOfCounty(geography, scope.county) : null;
      const local = new Set(localQuotas(revision));
      return revision.quotas.filter((quota) => local.has(quota) || (city !== null && isStandaloneRegionalOf(quota, revision, city)));
    }
  }
}

/** The Annex 1 quotas a city or county reports (see quotasInScope), in plan order. */
export function localQuotas(revision: PlanRevision): Quota[] {
  return revision.quotas.filter(
    (quota) => quota.region === null && reportedLocally(quota) && !(quota.departmentWhole !== undefined && wholeReportedLocally(revision, quota.departmentWhole)),
  );
}

/** An Annex 2 cell that is the city's own quota (not the share of an Annex 1 quota, not a baseline). */
export function isStandaloneRegionalOf(quota: Quota, revision: PlanRevision, city: string): boolean {
  return quota.region === city && isStandaloneRegional(quota, revision.quotas);
}

function wholeReportedLocally(revision: PlanRevision, wholeId: string): boolean {
  const whole = revision.quotas.find((q) => q.id === wholeId);
  return whole !== undefined && reportedLocally(whole);
}

/** The city's own Annex 2 cell of a split quota (its share as the plan gives it), or null. */
export function planShare(revision: PlanRevision, quota: Quota, city: string): Quota | null {
  if (quota.region !== null || quota.key === undefined) return null;
  return indexBuiltOnce(revision.quotas, sharesByColumn).get(shareColumn(quota.item, quota.year, `${quota.key}-累计`, city))?.[0] ?? null;
}

/** Which Annex 2 column a city's cell is (annexSplitOf's test: same item, year and 累计 key), as one key. */
const shareColumn = (item: unknown, year: unknown, key: string, city: string): string => JSON.stringify([item, year, key, city]);

/** The plan's Annex 2 cells by column and city, in plan order: planShare looks a share up, not scans for it. */
const sharesByColumn = (quotas: readonly Quota[]): Map<string, Quota[]> =>
  groupedBy(quotas, (q) => (q.region === null || q.key === undefined ? null : shareColumn(q.item, q.year, q.key, q.region)));

/**
 * The Annex 2 cell of a split quota that a city's (or a county's: its city's) row stands for, or
 * null: its own ids and, for the city, its baseline and points (see pathInScope).
 */
export function annexShareOfScope(quota: Quota, scope: Scope, revision: PlanRevision, geography?: Geography | null): Quota | null {
  if (quota.level !== "split" || quota.region !== null) return null;
  const city = scope.kind === "city" ? scope.city : scope.kind === "county" && geography ? cityOfCounty(geography, scope.county) : null;
  return city === null ? null : planShare(revision, quota, city);
}

/**
 * How many units a per-unit quota asks a city or county to cover: a city its counties (杭州市 13),
 * or 1 for 每个设区市; a county `each` of its own (null for 每个设区市: a county covers no city).
 * Null for the province and units (the plan's whole target), and for a city while its counties are
 * not known.
 */
export function localUnitsToCover(quota: Quota, scope: Scope, geography?: Geography | null): number | null {
  if (scope.kind === "county") return quota.perUnit?.per === "city" ? null : (quota.perUnit?.each ?? 1);
  if (scope.kind !== "city") return null;
  return quota.perUnit?.byCity[scope.city] ?? (geography ? countiesOf(geography, scope.city).length : null);
}

/**
 * A per-unit quota's path on a city's or county's sheet: the plan's points scaled to the units the
 * scope covers, so 杭州市's 序时进度 reads `(0+(13-0)*21/36)/13` for its 13 counties, never the
 * province's 90 (see template/targets.ts's pathInScope).
 */
export function coveragePathIn(quota: Quota, scope: Scope, geography?: Geography | null): Quota {
  const units = localUnitsToCover(quota, scope, geography);
  const whole = quota.target;
  if (units === null || whole === null || whole <= 0 || units === whole) return quota;
  const scaled = (figure: number): number => Number(((figure * units) / whole).toPrecision(12));
  return {
    ...quota,
    target: units,
    baseline: scaled(quota.baseline),
    path: quota.path.map((point) => ({ ...point, target: point.target === null ? null : scaled(point.target) })),
  };
}

/**
 * The ids a scope's row of a quota may carry in a workbook, in the order they are looked for: on a
 * city's sheet made before quotas had levels, the city's Annex 2 share had a row of its own that
 * holds the city's figures, so its ids come first; then the quota's own id and its former ids.
 */
export function idsOnSheet(quota: Quota, scope: Scope, revision: PlanRevision, geography?: Geography | null): string[] {
  const own = [quota.id, ...quota.formerIds];
  const share = annexShareOfScope(quota, scope, revision, geography);
  return share === null ? own : [share.id, ...share.formerIds, ...own];
}

/** Whether a unit leads a quota (牵头: named as the lead, else listed first) or shares it (责任单位 beside the lead). */
export function unitRole(quota: Quota, unit: string): "lead" | "share" {
  return leadUnits(quota).includes(unit) ? "lead" : "share";
}

/** Every responsible unit named in the revision, in first-seen order. */
export function unitsOf(revision: PlanRevision): string[] {
  return [...new Set(revision.quotas.flatMap((quota) => responsibleUnits(quota)))];
}

/** The counties of a scope's area: the province 90, a city its own (杭州市 13), a county itself. */
export function countiesInScope(scope: Scope, geography: Geography): string[] {
  switch (scope.kind) {
    case "province":
      return geography.counties.map((c) => c.name);
    case "city":
      return countiesOf(geography, scope.city).map((c) => c.name);
    case "county":
      return [scope.county];
    case "unit":
      return geography.counties.map((c) => c.name);
  }
}
