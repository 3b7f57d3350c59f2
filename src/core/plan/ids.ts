import type { ParsedQuota } from "./types";

/**
 * Stable quota ids, made from what the quota is — never from its row:
 *   `I08-技能型企业-2027`          key work item (八), subject, deadline year
 *   `I01-先进制造业-每年`          an every-year quota keyed by its measure
 *   `I08-技能型企业-累计-2027-杭州市` an Annex 2 quota carries its city
 * Two quotas that would share an id are told apart by their first responsible unit
 * (`I01-低空经济-每年-省经信厅`); only quotas alike in all of these get a number.
 * The same quota gets the same id in every revision that words it alike.
 */
export function assignIds<Q extends ParsedQuota>(quotas: Q[]): Q[] {
  const base = (q: ParsedQuota): string =>
    [`I${String(q.item).padStart(2, "0")}`, q.key ?? q.measureId, q.year ?? "每年", q.region].filter((p) => p !== null).join("-");
  const count = (ids: string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  const bases = quotas.map(base);
  const baseCounts = count(bases);
  const withUnits = quotas.map((q, i) => (baseCounts.get(bases[i])! > 1 && q.units[0] ? `${bases[i]}-${q.units[0]}` : bases[i]));
  const unitCounts = count(withUnits);
  const seen = new Map<string, number>();
  return quotas.map((q, i) => {
    const id = withUnits[i];
    if (unitCounts.get(id)! === 1) return { ...q, id };
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { ...q, id: `${id}-${n}` };
  });
}
