import { MAX_COLUMNS, MAX_ROWS, type Rect, isEntireColumns, isEntireRows } from "./address";

export interface BorderFormat {
  style: string;
  color: string;
  weight: string;
}

/** Everything a cell's format holds in this host (Excel's defaults in `DEFAULT_FORMAT`). */
export interface CellFormat {
  numberFormat: string;
  locked: boolean;
  formulaHidden: boolean;
  bold: boolean;
  italic: boolean;
  underline: string;
  strikethrough: boolean;
  fontColor: string;
  fontSize: number;
  fontName: string;
  /** `null` = no fill (Excel reports "#FFFFFF" for it). */
  fill: string | null;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  indentLevel: number;
  borderTop: BorderFormat;
  borderBottom: BorderFormat;
  borderLeft: BorderFormat;
  borderRight: BorderFormat;
}

const NO_BORDER: BorderFormat = { style: "None", color: "#000000", weight: "Thin" };

/** A new workbook's Normal style: every cell is locked until someone unlocks it. */
export const DEFAULT_FORMAT: Readonly<CellFormat> = {
  numberFormat: "General",
  locked: true,
  formulaHidden: false,
  bold: false,
  italic: false,
  underline: "None",
  strikethrough: false,
  fontColor: "#000000",
  fontSize: 11,
  fontName: "Calibri",
  fill: null,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  indentLevel: 0,
  borderTop: NO_BORDER,
  borderBottom: NO_BORDER,
  borderLeft: NO_BORDER,
  borderRight: NO_BORDER,
};

export type FormatKey = keyof CellFormat;
export type FormatPatch = Partial<CellFormat>;

const BORDER_KEYS = new Set<FormatKey>(["borderTop", "borderBottom", "borderLeft", "borderRight"]);

function mergeInto(target: FormatPatch, patch: FormatPatch): void {
  for (const key of Object.keys(patch) as FormatKey[]) {
    const value = patch[key];
    if (BORDER_KEYS.has(key)) {
      const before = (target[key] as BorderFormat | undefined) ?? {};
      (target as Record<string, unknown>)[key] = { ...before, ...(value as BorderFormat) };
    } else {
      (target as Record<string, unknown>)[key] = value;
    }
  }
}

function withoutKeys(patch: FormatPatch, keys: FormatKey[]): void {
  for (const key of keys) delete patch[key];
}

const cellKey = (row: number, col: number): number => row * MAX_COLUMNS + col;
const keyRow = (key: number): number => Math.floor(key / MAX_COLUMNS);
const keyCol = (key: number): number => key % MAX_COLUMNS;

/**
 * Cell formats the way Excel keeps them: a sheet default, whole-column and whole-row formats, and
 * formats of single cells, the more specific winning. Formatting whole columns never touches a
 * million cells, and asking "is any cell of A:A locked?" looks only at the rows and columns that
 * differ from the rest.
 */
export class FormatStore {
  private sheetLevel: FormatPatch = {};
  private columns = new Map<number, FormatPatch>();
  private rows = new Map<number, FormatPatch>();
  private cells = new Map<number, FormatPatch>();

  at(row: number, col: number): CellFormat {
    const format: FormatPatch = { ...DEFAULT_FORMAT };
    mergeInto(format, this.sheetLevel);
    const column = this.columns.get(col);
    if (column) mergeInto(format, column);
    const rowPatch = this.rows.get(row);
    if (rowPatch) mergeInto(format, rowPatch);
    const cell = this.cells.get(cellKey(row, col));
    if (cell) mergeInto(format, cell);
    return format as CellFormat;
  }

  apply(rect: Rect, patch: FormatPatch): void {
    const keys = Object.keys(patch) as FormatKey[];
    const entireColumns = isEntireColumns(rect);
    const entireRows = isEntireRows(rect);
    if (entireColumns && entireRows) {
      mergeInto(this.sheetLevel, patch);
      for (const map of [this.columns, this.rows, this.cells]) {
        for (const [key, value] of map) {
          withoutKeys(value, keys);
          if (Object.keys(value).length === 0) map.delete(key);
        }
      }
      return;
    }
    if (entireColumns) {
      for (let col = rect.col; col < rect.col + rect.cols; col++) {
        const column = this.columns.get(col) ?? {};
        mergeInto(column, patch);
        this.columns.set(col, column);
        // A formatted row would otherwise win over the new column format where they cross.
        for (const row of this.rows.keys()) this.patchCell(row, col, patch);
      }
      this.forCellsIn(rect, (key, value) => {
        if (!this.rows.has(keyRow(key))) withoutKeys(value, keys);
      });
      return;
    }
    if (entireRows) {
      for (let row = rect.row; row < rect.row + rect.rows; row++) {
        const rowPatch = this.rows.get(row) ?? {};
        mergeInto(rowPatch, patch);
        this.rows.set(row, rowPatch);
      }
      this.forCellsIn(rect, (_key, value) => withoutKeys(value, keys));
      return;
    }
    for (let row = rect.row; row < rect.row + rect.rows; row++) {
      for (let col = rect.col; col < rect.col + rect.cols; col++) this.patchCell(row, col, patch);
    }
  }

  /** The distinct values of one format key over a rectangle (one value: the range is uniform). */
  distinct<K extends FormatKey>(rect: Rect, key: K): CellFormat[K][] {
    const seen = new Map<string, CellFormat[K]>();
    for (const row of this.interesting(rect.row, rect.rows, "row")) {
      for (const col of this.interesting(rect.col, rect.cols, "col")) {
        const value = this.at(row, col)[key];
        seen.set(JSON.stringify(value), value);
      }
    }
    return [...seen.values()];
  }

  /** Excel's answer for a format property of a range: the value when every cell agrees, else null. */
  uniform<K extends FormatKey>(rect: Rect, key: K): CellFormat[K] | null {
    const values = this.distinct(rect, key);
    const [only, ...others] = values;
    return only !== undefined && others.length === 0 ? only : null;
  }

  /** Cells that carry a format of their own (Excel counts them in the used range). */
  formattedCells(): { row: number; col: number }[] {
    return [...this.cells.keys()].map((key) => ({ row: keyRow(key), col: keyCol(key) }));
  }

  /** Rows [at, at+count) are inserted (count > 0) or deleted (count < 0); formats move with their rows. */
  shiftRows(at: number, count: number, columns?: { col: number; cols: number }): void {
    if (!columns) this.rows = shiftMap(this.rows, at, count, MAX_ROWS);
    const moved = new Map<number, FormatPatch>();
    for (const [key, value] of this.cells) {
      const row = keyRow(key);
      const col = keyCol(key);
      const inSpan = !columns || (col >= columns.col && col < columns.col + columns.cols);
      const next = inSpan ? shiftIndex(row, at, count, MAX_ROWS) : row;
      if (next !== null) moved.set(cellKey(next, col), value);
    }
    this.cells = moved;
  }

  shiftColumns(at: number, count: number, rows?: { row: number; rows: number }): void {
    if (!rows) this.columns = shiftMap(this.columns, at, count, MAX_COLUMNS);
    const moved = new Map<number, FormatPatch>();
    for (const [key, value] of this.cells) {
      const row = keyRow(key);
      const col = keyCol(key);
      const inSpan = !rows || (row >= rows.row && row < rows.row + rows.rows);
      const next = inSpan ? shiftIndex(col, at, count, MAX_COLUMNS) : col;
      if (next !== null) moved.set(cellKey(row, next), value);
    }
    this.cells = moved;
  }

  private patchCell(row: number, col: number, patch: FormatPatch): void {
    const key = cellKey(row, col);
    const cell = this.cells.get(key) ?? {};
    mergeInto(cell, patch);
    this.cells.set(key, cell);
  }

  private forCellsIn(rect: Rect, visit: (key: number, value: FormatPatch) => void): void {
    for (const [key, value] of this.cells) {
      const row = keyRow(key);
      const col = keyCol(key);
      if (row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols) {
        visit(key, value);
        if (Object.keys(value).length === 0) this.cells.delete(key);
      }
    }
  }

  /**
   * The indexes of a span that can differ from each other: those with a row/column or cell format
   * of their own, plus one "plain" index standing for all the others.
   */
  private interesting(start: number, length: number, axis: "row" | "col"): number[] {
    const own = new Set<number>();
    const lineMap = axis === "row" ? this.rows : this.columns;
    for (const index of lineMap.keys()) if (index >= start && index < start + length) own.add(index);
    for (const key of this.cells.keys()) {
      const index = axis === "row" ? keyRow(key) : keyCol(key);
      if (index >= start && index < start + length) own.add(index);
    }
    if (own.size < length) {
      for (let index = start; index < start + length; index++) {
        if (!own.has(index)) {
          own.add(index);
          break;
        }
      }
    }
    return [...own];
  }
}

/** Where index `i` goes when `count` lines are inserted (count > 0) or deleted (count < 0) at `at`; null when deleted. */
export function shiftIndex(i: number, at: number, count: number, limit: number): number | null {
  if (i < at) return i;
  if (count < 0 && i < at - count) return null;
  const next = i + count;
  return next >= limit ? null : next;
}

export function shiftMap<V>(map: Map<number, V>, at: number, count: number, limit: number): Map<number, V> {
  const moved = new Map<number, V>();
  for (const [index, value] of map) {
    const next = shiftIndex(index, at, count, limit);
    if (next !== null) moved.set(next, value);
  }
  return moved;
}

/**
 * A rectangle after lines are inserted or deleted along one axis: it moves, grows when the
 * insertion falls inside it (as Excel extends a range), shrinks or disappears on deletion.
 */
export function shiftSpan(start: number, length: number, at: number, count: number, limit: number): { start: number; length: number } | null {
  const end = start + length;
  if (count > 0) {
    if (at <= start) return clampSpan(start + count, length, limit);
    if (at < end) return clampSpan(start, length + count, limit);
    return { start, length };
  }
  const delEnd = at - count;
  const keptBefore = Math.max(0, Math.min(end, at) - start);
  const keptAfter = Math.max(0, end - Math.max(start, delEnd));
  const newLength = keptBefore + keptAfter;
  if (newLength === 0) return null;
  const newStart = start < at ? start : Math.max(at, start + count);
  return { start: newStart, length: newLength };
}

function clampSpan(start: number, length: number, limit: number): { start: number; length: number } | null {
  if (start >= limit) return null;
  return { start, length: Math.min(length, limit - start) };
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  purple: "#800080",
};

/** Excel's form of a color: `#RRGGBB` in capitals; it also takes `#RGB` and HTML color names. */
export function normalizeColor(color: unknown): string | null {
  if (typeof color !== "string") return null;
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toUpperCase() : null;
}
