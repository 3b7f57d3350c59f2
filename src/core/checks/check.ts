import { cellAddress, parseCell } from "../snapshot/a1";
import { clearedByNote, type Finding, finding, type RuleId, type Where } from "../findings/findings";
import { EXCEL_CELL_CHARACTERS, isBlankInput, sameCellValue } from "../snapshot/cells";
import { comparePeriods, formatPeriod, normalisedPeriod, periodOrNull, type Period } from "../period/period";
import type { Geography } from "../plan/counties";
import { withLevelCorrections } from "../plan/level";
import { type Stage, carriesAcross } from "../period/stage";
import { type PlanRevision, type Quota, isPercentKind } from "../plan/types";
import { type ReportRow, type ReportSheet, readWorkbook } from "../snapshot/read-sheets";
import { formatScope, idsOnSheet, parseScope, quotasInScope, type Scope, scopeLabel } from "../plan/scope";
import type { CellType, SheetSnapshot, WorkbookSnapshot } from "../snapshot/snapshot";
import { completionAgainst, isLagging, levelOkFrom, rowFormulas, sameAsFormula } from "../template/formulas";
import { parseReadingId } from "../template/readings";
import { type ColumnKey, FRAME_ROWS, IMPLAUSIBLE_MULTIPLE, INPUT_COLUMNS, KIND_LABELS, MILESTONE_STATUSES, RUNNING_KINDS, identityRow } from "../template/columns";
import { FORMAT_VERSION, type RowRecord, type SplitRecord } from "../template/meta";
import { PART_LABELS, type PartKey, parsePartId, partId, partnerOf, shareOf } from "../template/ratio-parts";
import { type PathContext, annex2Path, planTarget, stageInScope, targetCell } from "../template/targets";
import { type Contribution, aboveWhole, isContributedCount, outsideOthers } from "./plausibility";
import type { CellValue } from "../template/spec";
import { isCountUnit } from "../plan/quota-units";
import { quotaIndex } from "../plan/ids";
import { checkIntegrity, checkLayout, rowsWithChangedIds } from "./integrity";
import { parseNumberInput } from "./number";
import { type ChangeLogEntry, loggedChange, readChangeLog } from "./changelog";
import { cumulativeFell, runningTotalFell } from "./running-total";

export { countByRule, RULES, type RuleId } from "../findings/findings";

export interface CheckContext {
  /** Plan revisions the checker knows; a sheet's metadata names one. */
  revisions: PlanRevision[];
  /** What the caller expects; a sheet made for another revision, scope or period is an error. */
  expected?: { revision?: string; scope?: string; period?: string };
  /** At the end of a period (submitting), a blank required input is an error. */
  endOfPeriod?: boolean;
  /** The counties: a per-county coverage target (杭州市 13) is checked against the plan only with them. */
  geography?: Geography;
}

/** The inputs that take text, not figures. */
const TEXT_INPUTS: readonly ColumnKey[] = ["status", "note"];

/** What a row's inputs are checked against: the plan's quota, or the sheet's own kind and unit when the plan is unknown. */
type RowShape = Pick<Quota, "kind" | "unit">;

interface KnownRevision {
  revision: PlanRevision;
  /** By every id a sheet may carry (see `quotaIndex`). */
  quotas: Map<string, Quota | "retired">;
}

/** One Planbook sheet with everything its rows are checked against, looked up once. */
interface SheetUnderCheck {
  report: ReportSheet;
  known: KnownRevision | null;
  period: Period | null;
  /** The rows found by id, then the rows recognised despite a changed id. */
  rows: ReportRow[];
  rowsById: Map<string, ReportRow>;
  /** Sheets of the same scope for earlier periods, latest first. */
  earlier: SheetUnderCheck[];
  /** On a province sheet: every city's sheet of the same period, when all are in the workbook. */
  cities: SheetUnderCheck[] | null;
  /** On a city's (county's) sheet: the other cities' (counties') sheets of the same period in the workbook. */
  peers: SheetUnderCheck[];
  /** The workbook's 修改记录: a 上期累计 changed by a logged correction is not an edit. */
  log: ChangeLogEntry[];
  /** The row ids whose figures the sheet's scope reports (see isAsked), worked out at first need. */
  asked?: Set<string>;
  /** The reader's cell types (dates, booleans, errors, formulas without a result), by address. */
  types: SheetSnapshot["types"];
  /** Whose sheet it is, null when its metadata's scope cannot be read. */
  scope: Scope | null;
  /** The target splits (目标分解) the workbook records, for city targets of province-wide quotas. */
  splits: SplitRecord[];
}

/** Which rows to check: all, or those of the cells a person just changed. */
type RowFilter = ((sheet: string, row: number) => boolean) | null;

const KIND_BY_LABEL = new Map(Object.entries(KIND_LABELS).map(([kind, label]) => [label as string, kind as Quota["kind"]]));


/** The number in a cell when it is one (a finding is made elsewhere when it is not). */
const numberIn = (value: CellValue | undefined): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

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

/** The same scope or period however it was written (全省 is province, 2026-3 is 2026-03). */
function normalised(kind: "scope" | "period", text: string): string {
  if (kind === "period") return normalisedPeriod(text);
  try {
    return formatScope(parseScope(text));
  } catch {
    return text.trim();
  }
}

/**
 * What the sheet's metadata says against what the caller expects and knows, each told at its line
 * of the form's frame (填报单位, 报告期, 计划版本) — or at the one information line of a sheet made
 * before the frame — found from the header so rows inserted above move it along.
 */
function checkIdentity(sheet: SheetUnderCheck, context: CheckContext): Finding[] {
  const { report } = sheet;
  const record = report.record;
  const atLine = (part: keyof typeof FRAME_ROWS) => ({ sheet: report.name, cell: cellAddress(identityRow(part, report.headerRow) - 1, 0), quotaId: null });
  const at = atLine("revision");
  const out: Finding[] = [];
  if (!sheet.known) {
    out.push(finding("unknown-revision", at, { revision: record.revision, known: context.revisions.map((r) => r.revision) }, record.revision));
  }
  const expected = context.expected ?? {};
  const mismatches: [Extract<RuleId, `wrong-${string}`>, keyof typeof FRAME_ROWS, string | undefined, string, string][] = [
    ["wrong-revision", "revision", expected.revision, record.revision, record.revision],
    ["wrong-scope", "scope", expected.scope && normalised("scope", expected.scope), normalised("scope", record.scope), record.scope],
    ["wrong-period", "period", expected.period && normalised("period", expected.period), normalised("period", record.period), record.period],
  ];
  for (const [rule, line, want, have, written] of mismatches) {
    if (want !== undefined && want !== have) {
      out.push(finding(rule, atLine(line), { expected: want, found: written }, written));
    }
  }
  if (isOutdated(sheet)) out.push(finding("sheet-outdated", at, { found: record.formatVersion, current: FORMAT_VERSION }, record.formatVersion));
  if (!sheet.period && !out.some((f) => f.rule === "wrong-period")) {
    out.push(finding("wrong-period", atLine("period"), { expected: null, found: record.period }, record.period));
  }
  return out;
}

function shapeOf(sheet: SheetUnderCheck, row: ReportRow): { quota: Quota | null; shape: RowShape | null } {
  const found = sheet.known?.quotas.get(row.quotaId);
  const quota = found === undefined || found === "retired" ? null : found;
  if (quota) return { quota, shape: quota };
  const kind = KIND_BY_LABEL.get(String(row.values.kind ?? "").trim());
  const unit = String(row.values.unit ?? "").trim();
  return { quota: null, shape: kind ? { kind, unit: unit === "" || unit === "—" ? null : unit } : null };
}

/**
 * Whether the sheet's scope reports the row's figure, so that a blank is missing at the period's
 * end: a sheet made before quotas had levels still holds rows its scope does not report (a
 * province-only act on a city's sheet) and, for a split quota, both the Annex 1 row and the city's
 * Annex 2 row, of which only the one the city's figure is read from (`idsOnSheet`) is asked for.
 */
/** What a sheet's rows' paths are read with: its plan, the splits it records (目标分解), the counties. */
const pathContext = (known: KnownRevision, sheet: SheetUnderCheck, geography: Geography | undefined): PathContext => ({ revision: known.revision, splits: sheet.splits, geography });

/** Where a row of the sheet stands in a period, along its scope's own path (as its template's formulas were made); null when the plan is unknown. */
function stageOfRow(sheet: SheetUnderCheck, quota: Quota, period: Period, geography: Geography | undefined): Stage | null {
  return sheet.known ? stageInScope(quota, sheet.scope ?? { kind: "province" }, period, pathContext(sheet.known, sheet, geography)) : null;
}

function isAsked(sheet: SheetUnderCheck, row: ReportRow, context: CheckContext): boolean {
  if (!sheet.scope || !sheet.known) return true;
  if (sheet.asked === undefined) {
    const { revision } = sheet.known;
    const scope = sheet.scope;
    sheet.asked = new Set(
      quotasInScope(revision, scope, context.geography).flatMap((quota) => {
        const id = idsOnSheet(quota, scope, revision, context.geography).find((candidate) => sheet.rowsById.has(candidate));
        return id === undefined ? [] : [id];
      }),
    );
  }
  // A row the plan does not know (read by its kind only) is asked for as it stands.
  return sheet.asked.has(row.quotaId) || sheet.known.quotas.get(row.quotaId) === undefined;
}

/** A reading by Annex 2 (template/readings.ts) has nothing typed: only its target and formulas are the template's or not. */
function checkReadingRow(sheet: SheetUnderCheck, row: ReportRow, context: CheckContext): Finding[] {
  const quotaId = parseReadingId(row.quotaId);
  const found = quotaId === null ? undefined : sheet.known?.quotas.get(quotaId);
  const quota = found === undefined || found === "retired" ? null : found;
  const reading = quota && sheet.known ? annex2Path(quota, sheet.known.revision) : null;
  const main = quota ? sheet.rowsById.get(quota.id) : undefined;
  const stage = reading && sheet.period ? stageOfRow(sheet, reading, sheet.period, context.geography) : null;
  const cumulative = main ? sheet.report.address(main, "cumulative") : null;
  const generated = reading && stage && cumulative ? () => [...rowFormulas(reading, row.row, stage), sameAsFormula(cumulative)] : null;
  return checkIntegrity(sheet.report, row, generated);
}

function checkRow(sheet: SheetUnderCheck, row: ReportRow, context: CheckContext): Finding[] {
  const { report, period } = sheet;
  const { quota, shape } = shapeOf(sheet, row);
  const stage = quota && period ? stageOfRow(sheet, quota, period, context.geography) : null;
  const generated = quota && stage ? () => rowFormulas(quota, row.row, stage) : null;
  const out = checkIntegrity(report, row, generated);
  if (quota && !out.some((f) => f.rule === "target-changed")) out.push(...targetAgainstPlan(sheet, row, quota, context));
  out.push(...previousChanged(report, row, sheet.log));
  // The number inputs say so through checkNumber, with the other wrong types.
  out.push(...uncomputedInputs(report, row, sheet.types, TEXT_INPUTS), ...tooLongInputs(report, row));
  const part = parsePartId(row.quotaId);
  if (part) return [...out, ...checkPartRow(sheet, row, part, context)];
  if (!shape) return out;
  const at = (key: ColumnKey) => ({ sheet: report.name, cell: report.address(row, key), quotaId: row.quotaId });
  if (shape.kind === "milestone") {
    const status = row.values.status;
    if (!isBlankInput(status) && !(MILESTONE_STATUSES as readonly string[]).includes(String(status).trim())) {
      out.push(finding("status-not-in-list", at("status"), { found: status }, status));
    }
    // After its last deadline a quota's figure is final and no longer asked for.
    if (context.endOfPeriod && isBlankInput(status) && !stage?.closed && isAsked(sheet, row, context)) {
      out.push(finding("required-blank", at("status"), { column: "status" }, status));
    }
    return out;
  }
  // A ratio collected as two figures is typed on their rows and is their quotient, whatever its formula shows.
  const parts = shape.kind === "ratio" ? figuresOf(sheet, row.quotaId) : null;
  // A ratio or a growth rate has no "this period" figure: only the level reached counts.
  const keys: ColumnKey[] = parts ? [] : isPercentKind(shape.kind) ? ["cumulative"] : ["period", "cumulative"];
  const problems = keys.flatMap((key) => checkNumber(sheet, row, key, shape));
  out.push(...problems);
  if (!parts && context.endOfPeriod && isBlankInput(row.values.cumulative) && !stage?.closed && isAsked(sheet, row, context)) {
    out.push(finding("required-blank", at("cumulative"), { column: "cumulative" }, row.values.cumulative));
  }
  const cumulative = parts ? parts.share : numberIn(row.values.cumulative);
  if (problems.length > 0 || cumulative === null) return out;
  const thisPeriod = numberIn(row.values.period);
  if (thisPeriod !== null && !isPercentKind(shape.kind) && cumulative < thisPeriod) {
    out.push(finding("cumulative-below-period", at("cumulative"), { cumulative, period: thisPeriod }, cumulative));
  }
  if (RUNNING_KINDS.has(shape.kind) && !out.some((f) => f.rule === "previous-changed")) out.push(...againstPrevious(report, row, cumulative, thisPeriod));
  if (!quota) return out;
  out.push(...partsFinding(sheet, row, quota, cumulative), ...coverageAboveUnits(sheet, row, quota, cumulative, context));
  const warnings = [...targetWarnings(sheet, row, quota, cumulative, context.geography), ...earlierWarning(sheet, row, quota, cumulative), ...citiesWarning(sheet, row, quota, cumulative)];
  // A 说明 in the row explains away the findings the registry says it clears.
  const explained = !isBlankInput(row.values.note);
  out.push(...warnings.filter((f) => !(explained && clearedByNote(f))));
  return out;
}

/** A ratio's two figures on the sheet and their quotient (null while either is not a usable number); null when the ratio has none. */
function figuresOf(sheet: SheetUnderCheck, quotaId: string): { numerator: ReportRow; denominator: ReportRow; share: number | null } | null {
  const numerator = sheet.rowsById.get(partId(quotaId, "numerator"));
  const denominator = sheet.rowsById.get(partId(quotaId, "denominator"));
  if (!numerator || !denominator) return null;
  return { numerator, denominator, share: shareOf(numberIn(numerator.values.cumulative), numberIn(denominator.values.cumulative)) };
}

/**
 * A ratio's numerator or denominator: a count at the period's end, typed in 累计完成, asked for
 * at the end of the period like any figure; the numerator can never exceed the denominator.
 */
function checkPartRow(sheet: SheetUnderCheck, row: ReportRow, part: { quotaId: string; key: PartKey }, context: CheckContext): Finding[] {
  const found = sheet.known?.quotas.get(part.quotaId);
  const quota = found === undefined || found === "retired" ? null : found;
  const stage = quota && sheet.period ? stageOfRow(sheet, quota, sheet.period, context.geography) : null;
  const unit = String(row.values.unit ?? "").trim();
  const problems = checkNumber(sheet, row, "cumulative", { kind: "cumulative", unit: unit === "" || unit === "—" ? null : unit });
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId };
  if (problems.length > 0) return problems;
  if (isBlankInput(row.values.cumulative)) {
    // Asked for where its ratio is (a scope that does not report the ratio does not report its figures).
    const asked = isAsked(sheet, sheet.rowsById.get(part.quotaId) ?? row, context);
    return context.endOfPeriod && !stage?.closed && asked ? [finding("required-blank", at, { column: "cumulative" }, row.values.cumulative)] : [];
  }
  const figure = numberIn(row.values.cumulative);
  const out: Finding[] = [];
  // A figure without its partner makes no share and is summed nowhere: told at once, not only at the period's end.
  const partner = sheet.rowsById.get(partId(part.quotaId, partnerOf(part.key)));
  if (partner && isBlankInput(partner.values.cumulative) && !stage?.closed) {
    const partnerCell = sheet.report.address(partner, "cumulative");
    out.push(finding("ratio-part-alone", at, { part: PART_LABELS[part.key], partner: PART_LABELS[partnerOf(part.key)], partnerCell }, row.values.cumulative));
  }
  out.push(...partFell(sheet.report, row, part.key, figure));
  // The figures of an Annex 1 ratio add up across cities like any count (the shares never do).
  if (quota && quota.region === null && figure !== null) out.push(...citiesNotAddingUp(sheet, row, figure));
  const figures = part.key === "numerator" ? figuresOf(sheet, part.quotaId) : null;
  const numerator = numberIn(figures?.numerator.values.cumulative);
  const denominator = numberIn(figures?.denominator.values.cumulative);
  if (!figures || numerator === null || denominator === null || numerator <= denominator) return out;
  const denominatorCell = sheet.report.address(figures.denominator, "cumulative");
  return [finding("numerator-above-denominator", at, { numerator, denominator, denominatorCell }, numerator), ...out];
}

/**
 * A ratio's figure below its 上期累计 (last period's figure, carried in): a count at the period's
 * end may fall (an enterprise closes), so it is a warning its 说明 explains, not an error. Not told
 * where 上期累计 itself was typed over (that is previous-changed).
 */
function partFell(report: ReportSheet, row: ReportRow, key: PartKey, figure: number | null): Finding[] {
  const before = numberIn(row.values.previous);
  if (figure === null || before === null || figure >= before || !sameCellValue(row.values.previous, row.record.previous) || !isBlankInput(row.values.note)) return [];
  const at = { sheet: report.name, cell: report.address(row, "cumulative"), quotaId: row.quotaId };
  return [finding("part-fell", at, { part: PART_LABELS[key], figure, before, previousPeriod: report.record.previousPeriod || "上期" }, figure)];
}

/**
 * A coverage figure (本市覆盖县数 of 每个县(市、区)…) counts units, so it can never be more than the
 * scope has: 杭州市 covers at most its 13 counties, the province its 90. Above that it is a count of
 * things typed where the units covered belong — an error, so it is never summed past its bound. A
 * county's own figure (本县数量) is a count of things, with no bound.
 */
function coverageAboveUnits(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, covered: number, context: CheckContext): Finding[] {
  if (quota.level !== "per-unit" || !sheet.scope || !sheet.known || sheet.scope.kind === "county") return [];
  const units = targetCell(quota, sheet.scope, { revision: sheet.known.revision, splits: sheet.splits, geography: context.geography, period: sheet.period });
  if (typeof units !== "number" || covered <= units) return [];
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId };
  return [finding("coverage-above-units", at, { covered, units, unit: quota.perUnit?.per === "city" ? "市" : "县", scope: scopeLabel(sheet.scope) }, covered)];
}

/**
 * 上期累计 is carried in locked: a value other than the one written is an edit, told at its cell —
 * unless 修改记录 logs it, from the figure written to the one there (an explicit correction after
 * the previous period's report was corrected, `planbook correct --previous`).
 */
function previousChanged(report: ReportSheet, row: ReportRow, log: ChangeLogEntry[]): Finding[] {
  if (report.columns.previous === undefined || sameCellValue(row.values.previous, row.record.previous)) return [];
  const at = { sheet: report.name, cell: report.address(row, "previous"), quotaId: row.quotaId };
  if (at.cell !== null && loggedChange(log, report.name, at.cell, row.record.previous, row.values.previous)) return [];
  return [finding("previous-changed", at, { expected: row.record.previous, found: row.values.previous, previousPeriod: report.record.previousPeriod }, row.values.previous)];
}

/** Digits after the decimal point of a figure as typed (0.25 has 2). */
const decimalsOf = (n: number): number => {
  const [, fraction = ""] = String(n).split(".");
  return /e/i.test(String(n)) ? 10 : fraction.length;
};

/**
 * A running total against the sheet's 上期累计: below it, the total fell since the previous period;
 * else 本期 must be 累计 − 上期累计, to within half a unit of the less precise of the two figures
 * typed this period (本期 2.7 or 2.8 for 2.75 is rounding to one decimal, 2.9 is not, nor 本期 3 for 2);
 * 上期累计 was carried in exactly.
 */
function againstPrevious(report: ReportSheet, row: ReportRow, cumulative: number, thisPeriod: number | null): Finding[] {
  const previous = numberIn(row.values.previous);
  if (previous === null) return [];
  const at = (key: ColumnKey) => ({ sheet: report.name, cell: report.address(row, key), quotaId: row.quotaId });
  // 上期累计 is carried in as 0 where a counting cycle starts again: it is always of the same cycle.
  const fell = cumulativeFell(at("cumulative"), { running: true, sameCycle: true, cumulative, before: previous }, report.record.previousPeriod || "上期");
  if (fell.length > 0) return fell;
  if (thisPeriod === null) return [];
  const difference = cumulative - previous;
  const tolerance = 0.5 * 10 ** -Math.min(decimalsOf(thisPeriod), decimalsOf(cumulative)) + SUM_TOLERANCE * Math.max(1, Math.abs(cumulative));
  if (Math.abs(thisPeriod - difference) <= tolerance) return [];
  return [finding("period-not-difference", at("period"), { period: thisPeriod, cumulative, previous, difference: Number(difference.toPrecision(12)) }, thisPeriod)];
}

/** A sheet made by an earlier format of the template (its metadata says so; a blank format is the first). */
const isOutdated = (sheet: SheetUnderCheck): boolean => (Number(sheet.report.record.formatVersion) || 1) < FORMAT_VERSION;

const scopeOrNull = (text: string): Scope | null => {
  try {
    return parseScope(text);
  } catch {
    return null;
  }
};

/**
 * The target cell against the plan itself, which is the source of truth: an edited target whose
 * fingerprint was recomputed to match would pass the integrity check. Where the plan alone cannot
 * tell (a city's split made elsewhere), the row's own record is the reference.
 */
function targetAgainstPlan(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, context: CheckContext): Finding[] {
  if (!sheet.scope || !sheet.known) return [];
  const written = row.values.target;
  const targets = { revision: sheet.known.revision, splits: sheet.splits, geography: context.geography, period: sheet.period };
  const expected = planTarget(quota, sheet.scope, written, targets) ?? row.record.target;
  if (sameCellValue(written, expected)) return [];
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "target"), quotaId: row.quotaId };
  // Untouched since an earlier version wrote it: that version read the plan differently, nobody edited it.
  if (isOutdated(sheet) && sameCellValue(written, row.record.target)) return [finding("target-outdated", at, { expected, found: written }, written)];
  return [finding("target-changed", at, { expected, found: written }, written)];
}

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
function tooLongInputs(report: ReportSheet, row: ReportRow): Finding[] {
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
function checkNumber(sheet: SheetUnderCheck, row: ReportRow, key: ColumnKey, shape: RowShape): Finding[] {
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

/**
 * A total with parts (其中…): the parts' figures typed in the sheet may not add up to more than the
 * total's (less is fine: 其中 may name only some). Told at the total's cell.
 */
function partsFinding(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, total: number): Finding[] {
  const parts = (sheet.known?.revision.quotas ?? []).filter((q) => q.partOf === quota.id);
  const figures = parts.map((part) => numberIn(sheet.rowsById.get(part.id)?.values.cumulative));
  if (parts.length === 0 || figures.every((f) => f === null)) return [];
  const sum = Number(figures.reduce((acc: number, f) => acc + (f ?? 0), 0).toFixed(10));
  if (sum <= total) return [];
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId };
  return [finding("parts-exceed-total", at, { total, sum, parts: parts.map((p) => p.id) }, total)];
}

/** Behind time-progress and implausibly far above the target; time-progress from the plan, never from the sheet's formula. */
function targetWarnings(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, cumulative: number, geography?: Geography): Finding[] {
  const target = numberIn(row.values.target);
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId };
  if (target === null && (sheet.scope?.kind === "city" || sheet.scope?.kind === "county") && sheet.known && isContributedCount(quota)) {
    return contributionWarnings(sheet, row, quota, cumulative, at);
  }
  const completion = target === null ? null : completionAgainst(quota, cumulative, target);
  if (target === null || completion === null || !sheet.known || !sheet.period) return wholePlanWarning(at, quota, cumulative);
  const out: Finding[] = [];
  const { progress } = stageInScope(quota, sheet.scope ?? { kind: "province" }, sheet.period, pathContext(sheet.known, sheet, geography));
  const expectedShare = progress.expected / progress.of;
  // A level (a ceiling, a growth rate) is held against its whole target, as its 状态 formula does.
  const level = levelOkFrom(quota);
  if (isLagging(quota, completion, expectedShare, false)) {
    out.push(finding("behind-schedule", at, { completion, timeProgress: expectedShare, ...(level === null ? {} : { level }) }, cumulative));
  }
  if (target > 0 && cumulative > IMPLAUSIBLE_MULTIPLE * target) {
    out.push(finding("far-above-target", at, { cumulative, target }, cumulative));
  }
  return out;
}

/**
 * A city's (county's) contribution without a target: above the province's target for the period,
 * or far outside the other cities' (counties') figures in the same workbook (a province workbook
 * holding the city sheets).
 */
function contributionWarnings(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, figure: number, at: Where): Finding[] {
  const known = sheet.known as KnownRevision;
  const whole = targetCell(quota, { kind: "province" }, { revision: known.revision, period: sheet.period });
  const child = sheet.scope ? scopeLabel(sheet.scope) : sheet.report.name;
  const own: Contribution = { child, figure, explained: false, at };
  const above = aboveWhole(quota, own, typeof whole === "number" ? whole : null);
  if (above.length > 0) return above;
  const peers = sheet.peers.flatMap((peer): Contribution[] => {
    const peerRow = peer.rowsById.get(row.quotaId);
    const value = numberIn(peerRow?.values.cumulative);
    // A peer with a target of its own, or none typed yet, says nothing about a contribution's range.
    if (!peerRow || value === null || numberIn(peerRow.values.target) !== null) return [];
    return [{ child: peer.scope ? scopeLabel(peer.scope) : peer.report.name, figure: value, explained: false, at }];
  });
  return outsideOthers(quota, own, [own, ...peers]);
}

/**
 * A figure in a row without a target of its own (a city's share not yet split: 未分解) is still
 * implausible past the same multiple of the plan's whole target, which no share can exceed.
 */
function wholePlanWarning(at: { sheet: string; cell: string | null; quotaId: string }, quota: Quota, cumulative: number): Finding[] {
  const whole = isPercentKind(quota.kind) || quota.pending ? null : quota.target;
  if (whole === null || whole <= 0 || cumulative <= IMPLAUSIBLE_MULTIPLE * whole) return [];
  return [finding("far-above-target", at, { cumulative, target: whole, whole: true }, cumulative)];
}

/** A running total lower than the same quota's in an earlier period's sheet of the same scope. */
function earlierWarning(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, now: number): Finding[] {
  if (!RUNNING_KINDS.has(quota.kind) || !sheet.period) return [];
  for (const other of sheet.earlier) {
    if (!other.period || !sheet.known) continue;
    const figure = {
      running: RUNNING_KINDS.has(quota.kind),
      // A figure whose counting cycle started again since (a 每年 one each January, a 每季度 one each quarter) may be lower.
      sameCycle: carriesAcross(quota, other.period, sheet.period, sheet.known.revision),
      cumulative: now,
      before: numberIn(other.rowsById.get(row.quotaId)?.values.cumulative),
    };
    if (runningTotalFell(figure)) {
      return [
        finding(
          "cumulative-decreased",
          { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId },
          { cumulative: now, before: figure.before, sheet: other.report.name },
          now,
        ),
      ];
    }
  }
  return [];
}

/** Relative tolerance for sums of decimals (0.1 + 0.2 万人次). */
const SUM_TOLERANCE = 1e-9;

/** A province figure against the sum of every city's figure for the same Annex 1 quota and period. */
function citiesWarning(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, total: number): Finding[] {
  if (quota.region !== null || !RUNNING_KINDS.has(quota.kind)) return [];
  return citiesNotAddingUp(sheet, row, total);
}

/** A province sheet's figure on `row` against the sum of the same row's figure on every city's sheet. */
function citiesNotAddingUp(sheet: SheetUnderCheck, row: ReportRow, total: number): Finding[] {
  if (!sheet.cities) return [];
  let sum = 0;
  for (const city of sheet.cities) {
    const part = numberIn(city.rowsById.get(row.quotaId)?.values.cumulative);
    // A city that has not reported yet is not a sum that fails to add up.
    if (part === null) return [];
    sum += part;
  }
  if (Math.abs(sum - total) <= SUM_TOLERANCE * Math.max(1, Math.abs(total), Math.abs(sum))) return [];
  const shown = Number(sum.toPrecision(12));
  return [
    finding(
      "cities-not-adding-up",
      { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId },
      { total, cities: sheet.cities.length, sum: shown },
      total,
    ),
  ];
}
