import { AUDIT_SHEET, auditSheetSpec } from "../core/checks/audit";
import { checkWorkbook, type CheckContext } from "../core/checks/check";
import { checkAgainstPrevious } from "../core/checks/previous";
import type { WorkbookSnapshot } from "../core/snapshot";
import { countBySeverity, type Finding, type Severity } from "../core/findings";
import { readMeta } from "../core/read-sheets";
import { readWorkbookSnapshot } from "./workbook";
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
