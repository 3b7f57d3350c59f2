import type { Action, KeyWorkItem, Quota } from "../plan/types";
import { chineseNumeral } from "../text";

/** 一、实施“技能照亮前程”培训行动 */
export function actionLabel(action: Action): string {
  return `${chineseNumeral(action.number)}、${action.title}`;
}

/** （一）推行“订单式”培训促进精准就业 */
export function itemLabel(item: KeyWorkItem): string {
  return `（${chineseNumeral(item.number)}）${item.title}`;
}

/**
 * What a report or summary row shows for a quota: the measure (· subject), then the target phrase —
 * or, on a scope's sheet, what the scope reports (reportText).
 */
export function quotaLabel(quota: Quota, what: string = quota.text): string {
  return `${quota.measure}${quota.subject ? ` · ${quota.subject}` : ""}\n${what}`;
}
