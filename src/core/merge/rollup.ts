import { type Geography, cityOfCounty, countiesOf } from "../plan/counties";
import { type PlanRevision, type Quota, leadUnits, responsibleUnits } from "../plan/types";
import { type Scope, isStandaloneRegionalOf, localQuotas, parseScope, scopeLabel } from "../plan/scope";

/**
 * Roll-ups at every level, one mechanism: a parent's summary is made of its children's returns —
 * counties → their city, cities → the province, co-responsible units → the lead unit. The level is
 * taken from the files; a summary's parent return (the city's own sheet, filled with the totals) is
 * itself a valid return for the level above.
 */
export interface Rollup {
  /** Whose summary it is: the province, a city, or the lead unit. */
  parent: Scope;
  childKind: "city" | "county" | "unit";
  /** The children, one column each, in order: the plan's cities, the city's counties, the units. */
  children: string[];
}

/** The word for a child, in messages and headings: 市 / 县 / 单位. */
export const CHILD_WORD: Record<Rollup["childKind"], { zh: string; en: string }> = {
  city: { zh: "市", en: "cities" },
  county: { zh: "县（市、区）", en: "counties" },
  unit: { zh: "单位", en: "units" },
};

export function provinceRollup(revision: PlanRevision): Rollup {
  return { parent: { kind: "province" }, childKind: "city", children: revision.cities };
}

export function cityRollup(city: string, geography: Geography): Rollup {
  return { parent: { kind: "city", city }, childKind: "county", children: countiesOf(geography, city).map((c) => c.name) };
}

/** The quotas a lead unit consolidates: the ones it leads (listed first) that other units share. */
export function ledQuotas(revision: PlanRevision, lead: string): Quota[] {
  return revision.quotas.filter((q) => q.region === null && q.departmentParts === undefined && leadUnits(q).includes(lead) && responsibleUnits(q).length > 1);
}

export function unitRollup(lead: string, revision: PlanRevision): Rollup {
  return { parent: { kind: "unit", unit: lead }, childKind: "unit", children: [...new Set(ledQuotas(revision, lead).flatMap((q) => responsibleUnits(q)))] };
}

/** The child scope of a column. */
export function childScope(rollup: Rollup, child: string): Scope {
  switch (rollup.childKind) {
    case "city":
      return { kind: "city", city: child };
    case "county":
      return { kind: "county", county: child };
    case "unit":
      return { kind: "unit", unit: child };
  }
}

/** A metadata scope text as a child of some roll-up: its kind and name, or null (province, unreadable). */
export function childOf(scopeText: string): { kind: Rollup["childKind"]; name: string } | null {
  try {
    const scope = parseScope(scopeText);
    if (scope.kind === "province") return null;
    return { kind: scope.kind, name: scopeLabel(scope) };
  } catch {
    return null;
  }
}

/**
 * The roll-up the files ask for: the level most of them report at (cities, counties, units), and
 * for counties their city, for units the unit that leads the most quotas the others share.
 */
export function rollupOfFiles(scopes: string[], revision: PlanRevision, geography?: Geography): Rollup {
  const children = scopes.map(childOf).filter((c): c is { kind: Rollup["childKind"]; name: string } => c !== null);
  const count = (kind: Rollup["childKind"]): number => children.filter((c) => c.kind === kind).length;
  const kind = (["city", "county", "unit"] as const).reduce((best, k) => (count(k) > count(best) ? k : best), "city" as Rollup["childKind"]);
  if (kind === "county" && geography) {
    const cities = children.filter((c) => c.kind === "county").map((c) => cityOfCounty(geography, c.name)).filter((c): c is string => c !== null);
    const city = mostCommon(cities);
    if (city) return cityRollup(city, geography);
  }
  if (kind === "unit") {
    const units = new Set(children.filter((c) => c.kind === "unit").map((c) => c.name));
    const leads = [...units].map((unit) => ({ unit, led: ledQuotas(revision, unit).filter((q) => responsibleUnits(q).some((u) => u !== unit && units.has(u))).length }));
    const lead = leads.sort((a, b) => b.led - a.led)[0];
    if (lead && lead.led > 0) return unitRollup(lead.unit, revision);
  }
  return provinceRollup(revision);
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The quotas of a roll-up's rows (Annex 2 families of cities apart), in plan order. */
export function rollupQuotas(rollup: Rollup, revision: PlanRevision): Quota[] {
  switch (rollup.parent.kind) {
    case "unit":
      return ledQuotas(revision, rollup.parent.unit);
    case "city":
      return revision.quotas.filter((q) => (q.region === null ? localQuotas(revision).includes(q) : isStandaloneRegionalOf(q, revision, (rollup.parent as { city: string }).city)));
    default:
      return localQuotas(revision);
  }
}
