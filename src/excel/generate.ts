import { type Geography, parseScope, type PlanRevision, type Scope } from "../core/plan";
import { type Period, formatPeriod, nextPeriod, periodOrNull } from "../core/period";
import { carriedInputs, previousReport, readWorkbook, type SheetSnapshot } from "../core/snapshot";
import { buildTemplate, defaultSheetName, EMPTY_META, formOf, INSTRUCTIONS_SHEET, isInstructionsSheet, META_SHEET, type MetaRecords, metaRows, metaSheetSpec, parseMetaRows, withSheetRecords } from "../core/template";
import { queueSheetRead, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";
import { PreviousSheetError } from "../core/shared";
import { SheetNameUnavailableError } from "./errors";

export interface GenerateOptions {
  revision: PlanRevision;
  scope: Scope;
  period: Period;
  /** Sheet protection password from the add-in's settings; none by default. */
  password?: string | null;
  /** The time the sheet is made; defaults to now. */
  now?: Date;
  /** The counties: a county's sheet follows its city's path, and coverage counts them (杭州市 13). */
  geography?: Geography;
}

export interface GenerateResult {
  sheetName: string;
  quotaRows: number;
  /** Rows whose typed values were carried over from the earlier sheet. */
  keptRows: number;
  /** Quota ids moved to the archive area (dropped by the revision but carrying data). */
  archived: string[];
  /** Cells typed outside the template, kept in an area of their own below the table. */
  keptCells: number;
  /** Set when the wanted name belonged to a sheet Planbook did not make: that sheet is left alone. */
  nameTakenBy: string | null;
  /** True when an existing Planbook sheet was regenerated or upgraded in place. */
  regenerated: boolean;
}

/** `杭州市 2026-10`, then `杭州市 2026-10 (2)`… — the first name not held by a foreign sheet. */
function chooseSheetName(wanted: string, existing: string[], planbookSheets: Set<string>): string {
  for (let n = 1; n < 100; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!existing.includes(name) || planbookSheets.has(name)) return name;
  }
  throw new SheetNameUnavailableError(wanted);
}

/** What the first sync reads: the sheets' names, the metadata and the 填报说明 sheet. */
interface WorkbookState {
  meta: MetaRecords;
  metaSnapshot: SheetSnapshot | null;
  instructionsSnapshot: SheetSnapshot | null;
  existingNames: string[];
}

/** Queues the reads of the first sync (with whatever else the caller queued) and syncs once. */
async function readState(context: Excel.RequestContext): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const metaRead = queueSheetRead(worksheets.getItemOrNullObject(META_SHEET));
  const instructionsRead = queueSheetRead(worksheets.getItemOrNullObject(INSTRUCTIONS_SHEET));
  await syncSheetReads(context, [metaRead, instructionsRead]);
  const metaSnapshot = metaRead.result();
  return {
    meta: metaSnapshot ? parseMetaRows(metaSnapshot.values) : EMPTY_META,
    metaSnapshot,
    instructionsSnapshot: instructionsRead.result(),
    existingNames: worksheets.items.map((w) => w.name),
  };
}

/**
 * Builds (or rebuilds) the reporting sheet for a scope and a period in the open workbook.
 *
 * Syncs: one to list the sheets and read the metadata, one to read the sheet being replaced
 * (only when there is one), one to write everything — plus one per extra block when a read or the
 * write would pass Excel on the web's size limits (syncSheetReads, writeSheets). Sheets are
 * unprotected, written and protected again in the same batch; if the batch fails, a `finally`
 * re-protects whatever was left unprotected.
 */
export async function generateTemplate(context: Excel.RequestContext, options: GenerateOptions): Promise<GenerateResult> {
  return writeReportSheet(context, await readState(context), options, null);
}

export interface NextPeriodOptions {
  revision: PlanRevision;
  password?: string | null;
  now?: Date;
  /** The counties (see GenerateOptions). */
  geography?: Geography;
}

export interface NextPeriodResult extends GenerateResult {
  /** The sheet its 上期累计 came from (the active one). */
  previousSheet: string;
  /** The period made (`2026-10`). */
  period: string;
}

/**
 * 下一报告期: the period after the active Planbook sheet's, for the same scope, made from it — its
 * 累计完成 carried in as 上期累计, its milestone states carried on (see `buildTemplate`'s
 * `previous`). Made again when that sheet exists: what was typed in it is kept.
 *
 * Syncs: one to list the sheets, name the active one and read the metadata, one to read the active
 * sheet (and the sheet being replaced), one to write — as `generateTemplate`, whatever the row count.
 */
export async function generateNextPeriod(context: Excel.RequestContext, options: NextPeriodOptions): Promise<NextPeriodResult> {
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  const state = await readState(context);
  const record = state.meta.sheets.find((s) => s.sheet === active.name);
  if (!record) {
    throw new PreviousSheetError(active.name, { zh: "它不是 Planbook 生成的报表，请先选中上一报告期的报表", en: "it is not a Planbook report sheet; select the previous period's sheet first" });
  }
  const from = periodOrNull(record.period);
  if (!from) throw new PreviousSheetError(active.name, { zh: `它的报告期「${record.period}」无法识别`, en: `its period "${record.period}" cannot be read` });
  let scope: Scope;
  try {
    scope = parseScope(record.scope, options.revision);
  } catch (error) {
    throw new PreviousSheetError(active.name, { zh: (error as Error).message, en: `its scope "${record.scope}" is not the plan's` });
  }
  const period = nextPeriod(from);
  const result = await writeReportSheet(context, state, { ...options, scope, period }, active.name);
  return { ...result, previousSheet: active.name, period: formatPeriod(period) };
}

/**
 * The second sync and the write: reads the sheet being replaced (and the previous period's sheet
 * `from`, when the new one is made from it) in one sync, builds the sheet and writes it with the
 * 填报说明 and the metadata.
 */
async function writeReportSheet(context: Excel.RequestContext, state: WorkbookState, options: GenerateOptions, from: string | null): Promise<GenerateResult> {
  const password = options.password ?? null;
  const { meta, metaSnapshot, instructionsSnapshot, existingNames } = state;
  const worksheets = context.workbook.worksheets;
  const wanted = defaultSheetName(options.scope, options.period);
  const planbookSheets = new Set(meta.sheets.map((s) => s.sheet));
  const sheetName = chooseSheetName(wanted, existingNames, planbookSheets);
  const replacing = existingNames.includes(sheetName);

  const replacedRead = replacing ? queueSheetRead(worksheets.getItem(sheetName)) : null;
  const fromRead = from !== null && from !== sheetName ? queueSheetRead(worksheets.getItem(from)) : null;
  const reads = [replacedRead, fromRead].filter((read) => read !== null);
  if (reads.length > 0) await syncSheetReads(context, reads);
  const previousSheet = replacedRead?.result() ?? null;
  const reportOf = (sheet: SheetSnapshot | null | undefined, name: string) =>
    sheet && metaSnapshot ? readWorkbook({ sheets: [sheet, metaSnapshot] }).reports.find((r) => r.name === name) : undefined;
  const previousReportSheet = reportOf(previousSheet, sheetName);
  const fromReport = from !== null ? reportOf(fromRead?.result(), from) : undefined;
  if (from !== null && !fromReport) throw new PreviousSheetError(from, { zh: "无法读取它的报表行", en: "its report rows cannot be read" });

  const built = buildTemplate({
    revision: options.revision,
    // The levels a person corrected in this workbook's 计划 view decide who reports what.
    levels: meta.levels,
    scope: options.scope,
    period: options.period,
    generatedAt: (options.now ?? new Date()).toISOString(),
    sheetName,
    password,
    splits: meta.splits,
    geography: options.geography,
    carried: previousReportSheet && previousSheet ? carriedInputs(previousReportSheet, previousSheet) : undefined,
    previous: fromReport ? previousReport(fromReport) : undefined,
    form: formOf(meta),
  });
  // A sheet of that name the person made themselves is left alone: only Planbook's own is rewritten.
  const instructionsOurs = instructionsSnapshot === null || isInstructionsSheet(instructionsSnapshot.values);
  const metaSpec = metaSheetSpec(metaRows(withSheetRecords(meta, built.sheetRecord, built.rowRecords)), password);

  await writeSheets(
    context,
    [
      { spec: built.sheet, current: currentOf(previousSheet) },
      ...(instructionsOurs ? [{ spec: built.instructions, current: currentOf(instructionsSnapshot) }] : []),
      { spec: metaSpec, current: currentOf(metaSnapshot) },
    ],
    { password, activate: built.sheet.name },
  );
  return {
    sheetName,
    quotaRows: built.quotaRows,
    keptRows: previousReportSheet ? previousReportSheet.rows.length : 0,
    archived: built.archived,
    keptCells: built.keptCells,
    nameTakenBy: sheetName === wanted ? null : wanted,
    regenerated: previousReportSheet !== undefined,
  };
}
