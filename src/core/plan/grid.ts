import { type UnitsText, normalise } from "./rows";

/**
 * A table as the layouts that find one give it: rows of cells in column order (a cell merged with
 * the one above is ""), each with the line it starts on, and the title above the table. How text
 * becomes a grid is each layout's (tabs, one cell a line, cells run together); what the columns
 * mean is the grid readers' (a task table, an indicator table).
 */
export interface GridRow {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

export interface Grid {
  rows: GridRow[];
  title: string | null;
}

/** The last line above `first` that is not an 附件 label: a table's title. */
export function titleAbove(lines: string[], first: number): string | null {
  return lines.slice(0, Math.max(first, 0)).map(normalise).filter((l) => l !== "" && !/^附件\s*\d*$/.test(l)).pop() ?? null;
}

/** Responsible units by their name's end (…局, …委, 各街道…). */
export const UNIT_NAME = /(厅|局|委|办|会|院|部|府|联|中心|集团|公司|政府|管委会|街道|乡镇|分局|镇|组)(牵头|配合)?$/;
/** A deadline cell: 2026年底, 2026年6月底前, 6月底前, 年底前, 长期, 持续推进. */
export const DEADLINE_CELL =
  /^(\d{4}\s*年(\d{1,2}月)?(底|末|前|内|年底)?|(\d{1,2})月(底|末|中旬|上旬|下旬)?(前)?|年底(前)?|长期|持续推进|常态化推进|\d{4}\s*[—–-]\s*\d{4}\s*年)(前)?$/;
/** A cell listing responsible units (区发改局、区财政局; 区住建局牵头). */
export function isUnitsCell(cell: string): boolean {
  const parts = cell.split(/[、,;\s]+/).filter((u) => u !== "");
  return parts.length > 0 && parts.every((u) => UNIT_NAME.test(u) || /^各/.test(u));
}

/**
 * Places the cells of a row that has fewer than the table's columns (a merged cell is left out, as
 * a flattened Word table writes it) under the columns that fit them best, in order: `fit(cell,
 * column)` scores a cell under a column (negative: it cannot be there) and `skip(column)` what
 * leaving a column out costs (a merged category costs nothing, a goal much). Returns one cell a
 * column, "" for the columns left out; null when the cells fit nowhere.
 */
export function alignCells(cells: string[], width: number, fit: (cell: string, column: number) => number, skip: (column: number) => number): string[] | null {
  const n = cells.length;
  if (n > width) return null;
  // best[i][j]: the best score placing cells i.. under columns j..
  const best: number[][] = Array.from({ length: n + 1 }, () => Array<number>(width + 1).fill(-Infinity));
  const take: boolean[][] = Array.from({ length: n + 1 }, () => Array<boolean>(width + 1).fill(false));
  for (let j = width; j >= 0; j--) {
    for (let i = n; i >= 0; i--) {
      if (i === n) {
        let rest = 0;
        for (let k = j; k < width; k++) rest -= skip(k);
        best[i]![j] = rest;
        continue;
      }
      if (j === width) continue;
      const skipped = (best[i]?.[j + 1] ?? -Infinity) - skip(j);
      const score = fit(cells[i] ?? "", j);
      const placed = score < 0 ? -Infinity : score + (best[i + 1]?.[j + 1] ?? -Infinity);
      // Ties place the cell: the columns left out are the later ones only when nothing tells.
      if (placed >= skipped && placed > -Infinity) {
        best[i]![j] = placed;
        take[i]![j] = true;
      } else best[i]![j] = skipped;
    }
  }
  if (best[0]?.[0] === -Infinity) return null;
  const out = Array<string>(width).fill("");
  let i = 0;
  for (let j = 0; j < width && i < n; j++) {
    if (take[i]?.[j]) out[j] = cells[i++] ?? "";
  }
  return i === n ? out : null;
}

/** The unit columns a table may have, the lead's first. */
export type UnitColumn = "lead" | "units" | "supporting";

/**
 * A row's units where blank cells are merged with the ones above: a row naming its first units
 * column (牵头单位, else 责任单位) stands alone, its other blank cells naming none; a row naming only
 * its other units keeps the first column's from above; a row naming none keeps all of them.
 */
export function mergedUnits(columns: readonly UnitColumn[], own: (column: UnitColumn) => string, last: Partial<Record<UnitColumn, string>>): UnitsText {
  const [first] = columns;
  if (first !== undefined && own(first) !== "") for (const column of columns) last[column] = own(column);
  else if (columns.some((column) => own(column) !== "")) for (const column of columns.slice(1)) last[column] = own(column);
  return { lead: last.lead ?? "", responsible: last.units ?? "", supporting: last.supporting ?? "" };
}
