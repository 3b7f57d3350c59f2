import { appendToChangeLog, type LostValidation } from "./change-log";
import { cellAddress, changedArea, rangeAddress, readWorkbook, type ReportRow, type ReportSheet, type SheetSnapshot, type WorkbookSnapshot } from "../core/snapshot";
import { type ChangeLogEntry, checkCells, type CheckContext } from "../core/checks";
import { type Finding, finding } from "../core/findings";
import { type PlanRevision, quotaIndex } from "../core/plan";
import { type CellValue, INPUT_COLUMNS, inputValidation, META_SHEET, parsePartId, partsOf, type ValidationSpec } from "../core/template";
import { supportsApi, type WorkbookRunner } from "./run";
import { queueSheetRead, syncSheetReads, readWorkbookSnapshot } from "./workbook";

export interface LiveCheckingOptions extends CheckContext {
  /** Told after each change: the sheet, the rows checked (1-based) and their findings. */
  onFindings: (sheet: string, rows: number[], findings: Finding[]) => void;
  onError: (error: unknown) => void;
  /** Told how many changes wait to be written to 修改记录 (after each change, and 0 once written). */
  onUnwrittenLog?: (count: number) => void;
  /**
   * Write each change to 修改记录 as it is made (opt-in). A write to the workbook — and the
   * unprotecting and protecting of 修改记录 it needs — clears Excel's undo stack, so with this on
   * Ctrl+Z no longer undoes what was typed; off (the default) the log is written by `writeLog`.
   */
  logEachChange?: boolean;
  password?: string | null;
  now?: () => Date;
}

export interface LiveChecking {
  /** Writes the changes kept so far to 修改记录, then stops listening. */
  stop(): Promise<void>;
  /** Resolves when the change being handled (if any) is done. */
  idle(): Promise<void>;
  /** Writes the changes kept so far to 修改记录 (one batch; nothing when none are kept). */
  writeLog(): Promise<void>;
  /**
   * Reads the workbook again into what it keeps: after an operation of the add-in's own changed
   * sheets (its writes raise no event), so that the next change has its "before".
   */
  readAgain(): Promise<void>;
}

/** What live checking keeps between changes: the metadata, and each Planbook sheet as last read. */
interface Memory {
  meta: SheetSnapshot | null;
  /** By worksheet id: the sheet as last read, and its report (null for a sheet that is not a Planbook report). */
  sheets: Map<string, { sheet: SheetSnapshot; report: ReportSheet | null }>;
}

/**
 * Checks cells as a person types, while the task pane is open. One handler on the worksheet
 * collection; a paste of many cells is one event (with no `details`), so the changed range is
 * read once and checked once. The add-in's own writes are ignored. Nothing a person typed is
 * changed.
 *
 * What a keystroke costs does not grow with the workbook: the metadata and every Planbook sheet
 * are read once, when checking starts, and kept; a change then reads only the cells it changed
 * (one sync, bytes in proportion to the changed cells) and checks its rows against what is kept.
 * A change that moves cells — rows or columns inserted or deleted, cells shifted — reads its
 * sheet again (one sync, that sheet's bytes); a sheet not kept (made, renamed since) reads the
 * metadata and itself (a second sync). Whole rows and columns (`60:60`, `J:J`) are cut to the
 * cells the sheet uses.
 *
 * Undo: typing stays undoable. A change is only read — nothing is written to the workbook while a
 * person types, and a write is what clears Excel's undo stack (every write before ExcelApi 1.20;
 * from 1.20 protect/unprotect and sheet visibility among others, "Undo support with the Excel
 * JavaScript API"). The changes to input cells (time, sheet, cell, quota id, before, after) are
 * kept and written to the hidden 修改记录 sheet in one batch by `writeLog` — which the add-in's
 * operations call before they run (校验, 生成…) — and when checking stops; a person who wants each
 * change written at once opts in (`logEachChange`), losing undo. Changes not yet written are lost
 * if Excel closes first: the pane says how many there are.
 *
 * Works from ExcelApi 1.9: the log is written with the add-in's events off
 * (`runtime.enableEvents`, ExcelApi 1.8), so its own write raises no event; `triggerSource`
 * (ExcelApi 1.14) filters the add-in's writes only where Excel has it. A co-author's edit
 * (`source: "Remote"`) is checked but not logged: their own Excel logs it.
 */
export async function startLiveChecking(runner: WorkbookRunner, options: LiveCheckingOptions): Promise<LiveChecking> {
  const now = options.now ?? (() => new Date());
  const memory: Memory = { meta: null, sheets: new Map() };
  let unwritten: ChangeLogEntry[] = [];
  /** Validations a paste took from input cells, put back from the template's rules with the next batch write. */
  let lostValidations: LostValidation[] = [];
  let pending: Promise<void> = Promise.resolve();

  /** Reads the whole workbook into memory: what checking starts from, and reads again after the add-in's own operations (`readAgain`). */
  const remember = (context: Excel.RequestContext) => readMemory(context, memory);
  await runner(remember);

  const handle = (args: Excel.WorksheetChangedEventArgs) =>
    runner(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(args.worksheetId);
      worksheet.load("name");
      worksheet.protection.load("protected");
      const kept = memory.meta ? memory.sheets.get(args.worksheetId) : undefined;
      const moved = args.changeType !== "RangeEdited";
      // A change in place to a sheet that is kept: only its cells are read.
      const area = kept && !moved ? changedArea(args.address, kept.sheet.values.length, width(kept.sheet)) : null;
      const cells = area ? worksheet.getRange(rangeAddress(area.start.row, area.start.col, area.end.row - area.start.row + 1, area.end.col - area.start.col + 1)) : null;
      cells?.load("values,formulas");
      // A paste brings the source's data validation (or none) in place of an input's: asked of each
      // input cell the change covers that the template gave a validation (an unlocked figure or status).
      const inputs = area && kept?.report ? validatedInputs(kept.report, area).map(({ address, row }) => {
        const cell = worksheet.getRange(address);
        cell.dataValidation.load("type");
        cell.format.protection.load("locked");
        return { address, row, cell };
      }) : [];
      // Otherwise the sheet is read whole (and the metadata too when it is not kept, or the sheet is not known).
      const whole = kept && !moved ? null : queueSheetRead(worksheet);
      const meta = memory.meta && kept ? null : queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
      await syncSheetReads(context, [...(whole ? [whole] : []), ...(meta ? [meta] : [])]);
      if (meta) memory.meta = meta.result();
      if (!memory.meta) return;
      const before = kept && kept.sheet.name === worksheet.name ? kept : undefined;
      let sheet: SheetSnapshot;
      if (cells && area && before) {
        sheet = withCells(before.sheet, area.start, cells.values as CellValue[][], cells.formulas as CellValue[][], worksheet.protection.protected);
      } else if (whole) {
        const read = whole.result();
        if (!read) return;
        sheet = read;
      } else {
        // A kept sheet renamed since: the metadata may name it now (a second sync).
        const again = queueSheetRead(worksheet);
        const metaAgain = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
        await syncSheetReads(context, [again, metaAgain]);
        memory.meta = metaAgain.result();
        const read = again.result();
        if (!read || !memory.meta) return;
        sheet = read;
      }
      const report = readWorkbook({ sheets: [sheet, memory.meta] }).reports.find((r) => r.name === sheet.name) ?? null;
      memory.sheets.set(args.worksheetId, { sheet, report });
      if (!report) return;
      const snapshot: WorkbookSnapshot = { sheets: [sheet, memory.meta] };
      // A change that moved cells (or a sheet read afresh) is checked whole: every row may have moved.
      const checked = area && before ? { first: area.start.row, last: area.end.row } : { first: 0, last: sheet.values.length - 1 };
      // The edited cells of a sheet read afresh: logged where their "before" is known (one typed cell's details).
      const edited = area ?? (moved ? null : changedArea(args.address, sheet.values.length, width(sheet)));
      const rows = Array.from({ length: Math.max(0, checked.last - checked.first + 1) }, (_, i) => checked.first + i + 1);
      const stripped = inputs.filter(({ cell }) => cell.dataValidation.type === "None" && !cell.format.protection.locked);
      const removed = stripped.map(({ address }) => address);
      const lost = removed.length > 0 ? [finding("validation-removed", { sheet: sheet.name, cell: removed[0] ?? null, quotaId: null }, { cells: removed })] : [];
      const restore = stripped.flatMap(({ address, row }) => templateValidation(kept?.report ?? report, row, address, options.revisions) ?? []);
      if (restore.length > 0) lostValidations = [...lostValidations, { worksheetId: args.worksheetId, protected: sheet.protected, validations: restore }];
      options.onFindings(sheet.name, rows, [...checkCells(snapshot, sheet.name, rows.map((row) => cellAddress(row - 1, 0)), options), ...lost]);
      // Nothing is logged for a move itself — no input changed its value by it; a deleted quota row
      // is a finding of the sheet's check.
      if (args.source === "Remote" || !edited) return;
      const entries = changedInputs(before?.report ?? report, edited, before?.sheet ?? null, sheet, args, now().toISOString());
      if (entries.length === 0) return;
      unwritten = [...unwritten, ...entries];
      options.onUnwrittenLog?.(unwritten.length);
    });

  const writeLog = (): Promise<void> => {
    const entries = unwritten;
    const restores = lostValidations;
    if (entries.length === 0 && restores.length === 0) return Promise.resolve();
    return runner(async (context) => {
      await appendToChangeLog(context, entries, restores, options.password ?? null);
      unwritten = unwritten.filter((entry) => !entries.includes(entry));
      lostValidations = lostValidations.filter((lost) => !restores.includes(lost));
      options.onUnwrittenLog?.(unwritten.length);
    });
  };

  // `triggerSource` is ExcelApi 1.14: read only where Excel says it has it; below, the add-in's
  // writes raise no event anyway (events are off while it writes).
  const tagsOwnWrites = supportsApi("ExcelApi", "1.14");
  const registration = await runner(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(async (args) => {
      // Our own writes (generating, the log itself) are not a person typing.
      if (tagsOwnWrites && args.triggerSource === "ThisLocalAddin") return;
      pending = pending
        .then(() => handle(args))
        .then(() => (options.logEachChange ? writeLog() : undefined))
        .catch(options.onError);
      await pending;
    });
    await context.sync();
    return result;
  });

  return {
    async stop() {
      await pending;
      await writeLog().catch(options.onError);
      // Office.js removes a handler only through the request context it was added in.
      await runner(registration.context as Excel.RequestContext, async (context) => {
        registration.remove();
        await context.sync();
      }).catch(options.onError);
    },
    idle: () => pending,
    writeLog: () => {
      // In turn with the changes being handled; a failure is the caller's, and the next change is still handled.
      const run = pending.then(writeLog);
      pending = run.catch(() => undefined);
      return run;
    },
    readAgain() {
      // In turn: a change that comes in meanwhile is handled against what is read now.
      const run = pending.then(() => runner(remember));
      pending = run.catch(options.onError);
      return run;
    },
  };
}

/** Reads the metadata and every sheet into memory, by worksheet id (one sync to list the ids, then readWorkbookSnapshot's). */
async function readMemory(context: Excel.RequestContext, memory: Memory): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name");
  await context.sync();
  const ids = new Map(worksheets.items.map((worksheet) => [worksheet.name, worksheet.id]));
  const snapshot = await readWorkbookSnapshot(context);
  memory.meta = snapshot.sheets.find((sheet) => sheet.name === META_SHEET) ?? null;
  memory.sheets.clear();
  if (!memory.meta) return;
  const reports = readWorkbook(snapshot).reports;
  for (const sheet of snapshot.sheets) {
    const id = ids.get(sheet.name);
    if (id !== undefined) memory.sheets.set(id, { sheet, report: reports.find((r) => r.name === sheet.name) ?? null });
  }
}

const width = (sheet: SheetSnapshot): number => Math.max(0, ...sheet.values.map((row) => row.length));

/** The template gives a validation to each figure and status a person types (not to 说明): those of Planbook rows in the area. */
const VALIDATED_INPUTS = ["period", "cumulative", "status"] as const;
function validatedInputs(report: ReportSheet, area: { start: { row: number; col: number }; end: { row: number; col: number } }): { address: string; row: ReportRow }[] {
  return report.rows.flatMap((row) =>
    row.row - 1 < area.start.row || row.row - 1 > area.end.row
      ? []
      : VALIDATED_INPUTS.flatMap((key) => {
          const c = report.columns[key];
          return c === undefined || c < area.start.col || c > area.end.col ? [] : [{ address: cellAddress(row.row - 1, c), row }];
        }),
  );
}

/**
 * The validation the template gave an input cell (the rule generating writes, `inputValidation`):
 * from its row's quota in the sheet's plan revision — a ratio's numerator or denominator is a count
 * in its own unit. Null when the revision or quota is not known (the cell is still flagged).
 */
function templateValidation(report: ReportSheet, row: ReportRow, address: string, revisions: readonly PlanRevision[]): ValidationSpec | null {
  const revision = revisions.find((r) => r.revision === report.record.revision);
  if (!revision) return null;
  const quotas = quotaIndex(revision.quotas);
  const part = parsePartId(row.quotaId);
  const quota = quotas.get(part ? part.quotaId : row.quotaId);
  if (!quota || quota === "retired") return null;
  if (!part) return inputValidation(address, quota);
  const unit = partsOf(quota).find((p) => p.key === part.key)?.unit;
  return unit === undefined ? null : inputValidation(address, { kind: "cumulative", unit });
}

/** A kept sheet with the cells of a change put in (a copy: the kept one is the change's "before"). */
function withCells(sheet: SheetSnapshot, at: { row: number; col: number }, values: CellValue[][], formulas: CellValue[][], isProtected: boolean): SheetSnapshot {
  const put = (grid: CellValue[][], block: CellValue[][]): CellValue[][] => {
    const next = grid.map((row) => [...row]);
    block.forEach((line, r) =>
      line.forEach((value, c) => {
        const row = (next[at.row + r] ??= []);
        while (row.length < at.col + c) row.push("");
        row[at.col + c] = value;
      }),
    );
    for (let r = 0; r < next.length; r++) next[r] ??= [];
    return next;
  };
  return { ...sheet, protected: isProtected, values: put(sheet.values, values), formulas: put(sheet.formulas, formulas) };
}

/**
 * The input cells of Planbook rows inside the changed area whose value is not what it was. With no
 * `previous` (a sheet not kept) only one typed cell is known: its event's details say what it held.
 */
function changedInputs(
  report: ReportSheet,
  area: { start: { row: number; col: number }; end: { row: number; col: number } },
  previous: SheetSnapshot | null,
  current: SheetSnapshot,
  args: Excel.WorksheetChangedEventArgs,
  at: string,
): ChangeLogEntry[] {
  const { start, end } = area;
  const entries: ChangeLogEntry[] = [];
  const single = start.row === end.row && start.col === end.col;
  if (!previous && !(single && args.details)) return [];
  for (const row of report.rows) {
    const r = row.row - 1;
    if (r < start.row || r > end.row) continue;
    for (const key of INPUT_COLUMNS) {
      const c = report.columns[key];
      if (c === undefined || c < start.col || c > end.col) continue;
      const after: CellValue = current.values[r]?.[c] ?? "";
      const before: CellValue = single && args.details ? (args.details.valueBefore as CellValue) : (previous?.values[r]?.[c] ?? "");
      if (before === after) continue;
      entries.push({ at, sheet: report.name, cell: cellAddress(r, c), quotaId: row.quotaId, before, after });
    }
  }
  return entries;
}
