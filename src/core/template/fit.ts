import { parseRange } from "../snapshot/a1";
import type { SheetSpec } from "./spec";

/**
 * Row heights that let wrapped text print whole. Excel and LibreOffice grow a row to fit wrapped
 * text only when they lay the sheet out themselves, and not at all for a row whose height a file
 * states; a generated sheet must say how tall each row is, or the second line of a quota's text —
 * the target itself — is cut off on paper.
 *
 * Widths are measured in Excel's column-width unit (the width of a `0` at 11 pt). A Chinese
 * character is a full em wide, a little over two units; Latin letters and digits are about one.
 * The estimate errs on the generous side: a row a little too tall costs nothing, a row too short
 * hides the target.
 */

const DEFAULT_FONT_SIZE = 11;
/** Width units of a full-width (CJK) character and of any other character, at 11 pt. */
const FULL_WIDTH_UNITS = 2.1;
const HALF_WIDTH_UNITS = 1.15;
/** A cell's inner padding, in width units (Excel leaves about 5 px). */
const CELL_PADDING_UNITS = 1;
/**
 * Line height as a multiple of the font size. Excel sets 11 pt lines about 14–15 pt apart; LibreOffice,
 * with its CJK fallback font, 16 pt apart (1.45, measured from its PDFs by the print tests). The
 * larger, so that a row is tall enough in both.
 */
const LINE_SPACING = 1.5;
/** Room above and below the text, in points. */
const ROW_PADDING = 4;
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;
/** The height of a one-line row at the default font, in points. */
export const DEFAULT_ROW_HEIGHT = 15;

const FULL_WIDTH = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The text's width in column-width units at `fontSize`. */
export function textWidthUnits(text: string, fontSize = DEFAULT_FONT_SIZE): number {
  let units = 0;
  for (const ch of text) units += FULL_WIDTH.test(ch) ? FULL_WIDTH_UNITS : HALF_WIDTH_UNITS;
  return (units * fontSize) / DEFAULT_FONT_SIZE;
}

/** How many lines the text takes in a cell `widthChars` wide (each paragraph starts a line). */
export function wrappedLines(text: string, widthChars: number, fontSize = DEFAULT_FONT_SIZE): number {
  const usable = Math.max(1, widthChars - CELL_PADDING_UNITS);
  return text.split("\n").reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(textWidthUnits(paragraph, fontSize) / usable)), 0);
}

/** The row height, in points, that shows `lines` lines at `fontSize`. */
export function heightForLines(lines: number, fontSize = DEFAULT_FONT_SIZE): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * fontSize * LINE_SPACING + ROW_PADDING));
}

/**
 * The height every row with wrapped text needs (rows that fit on one line are left out). A merged
 * area counts as one cell as wide as its columns; text in a merge spanning rows is left to the
 * rows' own heights.
 */
export function fitRowHeights(spec: Pick<SheetSpec, "cells" | "columnWidths" | "styles" | "merges">): Record<number, number> {
  const key = (row: number, col: number): string => `${row},${col}`;
  const wrap = new Map<string, boolean>();
  const font = new Map<string, number>();
  for (const style of spec.styles) {
    if (style.wrap === undefined && style.fontSize === undefined) continue;
    const { start, end } = parseRange(style.range);
    for (let row = start.row; row <= end.row; row++) {
      for (let col = start.col; col <= end.col; col++) {
        if (style.wrap !== undefined) wrap.set(key(row, col), style.wrap);
        if (style.fontSize !== undefined) font.set(key(row, col), style.fontSize);
      }
    }
  }
  const width = new Map<string, number>();
  const covered = new Set<string>();
  for (const merge of spec.merges) {
    const { start, end } = parseRange(merge);
    for (let row = start.row; row <= end.row; row++) {
      for (let col = start.col; col <= end.col; col++) if (row !== start.row || col !== start.col) covered.add(key(row, col));
    }
    if (end.row > start.row) covered.add(key(start.row, start.col));
    else width.set(key(start.row, start.col), spec.columnWidths.slice(start.col, end.col + 1).reduce((a, b) => a + b, 0));
  }
  const heights: Record<number, number> = {};
  spec.cells.forEach((line, row) => {
    let needed = 0;
    line.forEach((cell, col) => {
      const at = key(row, col);
      if (cell === null || "formula" in cell || cell.value === null || covered.has(at) || !wrap.get(at)) return;
      const size = font.get(at) ?? DEFAULT_FONT_SIZE;
      const lines = wrappedLines(String(cell.value), width.get(at) ?? spec.columnWidths[col] ?? 9, size);
      needed = Math.max(needed, heightForLines(lines, size));
    });
    if (needed > DEFAULT_ROW_HEIGHT + 1) heights[row + 1] = needed;
  });
  return heights;
}
