import { matchGroup } from "../shared/required";
import { beforeFirst } from "../shared/text";
import type { UnreadLine } from "./types";
import { ACTION, ITEM, type Row, type UnitsText, actionCell, itemCell, normalise, unitsCell } from "./rows";
import { BRACKET_UNITS, trailingUnits, unitRoleOfLabel } from "./units";

/**
 * A task list written as numbered paragraphs: `1.…。` items under `一、` and `(一)` headings, the
 * responsible units on lines of their own (`牵头单位:…`, `责任单位:…`, `配合单位:…`) or in brackets
 * at the item's end (`(…局、…办)`, `(…牵头,…配合)`). A heading with units and no numbered items
 * under it is a measure itself. Every other line is reported unread, with why.
 */

/** A numbered measure: 1. 1、 1) (1) ①, its text the last group. */
export const NUMBERED = /^(?:\d+[.、．)]|\(\d+\)|[①-⑳])\s*(.+)$/;
const UNITS_LINE = /^(牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位|配合部门|协同单位|协办单位|参与单位)\s*(?:为|是)?\s*:?\s*(.+?)[。.;]?$/;

interface Entry extends UnitsText {
  line: number;
  text: string;
}

const hasUnits = (units: UnitsText): boolean => units.lead !== "" || units.responsible !== "" || units.supporting !== "";

export function isNumberedList(lines: string[]): boolean {
  const normalised = lines.map(normalise);
  return normalised.some((l) => ACTION.test(l) || ITEM.test(l)) && normalised.some((l) => NUMBERED.test(l) || UNITS_LINE.test(l) || BRACKET_UNITS.test(l));
}

/** Splits a sentence's trailing units bracket off (`(A牵头,B配合)`, `(A、B)`): readUnits reads who leads. */
function bracketUnits(text: string): UnitsText & { text: string } {
  const split = trailingUnits(text);
  return { text: split?.text ?? text, lead: "", responsible: split?.units ?? "", supporting: "" };
}

const unitsOf = (units: UnitsText): UnitsText => ({ lead: units.lead, responsible: units.responsible, supporting: units.supporting });

export function readNumberedList(lines: string[]): { rows: Row[]; unread: UnreadLine[]; title: string | null } {
  const rows: Row[] = [];
  const unread: UnreadLine[] = [];
  let actionNumber = 0;
  let itemNumber = 0;
  /** The heading cells not yet written, since a row carries them with its first measure. */
  let pendingHeadings: string[] = [];
  let hasAction = false;
  let item: (Entry & { title: string; measures: number }) | null = null;
  let entry: Entry | null = null;
  let title: string | null = null;

  const flushEntry = () => {
    if (!entry) return;
    rows.push({ cells: [...pendingHeadings, entry.text, unitsCell(entry), entry.text], line: entry.line, explicit: true });
    pendingHeadings = [];
    if (item) item.measures++;
    entry = null;
  };
  const flushItem = () => {
    flushEntry();
    // A heading with its own units and nothing numbered under it is the measure.
    if (item && item.measures === 0 && hasUnits(item)) {
      entry = { line: item.line, text: item.text, ...unitsOf(item) };
      flushEntry();
    } else if (pendingHeadings.length > 0 && item) {
      unread.push({ line: item.line, text: item.title, reason: "重点工作下没有任务条目和责任单位 / a heading with no numbered items and no units under it" });
      pendingHeadings = pendingHeadings.filter((cell) => !ITEM.test(cell));
    }
    item = null;
  };

  lines.forEach((raw, index) => {
    const text = normalise(raw);
    const line = index + 1;
    // An 附件 label heads the list; it is no part of it.
    if (text === "" || /^附件\s*\d*$/.test(text)) return;
    const action = ACTION.exec(text);
    if (action) {
      flushItem();
      pendingHeadings = [actionCell(text, ++actionNumber)];
      hasAction = true;
      return;
    }
    const heading = ITEM.exec(text);
    if (heading) {
      flushItem();
      if (!hasAction) {
        pendingHeadings.push(actionCell("重点工作任务", ++actionNumber));
        hasAction = true;
      }
      const own = bracketUnits(matchGroup(heading, 2));
      const title = beforeFirst(own.text, "。").replace(/[。.]$/, "");
      pendingHeadings.push(itemCell(title, ++itemNumber));
      item = { line, title: text, text: own.text, ...unitsOf(own), measures: 0 };
      return;
    }
    const numbered = NUMBERED.exec(text);
    if (numbered) {
      flushEntry();
      if (!hasAction || !item) {
        if (!hasAction) pendingHeadings.push(actionCell("重点工作任务", ++actionNumber));
        hasAction = true;
        if (!item) {
          const title = ACTION.exec(pendingHeadings[0] ?? "")?.[2] ?? "重点工作任务";
          pendingHeadings.push(itemCell(title, ++itemNumber));
          item = { line, title, text: title, lead: "", responsible: "", supporting: "", measures: 0 };
        }
      }
      const own = bracketUnits(matchGroup(numbered, 1));
      entry = { line, text: own.text, ...unitsOf(own) };
      return;
    }
    const units = UNITS_LINE.exec(text);
    const target: Entry | (Entry & { measures: number }) | null = entry ?? item;
    if (units && target) {
      // 牵头单位 and 责任单位 lines name the lead and the co-responsible units apart; both are kept.
      const role = unitRoleOfLabel(matchGroup(units, 1));
      target[role] = target[role] === "" ? matchGroup(units, 2) : `${target[role]}、${matchGroup(units, 2)}`;
      return;
    }
    // A numbered item's sentence wrapped onto the next line, before its units.
    if (entry && !hasUnits(entry) && !units && !/[。.;]$/.test(entry.text)) {
      const own = bracketUnits(`${entry.text}${text}`);
      Object.assign(entry, own);
      return;
    }
    // The document's title: the first line, before any heading (附件 labels are not titles).
    if (!hasAction && title === null && !units && !/^附件\s*\d*$/.test(text)) {
      title = text;
      return;
    }
    unread.push({
      line,
      text,
      reason: units ? "责任单位不在任何任务条目之下 / units under no numbered item" : "不是标题、任务条目或责任单位 / not a heading, a numbered item or a units line",
    });
  });
  flushItem();
  return { rows, unread, title };
}
