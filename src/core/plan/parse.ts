import { fnv1a, parseChineseNumeral } from "../shared/text";
import { matchGroup, required } from "../shared/required";
import { type ExtractedQuota, type GoalContext, extractQuotas } from "./goal";
import type { Geography } from "./counties";
import { legacyIds, readableIds } from "./ids";
import { joinPaths } from "./path";
import { readUnits } from "./units";
import { withReportingLevels } from "./level";
import { type Action, type KeyWorkItem, type Measure, type ParsedQuota, type PlanRevision, type UnreadLine } from "./types";
import { ACTION, ITEM, type Row, type RowFacts, normalise } from "./rows";
import { isTabTable, readTaskGrid, tabGrid } from "./layout-tab-table";
import { isIndicatorTable, readIndicatorGrid } from "./layout-indicator-table";
import type { Grid } from "./grid";
import { cellLinesGrid, isCellLines } from "./layout-cell-lines";
import { isRunTogether, runTogetherGrid } from "./layout-run-together";
import { isProse, readProse } from "./layout-prose";
import { isNumberedList, readNumberedList } from "./layout-numbered-list";
import { PlanParseError } from "../shared/errors";

/**
 * Reads a plan's task-list annex (附件1 重点工作任务清单) and its regional annex (附件2) into a
 * plan revision. Two layouts are understood, detected from the text:
 * - a `|`-separated table, one row a line (the published notice);
 * - one cell a line, indented by a tab, rows separated by blank lines (the earlier draft).
 * Both become rows of non-empty cells, read by the same rules: cells are recognised by their shape
 * (an action starts `一、`, a key work item `(一)`, the last cell is the 工作目标 and the one before it
 * the 责任单位); a cell the row leaves out is inherited from the row above, as a merged cell is.
 */

export { normalise } from "./rows";

/** A sub-measure (养老服务, 研发设计服务) is a short noun, shorter than any measure sentence. */
const SUB_MEASURE_MAX_LENGTH = 8;

function tableRows(lines: string[], from: number, to: number): Row[] {
  const rows: Row[] = [];
  for (const [offset, text] of lines.slice(from, to).entries()) {
    const cells = text.split("|").map(normalise).filter((c) => c !== "");
    if (cells.length > 0) rows.push({ cells, line: from + offset + 1 });
  }
  return rows;
}

function cellPerLineRows(lines: string[], from: number, to: number): Row[] {
  const rows: Row[] = [];
  let current: Row | null = null;
  for (const [offset, raw] of lines.slice(from, to).entries()) {
    if (raw.trim() === "" && !raw.includes("\t")) {
      if (current && current.cells.length > 0) rows.push(current);
      current = null;
      continue;
    }
    current ??= { cells: [], line: from + offset + 1 };
    const cell = normalise(raw);
    if (cell !== "") current.cells.push(cell);
  }
  if (current && current.cells.length > 0) rows.push(current);
  return rows;
}

function findLine(lines: string[], test: (line: string) => boolean, from = 0): number {
  return lines.findIndex((line, i) => i >= from && test(normalise(line)));
}

export interface ParseOptions {
  /** Revision id; by default the notice's date (2025-07-15) or a hash of the text. */
  revision?: string;
  label?: string;
  /** The plan's title when the text does not carry it (an annex on its own). */
  title?: string;
  /** The county table, for per-county quotas (每个县…); without it their targets are pending. */
  geography?: Geography | null;
}

const DEFAULT_TITLE = "技能促富助力缩小“三大差距”行动方案(2025—2027年)";

/** The layouts parsePlan tells apart, each read into rows by its own module. */
const LAYOUTS_EXPECTED =
  "「附件1 重点工作任务清单」及其表头（主要任务、重点工作、工作举措、责任单位、工作目标），以制表符分隔的表格（从 Word/WPS 复制），或「一、」「(一)」标题下的「1.…」编号任务";

export function parsePlan(text: string, options: ParseOptions = {}): PlanRevision {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const annex1 = findLine(lines, (l) => /^附件\s*1$/.test(l));
  // The header is one line in a table and one cell a line otherwise: 重点工作 follows 主要任务 closely.
  const header = findLine(
    lines,
    (l) => /主要任务/.test(l),
    Math.max(annex1, 0),
  );
  let annex2 = -1;
  let isTable = false;
  let rows: Row[];
  let layoutTitle: string | null = null;
  const unread: UnreadLine[] = [];
  const grid: Grid | null = isTabTable(lines) ? tabGrid(lines) : isCellLines(lines) ? cellLinesGrid(lines) : isRunTogether(lines) ? runTogetherGrid(lines) : null;
  if (grid) {
    const read = readGrid(grid);
    rows = read.rows;
    layoutTitle = read.title;
    unread.push(...read.unread);
  } else if (header === -1 && isProse(lines)) {
    const read = readProse(lines);
    rows = read.rows;
    layoutTitle = read.title;
    unread.push(...read.unread);
  } else if (header === -1 && isNumberedList(lines)) {
    const read = readNumberedList(lines);
    rows = read.rows;
    layoutTitle = read.title;
    unread.push(...read.unread);
  } else {
    if (header !== -1 && !lines.slice(header, header + 6).some((l) => /重点工作/.test(l))) {
      throw new PlanParseError(header + 1, "表头（主要任务、重点工作、工作举措、责任单位、工作目标）", lines[header] ?? "");
    }
    if (annex1 === -1 && header === -1) throw new PlanParseError(1, LAYOUTS_EXPECTED, lines[0] ?? "");
    if (header === -1) throw new PlanParseError(annex1 + 1, "表头（主要任务、重点工作、工作举措、责任单位、工作目标）", lines[annex1 + 1] ?? "");
    annex2 = findLine(lines, (l) => /^附件\s*2$/.test(l), header);
    const end1 = annex2 === -1 ? lines.length : annex2;
    isTable = lines[header]?.includes("|") ?? false;
    // The cell-per-line header is one cell a line: skip to the first action.
    const firstAction = findLine(lines, (l) => ACTION.test(l), header + 1);
    if (firstAction === -1 || firstAction >= end1) throw new PlanParseError(header + 2, "第一项主要任务（如「一、…」）", lines[header + 1] ?? "");
    rows = (isTable ? tableRows : cellPerLineRows)(lines, firstAction, end1);
  }

  const title = findTitle(lines) ?? layoutTitle ?? options.title ?? DEFAULT_TITLE;
  const years = /(\d{4})\s*[—–-]\s*(\d{4})/.exec(title);
  // A list for one year (某区2026年重点任务): what it states without a deadline is due at that year's end.
  const oneYear = years ? null : /(\d{4})\s*年/.exec(title);
  const { actions, items, measures, extracted } = readTaskRows(rows, unread, { year: oneYear ? Number(oneYear[1]) : null });
  if (actions.length === 0) throw new PlanParseError(header === -1 ? 1 : header + 2, "主要任务（「一、…」）", lines[header + 1] ?? lines[0] ?? "");
  if (measures.length === 0) throw new PlanParseError(rows[0]?.line ?? 1, "至少一项有责任单位和目标的工作举措", unread[0]?.text ?? lines[0] ?? "");

  const annex1Quotas: ParsedQuota[] = extracted.map(({ quota, measure, row }) => ({
    id: "",
    action: measure.action,
    item: measure.item,
    measureId: measure.id,
    measure: measure.text,
    subject: quota.subject,
    ...(measure.lead ? { lead: measure.lead } : {}),
    units: measure.units,
    ...(measure.supportingUnits ? { supportingUnits: measure.supportingUnits } : {}),
    kind: quota.kind,
    comparator: quota.comparator,
    target: quota.target,
    pending: quota.pending,
    unit: quota.unit,
    year: quota.year,
    ...(quota.month !== undefined ? { month: quota.month } : {}),
    ...(quota.attribute ?? row.attribute ? { attribute: quota.attribute ?? row.attribute } : {}),
    ...(quota.measures ? { measures: quota.measures } : {}),
    ...(row.wholeTarget !== undefined ? { wholeTarget: row.wholeTarget } : {}),
    ...(row.weight !== undefined ? { weight: row.weight } : {}),
    region: null,
    text: quota.text,
    line: measure.line,
    key: quota.key,
    ...statedOnce(quota.year, quota.target, quota.comparator, quota.text, quota.month),
    baseline: quota.baseline ?? 0,
    cadence: quota.cadence,
    perUnit: quota.per ? { per: quota.per, each: quota.target ?? 1, byCity: {} } : null,
    ...(quota.range ? { range: quota.range } : {}),
  }));
  const regional = annex2 === -1 ? { quotas: [], cities: [] } : parseAnnex2(lines, annex2, isTable, annex1Quotas, items);
  const cities = regional.cities.length > 0 ? regional.cities : (options.geography?.cities ?? []);
  const stated = legacyIds([...annex1Quotas, ...regional.quotas]);
  const quotas = withReportingLevels(
    linkParts(
      readableIds(joinPaths(stated, options.geography ?? null, cities)),
      stated,
      extracted.map((e) => e.quota.partOfOffset),
    ),
    cities,
  );
  const date = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  // The notice's own number is the last one it cites (the others are documents it implements).
  const docNumber = [...text.matchAll(/[\u4e00-\u9fa5]+发〔\d{4}〕\d+号/g)].pop();
  const revision =
    options.revision ??
    (date ? `${matchGroup(date, 1)}-${matchGroup(date, 2).padStart(2, "0")}-${matchGroup(date, 3).padStart(2, "0")}` : `draft-${fnv1a(text)}`);
  return {
    title,
    revision,
    label:
      options.label ??
      (docNumber ? docNumber[0] : date ? "印发稿 / published" : layoutTitle !== null ? `导入：${layoutTitle} / imported` : "征求意见稿 / earlier draft"),
    startYear: years ? Number(years[1]) : Math.min(...quotas.map((q) => q.year ?? Infinity)),
    endYear: years ? Number(years[2]) : Math.max(...quotas.map((q) => q.year ?? -Infinity)),
    actions,
    items,
    measures,
    quotas,
    // A plan without Annex 2 still reports through the province's cities (the county table's).
    cities,
    ...(unread.length > 0 ? { unread: unread.sort((a, b) => a.line - b.line) } : {}),
  };
}

/** A table found in the text, read by what its columns are: indicators (指标名称, 计量单位, 目标值…) or tasks. */
function readGrid(grid: Grid): { rows: Row[]; unread: UnreadLine[]; title: string | null } {
  return isIndicatorTable(grid) ? readIndicatorGrid(grid) : readTaskGrid(grid);
}

interface TaskRows {
  actions: Action[];
  items: KeyWorkItem[];
  measures: Measure[];
  extracted: { quota: ExtractedQuota; measure: Measure; sub: string | null; row: RowFacts }[];
}

/**
 * Reads quota rows, whichever layout they came from. A row that cannot be read (no units, more
 * cells than a task list has, no action above it) becomes an unread line with the reason.
 */
function readTaskRows(rows: Row[], unread: UnreadLine[], context: GoalContext): TaskRows {
  const actions: Action[] = [];
  const items: KeyWorkItem[] = [];
  const measures: Measure[] = [];
  const extracted: TaskRows["extracted"] = [];
  let action: Action | null = null;
  let item: KeyWorkItem | null = null;
  let group: string | null = null;
  let measureText: string | null = null;
  let sub: string | null = null;

  for (const row of rows) {
    try {
      const cells = [...row.cells];
      const actionMatch = ACTION.exec(cells[0] ?? "");
      if (actionMatch) {
        action = { number: parseChineseNumeral(matchGroup(actionMatch, 1)), title: matchGroup(actionMatch, 2).trim() };
        actions.push(action);
        cells.shift();
        item = null;
        if (cells.length === 0) continue;
      }
      const itemCell = cells[0];
      const itemMatch = itemCell !== undefined ? ITEM.exec(itemCell) : null;
      if (itemCell !== undefined && itemMatch) {
        if (!action) throw new PlanParseError(row.line, "主要任务（「一、…」）在重点工作之前", itemCell);
        // Numbered within each action in some lists ((一) again under 二、): the plan numbers items once.
        const number = Math.max(parseChineseNumeral(matchGroup(itemMatch, 1)), (items.at(-1)?.number ?? 0) + 1);
        item = { number, action: action.number, title: matchGroup(itemMatch, 2).replace(/[。.]$/, "").trim() };
        items.push(item);
        cells.shift();
        group = null;
        measureText = null;
        sub = null;
        if (cells.length === 0) continue;
      }
      if (!action || !item) throw new PlanParseError(row.line, "主要任务和重点工作", row.cells.join(" | "));
      if (cells.length < 2) throw new PlanParseError(row.line, "责任单位和工作目标两格", row.cells.join(" | "));
      const goal = cells.pop() as string;
      const unitsText = cells.pop() as string;
      // What is left, in order: [group] [measure] [sub-measure].
      const [first, second, third] = cells;
      if (row.explicit) {
        if (first === undefined || cells.length !== 1) throw new PlanParseError(row.line, "工作举措、责任单位和工作目标", row.cells.join(" | "));
        [measureText, sub] = [first, null];
      } else if (cells.length > 3) {
        throw new PlanParseError(row.line, "至多 6 格（主要任务、重点工作、工作举措、子项、责任单位、工作目标）", row.cells.join(" | "));
      } else if (first !== undefined && second !== undefined && third !== undefined) {
        [group, measureText, sub] = [first, second, third];
      } else if (first !== undefined && second !== undefined) {
        if (second.length <= SUB_MEASURE_MAX_LENGTH) [measureText, sub] = [first, second];
        else [group, measureText, sub] = [first, second, null];
      } else if (first !== undefined) {
        if (first.length <= SUB_MEASURE_MAX_LENGTH && measureText !== null) sub = first;
        else [measureText, sub] = [first, null];
      }
      if (measureText === null) {
        // An item whose only 工作举措 is the descriptive group cell.
        if (group === null) throw new PlanParseError(row.line, "工作举措", row.cells.join(" | "));
        measureText = group;
      }
      const named = readUnits(unitsText);
      // 责任单位 beside a lead named apart are the co-responsible units; a lead alone is the units too.
      const units = named.responsible.length > 0 ? named.responsible : named.lead;
      const supporting = named.supporting;
      if (units.length === 0) throw new PlanParseError(row.line, "责任单位或牵头单位（如「省人力社保厅」）", unitsText || row.cells.join(" | "));
      const text = sub ? `${measureText} / ${sub}` : measureText;
      const measure: Measure = {
        id: `M${String(item.number).padStart(2, "0")}-${fnv1a(`${text}|${[...new Set([...named.lead, ...units])].join("、")}`).slice(0, 6)}`,
        action: action.number,
        item: item.number,
        text,
        ...(named.lead.length > 0 ? { lead: named.lead } : {}),
        units,
        ...(supporting.length > 0 ? { supportingUnits: supporting } : {}),
        goal,
        line: row.line,
      };
      const { quotas, unread: unreadClauses } = extractQuotas(goal, measureText, sub, context);
      for (const clause of unreadClauses) unread.push({ line: row.line, text: clause.text, reason: clause.reason });
      if (quotas.length === 0) {
        if (unreadClauses.length > 0) continue;
        throw new PlanParseError(row.line, "工作目标中的指标或里程碑", goal);
      }
      measures.push(measure);
      const facts: RowFacts = { ...(row.attribute ? { attribute: row.attribute } : {}), ...(row.wholeTarget !== undefined ? { wholeTarget: row.wholeTarget } : {}), ...(row.weight !== undefined ? { weight: row.weight } : {}) };
      for (const quota of quotas) extracted.push({ quota, measure, sub, row: facts });
    } catch (error) {
      if (!(error instanceof PlanParseError)) throw error;
      unread.push({ line: row.line, text: row.cells.join(" | "), reason: `应为${error.expected} / expected ${error.expected}` });
    }
  }
  return { actions, items, measures, extracted };
}

/**
 * Each part named after 其中 gets its total's id (`partOf`), once ids are made. `stated` (Annex 1's
 * quotas first, in extraction order; `offsets` gives each part's distance back to its total) is what
 * `joined` was made from, each with its first-scheme id, which the joined quota keeps in `formerIds`.
 */
function linkParts(joined: ParsedQuota[], stated: ParsedQuota[], offsets: (number | undefined)[]): ParsedQuota[] {
  if (offsets.every((o) => o === undefined)) return joined;
  const legacy = stated;
  const byLegacyId = new Map(joined.flatMap((q) => q.formerIds.map((id) => [id, q.id] as const)));
  const totalOf = new Map<string, string>();
  legacy.forEach((part, index) => {
    const offset = offsets[index];
    if (offset === undefined) return;
    const total = byLegacyId.get(required(legacy[index - offset], `the total ${offset} quotas before ${part.id}`).id);
    if (total) totalOf.set(part.id, total);
  });
  return joined.map((quota) => {
    const total = quota.formerIds.map((id) => totalOf.get(id)).find((id) => id !== undefined);
    return total ? { ...quota, partOf: total } : quota;
  });
}

/** The model fields of a target as the text states it, before paths are joined: one point, no baseline. */
function statedOnce(
  year: number | null,
  target: number | null,
  comparator: ParsedQuota["comparator"],
  text: string,
  month?: number,
): Pick<ParsedQuota, "baseline" | "path" | "ratio" | "formerIds" | "retiredIds"> {
  return { baseline: 0, path: year === null ? [] : [{ year, target, comparator, text, ...(month !== undefined ? { month } : {}) }], ratio: null, formerIds: [], retiredIds: [] };
}

function findTitle(lines: string[]): string | null {
  for (const line of lines) {
    const match = /^([^《》|]*行动方案\(\d{4}\s*[—–-]\s*\d{4}年\))$/.exec(normalise(line));
    if (match) return matchGroup(match, 1);
  }
  return null;
}

/**
 * Annex 2: two header rows (families such as 技能型企业 spanning their columns, then one title per
 * column such as `2025年底累计培育数量(家)`), one row per city, and a 合计 row. Each city cell is a
 * regional quota; the 合计 row is kept for the consistency check, not as quotas.
 */
function parseAnnex2(
  lines: string[],
  annex2: number,
  isTable: boolean,
  annex1: ParsedQuota[],
  items: KeyWorkItem[],
): { quotas: ParsedQuota[]; cities: string[]; totals?: number[] } {
  const header = findAnnex2Header(lines, annex2);
  if (header === -1) throw new PlanParseError(annex2 + 2, "附件2 的表头（序号、地区…）", lines[annex2 + 1] ?? "");
  const [familyRow, titleRow, ...cityRows] = (isTable ? tableRows : cellPerLineRows)(lines, header, lines.length);
  const families = familyRow?.cells.slice(2) ?? [];
  const titles = titleRow?.cells ?? [];
  const titleLine = titleRow?.line ?? header + 2;
  if (families.length === 0 || titles.length === 0 || titles.length % families.length !== 0) {
    throw new PlanParseError(titleLine, "附件2 每类的列标题（如「2025年底累计培育数量(家)」）", titles.join(" | "));
  }
  const perFamily = titles.length / families.length;
  // Each family spans the next `perFamily` titles.
  const columns = families.flatMap((family, familyIndex) =>
    titles.slice(familyIndex * perFamily, (familyIndex + 1) * perFamily).map((title) => {
      const match = /(\d{4})年(底累计)?.*\((.+)\)/.exec(title);
      if (!match) throw new PlanParseError(titleLine, "列标题含年份和单位，如「2025年培育数量(家)」", title);
      const familyKey = family.replace(/\(.*?\)/g, "");
      const item = annex1.find((q) => q.key?.includes(familyKey))?.item ?? items[0]?.number ?? 0;
      return { family, familyKey, year: Number(matchGroup(match, 1)), cumulative: Boolean(match[2]), unit: matchGroup(match, 3), title, item };
    }),
  );
  const quotas: ParsedQuota[] = [];
  const cities: string[] = [];
  for (const row of cityRows) {
    const cells = row.cells;
    const [serial = "", city = ""] = cells;
    if (/^合\s*计$/.test(serial)) break;
    const numbers = cells.slice(2).map(Number);
    if (!/^\d+$/.test(serial) || numbers.length !== columns.length || numbers.some((n) => !Number.isFinite(n))) {
      // Text after the table (a file name, a note) ends it.
      if (cities.length > 0 && !/^\d+$/.test(serial)) break;
      throw new PlanParseError(row.line, `序号、地区和 ${columns.length} 个数`, cells.join(" | "));
    }
    cities.push(city);
    columns.forEach((column, index) => {
      // One figure a column: counted just above.
      const target = required(numbers[index], `${city}'s figure in column ${index + 1}`);
      const action = items.find((i) => i.number === column.item)?.action ?? 0;
      quotas.push({
        id: "",
        action,
        item: column.item,
        measureId: `A2-${column.familyKey}`,
        measure: `技能型社会基本单元培育计划 / ${column.family}`,
        subject: column.family,
        units: [],
        kind: "cumulative",
        comparator: ">=",
        target,
        pending: false,
        unit: column.unit,
        year: column.year,
        region: city,
        text: `${city}${column.title.replace(/\(.+\)/, "")}${target}${column.unit}`,
        line: row.line,
        key: `${column.familyKey}-${column.cumulative ? "累计" : "新增"}`,
        ...statedOnce(column.year, target, ">=", `${city}${column.title.replace(/\(.+\)/, "")}${target}${column.unit}`),
        cadence: "once",
        perUnit: null,
      });
    });
  }
  return { quotas, cities };
}

/** The line where Annex 2's header starts (序号, then 地区 on the same or a following line). */
function findAnnex2Header(lines: string[], from: number): number {
  const start = findLine(lines, (l) => /序号/.test(l), from);
  return start !== -1 && lines.slice(start, start + 3).some((l) => /地区/.test(l)) ? start : -1;
}

/** Annex 2's 合计 row as written, for the consistency check. */
export function annex2Totals(text: string): { line: number; title: string; family: string; total: number }[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const annex2 = findLine(lines, (l) => /^附件\s*2$/.test(l));
  if (annex2 === -1) return [];
  const header = findAnnex2Header(lines, annex2);
  if (header === -1) return [];
  const isTable = lines[header]?.includes("|") ?? false;
  const rows = (isTable ? tableRows : cellPerLineRows)(lines, header, lines.length);
  const [familyRow, titleRow] = rows;
  const families = familyRow?.cells.slice(2) ?? [];
  const titles = titleRow?.cells ?? [];
  const totalRow = rows.find((r) => /^合\s*计$/.test(r.cells[0] ?? ""));
  if (!totalRow) return [];
  return totalRow.cells.slice(1).map((value, index) => ({
    line: totalRow.line,
    title: titles[index] ?? "",
    family: families[Math.floor(index / (titles.length / families.length))] ?? "",
    total: Number(value),
  }));
}
