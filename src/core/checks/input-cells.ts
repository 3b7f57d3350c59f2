/** What an input cell holds when it is not a usable figure: a wrong type, a formula without a result, text too long, a number out of shape. */
import { type Finding, finding, type Where } from "../findings/findings";
import { EXCEL_CELL_CHARACTERS } from "../snapshot/cells";
import { type Quota } from "../plan/types";
import { type ReportRow, type ReportSheet, readWorkbook } from "../snapshot/read-sheets";
import type { CellType, WorkbookSnapshot } from "../snapshot/snapshot";
import { type ColumnKey, INPUT_COLUMNS } from "../template/columns";
import { partId } from "../template/ratio-parts";
import type { CellValue } from "../template/spec";
import { isCountUnit } from "../plan/quota-units";
import { parseNumberInput } from "./number";
import { type RowShape, type SheetUnderCheck } from "./sheet-under-check";

/** The inputs that take text, not figures. */
export const TEXT_INPUTS: readonly ColumnKey[] = ["status", "note"];

const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** 1899-12-30: day 0 of Excel's date serials (from March 1900 on). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const serialAsDate = (serial: number): string => new Date(SERIAL_EPOCH + Math.round(serial) * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * What a number cell holds when it is not a figure at all, though it may look like one: a date
 * (its serial number, 46426 for 2027-02-08, would be summed), TRUE/FALSE, an error value, or a
 * formula the file holds no result for. Null when the cell's type is a plain value.
 */
function wrongType(
  type: CellType | undefined,
  value: CellValue,
  formula: CellValue,
  at: Where,
  expecting: { kind: Quota["kind"]; unit: string | null },
): Finding | null {
  if (type === "date" && typeof value === "number") return finding("date-in-number", at, { ...expecting, found: value, date: serialAsDate(value) }, value);
  if (type === "boolean" || typeof value === "boolean") return finding("boolean-in-number", at, { ...expecting, found: value }, value);
  if (type === "error") return finding("error-value", at, { ...expecting, found: value }, value);
  if (type === "uncached-formula") return finding("formula-without-value", at, { formula }, value);
  return null;
}

/**
 * Input cells (本期, 累计完成, 进展状态, 说明) holding a formula the file has no value for and that
 * could not be computed safely (core/snapshot/formula.ts): they read as blank, so without a word their
 * figure would be summed, carried into the next period or shown as nothing.
 */
export function uncomputedInputs(
  report: ReportSheet,
  row: ReportRow,
  types: Record<string, CellType> | undefined,
  keys: readonly ColumnKey[] = INPUT_COLUMNS,
): Finding[] {
  return keys.flatMap((key) => {
    const cell = report.address(row, key);
    if (cell === null || types?.[cell] !== "uncached-formula") return [];
    return [finding("formula-without-value", { sheet: report.name, cell, quotaId: row.quotaId }, { formula: row.formulas[key] }, row.values[key])];
  });
}

/**
 * Text inputs (进展状态, 说明) holding more than an Excel cell can (only a program writes that):
 * told, never cut without a word. A number cell holding such text is not-a-number already.
 */
export function tooLongInputs(report: ReportSheet, row: ReportRow): Finding[] {
  return TEXT_INPUTS.flatMap((key) => {
    const value = row.values[key];
    const cell = report.address(row, key);
    if (typeof value !== "string" || value.length <= EXCEL_CELL_CHARACTERS || cell === null) return [];
    return [finding("text-too-long", { sheet: report.name, cell, quotaId: row.quotaId }, { length: value.length, limit: EXCEL_CELL_CHARACTERS }, `${value.slice(0, 20)}…`)];
  });
}

/**
 * Every such input cell of a workbook's reports: what a command that carries a report's figures
 * elsewhere (template --from, correct --previous) must refuse. A ratio typed as two figures has
 * the template's quotient formula in its own 累计完成, which is not an input.
 */
export function uncomputedInWorkbook(snapshot: WorkbookSnapshot): Finding[] {
  return readWorkbook(snapshot).reports.flatMap((report) => {
    const types = snapshot.sheets.find((sheet) => sheet.name === report.name)?.types;
    const rows = [...report.rows, ...report.archivedRows];
    const ids = new Set(rows.map((row) => row.quotaId));
    return rows.flatMap((row) => {
      const typedAsParts = ids.has(partId(row.quotaId, "numerator"));
      return uncomputedInputs(report, row, types, typedAsParts ? INPUT_COLUMNS.filter((key) => key !== "cumulative") : INPUT_COLUMNS);
    });
  });
}

/** Checks one typed numeric value against what the quota expects. */
export function checkNumber(sheet: SheetUnderCheck, row: ReportRow, key: ColumnKey, shape: RowShape): Finding[] {
  const value = row.values[key];
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, key), quotaId: row.quotaId };
  const expecting = { kind: shape.kind, unit: shape.unit };
  const typed = wrongType(at.cell === null ? undefined : sheet.types?.[at.cell], value, row.formulas[key], at, expecting);
  if (typed) return [typed];
  const parsed = parseNumberInput(value, shape.unit);
  if (!parsed.ok) {
    if (parsed.reason === "blank") return [];
    if (parsed.reason === "implausible") return [finding("not-a-number", at, { ...expecting, found: value, plausible: false, suggestion: null }, value)];
    const { suggestion } = parsed;
    return [finding("not-a-number", at, { ...expecting, found: value, plausible: true, suggestion: suggestion ?? null }, value, suggestion)];
  }
  const n = parsed.value;
  // A growth rate below 0 is a figure that fell: a report, not a mistake.
  if (n < 0 && shape.kind !== "growth") return [finding("negative", at, { ...expecting, found: n }, value)];
  if (shape.kind === "ratio" && n > 1) return [finding("ratio-out-of-range", at, { ...expecting, found: n }, value)];
  if (isCountUnit(shape.unit) && !Number.isInteger(n)) return [finding("fraction-in-count", at, { ...expecting, found: n }, value, Math.round(n))];
  return [];
}
