import type { Action, KeyWorkItem, Quota } from "../plan/types";
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
