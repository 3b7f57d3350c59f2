import { AUDIT_SHEET, type CheckContext } from "../core/checks";
import type { Finding, Severity } from "../core/findings";
import { asLiteralText } from "../core/template";
import { type PreviousFile, auditWorkbook } from "../core/usecases";
import { PROTECTION_OPTIONS } from "./render";
import { queueSheetRead, readWorkbookSnapshot, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";

export type { PreviousFile } from "../core/usecases";

export interface AuditResult {
  findings: Finding[];
  counts: Record<Severity, number>;
  /** Planbook sheets checked. */
  sheets: number;
}

/**
 * The 校验 button: checks every Planbook sheet of the open workbook (`auditWorkbook`, as
 * `planbook check`) and writes or refreshes the protected 审核结果 sheet. Data sheets are only
 * read, never written. Three syncs: list the sheets, read them, write the audit sheet (the previous
 * period's file, when given, is already read) — and one more per ~3 MB read beyond the first (readWorkbookSnapshot).
 */
export async function runAudit(
  context: Excel.RequestContext,
  options: CheckContext & { now?: Date; password?: string | null; previous?: PreviousFile | null },
): Promise<AuditResult> {
  const snapshot = await readWorkbookSnapshot(context);
  const audit = auditWorkbook(snapshot, options.previous ?? null, { ...options, ranAt: (options.now ?? new Date()).toISOString() });
  const existing = snapshot.sheets.find((s) => s.name === AUDIT_SHEET) ?? null;
  await writeSheets(context, [{ spec: audit.spec, current: currentOf(existing) }], { password: options.password ?? null, activate: AUDIT_SHEET });
  return { findings: audit.findings, counts: audit.counts, sheets: audit.sheets };
}

/**
 * Puts a line in the first row of the 审核结果 sheet (made if missing) and shows the sheet: how the
 * ribbon's 校验 tells an outcome it could not write the usual way (a check that failed). Only A1
 * changes; the rows below stay as the last check left them. Two syncs: look the sheet up, write.
 */
export async function writeAuditNotice(context: Excel.RequestContext, text: string, password: string | null): Promise<void> {
  const read = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(AUDIT_SHEET), { cells: false });
  await syncSheetReads(context, [read]);
  const existing = read.result();
  const sheet = existing ? context.workbook.worksheets.getItem(AUDIT_SHEET) : context.workbook.worksheets.add(AUDIT_SHEET);
  context.runtime.enableEvents = false;
  if (existing?.protected) sheet.protection.unprotect(password ?? undefined);
  // Written as literal text: nothing in the reason is read as a number, a date or a formula.
  sheet.getRange("A1").values = [[asLiteralText(text)]];
  sheet.protection.protect(PROTECTION_OPTIONS, password ?? undefined);
  sheet.activate();
  context.runtime.enableEvents = true;
  await context.sync();
}
