import { cellAddress, columnLetter, parseRange } from "../snapshot/a1";
import { isBlankInput } from "../snapshot/cells";
import { type Finding, finding } from "../findings/findings";
import type { ReportRow, ReportSheet } from "../snapshot/read-sheets";
import { cellAt, type SheetSnapshot } from "../snapshot/snapshot";
import { COLUMN, type ColumnKey, REPORT_COLUMNS } from "../template/columns";
import { parsePartId } from "../template/ratio-parts";
import { type RowRecord, rowFingerprint, withGeneratedColumns } from "../template/meta";
import type { CellValue } from "../template/spec";

/** The generated formula cells of a quota row, in the order the fingerprint takes them. */
export const FORMULA_KEYS = ["completion", "progress", "state"] as const;

/** Where the report's columns moved from where the template put them (0-based now → generated); empty when none did. */
function movedColumns(report: ReportSheet): Map<number, number> {
  const moved = new Map<number, number>();
  for (const [key, at] of Object.entries(report.columns) as [ColumnKey, number][]) {
    if (at !== report.generated[key]) moved.set(at, report.generated[key]);
  }
  return moved;
}

/** Whether the sheet was made in today's layout, so a fresh build's formulas are what it should hold. */
const inTodaysLayout = (report: ReportSheet): boolean => report.generated === COLUMN;

/** Ratios of a sheet collected as two figures (their numerator's row is on the sheet), by sheet. */
const ratiosWithParts = new WeakMap<ReportSheet, Set<string>>();

/** The generated formula cells of a row: a ratio collected as two figures has its 累计完成 too, its figures' rows none. */
export function formulaKeys(report: ReportSheet, row: ReportRow): readonly ColumnKey[] {
  let ratios = ratiosWithParts.get(report);
  if (!ratios) {
    ratios = new Set(report.rows.flatMap((r) => (parsePartId(r.quotaId)?.key === "numerator" ? [parsePartId(r.quotaId)?.quotaId ?? ""] : [])));
    ratiosWithParts.set(report, ratios);
  }
  if (parsePartId(row.quotaId)) return [];
  return ratios.has(row.quotaId) ? [...FORMULA_KEYS, "cumulative"] : FORMULA_KEYS;
}

/** The inputs a person filled in a row: its figures and 说明, typed as values or formulas (not the template's own formulas). */
export function typedInputs(report: ReportSheet, row: ReportRow): ColumnKey[] {
  const generated = formulaKeys(report, row);
  return INPUT_KEYS.filter((key) => !generated.includes(key) && !(isBlankInput(row.values[key]) && isBlankInput(row.formulas[key])));
}

/** The columns a person fills: the figures a summary takes, and 说明. */
const INPUT_KEYS: readonly ColumnKey[] = ["cumulative", "period", "status", "note"];

/** The row's formulas as generated, wherever a person has moved their columns since. */
const formulasOf = (report: ReportSheet, row: ReportRow): string[] => {
  const moved = movedColumns(report);
  return formulaKeys(report, row).map((key) => withGeneratedColumns(String(row.formulas[key] ?? ""), moved));
};

/**
 * Same formula once the row's own references are written as `#` and spaces dropped — exactly the
 * normalisation the fingerprint uses, so a row moved by an inserted row is still "the same".
 */
const sameFormula = (a: string, b: string, row: number): boolean => rowFingerprint("", "", [a], row) === rowFingerprint("", "", [b], row);

/**
 * A changed target or an overwritten formula, told by the row's fingerprint. Only a row whose
 * fingerprint differs pays for finding out which cell changed. `generated` are the formulas a
 * fresh build makes for the row (null when the plan is not known); they name the changed cells.
 */
export function checkIntegrity(report: ReportSheet, row: ReportRow, generated: (() => string[]) | null): Finding[] {
  const current = formulasOf(report, row);
  if (rowFingerprint(row.quotaId, row.values.target, current, row.row) === row.record.fingerprint) return [];
  const out: Finding[] = [];
  const at = (key: ColumnKey) => ({ sheet: report.name, cell: report.address(row, key), quotaId: row.quotaId });
  // The fingerprint reads a target as text, so 500 and "500" are the same target here too.
  if (String(row.values.target ?? "") !== String(row.record.target ?? "")) {
    out.push(finding("target-changed", at("target"), { expected: row.record.target, found: row.values.target }, row.values.target));
  }
  if (rowFingerprint(row.quotaId, row.record.target, current, row.row) === row.record.fingerprint) return out;
  // A sheet made in an earlier layout had that day's formulas; today's build cannot say which cell changed.
  const fresh = inTodaysLayout(report) ? (generated?.() ?? null) : null;
  const keys = formulaKeys(report, row);
  const changed = fresh
    ? keys.filter((_, i) => !sameFormula(current[i] ?? "", fresh[i] ?? "", row.row))
    : // Without the plan, a constant where a formula belongs is the likely culprit.
      [FORMULA_KEYS.find((key) => !String(row.formulas[key] ?? "").startsWith("=")) ?? FORMULA_KEYS[0]];
  // The row is what a fresh build makes (metadata written by an older build): nothing was changed.
  const [first] = changed;
  if (first === undefined) return out;
  const cells = changed.flatMap((key) => report.address(row, key) ?? []);
  const expected = fresh ? (fresh[keys.indexOf(first)] ?? null) : null;
  out.push(finding("formula-changed", at(first), { cells, found: row.formulas[first], expected }, row.formulas[first]));
  return out;
}

function rowAt(report: ReportSheet, sheet: SheetSnapshot, record: RowRecord, rowNumber: number): ReportRow {
  const pick = (grid: CellValue[][]) =>
    Object.fromEntries(
      REPORT_COLUMNS.map(({ key }) => [key, report.columns[key] === undefined ? "" : cellAt(grid, rowNumber - 1, report.columns[key])]),
    ) as Record<ColumnKey, CellValue>;
  return { quotaId: record.quotaId, row: rowNumber, values: pick(sheet.values), formulas: pick(sheet.formulas), record };
}

/**
 * Rows the reader could not find by id because the id cell was changed, not because the row was
 * deleted. A row is recognised at its generated place (shifted as much as the found row before
 * it moved) when no other quota was found there and its target and formulas still fingerprint as
 * this quota's. Returns each recognised row and its id-changed finding.
 */
export function rowsWithChangedIds(report: ReportSheet, sheet: SheetSnapshot, missing: RowRecord[]): { row: ReportRow; finding: Finding }[] {
  if (missing.length === 0 || report.columns.id === undefined) return [];
  const idColumn = report.columns.id;
  const found = [...report.rows, ...report.archivedRows];
  const occupied = new Set(found.map((r) => r.row));
  // Walk generated rows in their order, so each missing row knows how far the rows before it moved.
  const events = [
    ...found.map((r) => ({ at: r.record.row, shift: r.row - r.record.row, record: null as RowRecord | null })),
    ...missing.filter((r) => !r.archived).map((record) => ({ at: record.row, shift: 0, record })),
  ].sort((a, b) => a.at - b.at || (a.record ? 1 : -1));
  const out: { row: ReportRow; finding: Finding }[] = [];
  let shift = 0;
  for (const event of events) {
    if (!event.record) {
      shift = event.shift;
      continue;
    }
    const record = event.record;
    const place = [record.row + shift, record.row].find((candidate) => {
      if (candidate <= report.headerRow || occupied.has(candidate)) return false;
      const row = rowAt(report, sheet, record, candidate);
      return rowFingerprint(record.quotaId, row.values.target, formulasOf(report, row), candidate) === record.fingerprint;
    });
    if (place === undefined) continue;
    occupied.add(place);
    const seen = cellAt(sheet.values, place - 1, idColumn);
    out.push({
      row: rowAt(report, sheet, record, place),
      finding: finding("id-changed", { sheet: report.name, cell: cellAddress(place - 1, idColumn), quotaId: record.quotaId }, { expected: record.quotaId, found: seen }, seen),
    });
  }
  return out;
}

/**
 * What people do to a sheet's columns and cells that the rows cannot show: a column of the
 * template missing from the header (deleted, or its title typed over), and a merge over a quota
 * row (merging keeps only the first cell's contents, so figures typed in the others are gone).
 */
export function checkLayout(report: ReportSheet, sheet: SheetSnapshot): Finding[] {
  const out: Finding[] = [];
  const headerIndex = report.headerRow - 1;
  for (const { key, title } of REPORT_COLUMNS) {
    // A column the sheet's own layout never had (上期累计 before format 3) is not missing.
    if (report.columns[key] !== undefined || report.generated[key] === -1) continue;
    out.push(
      finding("column-missing", { sheet: report.name, cell: cellAddress(headerIndex, COLUMN[key]), quotaId: null }, { title }, title),
    );
  }
  const quotaRows = [...report.rows].sort((a, b) => a.row - b.row);
  for (const merge of sheet.merges ?? []) {
    const { start, end } = parseRange(merge);
    const covered = quotaRows.find((row) => row.row - 1 >= start.row && row.row - 1 <= end.row);
    if (!covered) continue;
    const columns = `${columnLetter(start.col)}–${columnLetter(end.col)}`;
    out.push(
      finding("merged-cells", { sheet: report.name, cell: cellAddress(start.row, start.col), quotaId: covered.quotaId }, { range: merge, columns }, merge),
    );
  }
  return out;
}
