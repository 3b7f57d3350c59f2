import { readableSubject } from "./subject";
import { CADENCE_LABELS, type ParsedQuota, type Quota, leadUnits } from "./types";

/**
 * Quota ids are made from what the quota is — never from its row — and are unique in a revision:
 * quotas alike in what the id names are told apart by their first responsible unit
 * (`I01-低空经济-每年-省经信厅`), and only quotas alike in that too get a number.
 */
function withUniqueIds<Q extends ParsedQuota>(quotas: Q[], base: (quota: Q) => string): Q[] {
  const count = (ids: string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  const withBases = quotas.map((quota) => ({ quota, base: base(quota) }));
  const baseCounts = count(withBases.map((q) => q.base));
  const withUnits = withBases.map(({ quota, base }) => {
    const firstUnit = leadUnits(quota)[0];
    return { quota, id: (baseCounts.get(base) ?? 0) > 1 && firstUnit ? `${base}-${firstUnit}` : base };
  });
  const unitCounts = count(withUnits.map((q) => q.id));
  const seen = new Map<string, number>();
  return withUnits.map(({ quota: q, id }) => {
    if (unitCounts.get(id) === 1) return { ...q, id };
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { ...q, id: `${id}-${n}` };
  });
}

const item = (q: ParsedQuota): string => `I${String(q.item).padStart(2, "0")}`;

/**
 * The first id scheme, one id per stated target: key work item, a subject key cut from the wording,
 * deadline year, city (`I08-技能型企业-累计-2027-杭州市`). Kept so that workbooks made with it are
 * still recognised (`Quota.formerIds`); new workbooks use `readableIds`.
 */
export function legacyIds<Q extends ParsedQuota>(quotas: Q[]): Q[] {
  return withUniqueIds(quotas, (q) => [item(q), q.key ?? q.measureId, q.year ?? "每年", q.region].filter((p) => p !== null).join("-"));
}

/** A figure and its unit (2万人次, 3-5个, 60%) inside a sentence. */
const FIGURE = /\d+(?:\.\d+)?(?:\s*[-—–~～至]\s*\d+(?:\.\d+)?)?(?:万人次|万人|人次|万元|亿元|万户|%|[家个名场项所人户起次座条套批处支])?/g;

/** The subject an id names: the quota's own, else its sub-measure's or measure's. */
function idSubject(quota: ParsedQuota): string {
  const own = quota.subject ? readableSubject(quota.subject) : "";
  if (own !== "") return own;
  const [, sub] = quota.measure.split(" / ");
  // A numbered item's measure is its goal sentence: its figures are targets, never part of a name.
  const fromMeasure = readableSubject((sub ?? quota.measure).replace(FIGURE, ""));
  // A subject that is all training words (职业技能培训) still names the quota better than a hash does.
  return fromMeasure !== "" ? fromMeasure : (quota.subject ?? "").replace(/[“”"\s]/g, "");
}

/**
 * Readable ids from item, subject and deadline: `I08-技能型企业-2027`, `I01-先进制造业-每年`,
 * `I18-浙江技能大赛-每两年`, `I08-技能型企业-2027-杭州市`. The same quota gets the same id in every
 * revision that names it alike; a reworded one is matched by content (`matchQuotas`).
 */
export function readableIds<Q extends ParsedQuota>(quotas: Q[]): Q[] {
  return withUniqueIds(quotas, (q) =>
    [item(q), idSubject(q) || q.measureId, q.year ?? (q.cadence === "once" ? null : CADENCE_LABELS[q.cadence]), q.region].filter((p) => p !== null && p !== "").join("-"),
  );
}

/**
 * Every id a sheet may carry for the revision's quotas: each quota's own id, then the ids it had
 * under the first scheme (`formerIds`); `"retired"` for a first-scheme id that is now only a point
 * or the baseline of a quota (its row is kept, never merged or checked against a target).
 */
export function quotaIndex(quotas: readonly Quota[]): Map<string, Quota | "retired"> {
  const index = new Map<string, Quota | "retired">();
  for (const quota of quotas) for (const id of quota.retiredIds) index.set(id, "retired");
  for (const quota of quotas) for (const id of quota.formerIds) index.set(id, quota);
  for (const quota of quotas) index.set(quota.id, quota);
  return index;
}
