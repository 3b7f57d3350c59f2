import type { PlanRevision, Quota } from "./plan/types";
import { InvalidScopeError } from "./errors";

/** Whose sheet it is: the whole province, one responsible unit, or one city. */
export type Scope = { kind: "province" } | { kind: "unit"; unit: string } | { kind: "city"; city: string };

/** The scope a text names, or null: for reading files, where a bad scope is a finding, not an error. */
export function scopeOrNull(text: string): Scope | null {
  try {
    return parseScope(text);
  } catch {
    return null;
  }
}

/** `province`, `city:杭州市`, `unit:省总工会` — the CLI and the metadata sheet use this form. */
export function formatScope(scope: Scope): string {
  switch (scope.kind) {
    case "province":
      return "province";
    case "unit":
      return `unit:${scope.unit}`;
    case "city":
      return `city:${scope.city}`;
  }
}

export function parseScope(text: string, revision?: PlanRevision): Scope {
  const trimmed = text.trim();
  if (trimmed === "province" || trimmed === "全省") return { kind: "province" };
  const match = /^(city|unit):(.+)$/.exec(trimmed);
  if (!match) throw new InvalidScopeError(text, "应为 province、city:<市>、unit:<单位>");
  const name = match[2].trim();
  if (match[1] === "city") {
    if (revision && !revision.cities.includes(name)) {
      throw new InvalidScopeError(text, `计划中没有此市（可选：${revision.cities.join("、")}）`);
    }
    return { kind: "city", city: name };
  }
  if (revision && !revision.quotas.some((quota) => quota.units.includes(name))) {
    throw new InvalidScopeError(text, "计划中没有以此单位为责任单位的指标");
  }
  return { kind: "unit", unit: name };
}

/** What a person calls the scope: 全省 / 杭州市 / 省总工会. */
export function scopeLabel(scope: Scope): string {
  return scope.kind === "province" ? "全省" : scope.kind === "city" ? scope.city : scope.unit;
}

/**
 * The quotas a scope reports on. A city reports Annex 1 (province-wide) quotas too, whose
 * target is shown as not assigned unless it was split to the cities.
 */
export function quotasInScope(revision: PlanRevision, scope: Scope): Quota[] {
  switch (scope.kind) {
    case "province":
      return revision.quotas.filter((quota) => quota.region === null);
    case "unit":
      return revision.quotas.filter((quota) => quota.region === null && quota.units.includes(scope.unit));
    case "city":
      return revision.quotas.filter((quota) => quota.region === null || quota.region === scope.city);
  }
}

/** Every responsible unit named in the revision, in first-seen order. */
export function unitsOf(revision: PlanRevision): string[] {
  return [...new Set(revision.quotas.flatMap((quota) => quota.units))];
}
