import type { PlanRevision } from "../core/plan/types";
import type { Period } from "../core/period";
import type { Scope } from "../core/scope";
import { readWorkbook, carriedInputs } from "../core/read-sheets";
import { type WorkbookSnapshot } from "../core/snapshot";
import { buildTemplate, defaultSheetName } from "../core/template/build";
import { metaSheetSpec } from "../core/template/sheet";
import { withLevelCorrections } from "../core/plan/level";
import { META_SHEET, formOf, metaRows, parseMetaRows, withSheetRecords, EMPTY_META } from "../core/template/meta";
import { INSTRUCTIONS_SHEET, isInstructionsSheet } from "../core/template/instructions";
import { queueSheetRead, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";
import { SheetNameUnavailableError } from "../core/errors";

export interface GenerateOptions {
  revision: PlanRevision;
  scope: Scope;
  period: Period;
  /** Sheet protection password from the add-in's settings; none by default. */
  password?: string | null;
  /** The time the sheet is made; defaults to now. */
  now?: Date;
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
  const password = options.password ?? null;
  const wanted = defaultSheetName(options.scope, options.period);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const metaRead = queueSheetRead(worksheets.getItemOrNullObject(META_SHEET));
  const instructionsRead = queueSheetRead(worksheets.getItemOrNullObject(INSTRUCTIONS_SHEET));
  await syncSheetReads(context, [metaRead, instructionsRead]);

  const metaSnapshot = metaRead.result();
  const meta = metaSnapshot ? parseMetaRows(metaSnapshot.values) : EMPTY_META;
  const instructionsSnapshot = instructionsRead.result();
  const planbookSheets = new Set(meta.sheets.map((s) => s.sheet));
  const existingNames = worksheets.items.map((w) => w.name);
  const sheetName = chooseSheetName(wanted, existingNames, planbookSheets);
  const replacing = existingNames.includes(sheetName);

  let previous: WorkbookSnapshot | null = null;
  if (replacing) {
    const read = queueSheetRead(worksheets.getItem(sheetName));
    await syncSheetReads(context, [read]);
    const sheet = read.result();
    previous = sheet && metaSnapshot ? { sheets: [sheet, metaSnapshot] } : null;
  }
  const previousReport = previous ? readWorkbook(previous).reports.find((r) => r.name === sheetName) : undefined;
  const previousSheet = previous?.sheets[0] ?? null;

  const built = buildTemplate({
    // The levels a person corrected in this workbook's 计划 view decide who reports what.
    revision: withLevelCorrections(options.revision, meta.levels),
    scope: options.scope,
    period: options.period,
    generatedAt: (options.now ?? new Date()).toISOString(),
    sheetName,
    password,
    splits: meta.splits,
    carried: previousReport && previousSheet ? carriedInputs(previousReport, previousSheet) : undefined,
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
    keptRows: previousReport ? previousReport.rows.length : 0,
    archived: built.archived,
    keptCells: built.keptCells,
    nameTakenBy: sheetName === wanted ? null : wanted,
    regenerated: previousReport !== undefined,
  };
}
