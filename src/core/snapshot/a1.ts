import { matchGroup } from "../shared/required";
import { InvalidAddressError } from "../shared/errors";
/** A1-style addresses: 0-based row/column indexes in code, letters and 1-based rows on the sheet. */

export function columnLetter(columnIndex: number): string {
  let n = columnIndex + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `cellAddress(0, 0)` is `A1`. */
export function cellAddress(rowIndex: number, colIndex: number): string {
  return `${columnLetter(colIndex)}${rowIndex + 1}`;
}

export function rangeAddress(rowIndex: number, colIndex: number, rowCount: number, colCount: number): string {
  const start = cellAddress(rowIndex, colIndex);
  return rowCount === 1 && colCount === 1 ? start : `${start}:${cellAddress(rowIndex + rowCount - 1, colIndex + colCount - 1)}`;
}

export interface CellRef {
  row: number;
  col: number;
}

/** Parses `B7` (optionally `$B$7`, optionally with a `Sheet!` prefix) into 0-based indexes. */
export function parseCell(address: string): CellRef {
  const match = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new InvalidAddressError(address);
  return { row: Number(matchGroup(match, 2)) - 1, col: columnIndex(matchGroup(match, 1)) };
}

/** Parses `A1:C3` or `B2` into its top-left and bottom-right cells. */
export function parseRange(address: string): { start: CellRef; end: CellRef } {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [first, second] = bare.split(":");
  if (first === undefined) throw new InvalidAddressError(address);
  const start = parseCell(first);
  return { start, end: second === undefined ? start : parseCell(second) };
}

/**
 * The cells of an address in any form a change event gives one — `B2`, `A1:C3`, whole rows
 * `60:60` or `3:5`, whole columns `C:C` or `B:D`, with or without `$` and a `Sheet!` prefix — as
 * 0-based inclusive bounds. Whole rows are cut to the `columns` a sheet uses, whole columns to its
 * `rows` (a whole column reaches row 1,048,576; only the used part is of interest). Null when a
 * whole row or column meets no used cell.
 */
export function changedArea(address: string, rows: number, columns: number): { start: CellRef; end: CellRef } | null {
  const bare = (address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address).replace(/\$/g, "").trim();
  const [first = "", second = first] = bare.split(":");
  if (/^\d+$/.test(first) && /^\d+$/.test(second)) {
    const [top, bottom] = [Number(first) - 1, Number(second) - 1].sort((a, b) => a - b) as [number, number];
    return columns > 0 ? { start: { row: top, col: 0 }, end: { row: bottom, col: columns - 1 } } : null;
  }
  if (/^[A-Za-z]{1,3}$/.test(first) && /^[A-Za-z]{1,3}$/.test(second)) {
    const [left, right] = [columnIndex(first), columnIndex(second)].sort((a, b) => a - b) as [number, number];
    return rows > 0 ? { start: { row: 0, col: left }, end: { row: rows - 1, col: right } } : null;
  }
  const { start, end } = parseRange(bare);
  return { start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) }, end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) } };
}

/** Runs of consecutive numbers: [3,4,5,9] → [[3,5],[9,9]]. Used to turn row lists into few ranges. */
export function runs(sortedNumbers: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sortedNumbers) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** Quotes a sheet name for use in a formula or hyperlink: 'My sheet'!A1. */
export function sheetRef(sheetName: string, address: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${address}`;
}

/**
 * The areas of a multi-area address as Excel writes it (`'My, sheet'!A1:B4, 'My, sheet'!D1:D4`),
 * without their sheet: `["A1:B4", "D1:D4"]`. Commas and `!` inside a quoted sheet name are part of it.
 */
export function splitAreas(address: string): string[] {
  const areas: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      areas.push(current);
      current = "";
    } else if (ch === "!" && !quoted) {
      current = "";
    } else {
      current += ch;
    }
  }
  areas.push(current);
  return areas.map((area) => area.trim().replace(/\$/g, "")).filter((area) => area !== "");
}
