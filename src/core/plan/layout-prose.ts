import { matchGroup } from "../shared/required";
import type { UnreadLine } from "./types";
import { NUMBERED } from "./layout-numbered-list";
import { ACTION, ITEM, type Row, actionCell, itemCell, normalise } from "./rows";

/**
 * Targets explained in prose (关于主要预期目标的说明, 指标说明): a paragraph an indicator, numbered or
 * not, naming it and its target (城镇新增就业1.2万人, or 指标:…,目标值:…), then why (主要考虑…,
 * 依据…: sentences holding other numbers — last year's, the region's — that are no targets), then
 * who is responsible (责任单位为…, 牵头单位为…, 由…牵头). A paragraph may run over several lines.
 * Only the target sentences go to the quota reader; the reason is set aside; a paragraph naming no
 * units is unread, with why.
 */

/** A sentence naming the units: 责任单位为…, 牵头单位:…, 由…牵头/负责. */
const UNITS_SENTENCE = /^(?:(?:牵头单位|责任单位|责任部门|主责单位|牵头部门|配合单位)\s*(?:为|是|:)|由.+(?:牵头|负责))/;
/** A sentence giving the reason for a target (and every sentence after it, up to the units). */
const REASON = /^(?:主要考虑|考虑到|考虑|理由|主要理由|依据|主要依据|测算依据|设定依据|设置依据|说明|这一目标|该目标|此目标|上述目标|从.{1,10}看|一方面|根据|基于)/;
/** Labelled parts: 指标(名称): the indicator; 目标(值)/预期目标: its figure. */
const NAME_LABEL = /^(?:指标名称|指标)\s*:\s*(.+)$/;
const TARGET_LABEL = /^(?:预期目标|目标值|目标|2\d{3}年目标)\s*(?:为|是|:)\s*(.+)$/;

const sentences = (text: string): string[] =>
  text
    .split(/[。;]/)
    .map((s) => s.trim().replace(/^[,\s]+/, ""))
    .filter((s) => s !== "");

/** Whether the text explains targets in prose: a paragraph with a reason and a 责任单位为… sentence. */
export function isProse(lines: string[]): boolean {
  const all = lines.map(normalise).flatMap((line) => sentences(line.replace(NUMBERED, "$1")));
  return all.some((s) => REASON.test(s)) && all.some((s) => UNITS_SENTENCE.test(s) && /为|由/.test(s));
}

interface Paragraph {
  line: number;
  text: string;
}

/** The goal, units and reason a paragraph's sentences say. */
function readParagraph(text: string): { goal: string; units: string } {
  const parts = sentences(text);
  const unitsAt = parts.findIndex((s) => UNITS_SENTENCE.test(s));
  const reasonAt = parts.findIndex((s) => REASON.test(s));
  const targetEnd = Math.min(...[unitsAt, reasonAt, parts.length].filter((i) => i !== -1));
  const targets = parts.slice(0, targetEnd);
  const name = targets.map((s) => NAME_LABEL.exec(s)?.[1]).find((n) => n !== undefined);
  const figure = targets.map((s) => TARGET_LABEL.exec(s)?.[1]).find((t) => t !== undefined);
  const goal = name !== undefined && figure !== undefined ? `${name.replace(/[,:]$/, "")}${figure}` : targets.join(";");
  const units = unitsAt === -1 ? "" : parts.slice(unitsAt).join(";").replace(/^由/, "").replace(/(?:牵头)?负责[^;]*$/, (m) => (m.startsWith("牵头") ? "牵头" : ""));
  return { goal, units };
}

export function readProse(lines: string[]): { rows: Row[]; unread: UnreadLine[]; title: string | null } {
  const rows: Row[] = [];
  const unread: UnreadLine[] = [];
  let title: string | null = null;
  let actionNumber = 0;
  let itemNumber = 0;
  /** The heading cells the next row carries (its action's, its item's), and the current action's title. */
  let headings: string[] = [];
  let actionTitle: string | null = null;
  let hasItem = false;
  let paragraph: Paragraph | null = null;
  const flush = () => {
    if (!paragraph) return;
    const { goal, units } = readParagraph(paragraph.text);
    // A list with no headings is one action; an action with no (一) is its own key work item.
    if (actionNumber === 0) {
      actionTitle = title ?? "主要目标";
      headings.push(actionCell(actionTitle, ++actionNumber));
    }
    if (!hasItem) {
      headings.push(itemCell(actionTitle ?? "主要目标", ++itemNumber));
      hasItem = true;
    }
    if (goal === "" || units === "") {
      unread.push({ line: paragraph.line, text: paragraph.text, reason: goal === "" ? "没有指标和目标 / no indicator and target" : "缺少责任单位（如「责任单位为…」） / no responsible unit (责任单位为…)" });
    } else {
      rows.push({ cells: [...headings, goal, units, goal], line: paragraph.line, explicit: true });
      headings = [];
    }
    paragraph = null;
  };
  lines.forEach((raw, index) => {
    const text = normalise(raw);
    if (text === "" || /^附件\s*\d*$/.test(text)) return;
    const action = ACTION.exec(text);
    const item = ITEM.exec(text);
    if (action) {
      flush();
      actionTitle = matchGroup(action, 2);
      headings = [actionCell(text, ++actionNumber)];
      hasItem = false;
      return;
    }
    if (item) {
      flush();
      if (actionNumber === 0) {
        actionTitle = title ?? "主要目标";
        headings.push(actionCell(actionTitle, ++actionNumber));
      }
      headings = headings.filter((cell) => !ITEM.test(cell));
      headings.push(itemCell(matchGroup(item, 2), ++itemNumber));
      hasItem = true;
      return;
    }
    const numbered = NUMBERED.exec(text);
    const complete = paragraph !== null && sentences(paragraph.text).some((s) => UNITS_SENTENCE.test(s));
    // A paragraph starts at a number, after one that named its units, or at the first line after the title.
    if (numbered || complete || (!paragraph && title !== null) || (!paragraph && actionNumber > 0)) {
      flush();
      paragraph = { line: index + 1, text: numbered ? matchGroup(numbered, 1) : text };
      return;
    }
    if (paragraph) {
      // A paragraph's next line: a sentence of its own unless the line broke mid-sentence.
      paragraph.text = `${paragraph.text}${/[。;,:]$/.test(paragraph.text) ? "" : "。"}${text}`;
      return;
    }
    title = text;
  });
  flush();
  return { rows, unread, title };
}
