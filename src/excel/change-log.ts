/**
 * The one writer of 修改记录 in Excel: live checking's batch (`appendToChangeLog`) and 更新上期累计
 * (which reads the log's extent with its own sheets, `queueChangeLogRead`, and queues the append in
 * its own write, `queueChangeLogAppend`) append the same rows the same way.
 */
import { syncWithEventsRestored } from "./write";
import { rangeAddress } from "../core/snapshot";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, type ChangeLogEntry, changeLogRow } from "../core/checks";
import { asLiteralText, type ValidationSpec } from "../core/template";
import { PROTECTION_OPTIONS, queueValidation } from "./render";
import { type PendingSheetRead, queueSheetRead, syncSheetReads } from "./workbook";

/** 修改记录 as the workbook holds it (a null object when there is none), and its pending read. */
export interface ChangeLogRead {
  log: Excel.Worksheet;
  read: PendingSheetRead;
}

/** Queues the read of 修改记录 an append needs — its extent and protection only: the log is only appended to. Sync it with the caller's other reads. */
export function queueChangeLogRead(context: Excel.RequestContext): ChangeLogRead {
  const log = context.workbook.worksheets.getItemOrNullObject(CHANGE_LOG_SHEET);
  return { log, read: queueSheetRead(log, { cells: false }) };
}

/**
 * Queues the append of entries after the log's last row (a header first in an empty log): the log
 * made, hidden, when missing; unprotected when protected, and protected again. Call after the read
 * was synced, with the add-in's events off (its own write is not a person typing); the caller syncs.
 */
export function queueChangeLogAppend(context: Excel.RequestContext, { log, read }: ChangeLogRead, entries: readonly ChangeLogEntry[], password: string | null): void {
  if (entries.length === 0) return;
  const existingRows = read.extent().rows;
  const target = log.isNullObject ? context.workbook.worksheets.add(CHANGE_LOG_SHEET) : log;
  if (log.isNullObject) target.visibility = "Hidden";
  else if (read.result()?.protected) target.protection.unprotect(password ?? undefined);
  const rowsToWrite = [...(existingRows === 0 ? [CHANGE_LOG_HEADER] : []), ...entries.map(changeLogRow)].map((row) =>
    row.map((value) => (typeof value === "string" ? asLiteralText(value) : (value ?? ""))),
  );
  target.getRange(rangeAddress(existingRows, 0, rowsToWrite.length, CHANGE_LOG_HEADER.length)).values = rowsToWrite;
  target.protection.protect(PROTECTION_OPTIONS, password ?? undefined);
}

/** Input cells of a sheet whose validation a paste took: the template's rules for them, and whether the sheet was protected. */
export interface LostValidation {
  worksheetId: string;
  protected: boolean;
  validations: ValidationSpec[];
}

/**
 * Appends entries to 修改记录 (made hidden when missing) and puts back the validations pastes took
 * from input cells: two syncs — its extent, then the write, unprotecting and protecting each sheet
 * written again (which, like any write, clears Excel's undo stack).
 */
export async function appendToChangeLog(context: Excel.RequestContext, entries: readonly ChangeLogEntry[], restores: readonly LostValidation[], password: string | null): Promise<void> {
  const logRead = queueChangeLogRead(context);
  await syncSheetReads(context, [logRead.read]);
  // The log's own write is not a person typing: no event for it (before ExcelApi 1.14 there is no triggerSource to tell).
  context.runtime.enableEvents = false;
  for (const lost of restores) {
    const worksheet = context.workbook.worksheets.getItem(lost.worksheetId);
    if (lost.protected) worksheet.protection.unprotect(password ?? undefined);
    for (const validation of lost.validations) queueValidation(worksheet, validation);
    if (lost.protected) worksheet.protection.protect(PROTECTION_OPTIONS, password ?? undefined);
  }
  queueChangeLogAppend(context, logRead, entries, password);
  context.runtime.enableEvents = true;
  await syncWithEventsRestored(context);
}
