/** The checks of a returned workbook, run over every Planbook sheet or over the rows a person just changed; each sheet is linked to its earlier periods and its cities first. */
import { parseCell } from "../snapshot/a1";
import { type Finding, finding } from "../findings/findings";
import { comparePeriods, formatPeriod, periodOrNull, type Period } from "../period/period";
import { withLevelCorrections } from "../plan/level";
import { readWorkbook } from "../snapshot/read-sheets";
import { formatScope, parseScope, type Scope } from "../plan/scope";
import type { WorkbookSnapshot } from "../snapshot/snapshot";
import { type RowRecord } from "../template/meta";
import { quotaIndex } from "../plan/ids";
import { checkLayout, rowsWithChangedIds } from "./integrity";
import { readChangeLog } from "./changelog";
import { type CheckContext, type SheetUnderCheck } from "./sheet-under-check";
import { checkIdentity } from "./identity";
import { checkReadingRow, checkRow } from "./row";

export { countByRule, RULES, type RuleId } from "../findings/findings";

/** Which rows to check: all, or those of the cells a person just changed. */
type RowFilter = ((sheet: string, row: number) => boolean) | null;

/** Every check over every Planbook sheet of a workbook snapshot. Never throws on cell values. */
export function checkWorkbook(snapshot: WorkbookSnapshot, context: CheckContext): Finding[] {
  return runChecks(snapshot, context, null);
}

/**
 * Live checking as a person types: the findings in the rows of the given cells of one sheet
 * (every rule of those rows, including the ones that look at other sheets). Only those rows are
 * checked, so the cost does not grow with the rows nobody touched.
 */
export function checkCells(snapshot: WorkbookSnapshot, sheet: string, addresses: string[], context: CheckContext): Finding[] {
  const rows = new Set(addresses.map((address) => parseCell(address).row + 1));
  return runChecks(snapshot, context, (name, row) => name === sheet && rows.has(row));
}

function runChecks(snapshot: WorkbookSnapshot, context: CheckContext, inScope: RowFilter): Finding[] {
  const read = readWorkbook(snapshot);
  if (read.meta.sheets.length === 0) {
    if (inScope) return [];
    return [finding("meta-missing", { sheet: "", cell: null, quotaId: null }, {})];
  }
  // The levels a person corrected in the workbook's 计划 view decide who reports what here too.
  const known = new Map(
    context.revisions.map((given) => {
      const revision = withLevelCorrections(given, read.meta.levels);
      return [revision.revision, { revision, quotas: quotaIndex(revision.quotas) }];
    }),
  );
  const recordsBySheet = new Map<string, RowRecord[]>();
  for (const record of read.meta.rows) {
    const list = recordsBySheet.get(record.sheet);
    if (list) list.push(record);
    else recordsBySheet.set(record.sheet, [record]);
  }

  const out: Finding[] = [];
  const recovered = new Set<string>();
  const log = readChangeLog(snapshot);
  const sheets = read.reports.map((report): SheetUnderCheck => {
    const found = new Set([...report.rows, ...report.archivedRows, ...report.readingRows].map((row) => row.quotaId));
    const missing = (recordsBySheet.get(report.name) ?? []).filter((record) => !found.has(record.quotaId));
    const sheetSnapshot = snapshot.sheets.find((s) => s.name === report.name);
    const changedIds = sheetSnapshot ? rowsWithChangedIds(report, sheetSnapshot, missing) : [];
    for (const { row, finding: idChanged } of changedIds) {
      recovered.add(`${report.name}\u0001${row.quotaId}`);
      recovered.add(`${report.name}\u0001${idChanged.cell}`);
      out.push(idChanged);
    }
    if (sheetSnapshot) out.push(...checkLayout(report, sheetSnapshot));
    const rows = [...report.rows, ...changedIds.map((c) => c.row)];
    return {
      report,
      known: known.get(report.record.revision) ?? null,
      period: periodOrNull(report.record.period),
      rows,
      rowsById: new Map(rows.map((row) => [row.quotaId, row])),
      earlier: [],
      cities: null,
      peers: [],
      types: sheetSnapshot?.types,
      scope: scopeOrNull(report.record.scope),
      splits: read.meta.splits,
      log,
    };
  });
  linkSheets(sheets);

  const located = (f: Finding): boolean => inScope === null || (f.cell !== null && inScope(f.sheet, parseCell(f.cell).row + 1));
  // The reader cannot tell a deleted row from a changed id; a recognised row is reported as id-changed instead.
  const structural = read.findings.filter(
    (f) =>
      !(f.rule === "row-missing" && recovered.has(`${f.sheet}\u0001${f.quotaId}`)) &&
      // Another quota's id typed over an id reads as that quota twice; the row is reported as id-changed instead.
      !(f.rule === "duplicate-row" && recovered.has(`${f.sheet}\u0001${f.cell}`)),
  );
  const findings = [...structural, ...out].filter(located);
  for (const sheet of sheets) {
    findings.push(...checkIdentity(sheet, context).filter(located));
    for (const row of sheet.rows) {
      if (inScope === null || inScope(sheet.report.name, row.row)) findings.push(...checkRow(sheet, row, context));
    }
    for (const row of sheet.report.readingRows) {
      if (inScope === null || inScope(sheet.report.name, row.row)) findings.push(...checkReadingRow(sheet, row, context));
    }
  }
  return findings;
}


/** Tells each sheet its earlier-period sheets of the same scope, and a province sheet its city sheets. */
function linkSheets(sheets: SheetUnderCheck[]): void {
  const byScopeAndPeriod = new Map<string, SheetUnderCheck>();
  for (const sheet of sheets) {
    if (!sheet.period) continue;
    const key = `${sheet.report.record.scope}\u0001${formatPeriod(sheet.period)}`;
    if (!byScopeAndPeriod.has(key)) byScopeAndPeriod.set(key, sheet);
  }
  for (const sheet of sheets) {
    const period = sheet.period;
    if (!period) continue;
    sheet.earlier = sheets
      .filter((other) => other.period && other.report.record.scope === sheet.report.record.scope && comparePeriods(other.period, period) < 0)
      .sort((a, b) => comparePeriods(b.period as Period, a.period as Period));
    const local = sheet.scope?.kind === "city" || sheet.scope?.kind === "county" ? sheet.scope.kind : null;
    sheet.peers = local
      ? sheets.filter((other) => other !== sheet && other.scope?.kind === local && other.period && comparePeriods(other.period, period) === 0 && other.report.record.scope !== sheet.report.record.scope)
      : [];
    const cities = sheet.known?.revision.cities ?? [];
    if (sheet.report.record.scope !== "province" || cities.length === 0) continue;
    const citySheets = cities.map((city) => byScopeAndPeriod.get(`${formatScope({ kind: "city", city })}\u0001${formatPeriod(period)}`));
    sheet.cities = citySheets.every((s) => s !== undefined) ? citySheets : null;
  }
}

const scopeOrNull = (text: string): Scope | null => {
  try {
    return parseScope(text);
  } catch {
    return null;
  }
};
