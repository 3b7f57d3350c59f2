import { matchGroup } from "../shared/required";
import { beforeFirst } from "../shared/text";
import type { UnreadLine } from "./types";
import { ACTION, ITEM, type Row, actionCell, itemCell, normalise, unitsCell } from "./rows";

/**
 * A task list written as numbered paragraphs: `1.…。` items under `一、` and `(一)` headings, the
 * responsible units on lines of their own (`牵头单位:…`, `责任单位:…`, `配合单位:…`) or in brackets
 * at the item's end (`(…局、…办)`, `(…牵头,…配合)`). A heading with units and no numbered items
 * under it is a measure itself. Every other line is reported unread, with why.
 */

const NUMBERED = /^(\d+)[.、．]\s*(.+)$/;
const UNITS_LINE = /^(牵头单位|责任单位|主责单位|配合单位|协同单位|协办单位)\s*:\s*(.+)$/;
/** Brackets at the end of a sentence that name units (…局、…办) rather than explain (如…). */
const BRACKET_UNITS = /\(([^()]*(?:厅|局|委|办|会|院|部|府|联|中心|政府|牵头|配合|负责))\)[。.]?$/;

interface Entry {
  line: number;
  text: string;
  lead: string;
  supporting: string;
}

export function isNumberedList(lines: string[]): boolean {
  const normalised = lines.map(normalise);
  return normalised.some((l) => ACTION.test(l) || ITEM.test(l)) && normalised.some((l) => NUMBERED.test(l) || UNITS_LINE.test(l) || BRACKET_UNITS.test(l));
}

/** Splits a sentence's trailing units bracket off: `(A牵头,B配合)` → lead A, supporting B. */
function bracketUnits(text: string): { text: string; lead: string; supporting: string } {
  const match = BRACKET_UNITS.exec(text);
  if (!match) return { text, lead: "", supporting: "" };
  const units = matchGroup(match, 1);
  const shared = /^(.+?)牵头[,;、\s]*(.*?)(?:配合|协同|参与)?$/.exec(units);
  const body = text.slice(0, match.index).trim();
  if (!shared) return { text: body, lead: units.replace(/负责$/, ""), supporting: "" };
  return { text: body, lead: matchGroup(shared, 1), supporting: matchGroup(shared, 2) };
}

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
    rows.push({ cells: [...pendingHeadings, entry.text, unitsCell(entry.lead, entry.supporting), entry.text], line: entry.line, explicit: true });
    pendingHeadings = [];
    if (item) item.measures++;
    entry = null;
  };
  const flushItem = () => {
    flushEntry();
    // A heading with its own units and nothing numbered under it is the measure.
    if (item && item.measures === 0 && item.lead !== "") {
      entry = { line: item.line, text: item.text, lead: item.lead, supporting: item.supporting };
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
    if (text === "") return;
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
      item = { line, title: text, text: own.text, lead: own.lead, supporting: own.supporting, measures: 0 };
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
          item = { line, title, text: title, lead: "", supporting: "", measures: 0 };
        }
      }
      const own = bracketUnits(matchGroup(numbered, 2));
      entry = { line, text: own.text, lead: own.lead, supporting: own.supporting };
      return;
    }
    const units = UNITS_LINE.exec(text);
    const target: Entry | (Entry & { measures: number }) | null = entry ?? item;
    if (units && target) {
      if (/配合|协同|协办/.test(matchGroup(units, 1))) target.supporting = matchGroup(units, 2);
      else target.lead = matchGroup(units, 2);
      return;
    }
    // A numbered item's sentence wrapped onto the next line, before its units.
    if (entry && entry.lead === "" && entry.supporting === "" && !units && !/[。.;]$/.test(entry.text)) {
      const own = bracketUnits(`${entry.text}${text}`);
      entry.text = own.text;
      entry.lead = own.lead;
      entry.supporting = own.supporting;
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
