/**
 * Synthetic workloads shared by the bench (`npm run bench`) and the scale tests: they live here,
 * not in tests/, because nothing in scripts/ imports tests/.
 */
import type { PlanRevision } from "../src/core/plan";
import type { SheetSnapshot } from "../src/core/snapshot";
import type { SheetSpec } from "../src/core/template";

/** The revision with every province-wide quota repeated `times` times (ids kept unique), for scale tests and benchmarks. */
export function scaledRevision(revision: PlanRevision, times: number): PlanRevision {
  const provinceWide = revision.quotas.filter((q) => q.region === null);
  const quotas = Array.from({ length: times }, (_, copy) =>
    provinceWide.map((q) => (copy === 0 ? q : { ...q, id: `${q.id}~${copy}` })),
  ).flat();
  return { ...revision, revision: `${revision.revision}x${times}`, quotas };
}

/** Any sheet spec as the snapshot a protected sheet of it would read back as (formula cells read as blank). */
export function specSnapshot(spec: SheetSpec): SheetSnapshot {
  return {
    name: spec.name,
    visibility: spec.visibility,
    protected: true,
    // Formulas are not evaluated here: merging reads only the typed values and the targets.
    values: spec.cells.map((row) => row.map((c) => (c === null || "formula" in c ? "" : (c.value ?? "")))),
    formulas: spec.cells.map((row) => row.map((c) => (c === null ? "" : "formula" in c ? c.formula : (c.value ?? "")))),
  };
}
