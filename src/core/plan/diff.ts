import type { Quota, PlanRevision } from "./types";

export interface QuotaChange {
  id: string;
  /** What changed, each as before → after. */
  fields: { field: "target" | "unit" | "units" | "kind" | "comparator" | "text" | "pending"; before: string; after: string }[];
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

/** What was added, removed and changed between two revisions, quota by stable id. */
export function diffRevisions(older: PlanRevision, newer: PlanRevision): RevisionDiff {
  const before = new Map(older.quotas.map((q) => [q.id, q]));
  const after = new Map(newer.quotas.map((q) => [q.id, q]));
  const changed: QuotaChange[] = [];
  for (const [id, next] of after) {
    const previous = before.get(id);
    if (!previous) continue;
    const fields: QuotaChange["fields"] = [];
    for (const field of ["target", "pending", "unit", "units", "kind", "comparator", "text"] as const) {
      const a = show(previous[field]);
      const b = show(next[field]);
      // Punctuation alone (2025年: vs 2025年,) is not a change of wording.
      if (field === "text" && a.replace(PUNCTUATION, "") === b.replace(PUNCTUATION, "")) continue;
      if (a !== b) fields.push({ field, before: a, after: b });
    }
    if (fields.length > 0) changed.push({ id, fields });
  }
  return {
    older: older.revision,
    newer: newer.revision,
    added: newer.quotas.filter((q) => !before.has(q.id)),
    removed: older.quotas.filter((q) => !after.has(q.id)),
    changed,
  };
}
