import { cellAddress, columnIndex, columnLetter } from "../../../src/core/snapshot";
import { RichApiError } from "./errors";

/** Excel's grid: 1,048,576 rows by 16,384 columns (A … XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, as `getRangeByIndexes` takes it. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const isEntireRows = (rect: Rect): boolean => rect.col === 0 && rect.cols === MAX_COLUMNS;
export const isEntireColumns = (rect: Rect): boolean => rect.row === 0 && rect.rows === MAX_ROWS;
/** Whole rows or whole columns: Excel refuses cell-level writes and returns null for cell-level reads. */
export const isUnbounded = (rect: Rect): boolean => isEntireRows(rect) || isEntireColumns(rect);

export const cellCount = (rect: Rect): number => rect.rows * rect.cols;

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && col >= outer.col && col < outer.col + outer.cols;
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  return rowEnd > row && colEnd > col ? { row, col, rows: rowEnd - row, cols: colEnd - col } : null;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rows: Math.max(a.row + a.rows, b.row + b.rows) - row,
    cols: Math.max(a.col + a.cols, b.col + b.cols) - col,
  };
}

/** What is left of `rect` once `hole` is cut out of it: up to four rectangles. */
export function subtract(rect: Rect, hole: Rect): Rect[] {
  const cut = intersect(rect, hole);
  if (!cut) return [rect];
  const pieces: Rect[] = [];
  if (cut.row > rect.row) pieces.push({ row: rect.row, col: rect.col, rows: cut.row - rect.row, cols: rect.cols });
  const cutEnd = cut.row + cut.rows;
  const rectEnd = rect.row + rect.rows;
  if (cutEnd < rectEnd) pieces.push({ row: cutEnd, col: rect.col, rows: rectEnd - cutEnd, cols: rect.cols });
  if (cut.col > rect.col) pieces.push({ row: cut.row, col: rect.col, rows: cut.rows, cols: cut.col - rect.col });
  const cutRight = cut.col + cut.cols;
  const rectRight = rect.col + rect.cols;
  if (cutRight < rectRight) pieces.push({ row: cut.row, col: cutRight, rows: cut.rows, cols: rectRight - cutRight });
  return pieces;
}

function invalidAddress(address: string): RichApiError {
  return new RichApiError("InvalidArgument", `getRange(${JSON.stringify(address)})`);
}

/** Splits `'My sheet'!A1:B2` into the sheet name (unquoted) and the local address. */
export function splitSheetPrefix(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  const prefix = address.slice(0, bang);
  const quoted = /^'(.*)'$/.exec(prefix)?.[1];
  return { sheet: quoted !== undefined ? quoted.replace(/''/g, "'") : prefix, local: address.slice(bang + 1) };
}

/** A cell corner of an address (`B7`, already upper-cased, `$` removed), zero-based; null when it is not one. */
function cellCorner(text: string): { row: number; col: number } | null {
  const [, letters, digits] = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(text) ?? [];
  if (letters === undefined || digits === undefined) return null;
  return { row: Number(digits) - 1, col: columnIndex(letters) };
}

/**
 * Parses the address forms Excel's `getRange` takes on a sheet: `B7`, `$B$7`, `A1:P20`, whole
 * columns `A:A` / `A:C`, whole rows `3:3` / `3:5`. Corners may come in any order. Anything else,
 * or a cell past XFD1048576, is Excel's `InvalidArgument`.
 */
export function parseAddress(address: string): Rect {
  const text = address.trim().replace(/\$/g, "").toUpperCase();
  const parts = text.split(":");
  const [first, second = first] = parts;
  if (parts.length > 2 || first === undefined || second === undefined || text === "") throw invalidAddress(address);
  const column = /^([A-Z]{1,3})$/;
  const row = /^([1-9]\d{0,6})$/;
  let rect: Rect;
  const a = cellCorner(first);
  const b = cellCorner(second);
  if (a && b) {
    rect = { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
  } else if (parts.length === 2 && column.test(first) && column.test(second)) {
    const c1 = columnIndex(first);
    const c2 = columnIndex(second);
    rect = { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 };
  } else if (parts.length === 2 && row.test(first) && row.test(second)) {
    const r1 = Number(first) - 1;
    const r2 = Number(second) - 1;
    rect = { row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLUMNS };
  } else {
    throw invalidAddress(address);
  }
  if (rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLUMNS) throw invalidAddress(address);
  return rect;
}

/** The local address Excel reports for a rectangle: `A1`, `A1:B2`, `A:C`, `3:5`. */
export function formatRect(rect: Rect): string {
  if (isEntireColumns(rect)) return `${columnLetter(rect.col)}:${columnLetter(rect.col + rect.cols - 1)}`;
  if (isEntireRows(rect)) return `${rect.row + 1}:${rect.row + rect.rows}`;
  const start = cellAddress(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1 ? start : `${start}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/**
 * A sheet name as Excel writes it in an address or formula: bare when it is a plain word
 * (`Sheet1!A1`, `汇总!A1`), quoted otherwise (`'杭州市 2026-10'!A1`, `'It''s'!A1`).
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect)}`;
}

/**
 * Things placed on rectangles (data validations), found by the rows they cover so a sheet with
 * thousands of them answers "which touch A5:P5?" without looking at all of them. Keeps
 * insertion order.
 */
export class RectList<T extends { rect: Rect }> {
  private static readonly BAND = 64;
  private readonly order = new Map<T, number>();
  private readonly bands = new Map<number, Set<T>>();
  /** Rectangles taller than this many bands are checked on every query instead of being banded. */
  private readonly tall = new Set<T>();
  private next = 0;

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  get size(): number {
    return this.order.size;
  }

  add(item: T): void {
    this.order.set(item, this.next++);
    const [first, last] = this.bandsOf(item.rect);
    if (last - first > 256) {
      this.tall.add(item);
      return;
    }
    for (let band = first; band <= last; band++) {
      let set = this.bands.get(band);
      if (!set) this.bands.set(band, (set = new Set()));
      set.add(item);
    }
  }

  remove(item: T): void {
    if (!this.order.delete(item)) return;
    if (this.tall.delete(item)) return;
    const [first, last] = this.bandsOf(item.rect);
    for (let band = first; band <= last; band++) this.bands.get(band)?.delete(item);
  }

  /** Items whose rectangle meets `rect`, in insertion order. */
  touching(rect: Rect): T[] {
    const found = new Set<T>();
    for (const item of this.tall) if (intersect(item.rect, rect)) found.add(item);
    const [first, last] = this.bandsOf(rect);
    if (last - first > 256) {
      for (const item of this.order.keys()) if (intersect(item.rect, rect)) found.add(item);
    } else {
      for (let band = first; band <= last; band++) {
        for (const item of this.bands.get(band) ?? []) if (intersect(item.rect, rect)) found.add(item);
      }
    }
    return [...found].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  all(): T[] {
    return [...this.order.keys()];
  }

  private bandsOf(rect: Rect): [number, number] {
    return [Math.floor(rect.row / RectList.BAND), Math.floor((rect.row + rect.rows - 1) / RectList.BAND)];
  }
}
