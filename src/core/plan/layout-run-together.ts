import { DEADLINE_CELL, type Grid, type GridRow, isUnitsCell, titleAbove } from "./grid";
import { isColumnTitle, placeCells } from "./layout-cell-lines";
import { normalise } from "./rows";

/**
 * A table copied out of a PDF: a row a line, its cells run together with only spaces between them
 * (or none: 城镇新增就业1.2万人区人力社保局12月底前), the header repeated at the top of each page
 * among page numbers, and sub-rows — a line with no 序号 going on under the row above (one task,
 * several targets). Cells are told apart by their shape (units at the end, a deadline last, figures
 * under 目标值) and placed under the header's columns; a sub-row shares its task with the row
 * above. A line of text alone continues the cell above it. The rows become a grid, read by what its
 * columns are.
 */

/** The header: three or more titles on one line, separated by spaces. */
function headerTitles(line: string): string[] | null {
  const titles = line.split(/\s+/).filter((t) => t !== "");
  return titles.length >= 3 && titles.every(isColumnTitle) ? titles : null;
}

const PAGE_NUMBER = /^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

export function isRunTogether(lines: string[]): boolean {
  return lines.some((line) => headerTitles(normalise(line)) !== null);
}

/** Responsible units written onto the end of a cell (…1.2万人区人力社保局). */
const TRAILING_UNITS = /((?:[省市区县镇乡各][\u4e00-\u9fa5]{1,12}?(?:局|委|办|院|中心|集团|公司|政府|街道|分局)(?:牵头|配合)?)(?:[、,](?:[省市区县镇乡各][\u4e00-\u9fa5]{1,12}?(?:局|委|办|院|中心|集团|公司|政府|街道|分局)(?:牵头|配合)?))*)$/;
const TRAILING_DEADLINE = /(\d{4}年\d{1,2}月(?:底|末)?前?|\d{4}年(?:底|末)前?|\d{1,2}月(?:底|末)前?|年底前|长期|持续推进)$/;

/** A token split into the cells run together in it: text, then units, then a deadline. */
function splitRunTogether(token: string): string[] {
  const out: string[] = [];
  let rest = token;
  const deadline = TRAILING_DEADLINE.exec(rest);
  if (deadline && deadline.index > 0) rest = rest.slice(0, deadline.index);
  const units = TRAILING_UNITS.exec(rest);
  // Units start where a name does: after the figures, never inside a sentence's first words.
  if (units && units.index > 0 && /[\d%个人家项所元亩户场次)]$/.test(rest.slice(0, units.index))) {
    out.push(rest.slice(0, units.index), units[1] ?? "");
  } else out.push(rest);
  if (deadline && deadline.index > 0) out.push(deadline[1] ?? "");
  return out.filter((cell) => cell !== "");
}

export function runTogetherGrid(rawLines: string[]): Grid {
  const lines = rawLines.map(normalise);
  const headerLine = lines.findIndex((line) => headerTitles(line) !== null);
  const titles = headerTitles(lines[headerLine] ?? "") ?? [];
  const rows: GridRow[] = [{ cells: titles, line: headerLine + 1 }];
  const numberColumn = titles.findIndex((t) => /^(序号|编号)$/.test(t));
  // What a sub-row leaves out: its 序号 and the task and heading columns it shares with the row above.
  const shared = titles.flatMap((t, column) => (column === numberColumn || /任务|类别|领域|方面|板块|事项|项目/.test(t) ? [column] : []));
  let serial = 0;
  for (let i = headerLine + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "" || PAGE_NUMBER.test(line) || headerTitles(line) !== null) continue;
    const tokens = line.split(/\s+/).filter((t) => t !== "").flatMap(splitRunTogether);
    const numbered = numberColumn !== -1 && tokens[0] === String(serial + 1);
    const previous = rows.at(-1);
    // A line of text alone, no 序号, units or figure: the cell above it goes on.
    if (!numbered && tokens.length === 1 && previous && previous !== rows[0] && !isUnitsCell(tokens[0] ?? "") && !DEADLINE_CELL.test(tokens[0] ?? "")) {
      const column = longestCell(previous.cells);
      const above = previous.cells[column] ?? "";
      // A cell that ended on a figure (…增长6%) ended its sentence: the line is the next one.
      previous.cells[column] = `${above}${/(\d|%|以上|左右|以内)$|[个人家项所元亩户场次]$/.test(above) ? ";" : ""}${tokens[0] ?? ""}`;
      continue;
    }
    if (numbered) serial++;
    const placed = placeCells(tokens, titles, numbered ? {} : { merged: shared });
    rows.push({ cells: placed ?? tokens, line: i + 1 });
  }
  return { rows, title: titleAbove(rawLines, headerLine) };
}

function longestCell(cells: string[]): number {
  return cells.reduce((best, cell, index) => (cell.length > (cells[best] ?? "").length ? index : best), 0);
}
