/**
 * Workbook snapshots made from the published plan's real templates, without Excel: each sheet is
 * `buildTemplate` output turned into value and formula grids (formula cells' values left blank —
 * the rules must not depend on them), plus the `_planbook` metadata sheet.
 */
import { columnLetter, parseCell, previousReport, readWorkbook, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { parsePeriod } from "../../../src/core/period";
import { formatScope, type LevelRecord, type PlanRevision, type Scope } from "../../../src/core/plan";
import { buildTemplate, type BuiltTemplate, type CellValue, COLUMN, type ColumnKey, defaultSheetName, EMPTY_META, metaRows, metaSheetSpec, withLevelRecords, withSheetRecords } from "../../../src/core/template";
import { currentRevision } from "../../support/plan";
import { specSnapshot } from "../../../scripts/workloads";
import { gridRow } from "../../support/present";

/** The published revision (seeds/003_…), parsed once. */
export const revision: PlanRevision = currentRevision();

export const PROVINCE: Scope = { kind: "province" };
export const city = (name: string): Scope => ({ kind: "city", city: name });

export interface SheetRequest {
  scope: Scope;
  period: string;
}

/** The sheet name a request gets (`全省 2026-10`, `杭州市 2026-10`). */
export const sheetName = (request: SheetRequest): string => defaultSheetName(request.scope, parsePeriod(request.period));

/** A workbook holding the generated sheets and their metadata, as a snapshot. */
/** `levels`: corrections saved in the workbook (计划 view) after its sheets were made. */
export function workbookOf(requests: SheetRequest[], plan: PlanRevision = revision, levels: LevelRecord[] = []): WorkbookSnapshot {
  const built: BuiltTemplate[] = requests.map((request) =>
    buildTemplate({ revision: plan, scope: request.scope, period: parsePeriod(request.period), generatedAt: "2026-11-02T08:00:00.000Z" }),
  );
  const meta = withLevelRecords(
    built.reduce((records, b) => withSheetRecords(records, b.sheetRecord, b.rowRecords), EMPTY_META),
    levels,
  );
  return { sheets: [...built.map((b) => specSnapshot(b.sheet)), specSnapshot(metaSheetSpec(metaRows(meta), null))] };
}

/**
 * The next period's workbook made from a returned one, as `planbook template --from` makes it:
 * the sheet of the request's scope in `previous` is the previous period's report.
 */
export function nextWorkbookOf(previous: WorkbookSnapshot, request: SheetRequest, plan: PlanRevision = revision): WorkbookSnapshot {
  const report = readWorkbook(previous).reports.find((r) => r.record.scope === formatScope(request.scope));
  if (!report) throw new Error(`fixture: no sheet of ${formatScope(request.scope)}`);
  const built = buildTemplate({
    revision: plan,
    scope: request.scope,
    period: parsePeriod(request.period),
    generatedAt: "2026-11-02T08:00:00.000Z",
    previous: previousReport(report, "previous.xlsx"),
  });
  const meta = withSheetRecords(EMPTY_META, built.sheetRecord, built.rowRecords);
  return { sheets: [specSnapshot(built.sheet), specSnapshot(metaSheetSpec(metaRows(meta), null))] };
}

function sheetOf(snapshot: WorkbookSnapshot, sheet: string) {
  const found = snapshot.sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`fixture: no sheet '${sheet}'`);
  return found;
}

/**
 * The A1 addresses of a sheet's quota cells, found as a person would: the row by its id, the
 * column by its title in the sheet's own header (a sheet made by an earlier version has its
 * columns elsewhere). The header is read once, when the finder is made: typing input cells does not
 * move it, and reading the whole workbook again for each cell is what made typing slow.
 */
export function cellFinder(snapshot: WorkbookSnapshot, sheet: string): (quotaId: string, key: ColumnKey) => string {
  const columns = readWorkbook(snapshot).reports.find((r) => r.name === sheet)?.columns ?? COLUMN;
  const idColumn = columns.id ?? COLUMN.id;
  const { values } = sheetOf(snapshot, sheet);
  return (quotaId, key) => {
    const column = columns[key];
    if (column === undefined) throw new Error(`fixture: no column '${key}' on '${sheet}'`);
    const row = values.findIndex((r) => r[idColumn] === quotaId);
    if (row === -1) throw new Error(`fixture: no row for ${quotaId} on '${sheet}'`);
    return `${columnLetter(column)}${row + 1}`;
  };
}

/** The A1 address of one quota cell (see `cellFinder`). */
export function addressOf(snapshot: WorkbookSnapshot, sheet: string, quotaId: string, key: ColumnKey): string {
  return cellFinder(snapshot, sheet)(quotaId, key);
}

/** Plants a constant in a cell (typed, or pasted over whatever was there, formula included). */
export function setCell(snapshot: WorkbookSnapshot, sheet: string, address: string, value: CellValue): void {
  const target = sheetOf(snapshot, sheet);
  const { row, col } = parseCell(address);
  for (const grid of [target.values, target.formulas]) {
    while (grid.length <= row) grid.push([]);
    const line = gridRow(grid, row);
    while (line.length <= col) line.push("");
    line[col] = value;
  }
}

/** Writes a formula (its value left blank, as the fixture leaves every formula). */
export function setFormula(snapshot: WorkbookSnapshot, sheet: string, address: string, formula: string): void {
  setCell(snapshot, sheet, address, "");
  const { row, col } = parseCell(address);
  gridRow(sheetOf(snapshot, sheet).formulas, row)[col] = formula;
}

/** Changes only what a formula cell shows (its formula kept), as a stale or odd computed value reads. */
export function setComputedValue(snapshot: WorkbookSnapshot, sheet: string, address: string, value: CellValue): void {
  const { row, col } = parseCell(address);
  gridRow(sheetOf(snapshot, sheet).values, row)[col] = value;
}

/** Types several inputs of one quota row of `sheet` at a time; the sheet's header is read once, for every row typed. */
export function typer(snapshot: WorkbookSnapshot, sheet: string): (quotaId: string, inputs: Partial<Record<ColumnKey, CellValue>>) => void {
  const address = cellFinder(snapshot, sheet);
  return (quotaId, inputs) => {
    for (const [key, value] of Object.entries(inputs) as [ColumnKey, CellValue][]) setCell(snapshot, sheet, address(quotaId, key), value);
  };
}

/** Types several inputs of one quota row. */
export function type(snapshot: WorkbookSnapshot, sheet: string, quotaId: string, inputs: Partial<Record<ColumnKey, CellValue>>): void {
  typer(snapshot, sheet)(quotaId, inputs);
}
