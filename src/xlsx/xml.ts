import { matchGroup } from "../core/shared";
import { XmlError } from "./errors";
/**
 * A streaming XML scanner for the parts of an .xlsx file: text goes in chunk by chunk as it is
 * inflated, and each start tag, end tag and piece of text comes out as it is found, so no part is
 * ever held whole and no document tree is built. It knows what spreadsheet XML uses: elements,
 * attributes, the five predefined entities and character references, CDATA, comments and
 * processing instructions. Element and attribute names lose their namespace prefix (`x:c` is
 * `c`), since writers choose prefixes freely. A DOCTYPE is refused: OOXML parts have none, and
 * its entities are how an XML file expands without limit.
 */

export interface XmlHandler {
  /** A start tag (`empty` for `<c/>`); attributes are read from `attributes` with {@link attribute}. */
  open(name: string, attributes: string, empty: boolean): void;
  close(name: string): void;
  /** Character data between tags, entities decoded; may come in several pieces. */
  text(text: string): void;
}

/** A start or end tag: its "/", name, attribute text and "/" of an empty element; quoted attribute values may hold ">". */
const TAG = /<(\/?)([^\s/>"'<]+)((?:[^"'>/]|\/(?!>)|"[^"]*"|'[^']*')*)(\/?)>/y;
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));|&/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** Markup other than tags, each with the text that ends it. */
const SPECIAL: [start: string, end: string][] = [
  ["<!--", "-->"],
  ["<![CDATA[", "]]>"],
  ["<?", "?>"],
];
/** A tag, comment or other markup longer than this is not a spreadsheet's: stop rather than buffer without end. */
const LONGEST_MARKUP = 4 * 1024 * 1024;

const localName = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Decodes entities and character references; anything else after `&` is an error. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    const named = name === undefined ? undefined : NAMED[name];
    if (named !== undefined) return named;
    const code = hex ? parseInt(hex, 16) : decimal ? parseInt(decimal, 10) : NaN;
    if (!(code <= 0x10ffff)) throw new XmlError(`not an entity XML knows: "${whole}"`);
    return String.fromCodePoint(code);
  });
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/**
 * The value of attribute `name` (any namespace prefix) in a tag's attribute text, or undefined.
 * Searched for, not parsed into a map: a handler asks for two or three attributes of a tag, and
 * most tags it is not interested in at all.
 */
export function attribute(attributes: string, name: string): string | undefined {
  for (let at = attributes.indexOf(name); at >= 0; at = attributes.indexOf(name, at + 1)) {
    const before = attributes.charCodeAt(at - 1);
    if (!(isSpace(before) || before === 0x3a)) continue;
    let i = at + name.length;
    while (isSpace(attributes.charCodeAt(i))) i++;
    if (attributes.charCodeAt(i) !== 0x3d) continue;
    i++;
    while (isSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = attributes.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return decodeEntities(attributes.slice(i + 1, end));
  }
  return undefined;
}

export class XmlScanner {
  private pending = "";
  private depth = 0;

  constructor(private readonly handler: XmlHandler) {}

  /** Scans what `chunk` completes; an unfinished tag waits for the next chunk. */
  write(chunk: string): void {
    const buffer = this.pending + chunk;
    let at = 0;
    for (;;) {
      const lt = buffer.indexOf("<", at);
      if (lt < 0) {
        // Text may end in the middle of an entity: keep it until the next tag.
        this.pending = buffer.slice(at);
        if (this.pending.length > LONGEST_MARKUP) this.flushText();
        return;
      }
      if (lt > at) this.textOf(buffer.slice(at, lt));
      const next = this.markup(buffer, lt);
      if (next < 0) {
        this.pending = buffer.slice(lt);
        if (this.pending.length > LONGEST_MARKUP) throw new XmlError("a tag that never ends");
        return;
      }
      at = next;
    }
  }

  /** The end of the document: nothing may be left open or unfinished. */
  end(): void {
    if (this.pending.trim() !== "") {
      if (this.pending.includes("<")) throw new XmlError("the document ends inside a tag");
      this.flushText();
    }
    if (this.depth !== 0) throw new XmlError("the document ends with elements still open");
  }

  private flushText(): void {
    const text = this.pending;
    this.pending = "";
    this.textOf(text);
  }

  private textOf(text: string): void {
    if (this.depth > 0) this.handler.text(decodeEntities(text));
  }

  /** Handles the markup at `lt`; returns where scanning goes on, or -1 when the buffer ends first. */
  private markup(buffer: string, lt: number): number {
    const second = buffer.charCodeAt(lt + 1);
    // "!" and "?": comments, CDATA, processing instructions, DOCTYPE.
    if (second === 0x21 || second === 0x3f) {
      if (buffer.length < lt + 9) return -1;
      for (const [start, end] of SPECIAL) {
        if (!buffer.startsWith(start, lt)) continue;
        const close = buffer.indexOf(end, lt + start.length);
        if (close < 0) return -1;
        if (start === "<![CDATA[" && this.depth > 0) this.handler.text(buffer.slice(lt + start.length, close));
        return close + end.length;
      }
      throw new XmlError(buffer.startsWith("<!DOCTYPE", lt) ? "a DOCTYPE, which no spreadsheet part has" : "unknown markup");
    }
    // A tag ends at the first ">" outside a quoted attribute value; no match means the buffer ends first.
    TAG.lastIndex = lt;
    const match = TAG.exec(buffer);
    if (!match) return -1;
    const name = localName(matchGroup(match, 2));
    const next = lt + match[0].length;
    if (match[1] === "/") {
      if (--this.depth < 0) throw new XmlError(`an end tag </${name}> with no start`);
      this.handler.close(name);
      return next;
    }
    const empty = match[4] === "/";
    this.handler.open(name, matchGroup(match, 3), empty);
    if (empty) this.handler.close(name);
    else this.depth++;
    return next;
  }
}
