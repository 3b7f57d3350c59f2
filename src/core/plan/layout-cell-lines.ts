import { DEADLINE_CELL, type Grid, type GridRow, alignCells, isUnitsCell, titleAbove } from "./grid";
import { indicatorTitleRole } from "./layout-indicator-table";
import { titleRole } from "./layout-tab-table";
import { MEASURE_UNITS } from "./goal";
import { normalise } from "./rows";

/**
 * A Word table flattened one cell a line (copied as text, or saved as .txt): the column titles one a
 * line, then each row from its 序号 (1, 2, 3… in turn) to the next, one cell a line. A merged cell is
 * written once, in its first row: later rows have fewer cells, and each cell goes under the column
 * its shape fits (units under 责任单位, a deadline under 完成时限, figures under 目标值), the columns
 * left out being the merged ones. A header repeated after a page break is skipped. The rows become a
 * grid, read by what its columns are (tasks or indicators).
 */

type Shape = ReturnType<typeof columnShape>;

/** What a column holds, by its title. */
function columnShape(title: string) {
  const indicator = indicatorTitleRole(title);
  const task = titleRole(title);
  if (indicator === "number" || task === "number") return "number";
  if (indicator === "unit") return "unit";
  if (indicator === "attribute") return "attribute";
  // 目标值, 2026年目标, 本县目标 hold figures; 工作目标, 具体目标 sentences.
  if ((indicator === "target" && !/工作目标|具体目标|目标任务|任务目标|目标要求/.test(title)) || indicator === "baseline" || indicator === "weight") return "figure";
  if (task === "lead" || task === "units" || task === "supporting") return "units";
  if (task === "deadline") return "deadline";
  if (task === "goal") return "goal";
  if (task === "measure" || indicator === "name") return "text";
  return "heading";
}

const isTitle = (line: string): boolean => line.length <= 12 && (titleRole(line) !== null || indicatorTitleRole(line) !== null);
const MEASURE_UNIT = new RegExp(`^\\(?(?:${MEASURE_UNITS})\\)?$`);
const FIGURE = /^(?:[≥≤<>]|不低于|不超过)?\s*\d+(?:\.\d+)?\s*(?:%|以上|以内|左右)?$|^\*\*$/;

/** How well a cell fits a column of this shape: negative when it cannot be there. */
function fit(cell: string, shape: Shape): number {
  const units = isUnitsCell(cell);
  const deadline = DEADLINE_CELL.test(cell);
  const figure = FIGURE.test(cell);
  switch (shape) {
    case "number":
      return /^\d+$/.test(cell) ? 3 : -1;
    case "unit":
      return MEASURE_UNIT.test(cell) ? 3 : -1;
    case "attribute":
      return /预期性|约束性/.test(cell) ? 3 : -1;
    case "figure":
      return figure ? 2 : -1;
    case "units":
      return units ? 3 : -1;
    case "deadline":
      return deadline ? 3 : -1;
    case "goal":
      return units || deadline ? -1 : /\d|全覆盖/.test(cell) ? 2 : 1;
    case "text":
    case "heading":
      return units || deadline || figure || MEASURE_UNIT.test(cell) || /^(预期性|约束性)$/.test(cell) ? -1 : 1;
  }
}

/** What leaving a column out costs: a merged heading or units cell little, a row's own text much. */
function skipCost(shape: Shape, column: number): number {
  if (shape === "number") return 5;
  if (shape === "text" || shape === "goal" || shape === "figure") return 3;
  // Ties leave out the leftmost columns: categories merge over the rows below them.
  return 0.5 + column * 0.01;
}

/** A row's cells under the columns they fit (see alignCells), "" for a merged cell left out; null when they fit nowhere. */
export function placeCells(cells: string[], titles: string[], options: { merged?: number[] } = {}): string[] | null {
  const shapes = titles.map(columnShape);
  const merged = new Set(options.merged ?? []);
  return alignCells(joinWrapped(cells, titles.length), titles.length, (cell, column) => fit(cell, shapes[column] ?? "heading"), (column) =>
    // A sub-row (a row going on under the one above) leaves out its 序号 and what it shares.
    merged.has(column) ? 0 : skipCost(shapes[column] ?? "heading", column),
  );
}

/** Whether a line is a column title (序号, 重点任务, 指标名称, 目标值, 牵头单位…). */
export { isTitle as isColumnTitle };

/** The header's line and its titles: at least three title lines in a row, followed by the row numbered 1. */
function findHeader(lines: string[]): { start: number; titles: string[] } | null {
  for (let start = 0; start < lines.length; start++) {
    let end = start;
    while (end < lines.length && isTitle(lines[end] ?? "")) end++;
    if (end - start >= 3 && lines[end] === "1") return { start, titles: lines.slice(start, end) };
    if (end > start) start = end - 1;
  }
  return null;
}

export function isCellLines(lines: string[]): boolean {
  return findHeader(lines.map(normalise).filter((l) => l !== "")) !== null;
}

export function cellLinesGrid(rawLines: string[]): Grid {
  const lines = rawLines.map((raw, index) => ({ text: normalise(raw), line: index + 1 })).filter((l) => l.text !== "");
  const header = findHeader(lines.map((l) => l.text));
  if (!header) return { rows: [], title: null };
  const { start, titles } = header;
  const titleLine = lines[start]?.line ?? 1;
  const rows: GridRow[] = [{ cells: titles, line: titleLine }];
  let serial = 0;
  let current: { cells: string[]; line: number } | null = null;
  const flush = () => {
    if (!current) return;
    const placed = placeCells(current.cells, titles);
    // Cells that fit no column are kept as they are: the reader lists the row unread.
    rows.push({ cells: placed ?? current.cells, line: current.line });
    current = null;
  };
  for (let i = start + titles.length; i < lines.length; i++) {
    const { text, line } = lines[i] as { text: string; line: number };
    // A header repeated after a page break.
    if (text === titles[0] && titles.every((title, k) => lines[i + k]?.text === title)) {
      i += titles.length - 1;
      continue;
    }
    if (text === String(serial + 1)) {
      flush();
      serial++;
      current = { cells: [text], line };
      continue;
    }
    current?.cells.push(text);
  }
  flush();
  return { rows, title: titleAbove(rawLines, titleLine - 1) };
}

/** A cell of several paragraphs comes as several lines: lines are joined while the row has more cells than columns. */
function joinWrapped(cells: string[], width: number): string[] {
  const out = [...cells];
  while (out.length > width) {
    // Two text lines, the first ending mid-sentence (…120个,) if any does.
    const joinable = (i: number): boolean =>
      i > 0 && i < out.length - 1 && [out[i] ?? "", out[i + 1] ?? ""].every((cell) => !isUnitsCell(cell) && !DEADLINE_CELL.test(cell) && !FIGURE.test(cell));
    const open = out.findIndex((cell, i) => joinable(i) && /[,、;:]$/.test(cell));
    const at = open !== -1 ? open : out.findIndex((_, i) => joinable(i));
    if (at === -1) break;
    out.splice(at, 2, `${out[at] ?? ""}${out[at + 1] ?? ""}`);
  }
  return out;
}
