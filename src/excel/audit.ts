import { AUDIT_SHEET, auditSheetSpec, checkAgainstPrevious, type CheckContext, checkWorkbook } from "../core/checks";
import { readMeta, type WorkbookSnapshot } from "../core/snapshot";
import { countBySeverity, type Finding, type Severity } from "../core/findings";
import { asLiteralText } from "../core/template";
import { PROTECTION_OPTIONS } from "./render";
import { queueSheetRead, readWorkbookSnapshot, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";

export interface AuditResult {
  findings: Finding[];
  counts: Record<Severity, number>;
  /** Planbook sheets checked. */
  sheets: number;
}

/** The previous period's returned file, already read, that the sheets are compared with. */
export interface PreviousFile {
  name: string;
  snapshot: WorkbookSnapshot;
}

/**
 * The 校验 button: checks every Planbook sheet of the open workbook and writes or refreshes the
 * protected 审核结果 sheet. Data sheets are only read, never written. Three syncs: list the sheets,
 * read them, write the audit sheet (the previous period's file, when given, is already read) — and one more per ~3 MB read beyond the first (readWorkbookSnapshot).
 */
export async function runAudit(
  context: Excel.RequestContext,
  options: CheckContext & { now?: Date; password?: string | null; previous?: PreviousFile | null },
): Promise<AuditResult> {
  const snapshot = await readWorkbookSnapshot(context);
  const checked = { ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== AUDIT_SHEET) };
  const previous = options.previous ?? null;
  const findings = [...checkWorkbook(checked, options), ...(previous ? checkAgainstPrevious(checked, previous.snapshot, previous.name) : [])];
  const meta = readMeta(checked);
  const revisions = [...new Set(meta.sheets.map((s) => s.revision))];
  const labels = revisions.map((id) => options.revisions.find((r) => r.revision === id)?.label ?? id);
  const spec = auditSheetSpec({
    findings,
    revision: labels.join("、") || "—",
    ranAt: (options.now ?? new Date()).toISOString(),
    password: options.password ?? null,
  });
  const existing = snapshot.sheets.find((s) => s.name === AUDIT_SHEET) ?? null;
  await writeSheets(context, [{ spec, current: currentOf(existing) }], { password: options.password ?? null, activate: AUDIT_SHEET });
  return { findings, counts: countBySeverity(findings), sheets: meta.sheets.length };
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
