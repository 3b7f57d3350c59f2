import type { UnreadLine } from "./types";
import { type Grid, type GridRow, isUnitsCell, mergedUnits } from "./grid";
import { type Row, actionCell, goalWithDeadline, itemCell, unitsCell } from "./rows";
import type { RowFacts } from "./rows";

/**
 * An indicator table (主要指标表, 目标任务分解表): one indicator a row, its figure in a column of its
 * own — 指标名称, 计量单位, 目标值 (one column, or two: one area's and the whole's, 本区 vs 全市),
 * 基期值, 属性 (预期性/约束性), 完成时限 (6月底前), 牵头单位/责任单位, 权重 — in any order. Each row
 * becomes a goal sentence the one quota reader reads (城镇新增就业人数5000人, 森林覆盖率从61%提高到
 * 62%), its 属性, weight and the whole's figure carried beside it. It comes as a grid from whichever
 * layout found the table (tabs, one cell a line, cells run together).
 */

export type IndicatorRole =
  | "number"
  | "category"
  | "name"
  | "unit"
  | "baseline"
  | "target"
  | "attribute"
  | "deadline"
  | "lead"
  | "units"
  | "supporting"
  | "weight"
  | "other";

/** Column titles by meaning, checked in this order (指标属性 is an attribute, 目标值 a target, 指标名称 a name). */
const TITLE_ROLES: [RegExp, IndicatorRole][] = [
  // 牵头领导, 责任人: a person, not a unit.
  [/领导|负责人|联系人|责任人/, "other"],
  [/^(序号|编号)$/, "number"],
  [/权重|分值|赋分|分数/, "weight"],
  [/属性|性质/, "attribute"],
  [/计量单位|^单位$/, "unit"],
  [/牵头/, "lead"],
  [/配合|协同|协办|参与/, "supporting"],
  [/责任|单位|部门/, "units"],
  [/时限|时间|节点|期限/, "deadline"],
  [/基期|基数|现状|上年|实际|完成值|\d{4}年(完成|实际)/, "baseline"],
  [/目标|预期值|指标值|任务数|计划数/, "target"],
  [/类别|领域|板块|方面|一级指标|分类/, "category"],
  [/指标|名称|项目/, "name"],
  [/备注|说明/, "other"],
];

/** A target column for the whole area (全市, 全省), beside the one of this list's own area. */
const WHOLE = /全市|全省|全区|全县|全国|总体|合计|全域/;

export function indicatorTitleRole(title: string): IndicatorRole | null {
  const compact = title.replace(/\s+/g, "").replace(/\(.*?\)/g, "");
  if (compact === "" || compact.length > 14) return null;
  return TITLE_ROLES.find(([pattern]) => pattern.test(compact))?.[1] ?? null;
}

/** The header row among the first rows: one naming an indicator column and a figure (target or unit) column. */
function headerIndex(grid: Grid): number {
  return grid.rows.slice(0, 4).findIndex((row) => {
    const roles = row.cells.map(indicatorTitleRole);
    return roles.includes("name") && (roles.includes("target") || roles.includes("unit")) && roles.filter((r) => r !== null).length >= 3;
  });
}

export function isIndicatorTable(grid: Grid): boolean {
  return headerIndex(grid) !== -1;
}

const sameCells = (a: string[], b: string[]): boolean => a.length === b.length && a.every((cell, i) => cell === b[i]);

/** The goal phrase of a figure cell with its unit: 5000 → 5000人, ≥95 → 不低于95%, 5.5以内 → 5.5%以内; words as they are. */
function figurePhrase(cell: string, unit: string): string {
  const signed = /^(≥|>=|＞=|≤|<=|<|＜|>|＞)\s*(\d+(?:\.\d+)?)$/.exec(cell);
  if (signed) return `${/[≥>＞]/.test(signed[1] ?? "") ? "不低于" : /[<＜]$/.test(signed[1] ?? "") ? "低于" : "不超过"}${signed[2]}${unit}`;
  // The unit goes after the figure (and a range's second figure) unless the cell carries one.
  return cell.replace(/(\d+(?:\.\d+)?(?:\s*[-—–~～至]\s*\d+(?:\.\d+)?)?)(?![\d.%]|[\u4e00-\u9fa5]*(?:元|人|个|家|项|所|%))/, `$1${unit}`);
}

const NUMBER_CELL = /^\d+(?:\.\d+)?$/;

export function readIndicatorGrid(grid: Grid): { rows: Row[]; unread: UnreadLine[]; title: string | null } {
  const header = headerIndex(grid);
  const titles = grid.rows[header]?.cells ?? [];
  const body = grid.rows.slice(header + 1).filter((row) => !sameCells(row.cells, titles));
  const roles: IndicatorRole[] = titles.map((title, column) => {
    const role = indicatorTitleRole(title) ?? "other";
    // A column titled 单位 whose cells name departments is the responsible units.
    if (role === "unit" && body.some((r) => isUnitsCell(r.cells[column] ?? ""))) return "units";
    return role;
  });
  const targets = roles.flatMap((role, column) => (role === "target" ? [column] : []));
  // Target columns by year (2026年目标, 2027年目标): one figure a deadline, on one path.
  const yearOf = (column: number): number | null => Number(/(\d{4})\s*年/.exec(titles[column] ?? "")?.[1] ?? NaN) || null;
  const byYear = targets.filter((column) => yearOf(column) !== null && !WHOLE.test(titles[column] ?? ""));
  const yearly = new Set(byYear.map(yearOf)).size >= 2 ? byYear : [];
  const own = targets.find((column) => !WHOLE.test(titles[column] ?? "")) ?? targets[0];
  const whole = targets.find((column) => column !== own && WHOLE.test(titles[column] ?? ""));
  const at = (row: GridRow, column: number | undefined): string => (column === undefined || column === -1 ? "" : (row.cells[column] ?? "").trim());
  const of = (row: GridRow, role: IndicatorRole): string => at(row, roles.indexOf(role));
  const unread: UnreadLine[] = [];
  const rows: Row[] = [];
  const last: Partial<Record<IndicatorRole, string>> = {};
  let actionNumber = 0;
  let itemNumber = 0;
  for (const row of body) {
    // Merged (blank) cells are the one above; a filled lead or units cell stands with its row's others.
    const category = of(row, "category") || last.category || "";
    const cells: string[] = [];
    if (actionNumber === 0 || category !== (last.category ?? "")) {
      // Each category is an action and its one key work item; a table without one is one, named by its title.
      const heading = (category !== "" ? category : (grid.title ?? "主要指标")).replace(/^[一二三四五六七八九十]+、|^\([一二三四五六七八九十]+\)/, "");
      cells.push(actionCell(heading, ++actionNumber), itemCell(heading, ++itemNumber));
    }
    if (category !== "") last.category = category;
    const name = of(row, "name") || (at(row, own) !== "" ? (last.name ?? "") : "");
    const target = at(row, own);
    if (name === "" && target === "") {
      if (row.cells.some((c) => c.trim() !== "")) unread.push({ line: row.line, text: row.cells.filter((c) => c.trim() !== "").join(" | "), reason: "没有指标名称或目标值 / no indicator name or target" });
      if (cells.length > 0) rows.push({ cells, line: row.line });
      continue;
    }
    last.name = name;
    const unitRoles = (["lead", "units", "supporting"] as const).filter((role) => roles.includes(role));
    const units = mergedUnits(unitRoles, (role) => of(row, role), last);
    const unit = of(row, "unit").replace(/^\((.*)\)$/, "$1");
    const baseline = of(row, "baseline");
    const goal =
      yearly.length > 0
        ? yearly
            .filter((column) => at(row, column) !== "")
            .map((column) => `到${yearOf(column)}年底,${name}${/\d|\*\*/.test(at(row, column)) ? figurePhrase(at(row, column), unit) : `:${at(row, column)}`}`)
            .join(";")
        : target === ""
        ? name
        : NUMBER_CELL.test(baseline) && NUMBER_CELL.test(target)
          ? `${name}从${baseline}${unit}${Number(target) < Number(baseline) ? "降低" : "提高"}到${target}${unit}`
          : /\d|\*\*/.test(target)
            ? `${name}${figurePhrase(target, unit)}`
            : `${name}:${target}`;
    const attribute = of(row, "attribute");
    const weight = of(row, "weight");
    const wholeFigure = at(row, whole);
    const facts: RowFacts = {
      ...(/约束/.test(attribute) ? { attribute: "binding" as const } : /预期/.test(attribute) ? { attribute: "expected" as const } : {}),
      ...(NUMBER_CELL.test(weight) ? { weight: Number(weight) } : {}),
      // The whole's figure as its cell states it (≥95 is 95).
      ...(/\d/.test(wholeFigure) ? { wholeTarget: Number(/\d+(?:\.\d+)?/.exec(wholeFigure)?.[0]) } : {}),
    };
    cells.push(name, unitsCell(units), goalWithDeadline(goal, of(row, "deadline")));
    rows.push({ cells, line: row.line, explicit: true, ...facts });
  }
  return { rows, unread, title: grid.title };
}
