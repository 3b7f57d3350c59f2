import type { UnreadLine } from "./types";
import { DEADLINE_CELL, type Grid, UNIT_NAME, mergedUnits, titleAbove } from "./grid";
import { trailingUnits } from "./units";
import { ACTION, ITEM, type Row, actionCell, goalWithDeadline, itemCell, normalise, unitsCell } from "./rows";

/**
 * A task list pasted from a Word or WPS table: one row a line, cells separated by tabs. A cell with
 * line breaks either comes quoted (`"…\n…"`, as Excel and WPS copy it) or simply continues on the
 * next line (as Word copies it): a row is complete when it has as many cells as the widest row.
 * Merged cells are blank and mean "as above". Columns are recognised by their titles' meaning when
 * the table has a title row, else by their cells' shape.
 */

export type TaskRole = "number" | "action" | "item" | "measure" | "goal" | "units" | "lead" | "supporting" | "deadline" | "other";

/** Column titles, by meaning (checked in this order: 牵头单位 before 单位, 重点任务 before 任务). */
const TITLE_ROLES: [RegExp, TaskRole][] = [
  // 牵头领导, 责任人: a person, not a unit.
  [/领导|负责人|联系人|责任人/, "other"],
  [/^(序号|编号)$/, "number"],
  [/牵头|主责/, "lead"],
  [/配合|协同|协办|参与/, "supporting"],
  [/单位|部门/, "units"],
  [/时限|时间|期限|节点|进度安排/, "deadline"],
  [/目标|指标|成效|量化/, "goal"],
  [/举措|措施|内容|具体|分解/, "measure"],
  [/主要任务|任务类别|领域|板块|方面/, "action"],
  [/重点工作|重点任务|工作任务|任务|事项|项目/, "item"],
];

export function titleRole(title: string): TaskRole | null {
  const compact = title.replace(/\s+/g, "");
  if (compact === "" || compact.length > 12) return null;
  return TITLE_ROLES.find(([pattern]) => pattern.test(compact))?.[1] ?? null;
}

const GOAL_CELL = /\d|全覆盖|\*\*/;

/** The role a column's cells' shape says, for a table without titles. */
function shapeRole(cells: string[]): TaskRole {
  const filled = cells.filter((c) => c !== "");
  const all = (test: (c: string) => boolean) => filled.length > 0 && filled.every(test);
  if (all((c) => /^\d+$/.test(c))) return "number";
  if (all((c) => ACTION.test(c))) return "action";
  if (all((c) => ITEM.test(c))) return "item";
  if (all((c) => DEADLINE_CELL.test(c))) return "deadline";
  if (all((c) => c.split(/[、,;\s]+/).every((u) => u === "" || UNIT_NAME.test(u)))) return "units";
  if (filled.filter((c) => GOAL_CELL.test(c)).length * 2 > filled.length) return "goal";
  return "other";
}

/** Splits the text into rows of cells, joining a cell's lines (quoted or continued). */
function splitTable(lines: string[]): { cells: string[]; line: number }[] {
  const raw: { cells: string[]; line: number }[] = [];
  // A row's state, kept across the lines a quoted cell spans.
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let start = 0;
  for (const [i, line] of lines.entries()) {
    if (quoted) {
      cell += "\n";
    } else {
      if (line.trim() === "") continue;
      cells = [];
      cell = "";
      start = i;
    }
    for (let at = 0; at < line.length; at++) {
      const ch = line.charAt(at);
      if (ch === '"' && cell === "" && !quoted) quoted = true;
      else if (ch === '"' && quoted && line.charAt(at + 1) === '"') {
        cell += '"';
        at++;
      } else if (ch === '"' && quoted) quoted = false;
      else if (ch === "\t" && !quoted) {
        cells.push(cell);
        cell = "";
      } else cell += ch;
    }
    // A quoted cell still open goes on at the next line (the last line closes it).
    if (quoted && i + 1 < lines.length) continue;
    cells.push(cell);
    raw.push({ cells, line: start + 1 });
    quoted = false;
  }
  // Word copies a cell's line breaks unquoted: a short row continues on the next line.
  const width = Math.max(...raw.map((r) => r.cells.length));
  const rows: { cells: string[]; line: number }[] = [];
  for (const row of raw) {
    const last = rows.at(-1);
    if (last && last.cells.length < width) {
      // Every row has a cell at least (the one its line ends in).
      const [continued = "", ...more] = row.cells;
      last.cells.push(`${last.cells.pop() ?? ""}\n${continued}`, ...more);
    } else rows.push({ cells: [...row.cells], line: row.line });
  }
  return rows.map((r) => ({ cells: r.cells.map((c) => normalise(c.replace(/\s*\n\s*/g, ""))), line: r.line }));
}

/** True when the text is a tab-separated table: some line has three or more filled cells. */
export function isTabTable(lines: string[]): boolean {
  return lines.some((l) => l.split("\t").filter((c) => c.trim() !== "").length >= 3);
}

/** The table in a tab-separated text, its rows of cells (a cell's lines joined), and its title: the last line above it that is not an 附件 label. */
export function tabGrid(lines: string[]): Grid {
  // Text before the table (a title, 附件1) is not part of it.
  const first = lines.findIndex((l) => l.split("\t").filter((c) => c.trim() !== "").length >= 3);
  const title = titleAbove(lines, first);
  return { rows: splitTable(lines.slice(first)).map((r) => ({ ...r, line: r.line + first })), title };
}

/**
 * A task table's rows (序号, 重点任务, 具体举措, 牵头单位, 配合单位, 完成时限… in any order, titled or
 * not) as the plan parser's rows: columns recognised by their titles' meaning, else their cells' shape.
 */
export function readTaskGrid(grid: Grid): { rows: Row[]; unread: UnreadLine[]; title: string | null } {
  const unread: UnreadLine[] = [];
  const { rows: table, title } = grid;
  const titleRoles = (table[0]?.cells ?? []).map(titleRole);
  const titled = titleRoles.filter((r) => r !== null).length >= 2;
  const body = titled ? table.slice(1) : table;
  const width = Math.max(...table.map((r) => r.cells.length));
  const roles: TaskRole[] = Array.from({ length: width }, (_, column) =>
    titled ? (titleRoles[column] ?? "other") : shapeRole(body.map((r) => r.cells[column] ?? "")),
  );
  // A task column whose cells are numbered 一、 is the action column whatever its title says.
  roles.forEach((role, column) => {
    const filled = body.map((r) => r.cells[column] ?? "").filter((c) => c !== "");
    if ((role === "item" || role === "other") && filled.length > 0 && filled.every((c) => ACTION.test(c)) && !roles.includes("action")) roles[column] = "action";
  });
  if (!roles.includes("measure")) {
    // Without a title saying which is the measure: text columns before the goal are the action and
    // the item (the last of them), and the goal is the measure too, as in a numbered list; with no
    // goal column either, the longest text column is both.
    const textColumns = roles.flatMap((role, column) => (role === "other" ? [column] : []));
    if (!roles.includes("goal")) {
      const length = (column: number) => body.reduce((sum, r) => sum + (r.cells[column]?.length ?? 0), 0);
      const longest = [...textColumns].sort((a, b) => length(b) - length(a))[0];
      if (longest !== undefined) {
        roles[longest] = "goal";
        textColumns.splice(textColumns.indexOf(longest), 1);
      }
    }
    const headings = textColumns.slice(-2);
    const itemColumn = headings.at(-1);
    const actionColumn = headings.length > 1 ? headings[0] : undefined;
    if (!roles.includes("item") && itemColumn !== undefined) roles[itemColumn] = "item";
    if (!roles.includes("action") && actionColumn !== undefined) roles[actionColumn] = "action";
  }
  const column = (role: TaskRole) => roles.indexOf(role);
  let actionNumber = 0;
  let itemNumber = 0;
  let emittedAction = false;
  const last: Partial<Record<TaskRole, string>> = {};
  const rows: Row[] = [];
  for (const row of body) {
    const cell = (role: TaskRole) => (column(role) === -1 ? "" : (row.cells[column(role)] ?? ""));
    const cells: string[] = [];
    const action = cell("action");
    if (action !== "" && action !== last.action) {
      last.action = action;
      cells.push(actionCell(action, ++actionNumber));
      emittedAction = true;
    } else if (!emittedAction) {
      // No action column: the whole list is one action, titled by what it is.
      cells.push(actionCell("重点工作任务", ++actionNumber));
      emittedAction = true;
    }
    const item = cell("item");
    if (item !== "" && item !== last.item) {
      last.item = item;
      cells.push(itemCell(item, ++itemNumber));
    } else if (column("item") === -1 && cells[0] !== undefined) {
      // No item column: each action is its own key work item.
      const actionText = cells[0];
      cells.push(itemCell(ACTION.exec(actionText)?.[2] ?? actionText, ++itemNumber));
    }
    const measure = cell("measure");
    const goal = cell("goal");
    if (measure === "" && goal === "") {
      if (cells.length === 0) unread.push({ line: row.line, text: row.cells.filter((c) => c !== "").join(" | "), reason: "没有工作举措或目标 / no measure or goal" });
      else rows.push({ cells, line: row.line });
      continue;
    }
    // A blank units cell is merged with the one above, the others beside it included; a filled one stands alone.
    const unitRoles = (["lead", "units", "supporting"] as const).filter((role) => column(role) !== -1);
    // A list without a units column may name them in a bracket at the task's end: (A牵头,B配合).
    const inline = unitRoles.length === 0 ? (trailingUnits(goal) ?? trailingUnits(measure)) : null;
    const units = inline?.units ?? unitsCell(mergedUnits(unitRoles, cell, last));
    const measureText = column("measure") === -1 ? goal : measure !== "" ? measure : (last.measure ?? goal);
    if (measure !== "") last.measure = measure;
    cells.push(measureText, units, goalWithDeadline(goal !== "" ? goal : measureText, cell("deadline")));
    rows.push({ cells, line: row.line, explicit: true });
  }
  return { rows, unread, title };
}
