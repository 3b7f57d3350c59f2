import type { Geography } from "../plan/counties";
import type { PlanRevision, Quota } from "../plan/types";
import { type Period, formatPeriod, periodLabel, timeProgress } from "../period";
import { type Scope, formatScope, quotasInScope, scopeLabel } from "../scope";
import { cellAddress, columnLetter, rangeAddress, runs } from "../a1";
import { chineseNumeral, safeSheetName } from "../text";
import { expectedInput, isCountUnit } from "../units";
import {
  APPROXIMATE_TOLERANCE,
  ARCHIVE_TITLE,
  KEPT_TITLE,
  keptLabel,
  BEHIND_THRESHOLD,
  COLUMN,
  HEADER_ROW,
  KIND_LABELS,
  MILESTONE_STATUSES,
  REPORT_COLUMNS,
  SIGNATURE_FIELDS,
  STATES,
} from "./columns";
import { type TargetContext, reportText, targetFor } from "./targets";
import { FORMAT_VERSION, META_SHEET, type RowRecord, type SheetRecord, type SplitRecord, rowFingerprint } from "./meta";
import {
  type CellSpec,
  type CellValue,
  type ConditionalFormatSpec,
  type SheetSpec,
  type StyleSpec,
  type ValidationRule,
  type ValidationSpec,
  emptyGrid,
} from "./spec";

/** What a person typed in one row of an existing sheet, carried into the regenerated one. */
export interface CarriedRow {
  quotaId: string;
  period: CellValue;
  cumulative: CellValue;
  status: CellValue;
  note: CellValue;
  /** What the old sheet showed, for the archive area when the new revision drops the quota. */
  measure: CellValue;
  target: CellValue;
  unit: CellValue;
}

export interface CarriedInputs {
  rows: CarriedRow[];
  /** Signature block values by label (填表人 …). */
  signature: Partial<Record<(typeof SIGNATURE_FIELDS)[number], CellValue>>;
  /** What was typed outside the template's cells, kept in an area of its own. */
  loose?: LooseCell[];
}

/** Content of a cell that is not the template's and not a quota's input: kept with the address it had. */
export interface LooseCell {
  address: string;
  /** What the cell held (a formula as its text: it is kept, never evaluated). */
  content: CellValue;
}

export interface TemplateRequest {
  revision: PlanRevision;
  scope: Scope;
  period: Period;
  /** When the sheet is made (ISO text); passed in because the core reads no clock. */
  generatedAt: string;
  /** Defaults to `<scope> <period>`, e.g. `杭州市 2026-10`. */
  sheetName?: string;
  password?: string | null;
  /** Provincial targets split to cities (or a city's to its counties); a local sheet shows its share as a locked target. */
  splits?: SplitRecord[];
  /** The counties: per-county coverage targets (杭州市 13) and county sheets need them. */
  geography?: Geography;
  /** Values typed in an earlier sheet for the same scope and period (regenerate or upgrade). */
  carried?: CarriedInputs;
}

export interface BuiltTemplate {
  sheet: SheetSpec;
  sheetRecord: SheetRecord;
  rowRecords: RowRecord[];
  /** How many cells typed outside the template were kept in an area of their own. */
  keptCells: number;
  /** Quota ids kept in the archive area. */
  archived: string[];
  /** Number of quota rows. */
  quotaRows: number;
}

const FILL = {
  title: "#1F4E79",
  header: "#DDEBF7",
  action: "#BDD7EE",
  item: "#F2F2F2",
  input: "#FFF9E5",
  notApplicable: "#E7E6E6",
  archive: "#FCE4D6",
  behind: "#FDE7E9",
  done: "#DFF6DD",
  onTrack: "#EFF6FC",
};

export function defaultSheetName(scope: Scope, period: Period): string {
  return safeSheetName(`${scopeLabel(scope)} ${formatPeriod(period)}`);
}

const letter = (key: keyof typeof COLUMN): string => columnLetter(COLUMN[key]);

/** The target cell's content for a quota in a scope: a number, 待定, 未分解 or — for milestones (see targetFor). */
export function targetCell(quota: Quota, scope: Scope, context: TargetContext): CellValue {
  return targetFor(quota, scope, context);
}

/** The three formulas of a quota row: 完成率, 序时进度, 状态. Blank while the inputs are blank. */
export function rowFormulas(quota: Quota, row: number, progress: { elapsed: number; span: number }): string[] {
  const [t, p, c, s, m, n] = (["target", "period", "cumulative", "status", "completion", "progress"] as const).map(
    (key) => `${letter(key)}${row}`,
  );
  const progressFormula = `=IF(AND(${p}="",${c}="",${s}=""),"",${progress.elapsed}/${progress.span})`;
  if (quota.kind === "milestone") {
    return [
      `=IF(${s}="","",IF(${s}="${STATES.done}",1,0))`,
      progressFormula,
      // 未启动 is behind from half-way through the time; 推进中 only once the deadline is reached.
      `=IF(${s}="","",IF(${s}="${STATES.done}","${STATES.done}",IF(OR(${n}>=1,AND(${s}="${MILESTONE_STATUSES[0]}",${n}>=0.5)),"${STATES.behind}","${STATES.onTrack}")))`,
    ];
  }
  const metAt = quota.comparator === "≈" ? 1 - APPROXIMATE_TOLERANCE : 1;
  return [
    `=IF(OR(${c}="",NOT(ISNUMBER(${t}))),"",IF(${t}=0,"",${c}/${t}))`,
    progressFormula,
    `=IF(${m}="","",IF(${m}>=${metAt},"${STATES.done}",IF(${m}>=${n}-${BEHIND_THRESHOLD},"${STATES.onTrack}","${STATES.behind}")))`,
  ];
}

function validationRule(quota: Quota): ValidationRule {
  if (quota.kind === "milestone") return { type: "list", items: [...MILESTONE_STATUSES] };
  if (quota.kind === "ratio") return { type: "decimal", min: 0, max: 1 };
  return isCountUnit(quota.unit) ? { type: "whole", min: 0 } : { type: "decimal", min: 0 };
}

function ruleKey(rule: ValidationRule): string {
  return JSON.stringify(rule);
}

/** Builds the reporting sheet for a scope and a period from the plan: pure data for a renderer. */
export function buildTemplate(request: TemplateRequest): BuiltTemplate {
  const { revision, scope, period } = request;
  const targets: TargetContext = { revision, splits: request.splits ?? [], geography: request.geography };
  const carried = new Map((request.carried?.rows ?? []).map((row) => [row.quotaId, row]));
  const quotas = quotasInScope(revision, scope, request.geography);
  const quotaIds = new Set(quotas.map((q) => q.id));
  const archivedRows = (request.carried?.rows ?? []).filter(
    (row) => !quotaIds.has(row.quotaId) && [row.period, row.cumulative, row.status, row.note].some(hasValue),
  );

  // Layout: title, information, header; per action a header row, per item a header row, then
  // its quotas; then the archive area (if any) and the signature block.
  type Line =
    | { kind: "action"; text: string }
    | { kind: "item"; text: string }
    | { kind: "quota"; quota: Quota }
    | { kind: "archiveTitle" }
    | { kind: "archived"; row: CarriedRow }
    | { kind: "keptTitle" }
    | { kind: "kept"; cell: LooseCell }
    | { kind: "blank" }
    | { kind: "signature"; field: (typeof SIGNATURE_FIELDS)[number] };
  const lines: Line[] = [];
  for (const action of revision.actions) {
    const actionQuotas = quotas.filter((q) => q.action === action.number);
    if (actionQuotas.length === 0) continue;
    lines.push({ kind: "action", text: `${chineseNumeral(action.number)}、${action.title}` });
    for (const item of revision.items.filter((i) => i.action === action.number)) {
      const itemQuotas = actionQuotas.filter((q) => q.item === item.number);
      if (itemQuotas.length === 0) continue;
      lines.push({ kind: "item", text: `（${chineseNumeral(item.number)}）${item.title}` });
      for (const quota of itemQuotas) lines.push({ kind: "quota", quota });
    }
  }
  if (archivedRows.length > 0) {
    lines.push({ kind: "blank" }, { kind: "archiveTitle" });
    for (const row of archivedRows) lines.push({ kind: "archived", row });
  }
  const loose = request.carried?.loose ?? [];
  if (loose.length > 0) {
    lines.push({ kind: "blank" }, { kind: "keptTitle" });
    for (const cell of loose) lines.push({ kind: "kept", cell });
  }
  lines.push({ kind: "blank" });
  for (const field of SIGNATURE_FIELDS) lines.push({ kind: "signature", field });

  const width = REPORT_COLUMNS.length;
  const firstLineRow = HEADER_ROW + 1; // 1-based row of lines[0]
  const cells = emptyGrid(HEADER_ROW + lines.length, width);
  const lastCol = columnLetter(width - 1);
  const set = (row: number, key: keyof typeof COLUMN, cell: CellSpec): void => {
    cells[row - 1][COLUMN[key]] = cell;
  };
  const value = (v: CellValue): CellSpec => ({ value: v });

  cells[0][0] = value(`${revision.title}工作进展报表`);
  cells[1][0] = value(
    `填报范围：${scopeLabel(scope)}　报告期：${periodLabel(period)}　计划版本：${revision.label}（${revision.revision}）`,
  );
  REPORT_COLUMNS.forEach((column, index) => {
    cells[HEADER_ROW - 1][index] = value(column.title);
  });

  const styles: StyleSpec[] = [
    { range: `A1:${lastCol}1`, bold: true, fontSize: 14, fill: FILL.title, fontColor: "#FFFFFF", horizontal: "Center" },
    { range: `A2:${lastCol}2`, italic: true },
    {
      range: `A${HEADER_ROW}:${lastCol}${HEADER_ROW}`,
      bold: true,
      fill: FILL.header,
      wrap: true,
      horizontal: "Center",
      vertical: "Center",
      border: true,
    },
  ];
  const merges = [`A1:${lastCol}1`, `A2:${lastCol}2`];
  const unlocked: string[] = [];
  const numberFormats: { range: string; format: string }[] = [];
  const rowRecords: RowRecord[] = [];
  const quotaRowNumbers: number[] = [];
  const validationRows = new Map<string, { rule: ValidationRule; quota: Quota; numericRows: number[]; periodRows: number[]; statusRows: number[] }>();
  const notApplicable: string[] = [];

  lines.forEach((line, index) => {
    const row = firstLineRow + index;
    switch (line.kind) {
      case "action":
      case "item": {
        cells[row - 1][0] = value(line.text);
        merges.push(`A${row}:${lastCol}${row}`);
        styles.push({ range: `A${row}:${lastCol}${row}`, bold: true, fill: line.kind === "action" ? FILL.action : FILL.item });
        break;
      }
      case "quota": {
        const quota = line.quota;
        const previous = carried.get(quota.id);
        const action = revision.actions.find((a) => a.number === quota.action);
        const item = revision.items.find((i) => i.number === quota.item);
        const target = targetCell(quota, scope, targets);
        set(row, "id", value(quota.id));
        set(row, "action", value(action ? `${chineseNumeral(action.number)}、${action.title}` : quota.action));
        set(row, "item", value(item ? `（${chineseNumeral(item.number)}）${item.title}` : quota.item));
        set(row, "measure", value(`${quota.measure}${quota.subject ? ` · ${quota.subject}` : ""}\n${reportText(quota, scope, targets)}`));
        set(row, "units", value(quota.units.join("、")));
        set(row, "kind", value(KIND_LABELS[quota.kind]));
        set(row, "unit", value(quota.unit ?? "—"));
        set(row, "year", value(quota.year ?? "每年"));
        set(row, "target", value(target));
        const formulas = rowFormulas(quota, row, timeProgress(period, quota.year, revision.startYear));
        set(row, "completion", { formula: formulas[0] });
        set(row, "progress", { formula: formulas[1] });
        set(row, "state", { formula: formulas[2] });
        if (previous) {
          set(row, "period", value(previous.period));
          set(row, "cumulative", value(previous.cumulative));
          set(row, "status", value(previous.status));
          set(row, "note", value(previous.note));
        }
        quotaRowNumbers.push(row);
        rowRecords.push({
          sheet: "",
          quotaId: quota.id,
          row,
          target,
          fingerprint: rowFingerprint(quota.id, target, formulas, row),
          archived: false,
        });
        const rule = validationRule(quota);
        const key = ruleKey(rule);
        const group = validationRows.get(key) ?? { rule, quota, numericRows: [], periodRows: [], statusRows: [] };
        if (quota.kind === "milestone") {
          group.statusRows.push(row);
          notApplicable.push(`${letter("period")}${row}:${letter("cumulative")}${row}`);
        } else {
          group.numericRows.push(row);
          // A ratio has no "this period" figure: only the level reached counts.
          if (quota.kind === "ratio") notApplicable.push(`${letter("period")}${row}`);
          else group.periodRows.push(row);
          notApplicable.push(`${letter("status")}${row}`);
        }
        validationRows.set(key, group);
        break;
      }
      case "archiveTitle": {
        cells[row - 1][0] = value(ARCHIVE_TITLE);
        merges.push(`A${row}:${lastCol}${row}`);
        styles.push({ range: `A${row}:${lastCol}${row}`, bold: true, fill: FILL.archive });
        break;
      }
      case "archived": {
        const kept = line.row;
        set(row, "id", value(kept.quotaId));
        set(row, "measure", value(kept.measure));
        set(row, "unit", value(kept.unit));
        set(row, "target", value(kept.target));
        set(row, "period", value(kept.period));
        set(row, "cumulative", value(kept.cumulative));
        set(row, "status", value(kept.status));
        set(row, "note", value(kept.note));
        styles.push({ range: `A${row}:${lastCol}${row}`, fill: FILL.archive, border: true, wrap: true });
        rowRecords.push({ sheet: "", quotaId: kept.quotaId, row, target: kept.target, fingerprint: "", archived: true });
        break;
      }
      case "keptTitle": {
        cells[row - 1][0] = value(KEPT_TITLE);
        merges.push(`A${row}:${lastCol}${row}`);
        styles.push({ range: `A${row}:${lastCol}${row}`, bold: true, fill: FILL.archive });
        break;
      }
      case "kept": {
        // Unlocked, so the person can move it where it belongs or delete it.
        const content = `${letter("measure")}${row}`;
        set(row, "id", value(keptLabel(line.cell.address)));
        set(row, "measure", value(line.cell.content));
        unlocked.push(content);
        styles.push({ range: `A${row}:${lastCol}${row}`, fill: FILL.archive, wrap: true }, { range: content, fill: FILL.input, border: true });
        break;
      }
      case "signature": {
        cells[row - 1][0] = value(`${line.field}：`);
        const input = `${columnLetter(1)}${row}:${columnLetter(3)}${row}`;
        set(row, "action", value(request.carried?.signature[line.field] ?? null));
        merges.push(input);
        unlocked.push(input);
        styles.push({ range: `A${row}`, bold: true, horizontal: "Right" }, { range: input, fill: FILL.input, border: true });
        break;
      }
      case "blank":
        break;
    }
  });

  const validations: ValidationSpec[] = [];
  const inputs: string[] = [];
  const inputRanges = (rows: number[], from: keyof typeof COLUMN, to: keyof typeof COLUMN = from): string[] =>
    runs(rows).map(([first, last]) => `${letter(from)}${first}:${letter(to)}${last}`);
  for (const group of validationRows.values()) {
    const expected = expectedInput(group.quota);
    const make = (range: string): ValidationSpec => ({
      range,
      rule: group.rule,
      prompt: { title: "请填写 / Enter", message: `请填写${expected.zh}。` },
      error: { title: "输入有误 / Invalid entry", message: `此处应填写${expected.zh}。/ Expected ${expected.en}.` },
    });
    validations.push(...inputRanges(group.periodRows, "period").map(make));
    validations.push(...inputRanges(group.numericRows, "cumulative").map(make));
    validations.push(...inputRanges(group.statusRows, "status").map(make));
    inputs.push(
      ...inputRanges(group.periodRows, "period"),
      ...inputRanges(group.numericRows, "cumulative"),
      ...inputRanges(group.statusRows, "status"),
    );
  }
  const quotaRuns = runs(quotaRowNumbers);
  inputs.push(...inputRanges(quotaRowNumbers, "note"));
  unlocked.push(...inputs);
  for (const range of inputs) styles.push({ range, fill: FILL.input });
  for (const range of notApplicable) styles.push({ range, fill: FILL.notApplicable });
  for (const [first, last] of quotaRuns) {
    styles.push({ range: `A${first}:${lastCol}${last}`, border: true, wrap: true, vertical: "Top" });
    for (const key of ["target", "period", "cumulative"] as const) {
      numberFormats.push({ range: `${letter(key)}${first}:${letter(key)}${last}`, format: "General" });
    }
    for (const key of ["completion", "progress"] as const) {
      numberFormats.push({ range: `${letter(key)}${first}:${letter(key)}${last}`, format: "0.0%" });
    }
  }
  // Ratios are typed and shown as percentages.
  const ratioRows = lines.flatMap((line, index) =>
    line.kind === "quota" && line.quota.kind === "ratio" ? [firstLineRow + index] : [],
  );
  for (const [first, last] of runs(ratioRows)) {
    numberFormats.push({ range: `${letter("target")}${first}:${letter("cumulative")}${last}`, format: "0%" });
  }

  const conditionalFormats: ConditionalFormatSpec[] = [];
  if (quotaRowNumbers.length > 0) {
    const first = quotaRowNumbers[0];
    const last = quotaRowNumbers[quotaRowNumbers.length - 1];
    const stateRange = `${letter("state")}${first}:${letter("state")}${last}`;
    const ref = `$${letter("state")}${first}`;
    conditionalFormats.push(
      { range: stateRange, formula: `=${ref}="${STATES.behind}"`, fill: FILL.behind, fontColor: "#A4262C" },
      { range: stateRange, formula: `=${ref}="${STATES.done}"`, fill: FILL.done, fontColor: "#107C10" },
      { range: stateRange, formula: `=${ref}="${STATES.onTrack}"`, fill: FILL.onTrack, fontColor: "#005A9E" },
    );
  }

  const name = request.sheetName ?? defaultSheetName(scope, period);
  const sheet: SheetSpec = {
    name,
    cells,
    columnWidths: REPORT_COLUMNS.map((column) => column.width),
    numberFormats,
    styles,
    merges,
    unlocked,
    validations,
    conditionalFormats,
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: { orientation: "Landscape", fitToPagesWide: 1, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
    protection: { password: request.password ?? null },
    visibility: "Visible",
    tabColor: "#107C41",
  };
  return {
    sheet,
    sheetRecord: {
      sheet: name,
      plan: revision.title,
      revision: revision.revision,
      scope: formatScope(scope),
      period: formatPeriod(period),
      generatedAt: request.generatedAt,
      formatVersion: FORMAT_VERSION,
    },
    rowRecords: rowRecords.map((record) => ({ ...record, sheet: name })),
    archived: archivedRows.map((row) => row.quotaId),
    keptCells: loose.length,
    quotaRows: quotaRowNumbers.length,
  };
}

function hasValue(value: CellValue): boolean {
  return value !== null && value !== "";
}

/** The very hidden, protected metadata sheet as a spec, so both renderers write it like any sheet. */
export function metaSheetSpec(rows: CellValue[][], password: string | null): SheetSpec {
  const width = Math.max(...rows.map((row) => row.length));
  return {
    name: META_SHEET,
    cells: rows.map((row) => Array.from({ length: width }, (_, i) => (row[i] === undefined || row[i] === null ? null : { value: row[i] }))),
    columnWidths: Array<number>(width).fill(14),
    numberFormats: [{ range: rangeAddress(0, 0, rows.length, width), format: "@" }],
    styles: [{ range: `${cellAddress(0, 0)}:${cellAddress(0, width - 1)}`, bold: true }],
    merges: [],
    unlocked: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
    print: { orientation: "Portrait", fitToPagesWide: 1, titleRows: "1:1" },
    protection: { password },
    visibility: "VeryHidden",
    tabColor: null,
  };
}
