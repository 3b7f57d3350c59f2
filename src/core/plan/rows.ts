import { chineseNumeral } from "../shared/text";
import type { Quota } from "./types";

/**
 * The intermediate form every task-list layout is read into, and the one the plan parser reads
 * quotas from: a row of non-empty cells recognised by their shape (an action starts `一、`, a key
 * work item `(一)`, then the measure, the units cell and the goal), a cell the row leaves out being
 * the one above it (a merged cell).
 */
/** What a layout reads about a row's quotas beside its goal text: 属性, the whole area's target, the weight. */
export type RowFacts = Partial<Pick<Quota, "attribute" | "wholeTarget" | "weight">>;

export interface Row extends RowFacts {
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

/** The units a layout found, each as the list wrote it (a cell or a line's text), "" for none. */
export interface UnitsText {
  lead: string;
  responsible: string;
  supporting: string;
}

/**
 * The units cell a layout writes for what it found (read back by readUnits): a plain list when only
 * 责任单位 (or a cell saying A牵头,B配合 itself) was found, else each part under its label.
 */
export function unitsCell({ lead, responsible, supporting }: UnitsText): string {
  if (lead === "" && supporting === "") return responsible;
  return [
    lead !== "" ? `牵头单位:${lead}` : "",
    responsible !== "" ? `责任单位:${responsible}` : "",
    supporting !== "" ? `配合单位:${supporting}` : "",
  ]
    .filter((part) => part !== "")
    .join(";");
}

/** A goal with a deadline given in its own column (完成时限 2026年底, 6月底前) when the goal does not start with one. */
export function goalWithDeadline(goal: string, deadline: string): string {
  const year = /(\d{4})\s*年/.exec(deadline)?.[1];
  // 6月底前, 2026年9月底: a month's end, in the list's year when the cell names none.
  const month = /(\d{1,2})\s*月/.exec(deadline)?.[1];
  if ((!year && !month) || /^到?\d{4}\s*(?:[—–-]\s*\d{4}\s*)?年/.test(goal)) return goal;
  if (!year) return `${month}月底前,${goal}`;
  return month ? `到${year}年${month}月底,${goal}` : `到${year}年底,${goal}`;
}
