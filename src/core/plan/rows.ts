import { chineseNumeral } from "../shared/text";

/**
 * The intermediate form every task-list layout is read into, and the one the plan parser reads
 * quotas from: a row of non-empty cells recognised by their shape (an action starts `一、`, a key
 * work item `(一)`, then the measure, the units cell and the goal), a cell the row leaves out being
 * the one above it (a merged cell).
 */
export interface Row {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
  /**
   * True when the layout says which cell is the measure (a titled column, a numbered item): the
   * cells after action and item are exactly [measure, units, goal], with no group or sub-measure
   * to tell apart by length.
   */
  explicit?: boolean;
}

/** Full-width brackets and punctuation in half-width, so every layout and revision reads alike. */
export function normalise(text: string): string {
  return text
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/：/g, ":")
    .replace(/，/g, ",")
    .replace(/；/g, ";")
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .trim();
}

export const ACTION = /^([一二三四五六七八九十]+)、(.+)$/;
export const ITEM = /^\(([一二三四五六七八九十]+)\)(.+)$/;

/** An action cell for a title that carries no `一、` numbering. */
export function actionCell(title: string, number: number): string {
  return ACTION.test(title) ? title : `${chineseNumeral(number)}、${title}`;
}

/** A key-work-item cell for a title that carries no `(一)` numbering. */
export function itemCell(title: string, number: number): string {
  return ITEM.test(title) ? title : `(${chineseNumeral(number)})${title}`;
}

/** The units cell a layout writes for lead and supporting units named apart (read back by readUnits). */
export function unitsCell(lead: string, supporting: string): string {
  return supporting === "" ? lead : `牵头单位:${lead};配合单位:${supporting}`;
}

/** A goal with a deadline given in its own column (完成时限 2026年底) when the goal does not start with one. */
export function goalWithDeadline(goal: string, deadline: string): string {
  const year = /(\d{4})\s*年/.exec(deadline);
  if (!year || /^到?\d{4}\s*(?:[—–-]\s*\d{4}\s*)?年/.test(goal)) return goal;
  return `到${year[1]}年底,${goal}`;
}
