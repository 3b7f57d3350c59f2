import { beforeFirst } from "../core/shared";
import { type CellType, cellAddress } from "../core/snapshot";
import type { CellValue } from "../core/template";
import { type XmlHandler, attribute } from "./xml";

/**
 * What Planbook reads from each part of an .xlsx package, as handlers for the streaming XML
 * scanner: the sheets in tab order (workbook.xml and its relationships), shared strings, the
 * cell formats (number formats and locks, styles.xml) and each sheet's cells. Elements are
 * matched by local name, attribute values `1`/`true` and `0`/`false` both understood (Excel
 * writes the first, LibreOffice the second).
 */

export const isTrue = (value: string | undefined): boolean => value === "1" || value === "true";
export const isFalse = (value: string | undefined): boolean => value === "0" || value === "false";

export interface SheetEntry {
  name: string;
  state: string | undefined;
  relationId: string | undefined;
}

/**
 * xl/workbook.xml: the sheets in tab order, whether dates count from 1904, and whether the writer
 * asks for every formula to be calculated when the file is opened (`<calcPr fullCalcOnLoad="1"/>`,
 * as XlsxWriter writes beside a placeholder 0 for every formula's value).
 */
export function workbookHandler(): XmlHandler & { sheets: SheetEntry[]; date1904: boolean; fullCalcOnLoad: boolean } {
  const result = {
    sheets: [] as SheetEntry[],
    date1904: false,
    fullCalcOnLoad: false,
    open(name: string, attributes: string) {
      if (name === "sheet") {
        result.sheets.push({ name: attribute(attributes, "name") ?? "", state: attribute(attributes, "state"), relationId: attribute(attributes, "id") });
      } else if (name === "workbookPr") {
        result.date1904 = isTrue(attribute(attributes, "date1904"));
      } else if (name === "calcPr") {
        result.fullCalcOnLoad = isTrue(attribute(attributes, "fullCalcOnLoad"));
      }
    },
    close() {},
    text() {},
  };
  return result;
}

export interface Relationship {
  /** The part's path in the package, resolved against the folder of the part that refers to it. */
  path: string;
  type: string;
}

/** Resolves a relationship's target (relative, or absolute from the package root) into a package path. */
export function resolvePartPath(folder: string, target: string): string {
  const segments = target.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

/** A .rels part: each relationship by id. */
export function relationshipsHandler(folder: string): XmlHandler & { byId: Map<string, Relationship> } {
  const byId = new Map<string, Relationship>();
  return {
    byId,
    open(name, attributes) {
      if (name !== "Relationship" || attribute(attributes, "TargetMode") === "External") return;
      const id = attribute(attributes, "Id");
      const target = attribute(attributes, "Target");
      if (id && target) byId.set(id, { path: resolvePartPath(folder, target), type: attribute(attributes, "Type") ?? "" });
    },
    close() {},
    text() {},
  };
}

/**
 * xl/sharedStrings.xml: each string's plain text (rich text runs joined; phonetic guides, which
 * Excel shows above the text and not in it, left out).
 */
export function sharedStringsHandler(): XmlHandler & { strings: string[] } {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  return {
    strings,
    open(name) {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = current !== null;
    },
    close(name) {
      if (name === "si") {
        strings.push((current ?? []).join(""));
        current = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(text) {
      if (inText) current?.push(text);
    },
  };
}

export interface CellFormat {
  numberFormat: string;
  /** False only where the format says `locked="0"`: Excel locks every cell by default. */
  locked: boolean;
}

/** Excel's built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a number format shows a date or time: a built-in date format, or a custom code with a
 * date or time letter outside quoted text, escapes and [brackets] (colours, conditions, locale).
 */
export function isDateFormat(numberFormatId: number, code: string): boolean {
  if (BUILT_IN_DATE_FORMATS.has(numberFormatId)) return true;
  return /[ymdhs]/i.test(beforeFirst(code, ";").replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*.|General/gi, ""));
}

/** The built-in format code Office.js would give for a built-in id (only those Planbook distinguishes need a name). */
const BUILT_IN_CODES: Record<number, string> = { 0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%", 14: "m/d/yyyy", 49: "@" };

/** xl/styles.xml: each cell format (cellXfs) with its number format and lock. */
export function stylesHandler(): XmlHandler & { formats: CellFormat[]; dateFormats: boolean[]; finish(): void } {
  const codes = new Map<number, string>();
  const formats: CellFormat[] = [];
  /** Each cell format's numFmtId, the code of which may come later in the part. */
  const formatIds = new Map<CellFormat, number>();
  const dateFormats: boolean[] = [];
  let inCellFormats = false;
  let current: CellFormat | null = null;
  const handler = {
    formats,
    dateFormats,
    open(name: string, attributes: string) {
      if (name === "numFmt") {
        codes.set(Number(attribute(attributes, "numFmtId")), attribute(attributes, "formatCode") ?? "");
      } else if (name === "cellXfs") {
        inCellFormats = true;
      } else if (name === "xf" && inCellFormats) {
        current = { numberFormat: "", locked: true };
        formats.push(current);
        formatIds.set(current, Number(attribute(attributes, "numFmtId") ?? 0));
      } else if (name === "protection" && current) {
        current.locked = !isFalse(attribute(attributes, "locked"));
      }
    },
    close(name: string) {
      if (name === "cellXfs") inCellFormats = false;
      else if (name === "xf") current = null;
    },
    text() {},
  };
  return Object.assign(handler, {
    /** Number format codes are known only once numFmts is read, which comes first in the part but need not. */
    finish() {
      formats.forEach((format, i) => {
        const id = formatIds.get(format) ?? 0;
        format.numberFormat = codes.get(id) ?? BUILT_IN_CODES[id] ?? "General";
        dateFormats[i] = isDateFormat(id, format.numberFormat);
      });
    },
  });
}

/** One cell as read: 0-based position, the snapshot value and formula, and its format index. */
export interface CellRead {
  row: number;
  col: number;
  value: CellValue;
  /** `=…` for a formula cell, otherwise the value. */
  formula: CellValue;
  style: number;
  /** What the value alone does not say (SheetSnapshot.types); null for plain numbers and text. */
  type: CellType | null;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** "B12" → 0-based row 11, column 1; null when it is not an address inside Excel's grid. */
export function parseAddress(address: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  const row = Number(address.slice(i));
  if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1 || row > MAX_ROWS || col > MAX_COLUMNS || address[i] === "+") return null;
  return { row: row - 1, col: col - 1 };
}

export const columnLetters = (col: number): string => {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};

/**
 * A shared formula as the cell `rows` down and `cols` across from the one that holds its text
 * sees it, as Excel shows it: each relative reference moves, `$` parts stay. Quoted text and
 * quoted sheet names are left alone, as are names followed by `(` (functions such as LOG10) or `!`.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula.replace(
    /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(?<![\w.$])(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![\w(!])/gi,
    (whole, text?: string, sheet?: string, colFixed?: string, letters?: string, rowFixed?: string, digits?: string) => {
      if (text || sheet || letters === undefined || digits === undefined) return whole;
      const at = parseAddress(`${letters}${digits}`);
      if (!at) return whole;
      const col = colFixed ? at.col : at.col + cols;
      const row = rowFixed ? at.row : at.row + rows;
      if (col < 0 || row < 0) return "#REF!";
      return `${colFixed}${columnLetters(col)}${rowFixed}${row + 1}`;
    },
  );
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** Day 0 of each date system, as Unix days: 1899-12-30 (1900 system, Excel's leap-year bug included) and 1904-01-01. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;

/** An ISO 8601 date cell (`t="d"`) as its serial number, as Office.js gives every date. */
function isoDateSerial(text: string, date1904: boolean): number | string {
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
  return Number.isNaN(time) ? text : time / MS_PER_DAY + (date1904 ? EPOCH_1904 : EPOCH_1900);
}

export interface SheetRead {
  cells: CellRead[];
  merges: string[];
  protected: boolean;
  /** Formats of rows and columns, for cells the file does not list (row `s` with customFormat, col `style`). */
  rowStyles: Map<number, number>;
  columnStyles: { min: number; max: number; style: number }[];
  /** The format of each cell the caller asked about (by `row,col`), with a value or not: for locks. */
  styles: Map<string, number>;
}

/**
 * A worksheet part. Cells that hold nothing (only a format) are not kept, so what is kept is
 * bounded by the cells with content, never by the area they span.
 */
export function sheetHandler(
  sharedStrings: string[],
  date1904: boolean,
  dateStyles: boolean[],
  stylesWanted: Set<string> | null = null,
): XmlHandler & { sheet: SheetRead } {
  const sheet: SheetRead = { cells: [], merges: [], protected: false, rowStyles: new Map(), columnStyles: [], styles: new Map() };
  /** Shared formulas by their `si`: the text and where it is written. */
  const shared = new Map<string, { text: string; row: number; col: number }>();
  let inData = false;
  let row = -1;
  let col = -1;
  let type = "n";
  let style = 0;
  let formulaAttributes = "";
  let hasFormula = false;
  let value: string | null = null;
  let formula: string[] = [];
  let inline: string[] | null = null;
  let collect: string[] | null = null;
  let phonetic = 0;

  const finishCell = (): void => {
    let text = formula.join("");
    if (hasFormula && attribute(formulaAttributes, "t") === "shared") {
      const index = attribute(formulaAttributes, "si") ?? "";
      const master = shared.get(index);
      if (text !== "") shared.set(index, { text, row, col });
      else if (master) text = shiftFormula(master.text, row - master.row, col - master.col);
    }
    const isFormula = hasFormula && text !== "";
    if (stylesWanted?.has(`${row},${col}`)) sheet.styles.set(`${row},${col}`, style);
    // An empty <v> (`<f>100+20</f><v></v>`, as openpyxl and other scripts write) is no stored value:
    // only a text result may be empty, as Excel writes a formula's "" (t="str").
    const stored = value !== null && (value.trim() !== "" || type === "str") ? value : null;
    if (stored === null && inline === null && !isFormula) return;
    let content: CellValue;
    let kind: CellType | null = null;
    if (inline !== null) content = inline.join("");
    else if (stored === null) {
      content = "";
      kind = "uncached-formula";
    } else if (type === "s") {
      // A string the table does not have would read as blank without a word: the file is damaged (Excel refuses it too).
      const text = sharedStrings[Number(stored)];
      if (text === undefined) throw new RangeError(`the cell ${cellAddress(row, col)} names shared string ${stored.trim()}, which the file does not have`);
      content = text;
    }
    else if (type === "str") content = stored;
    else if (type === "e") {
      content = stored;
      kind = "error";
    } else if (type === "b") {
      content = isTrue(stored.trim());
      kind = "boolean";
    } else if (type === "d") {
      content = isoDateSerial(stored.trim(), date1904);
      kind = typeof content === "number" ? "date" : null;
    } else {
      const number = Number(stored);
      content = Number.isNaN(number) ? stored : number;
      kind = typeof content === "number" && dateStyles[style] === true ? "date" : null;
    }
    sheet.cells.push({ row, col, value: content, formula: isFormula ? `=${text}` : content, style, type: kind });
  };

  return {
    sheet,
    open(name, attributes) {
      if (inData) {
        if (name === "c") {
          const address = attribute(attributes, "r");
          const at = address === undefined ? { row, col: col + 1 } : parseAddress(address);
          if (!at) throw new RangeError(`a cell address "${address}" outside Excel's grid`);
          row = at.row;
          col = at.col;
          type = attribute(attributes, "t") ?? "n";
          style = Number(attribute(attributes, "s") ?? sheet.rowStyles.get(row) ?? 0);
          hasFormula = false;
          formulaAttributes = "";
          value = null;
          formula = [];
          inline = null;
        } else if (name === "row") {
          const number = attribute(attributes, "r");
          row = number === undefined ? row + 1 : Number(number) - 1;
          if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) throw new RangeError(`a row number "${number}" outside Excel's grid`);
          col = -1;
          if (isTrue(attribute(attributes, "customFormat"))) sheet.rowStyles.set(row, Number(attribute(attributes, "s") ?? 0));
        } else if (name === "v") {
          collect = [];
        } else if (name === "f") {
          hasFormula = true;
          formulaAttributes = attributes;
          collect = formula;
        } else if (name === "is") {
          inline = [];
        } else if (name === "rPh") {
          phonetic++;
        } else if (name === "t" && inline !== null && phonetic === 0) {
          collect = inline;
        }
      } else if (name === "sheetData") {
        inData = true;
      } else if (name === "col") {
        const styleOf = attribute(attributes, "style");
        if (styleOf !== undefined) {
          sheet.columnStyles.push({ min: Number(attribute(attributes, "min")) - 1, max: Number(attribute(attributes, "max")) - 1, style: Number(styleOf) });
        }
      } else if (name === "sheetProtection") {
        sheet.protected = isTrue(attribute(attributes, "sheet"));
      } else if (name === "mergeCell") {
        const ref = attribute(attributes, "ref");
        if (ref) sheet.merges.push(ref.replace(/\$/g, ""));
      }
    },
    close(name) {
      if (!inData) return;
      if (name === "c") finishCell();
      else if (name === "v") {
        value = (collect ?? []).join("");
        collect = null;
      } else if (name === "f" || name === "t") collect = null;
      else if (name === "rPh") phonetic--;
      else if (name === "sheetData") inData = false;
    },
    text(text) {
      collect?.push(text);
    },
  };
}
