import { syncWithEventsRestored } from "./write";
import { cellAddress, parseRange, rangeAddress, readWorkbook, type ReportSheet, type SheetSnapshot, type WorkbookSnapshot } from "../core/snapshot";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, type ChangeLogEntry, changeLogRow, checkCells, type CheckContext } from "../core/checks";
import type { Finding } from "../core/findings";
import { asLiteralText, type CellValue, INPUT_COLUMNS, META_SHEET } from "../core/template";
import { PROTECTION_OPTIONS } from "./render";
import { supportsApi, type WorkbookRunner } from "./run";
import { queueSheetRead, syncSheetReads, readWorkbookSnapshot } from "./workbook";

export interface LiveCheckingOptions extends CheckContext {
  /** Told after each change: the sheet, the rows checked (1-based) and their findings. */
  onFindings: (sheet: string, rows: number[], findings: Finding[]) => void;
  onError: (error: unknown) => void;
  password?: string | null;
  now?: () => Date;
}

export interface LiveChecking {
  stop(): Promise<void>;
  /** Resolves when the change being handled (if any) is done. */
  idle(): Promise<void>;
}

/**
 * Checks cells as a person types, while the task pane is open. One handler on the worksheet
 * collection; a paste of many cells is one event (with no `details`), so the changed range is
 * read once and checked once. The add-in's own writes are ignored. Each change to an input cell
 * is appended to the hidden 修改记录 sheet (time, sheet, cell, quota id, before, after). Nothing a
 * person typed is changed. Two syncs per change: read the sheet and the metadata, append the log.
 *
 * Works from ExcelApi 1.9: the log is appended with the add-in's events off
 * (`runtime.enableEvents`, ExcelApi 1.8), so its own write raises no event; `triggerSource`
 * (ExcelApi 1.14) filters the add-in's writes only where Excel has it. A co-author's edit
 * (`source: "Remote"`) is checked but not logged: their own Excel logs it.
 */
export async function startLiveChecking(runner: WorkbookRunner, options: LiveCheckingOptions): Promise<LiveChecking> {
  const now = options.now ?? (() => new Date());
  /** The last values seen of each sheet: the "before" of a multi-cell paste, which has no details. */
  const lastSeen = new Map<string, SheetSnapshot>();
  let pending: Promise<void> = Promise.resolve();

  const initial = await runner(readWorkbookSnapshot);
  for (const sheet of initial.sheets) lastSeen.set(sheet.name, sheet);

  const handle = (args: Excel.WorksheetChangedEventArgs) =>
    runner(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(args.worksheetId);
      const read = queueSheetRead(worksheet);
      const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
      const log = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET);
      // The log is only appended to: its extent is enough.
      const logRead = queueSheetRead(log, { cells: false });
      await syncSheetReads(context, [read, metaRead]);
      const sheet = read.result();
      const meta = metaRead.result();
      if (!sheet || !meta) return;
      const snapshot: WorkbookSnapshot = { sheets: [sheet, meta] };
      const report = readWorkbook(snapshot).reports.find((r) => r.name === sheet.name);
      const previous = lastSeen.get(sheet.name);
      lastSeen.set(sheet.name, sheet);
      if (!report) return;
      const { start, end } = parseRange(args.address);
      const rows = Array.from({ length: end.row - start.row + 1 }, (_, i) => start.row + i + 1);
      options.onFindings(sheet.name, rows, checkCells(snapshot, sheet.name, rows.map((row) => cellAddress(row - 1, 0)), options));
      if (args.source === "Remote") return;
      const entries = changedInputs(report, start, end, previous, sheet, args, now().toISOString());
      if (entries.length === 0) return;
      // The log's own write is not a person typing: no event for it (before ExcelApi 1.14 there is no triggerSource to tell).
      context.runtime.enableEvents = false;
      const existingRows = logRead.extent().rows;
      const target = log.isNullObject ? context.workbook.worksheets.add(CHANGE_LOG_SHEET) : log;
      if (!log.isNullObject && logRead.result()?.protected) target.protection.unprotect(options.password ?? undefined);
      const rowsToWrite = [...(existingRows === 0 ? [CHANGE_LOG_HEADER] : []), ...entries.map(changeLogRow)].map((row) =>
        row.map((value) => (typeof value === "string" ? asLiteralText(value) : (value ?? ""))),
      );
      target.getRange(rangeAddress(existingRows, 0, rowsToWrite.length, CHANGE_LOG_HEADER.length)).values = rowsToWrite;
      target.visibility = "Hidden";
      target.protection.protect(PROTECTION_OPTIONS, options.password ?? undefined);
      context.runtime.enableEvents = true;
      await syncWithEventsRestored(context);
    });

  // `triggerSource` is ExcelApi 1.14: read only where Excel says it has it; below, the add-in's
  // writes raise no event anyway (events are off while it writes).
  const tagsOwnWrites = supportsApi("ExcelApi", "1.14");
  const registration = await runner(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(async (args) => {
      // Our own writes (generating, the log itself) are not a person typing.
      if (tagsOwnWrites && args.triggerSource === "ThisLocalAddin") return;
      pending = pending.then(() => handle(args)).catch(options.onError);
      await pending;
    });
    await context.sync();
    return result;
  });

  return {
    async stop() {
      // Office.js removes a handler only through the request context it was added in.
      await runner(registration.context as Excel.RequestContext, async (context) => {
        registration.remove();
        await context.sync();
      }).catch(options.onError);
    },
    idle: () => pending,
  };
}

/** The input cells of Planbook rows inside the changed rectangle whose value is not what it was. */
function changedInputs(
  report: ReportSheet,
  start: { row: number; col: number },
  end: { row: number; col: number },
  previous: SheetSnapshot | undefined,
  current: SheetSnapshot,
  args: Excel.WorksheetChangedEventArgs,
  at: string,
): ChangeLogEntry[] {
  const entries: ChangeLogEntry[] = [];
  const single = start.row === end.row && start.col === end.col;
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
