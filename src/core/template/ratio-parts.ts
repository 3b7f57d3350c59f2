import { matchGroup } from "../shared/required";
import type { Quota } from "../plan/types";

/**
 * A ratio is collected as the two figures it is made of, each on a row of its own under the
 * ratio's row: 分子 (开展能级工资集体协商企业数) and 分母 (已建会规上企业数). The ratio's 累计完成 is
 * a formula over them, and every aggregation sums the figures, never the percentages: a province's
 * share is the sum of its cities' numerators over the sum of their denominators.
 */
export type PartKey = "numerator" | "denominator";

export const PART_KEYS: readonly PartKey[] = ["numerator", "denominator"];

/** How each figure is named on the sheet (in its id and its row's 指标类型). */
export const PART_LABELS: Record<PartKey, string> = { numerator: "分子", denominator: "分母" };

/** One figure of a ratio: its row's id, what it counts and in which unit. */
export interface QuotaPart {
  quotaId: string;
  key: PartKey;
  id: string;
  /** What is counted, from the plan's text: 已建会规上企业数. */
  name: string;
  unit: string;
}

/** A part's id: the ratio's id and the part's label, e.g. `I14-能级工资集体协商-2027/分子`. */
export const partId = (quotaId: string, key: PartKey): string => `${quotaId}/${PART_LABELS[key]}`;

const PART_ID = new RegExp(`^(.+)/(${Object.values(PART_LABELS).join("|")})$`);

/** The ratio and the part an id names, or null when the id is not a part's. */
export function parsePartId(id: string): { quotaId: string; key: PartKey } | null {
  const match = PART_ID.exec(id);
  if (!match) return null;
  const key = PART_KEYS.find((k) => PART_LABELS[k] === match[2]);
  return key ? { quotaId: matchGroup(match, 1), key } : null;
}

/**
 * A ratio's share from its two figures, as every check and aggregation computes it: null unless
 * both are counts with 0 ≤ numerator ≤ denominator and a denominator above 0 (anything else is a
 * typing error the checks report, never a share to add up).
 */
export function shareOf(numerator: number | null, denominator: number | null): number | null {
  return numerator !== null && denominator !== null && denominator > 0 && isPair(numerator, denominator) ? numerator / denominator : null;
}

/**
 * Whether a ratio's two figures can be added to others' — both counts, 0 ≤ numerator ≤ denominator
 * (0 of 0 included: nothing to count is still a pair). A part without its partner, or beside a
 * partner it exceeds, never goes into a total: the parts travel together.
 */
export function isPair(numerator: number | null, denominator: number | null): boolean {
  return numerator !== null && denominator !== null && numerator >= 0 && numerator <= denominator;
}

/** The other figure of the same ratio. */
export const partnerOf = (key: PartKey): PartKey => (key === "numerator" ? "denominator" : "numerator");

/** The unit a counted thing is reported in: enterprises and organisations in 家, people in 人, else 个. */
function countUnit(name: string): string {
  if (/(企业|单位|机构|院校|学校|学院|公司|医院|工会)/.test(name)) return "家";
  if (/(人才|人员|职工|工人|学生|毕业生|人数)/.test(name)) return "人";
  return "个";
}

/**
 * The two figures a ratio is collected as; none for any other quota, nor for a ceiling on a rate
 * (失业率控制在5.5%以内): such a rate is published as it stands by whoever measures it, and the
 * reporting office has no count behind it to type.
 */
export function partsOf(quota: Quota): QuotaPart[] {
  const ratio = quota.ratio;
  if (quota.kind !== "ratio" || !ratio || quota.comparator === "<=") return [];
  return PART_KEYS.map((key) => {
    const name = ratio[key];
    return { quotaId: quota.id, key, id: partId(quota.id, key), name, unit: countUnit(name) };
  });
}
