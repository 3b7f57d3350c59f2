import { ATTRIBUTE_LABELS, type Action, type KeyWorkItem, MEASURE_LABELS, type Quota } from "../plan/types";
import { chineseNumeral } from "../shared/text";

/** 一、实施“技能照亮前程”培训行动 */
export function actionLabel(action: Action): string {
  return `${chineseNumeral(action.number)}、${action.title}`;
}

/** （一）推行“订单式”培训促进精准就业 */
export function itemLabel(item: KeyWorkItem): string {
  return `（${chineseNumeral(item.number)}）${item.title}`;
}

const COMPARATOR_SIGNS: Record<Quota["comparator"], string> = { ">=": "≥", "≈": "≈", "<=": "≤", "=": "" };

/**
 * A target as a list shows it, without its unit: `≥5000`, `≈600`, `≤5.5` (a ceiling), `3–5` (a
 * range, met at 3), `增长≈6` (a growth rate); null for a milestone or a target not decided yet.
 */
export function targetFigure(quota: Pick<Quota, "kind" | "comparator" | "target" | "pending" | "range">): string | null {
  if (quota.kind === "milestone" || quota.pending || quota.target === null) return null;
  const figure = quota.range ? `${quota.range.low}–${quota.range.high}` : `${COMPARATOR_SIGNS[quota.comparator]}${quota.target}`;
  return quota.kind === "growth" ? `增长${figure}` : figure;
}

/**
 * What a report or summary row shows for a quota: the measure (· subject), then the target phrase —
 * or, on a scope's sheet, what the scope reports (reportText).
 */
export function quotaLabel(quota: Quota, what: string = quota.text): string {
  return `${quota.measure}${quota.subject ? ` · ${quota.subject}` : ""}\n${what}`;
}

/** The 责任单位 cell: the lead named apart from the co-responsible units (牵头：A；责任：B、C), else the list as the plan names it. */
export function unitsLabel(quota: Pick<Quota, "lead" | "units">): string {
  if (!quota.lead) return quota.units.join("、");
  const others = quota.units.filter((unit) => !quota.lead?.includes(unit));
  return others.length === 0 ? `牵头：${quota.lead.join("、")}` : `牵头：${quota.lead.join("、")}；责任：${others.join("、")}`;
}

/**
 * What the plan says of a quota beyond its kind and target, as a line a person reads: 属性
 * (约束性/预期性), what the figure measures (人均, 占比, a level from its 基期值), a deadline month,
 * the whole area's target beside this one's, and its weight; "" when it says none of these.
 */
export function quotaFacts(quota: Pick<Quota, "attribute" | "measures" | "baseline" | "unit" | "year" | "month" | "wholeTarget" | "weight">): string {
  const unit = quota.unit ?? "";
  return [
    quota.attribute ? `属性：${ATTRIBUTE_LABELS[quota.attribute]}` : "",
    quota.measures ? MEASURE_LABELS[quota.measures] : "",
    quota.baseline !== 0 && quota.measures !== undefined ? `基期值 ${quota.baseline}${unit}` : "",
    quota.month !== undefined && quota.year !== null ? `${quota.year}年${quota.month}月底前` : "",
    quota.wholeTarget !== undefined ? `全域目标 ${quota.wholeTarget}${unit}` : "",
    quota.weight !== undefined ? `权重 ${quota.weight}` : "",
  ]
    .filter((part) => part !== "")
    .join("；");
}
