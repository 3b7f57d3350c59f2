import { type NonEmpty, lastOf } from "../shared/required";
import type { Geography } from "./counties";
import { wordingSimilarity } from "./subject";
import type { ParsedQuota, PathPoint, RatioParts } from "./types";

/**
 * From the targets the text states one by one (one per deadline, one per Annex 2 column) to
 * quotas with a path:
 * - a measure's later-deadline target that raises the same figure joins the earlier one's path
 *   (到2025年底累计5000家；到2027年底累计10000家 is one quota with two points);
 * - Annex 2's 2025年培育数量 (new in 2025) is not a quota of its own: 2025年底累计 − 2025年培育数量
 *   is the stock the path starts from, per city, and summed for the Annex 1 quota of the family;
 * - a per-unit target (每个县…1个) becomes coverage over those units, counted from the county table;
 * - ids are made again, readable: item, subject, deadline (and city, and a unit where needed).
 */

/** Subjects at least this alike name the same figure (Dice coefficient of character pairs). */
const SAME_SUBJECT = 0.5;

/** Annex 2's flow columns carry this key suffix (技能型企业-新增); its cumulative ones `-累计`. */
const FLOW_SUFFIX = "-新增";
const STOCK_SUFFIX = "-累计";

function pointOf(quota: ParsedQuota): PathPoint {
  return { year: quota.year as number, target: quota.target, comparator: quota.comparator, text: quota.text, ...(quota.month !== undefined ? { month: quota.month } : {}) };
}

function subjectText(quota: ParsedQuota): string {
  return quota.subject ?? quota.measure;
}

/** Whether `later` raises the figure `earlier` names, at a later deadline. */
function continues(earlier: ParsedQuota, later: ParsedQuota): boolean {
  if (earlier.kind !== later.kind || (later.kind !== "cumulative" && later.kind !== "ratio")) return false;
  if (earlier.year === null || later.year === null || later.year <= earlier.year) return false;
  if (earlier.measureId !== later.measureId || earlier.region !== later.region) return false;
  if (earlier.perUnit !== null || later.perUnit !== null) return false;
  // A path rises: the same figure again (100% then 100%) is a second quota, not a later point.
  if (earlier.target !== null && later.target !== null && later.target <= earlier.target) return false;
  return earlier.key === later.key || wordingSimilarity(subjectText(earlier), subjectText(later)) >= SAME_SUBJECT;
}

/** Chains of points that are one quota's path, in plan order of their first point. */
function chains(points: ParsedQuota[]): NonEmpty<ParsedQuota>[] {
  const out: NonEmpty<ParsedQuota>[] = [];
  const byYear = [...points].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
  for (const point of byYear) {
    const candidates = out.filter((chain) => continues(lastOf(chain), point));
    const best = candidates.sort(
      (a, b) => wordingSimilarity(subjectText(lastOf(b)), subjectText(point)) - wordingSimilarity(subjectText(lastOf(a)), subjectText(point)),
    )[0];
    if (best) best.push(point);
    else out.push([point]);
  }
  const order = new Map(points.map((p, i) => [p, i]));
  return out.sort((a, b) => (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0));
}

/** What a ratio's numerator and denominator count, from its subject: 已建会规上企业 | 开展能级工资集体协商. */
export function ratioParts(subject: string): RatioParts {
  // A share of a total (A占B比重): A counted over B.
  const share = /^(.+?)占(.+?)(?:的)?(?:比重|比例|份额)?$/.exec(subject.replace(/[“”"]/g, ""));
  if (share?.[1] && share[2]) return { numerator: `${share[1]}数`, denominator: `${share[2]}数` };
  const plain = subject.replace(/[“”"]/g, "").replace(/(比例|全覆盖)$/, "");
  const verb = /(开展|建立|实现|完成|参加|取得|签订|落实)/.exec(plain);
  if (verb && verb.index > 0) {
    const population = plain.slice(0, verb.index);
    const head = population.slice(-2);
    return { numerator: `${plain.slice(verb.index)}${head}数`, denominator: `${population}数` };
  }
  return { numerator: `已实现的${plain}数`, denominator: `${plain}总数` };
}

/** The stock each Annex 2 family and city starts from, by `family|city` (and `family|` for the total). */
function baselines(points: ParsedQuota[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const flow of points.filter((p) => p.key?.endsWith(FLOW_SUFFIX))) {
    const family = (flow.key as string).slice(0, -FLOW_SUFFIX.length);
    const stock = points.find((p) => p.region === flow.region && p.key === `${family}${STOCK_SUFFIX}` && p.year === flow.year);
    if (!stock || stock.target === null || flow.target === null) continue;
    const baseline = stock.target - flow.target;
    out.set(`${family}|${flow.region}`, baseline);
    out.set(`${family}|`, (out.get(`${family}|`) ?? 0) + baseline);
  }
  return out;
}

/** Joins points into quotas with paths, baselines, coverage and cadence; ids are left to `readableIds`. */
export function joinPaths(points: ParsedQuota[], geography: Geography | null, cities: string[]): ParsedQuota[] {
  const stocks = baselines(points);
  const flows = points.filter((p) => p.key?.endsWith(FLOW_SUFFIX));
  const flowIds = new Set(flows.map((p) => p.id));
  const groups = new Map<string, ParsedQuota[]>();
  for (const point of points) {
    if (flowIds.has(point.id)) continue;
    const key = `${point.measureId}|${point.region ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), point]);
  }
  const joined = [...groups.values()].flatMap(chains).map((chain): ParsedQuota => {
    const last = lastOf(chain);
    const family = last.key?.endsWith(STOCK_SUFFIX) ? last.key.slice(0, -STOCK_SUFFIX.length) : (last.key ?? "");
    const retiredFlows = flows.filter((f) => f.region === last.region && f.key === `${family}${FLOW_SUFFIX}`).map((f) => f.id);
    return {
      ...last,
      subject: chain[0].subject,
      text: chain.map((p) => p.text).join("；"),
      line: chain[0].line,
      // Annex 2's stock, else where the text says the figure starts (从A提高到B).
      baseline: stocks.get(`${family}|${last.region ?? ""}`) ?? chain[0].baseline,
      path: last.year === null ? [] : chain.map(pointOf),
      formerIds: [last.id],
      retiredIds: [...chain.slice(0, -1).map((p) => p.id), ...retiredFlows],
      ratio: last.kind === "ratio" ? ratioParts(subjectText(chain[0])) : null,
    };
  });
  return joined.map((quota) => (quota.perUnit ? coverage(quota, geography, cities) : quota));
}

/** A per-unit quota as coverage: the province's target is the number of units, a city's its own. */
function coverage(quota: ParsedQuota, geography: Geography | null, cities: string[]): ParsedQuota {
  const per = quota.perUnit as NonNullable<ParsedQuota["perUnit"]>;
  const byCity: Record<string, number> =
    per.per === "city"
      ? Object.fromEntries(cities.map((city) => [city, 1]))
      : geography
        ? Object.fromEntries(geography.cities.map((city) => [city, geography.counties.filter((c) => c.city === city).length]))
        : {};
  const counted = Object.keys(byCity).length > 0;
  const total = counted ? Object.values(byCity).reduce((a, b) => a + b, 0) : null;
  return {
    ...quota,
    kind: "cumulative",
    target: total,
    pending: !counted,
    unit: per.per === "county" ? "县" : "市",
    perUnit: { ...per, byCity },
    path: quota.path.map((point) => ({ ...point, target: total })),
  };
}
