import { quotaLabel } from "../template/labels";
import { wordingSimilarity } from "./subject";
import type { PlanRevision, Quota } from "./types";

export interface QuotaChange {
  /** The quota's id in the newer revision. */
  id: string;
  /** What changed, each as before → after (`id` when the newer revision names the quota differently). */
  fields: { field: "id" | "target" | "unit" | "units" | "kind" | "comparator" | "text" | "pending"; before: string; after: string }[];
}

export interface RevisionDiff {
  older: string;
  newer: string;
  added: Quota[];
  removed: Quota[];
  changed: QuotaChange[];
}

/** A compared field as text. */
const show = (value: Quota["target" | "pending" | "unit" | "units" | "kind" | "comparator" | "text"]): string => (value === null || value === undefined ? "—" : Array.isArray(value) ? value.join("、") : String(value));

const PUNCTUATION = /[,:;。、\s—–-]/g;

/** How alike two quotas' content is, 0–2; null when they cannot be the same quota (item, region, deadline, kind differ). */
function contentScore(a: Quota, b: Quota): number | null {
  if (a.item !== b.item || a.region !== b.region || a.year !== b.year || a.cadence !== b.cadence || a.kind !== b.kind) return null;
  const wording = wordingSimilarity(quotaLabel(a), quotaLabel(b));
  const sameTarget = a.target !== null && a.target === b.target ? 0.3 : 0;
  const sharedUnits = a.units.some((unit) => b.units.includes(unit)) ? 0.2 : 0;
  return wording + sameTarget + sharedUnits;
}

/** A quota reworded between revisions is still the same quota from this score on. */
const SAME_QUOTA = 0.9;

/**
 * Which quota of `newer` each quota of `older` is: the same id first, then by content (item,
 * region, deadline, kind, then wording, target and responsible units), best pairs first. The
 * upgrade carries typed values along these pairs.
 */
export function matchQuotas(older: readonly Quota[], newer: readonly Quota[]): Map<string, Quota> {
  const byId = new Map(newer.map((q) => [q.id, q]));
  const matched = new Map<string, Quota>();
  for (const quota of older) {
    const same = byId.get(quota.id);
    if (same) matched.set(quota.id, same);
  }
  const taken = new Set([...matched.values()].map((q) => q.id));
  const pairs = older
    .filter((a) => !matched.has(a.id))
    .flatMap((a) =>
      newer
        .filter((b) => !taken.has(b.id))
        .map((b) => ({ a, b, score: contentScore(a, b) }))
        .filter((pair): pair is { a: Quota; b: Quota; score: number } => pair.score !== null && pair.score >= SAME_QUOTA),
    )
    .sort((x, y) => y.score - x.score);
  for (const { a, b } of pairs) {
    if (matched.has(a.id) || taken.has(b.id)) continue;
    matched.set(a.id, b);
    taken.add(b.id);
  }
  return matched;
}

/** What was added, removed and changed between two revisions, quota by quota as `matchQuotas` pairs them. */
export function diffRevisions(older: PlanRevision, newer: PlanRevision): RevisionDiff {
  const matched = matchQuotas(older.quotas, newer.quotas);
  const matchedNew = new Set([...matched.values()].map((q) => q.id));
  const changed: QuotaChange[] = [];
  for (const previous of older.quotas) {
    const next = matched.get(previous.id);
    if (!next) continue;
    const fields: QuotaChange["fields"] = [];
    for (const field of ["id", "target", "pending", "unit", "units", "kind", "comparator", "text"] as const) {
      const a = show(previous[field]);
      const b = show(next[field]);
      // Punctuation alone (2025年: vs 2025年,) is not a change of wording.
      if (field === "text" && a.replace(PUNCTUATION, "") === b.replace(PUNCTUATION, "")) continue;
      if (a !== b) fields.push({ field, before: a, after: b });
    }
    if (fields.length > 0) changed.push({ id: next.id, fields });
  }
  return {
    older: older.revision,
    newer: newer.revision,
    added: newer.quotas.filter((q) => !matchedNew.has(q.id)),
    removed: older.quotas.filter((q) => !matched.has(q.id)),
    changed,
  };
}
