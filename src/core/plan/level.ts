import { type NonEmpty, lastOf } from "../shared/required";
import type { ParsedQuota, PlanRevision, Quota } from "./types";

/**
 * Who reports a quota (DESIGN.md, "Who reports what"):
 * - `province-only`: an act of a provincial body (出台…制度, 省级…, 省属国有企业…, 浙江大工匠):
 *   reported by its responsible unit, never asked of a city or county;
 * - `contributed`: every city and county contributes and the province's figure is their sum
 *   (training counts); a city reports its own figure, with no target unless one was split to it;
 * - `split`: the plan itself gives each city its share (Annex 2 is the city split of Annex 1's
 *   技能型企业 / 技能型乡村): one quota, the city's share as its target;
 * - `per-unit`: 在每个县(市、区)打造1个 — coverage over the counties (the province 90, 杭州市 13).
 */
export type QuotaLevel = "province-only" | "contributed" | "split" | "per-unit";

export const QUOTA_LEVELS: readonly QuotaLevel[] = ["province-only", "contributed", "split", "per-unit"];

export const LEVEL_LABELS: Record<QuotaLevel, { zh: string; en: string }> = {
  "province-only": { zh: "省级事项", en: "province only" },
  contributed: { zh: "各地贡献", en: "contributed" },
  split: { zh: "分解到市", en: "split to cities" },
  "per-unit": { zh: "每县覆盖", en: "per county" },
};

/** One line of the rule table: the level, what in the quota says so, and why, in words. */
export interface LevelRule {
  level: QuotaLevel;
  /** What the rule looks for, as a person reads it. */
  says: string;
  test: (quota: ParsedQuota, quotas: readonly ParsedQuota[], cities: readonly string[]) => boolean;
}

/**
 * The words a quota is judged by: its last deadline's phrase (what the path finally counts: 遴选…10家
 * in 2025 then 累计实施…150家 by 2027 is a count every city contributes to) and its subject.
 */
const wording = (quota: ParsedQuota): string => `${quota.path[quota.path.length - 1]?.text ?? quota.text} ${quota.subject ?? ""}`;

/** An Annex 2 column that gives each city its share of this Annex 1 quota (same item, subject, year). */
export function annexSplitOf<Q extends ParsedQuota>(quota: ParsedQuota, quotas: readonly Q[]): Q[] {
  if (quota.region !== null || quota.key === undefined) return [];
  return quotas.filter(
    (q) => q.region !== null && q.item === quota.item && q.year === quota.year && q.key === `${quota.key}-累计`,
  );
}

/** The plan's cities named in a text (a pilot 在湖州市、绍兴市滨海新区… is the province's, not every city's). */
const namesCities = (quota: ParsedQuota, _quotas: readonly ParsedQuota[], cities: readonly string[]): boolean =>
  cities.some((city) => wording(quota).includes(city));

/**
 * The rule table, first match wins. Read top to bottom: a quota Annex 2 splits by city is `split`;
 * one that says 每个县 / 每个市 is `per-unit`; one that names a provincial act or body is
 * `province-only`; everything else is `contributed`.
 */
export const LEVEL_RULES: readonly LevelRule[] = [
  { level: "split", says: "附件2 给出各市目标 / Annex 2 gives each city its share", test: (q, quotas) => annexSplitOf(q, quotas).length > 0 },
  {
    level: "per-unit",
    says: "每个县(市、区) / 每个设区市 / 每个市",
    test: (q) => q.perUnit !== null || /每个(县|设区市|市)|各(县|设区市)\(市、区\)/.test(wording(q)),
  },
  {
    level: "province-only",
    says: "出台、推出、公布、遴选 (省里的行为)",
    test: (q) => /出台|推出|公布|遴选/.test(wording(q)),
  },
  {
    level: "province-only",
    says: "省级、省属 (省级机构或省级称号)",
    test: (q) => /省级|省属/.test(wording(q)),
  },
  {
    level: "province-only",
    says: "浙江…工匠、浙江…大赛/竞赛 (省级称号与赛事)",
    test: (q) => /浙江[^,;。]{0,12}(工匠|大赛|竞赛)/.test(wording(q)),
  },
  { level: "province-only", says: "在全省推广 (省里推广试点)", test: (q) => /在全省(全面)?推广/.test(wording(q)) },
  { level: "province-only", says: "点名几个市的试点 (省定试点地区)", test: namesCities },
  { level: "contributed", says: "其余：各地贡献，全省为各地之和 / otherwise every city contributes", test: () => true },
];

/** The first rule of the table the quota meets. */
export function levelRule(quota: ParsedQuota, quotas: readonly ParsedQuota[], cities: readonly string[]): LevelRule {
  return LEVEL_RULES.find((rule) => rule.test(quota, quotas, cities)) as LevelRule;
}

/** The sum of figures (to 10 decimals, so 0.1 + 0.2 is 0.3), or null when one is not decided. */
function sumOrNull(figures: (number | null)[]): number | null {
  if (figures.some((f) => f === null)) return null;
  return Number((figures as number[]).reduce((a, b) => a + b, 0).toFixed(10));
}

/** The id the parts' ids share, cut at a `-` (I01-低空经济-每年-省经信厅, …-省交通运输厅 → I01-低空经济-每年). */
function commonId(ids: string[]): string {
  // No ids share nothing: "" is no common id.
  let prefix = ids[0] ?? "";
  for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return ids.every((id) => id.length === prefix.length || id.charAt(prefix.length) === "-") ? prefix : prefix.slice(0, Math.max(0, prefix.lastIndexOf("-")));
}

/**
 * Annex 1 quotas that are one figure split by provincial department: the same item, measure, subject,
 * kind, unit and year, each for other responsible units (交通运输: 省交通运输厅 1, 省邮政管理局 1.95).
 * Each such group gets a whole (its parts' sum, all their units) placed after its last part; a city
 * reports the whole, a unit its part.
 */
function withDepartmentWholes(quotas: readonly ParsedQuota[]): ParsedQuota[] {
  const key = (q: ParsedQuota): string => JSON.stringify([q.item, q.measure, q.key ?? q.subject, q.kind, q.unit, q.year]);
  const groups = new Map<string, NonEmpty<ParsedQuota>>();
  for (const q of quotas) {
    if (q.region !== null) continue;
    const group = groups.get(key(q));
    if (group) group.push(q);
    else groups.set(key(q), [q]);
  }
  const wholes = new Map<string, ParsedQuota>();
  for (const parts of groups.values()) {
    const firstUnits = new Set(parts.map((p) => p.units[0]));
    const years = (p: ParsedQuota): string => p.path.map((point) => point.year).join(",");
    const [first] = parts;
    if (parts.length < 2 || firstUnits.size !== parts.length || parts.some((p) => years(p) !== years(first))) continue;
    const id = commonId(parts.map((p) => p.id));
    if (id === "" || quotas.some((q) => q.id === id)) continue;
    const decided = parts.every((p) => !p.pending);
    const total = decided ? sumOrNull(parts.map((p) => p.target)) : null;
    wholes.set(lastOf(parts).id, {
      ...first,
      id,
      units: [...new Set(parts.flatMap((p) => p.units))],
      target: total,
      pending: !decided,
      text: `${parts.map((p) => `${p.units[0]} ${p.target ?? "待定"}${p.unit ?? ""}`).join("、")}，合计 ${total ?? "待定"}${first.unit ?? ""}`,
      baseline: parts.reduce((sum, p) => sum + p.baseline, 0),
      path: first.path.map((point, i) => ({ ...point, target: sumOrNull(parts.map((p) => p.path[i]?.target ?? null)) })),
      // The whole is new: no workbook was ever made with it under an earlier id.
      formerIds: [],
      retiredIds: [],
      departmentParts: parts.map((p) => p.id),
    });
  }
  return quotas.flatMap((q) => {
    const whole = wholes.get(q.id);
    const departmentWhole = [...wholes.values()].find((w) => w.departmentParts?.includes(q.id))?.id;
    const quota = departmentWhole ? { ...q, departmentWhole } : q;
    return whole ? [quota, whole] : [quota];
  });
}

/**
 * The plan's reporting model on its quotas: department splits get their whole, and each quota its
 * level, derived from the text. Annex 2's own city cells are `split` (they are the split).
 */
export function withReportingLevels(parsed: readonly ParsedQuota[], cities: readonly string[]): Quota[] {
  const quotas = withDepartmentWholes(parsed);
  return quotas.map((quota) => ({ ...quota, level: quota.region !== null ? "split" : levelRule(quota, quotas, cities).level }));
}

/** A person's correction of a derived level, kept in the workbook's metadata. */
export interface LevelRecord {
  quotaId: string;
  level: QuotaLevel;
}

export function isQuotaLevel(text: string): text is QuotaLevel {
  return (QUOTA_LEVELS as readonly string[]).includes(text);
}

/** The revision with the corrections applied; a correction naming no quota of the revision is ignored. */
export function withLevelCorrections(revision: PlanRevision, corrections: readonly LevelRecord[]): PlanRevision {
  if (corrections.length === 0) return revision;
  const byId = new Map(corrections.map((c) => [c.quotaId, c.level]));
  return { ...revision, quotas: revision.quotas.map((q) => (byId.has(q.id) ? { ...q, level: byId.get(q.id) as QuotaLevel } : q)) };
}

/** The Annex 1 quota an Annex 2 city cell is the share of, or null. */
export function annexParentOf<Q extends ParsedQuota>(regional: ParsedQuota, quotas: readonly Q[]): Q | null {
  if (regional.region === null) return null;
  return quotas.find((q) => q.region === null && annexSplitOf(q, [regional]).length > 0) ?? null;
}

/** An Annex 2 city cell that is its own quota (no Annex 1 quota it splits): its city reports it. */
export function isStandaloneRegional(quota: ParsedQuota, quotas: readonly ParsedQuota[]): boolean {
  return quota.region !== null && annexParentOf(quota, quotas) === null;
}
