import type { PlanRevision, Quota } from "../plan/types";
import { fnv1a } from "../text";

/**
 * Annex 2 gives every city its own quota for the same figure (技能型企业, 2025年底累计…): those
 * per-city quotas form a family, shown in the summary as one row whose city columns each hold
 * that city's own quota.
 */
export interface QuotaFamily {
  /** Stable id of the family (the summary's 编号): a member's id with its city taken out. */
  id: string;
  /** A member, for the family's item, measure, subject, unit, kind and year. */
  representative: Quota;
  /** The member quota of each city the annex lists, by city name. */
  byCity: Record<string, Quota>;
}

/** What members of one family share: everything but the region. */
function familyKey(quota: Quota): string {
  return JSON.stringify([quota.item, quota.measureId, quota.subject, quota.year, quota.kind, quota.unit]);
}

/**
 * Ids stay readable and stable across revisions when taken from the members' own ids: the id
 * without the city name when every member's id contains its city, else the members' common
 * prefix, else a fingerprint of what they share.
 */
function familyId(members: Quota[]): string {
  const withoutCity = members.map((q) => (q.region !== null && q.id.includes(q.region) ? q.id.replace(q.region, "*") : null));
  if (withoutCity.every((id) => id !== null && id === withoutCity[0])) return withoutCity[0] as string;
  let prefix = members[0].id;
  for (const quota of members) {
    while (!quota.id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  prefix = prefix.replace(/[-_.:@/\s]+$/, "");
  if (prefix !== "" && members.length > 1) return `${prefix}*`;
  return `F${fnv1a(familyKey(members[0]))}`;
}

/** The revision's Annex 2 families, in the order their first member appears. */
export function regionalFamilies(revision: PlanRevision): QuotaFamily[] {
  const groups = new Map<string, Quota[]>();
  for (const quota of revision.quotas) {
    if (quota.region === null) continue;
    const key = familyKey(quota);
    groups.set(key, [...(groups.get(key) ?? []), quota]);
  }
  return [...groups.values()].map((members) => ({
    id: familyId(members),
    representative: members[0],
    byCity: Object.fromEntries(members.map((q) => [q.region as string, q])),
  }));
}

/** What a person calls the family: measure · subject · year and kind. */
export function familyLabel(family: QuotaFamily): string {
  const q = family.representative;
  const when = q.year === null ? "每年" : q.kind === "cumulative" ? `${q.year}年底累计` : `${q.year}年`;
  return `${q.measure}${q.subject ? ` · ${q.subject}` : ""} · ${when}（附件2，各市分列）`;
}
