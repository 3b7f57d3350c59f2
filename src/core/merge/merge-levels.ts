/** The level corrections a merge goes by, and the files made with other levels. */
import { type Finding, finding } from "../findings/findings";
import type { PlanRevision, Quota } from "../plan/types";
import { type LevelRecord, type QuotaLevel } from "../plan/level";
import { readMeta } from "../snapshot/read-sheets";
import type { MergeInputFile } from "./merge";
import { wholeFile } from "./examine";

/** A quota's level as corrections make it: the correction's, else the one derived from the text. */
const levelWith = (corrections: ReadonlyMap<string, QuotaLevel>, quota: Quota): QuotaLevel => corrections.get(quota.id) ?? quota.level;

/**
 * The level corrections a merge goes by — the aggregator's when given, else those most files were
 * made with (a file made before any correction has none) — and, by file, a warning for each file
 * made with other levels: it asks for rows the merge does not take, or lacks rows the merge sums.
 */
export function mergeLevels(
  files: readonly MergeInputFile[],
  revision: PlanRevision,
  given: readonly LevelRecord[] | undefined,
): { levels: readonly LevelRecord[]; differing: Map<MergeInputFile, Finding[]> } {
  const quotas = revision.quotas.filter((q) => q.region === null);
  // What a set of corrections changes, as a key: corrections that restate the derived level change nothing.
  const effective = (records: readonly LevelRecord[]): Map<string, QuotaLevel> => {
    const corrections = new Map(records.map((r) => [r.quotaId, r.level]));
    return new Map(quotas.flatMap((q) => (levelWith(corrections, q) !== q.level ? [[q.id, levelWith(corrections, q)] as const] : [])));
  };
  const keyOf = (changes: Map<string, QuotaLevel>): string => JSON.stringify([...changes].sort());
  const ofFiles = files.flatMap((file) => (file.snapshot && readMeta(file.snapshot).sheets.length > 0 ? [{ file, levels: readMeta(file.snapshot).levels }] : []));
  let levels = given;
  if (levels === undefined) {
    const counts = new Map<string, { count: number; levels: readonly LevelRecord[] }>();
    for (const entry of ofFiles) {
      const key = keyOf(effective(entry.levels));
      counts.set(key, { count: (counts.get(key)?.count ?? 0) + 1, levels: counts.get(key)?.levels ?? entry.levels });
    }
    levels = [...counts.values()].sort((a, b) => b.count - a.count)[0]?.levels ?? [];
  }
  const merged = effective(levels);
  const differing = new Map<MergeInputFile, Finding[]>();
  for (const entry of ofFiles) {
    const own = effective(entry.levels);
    const ids = quotas.filter((q) => (own.get(q.id) ?? q.level) !== (merged.get(q.id) ?? q.level));
    if (ids.length === 0) continue;
    const said = ids.map((q) => ({ quotaId: q.id, file: own.get(q.id) ?? q.level, merge: merged.get(q.id) ?? q.level }));
    differing.set(entry.file, [
      finding(
        "merge-levels-differ",
        wholeFile(entry.file.name),
        { quotaIds: said.map((d) => d.quotaId), fileLevels: said.map((d) => d.file), mergeLevels: said.map((d) => d.merge) },
        said.map((d) => d.quotaId).join("、"),
      ),
    ]);
  }
  return { levels, differing };
}
