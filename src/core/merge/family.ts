import type { PlanRevision, Quota } from "../plan/types";
import { fnv1a } from "../shared/text";
import type { NonEmpty } from "../shared/required";

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

/** A member's id with its city taken out, when the id names the city (the parser's ids do). */
function idWithoutCity(quota: Quota): string | null {
  return quota.region !== null && quota.id.includes(quota.region) ? quota.id.replace(quota.region, "*") : null;
}

/**
 * Members of one family have the same id but for the city; ids that do not name their city fall
 * back to what members share (everything but the region).
 */
function familyKey(quota: Quota): string {
  return idWithoutCity(quota) ?? JSON.stringify([quota.item, quota.measureId, quota.subject, quota.year, quota.kind, quota.unit]);
}

/** Readable and stable across revisions: the members' id without the city, else their common prefix. */
function familyId(members: NonEmpty<Quota>): string {
  const withoutCity = idWithoutCity(members[0]);
  if (withoutCity !== null) return withoutCity;
  let prefix = members[0].id;
  for (const quota of members) {
    while (!quota.id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  prefix = prefix.replace(/[-_.:@/\s]+$/, "");
  return prefix !== "" && members.length > 1 ? `${prefix}*` : `F${fnv1a(familyKey(members[0]))}`;
}

/** The revision's Annex 2 families, in the order their first member appears. */
export function regionalFamilies(revision: PlanRevision): QuotaFamily[] {
  const groups = new Map<string, NonEmpty<Quota>>();
  for (const quota of revision.quotas) {
    if (quota.region === null) continue;
    const key = familyKey(quota);
    const members = groups.get(key);
    if (members) members.push(quota);
    else groups.set(key, [quota]);
  }
  return [...groups.values()].map((members) => ({
    id: familyId(members),
    representative: members[0],
    byCity: Object.fromEntries(members.map((q) => [q.region as string, q])),
  }));
}

/** What a person calls the family: the measure and the members' last target phrase without city or number. */
export function familyLabel(family: QuotaFamily): string {
  const q = family.representative;
  const last = q.path[q.path.length - 1]?.text ?? q.text;
  const phrase = last
    .replace(q.region ?? "", "")
    .replace(new RegExp(`[\\d.,]+\\s*${q.unit ?? ""}$`), "")
    .trim();
  const when = q.year === null ? "每年" : q.kind === "cumulative" ? `${q.year}年底累计` : `${q.year}年`;
  const subject = q.subject && !q.measure.includes(q.subject) ? ` · ${q.subject}` : "";
  return `${q.measure}${subject} · ${phrase || when}（附件2，各市分列）`;
}
