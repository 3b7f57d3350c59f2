import { AUDIT_SHEET, auditSheetSpec } from "../checks/audit";
import { checkWorkbook } from "../checks/check";
import type { CheckContext } from "../checks/sheet-under-check";
import { checkAgainstPrevious } from "../checks/previous";
import { countBySeverity, type Finding, type Severity } from "../findings/findings";
import { readMeta } from "../snapshot/read-sheets";
import type { WorkbookSnapshot } from "../snapshot/snapshot";
import type { SheetSpec } from "../template/spec";

/**
 * The audit as one use case, the same for `planbook check` and the pane's 校验 (and the ribbon's):
 * a workbook's own checks and, given the previous period's returned file, the checks across the
 * two periods (`check --previous`, the pane's 上一报告期的文件). The adapters only read the
 * workbook (a file; the open workbook) and print or write what this returns.
 */

/** The previous period's returned file, already read, that the workbook is compared with. */
export interface PreviousFile {
  /** Its file name, as the findings across periods name it. */
  name: string;
  snapshot: WorkbookSnapshot;
}

/**
 * Every finding of one workbook: `checkWorkbook`, then `checkAgainstPrevious` when the previous
 * period's file is given. The 审核结果 sheet an earlier 校验 wrote is not checked.
 */
export function auditFindings(snapshot: WorkbookSnapshot, previous: PreviousFile | null, context: CheckContext): Finding[] {
  const checked = withoutAuditSheet(snapshot);
  return [...checkWorkbook(checked, context), ...(previous ? checkAgainstPrevious(checked, previous.snapshot, previous.name) : [])];
}

export interface Audit {
  findings: Finding[];
  counts: Record<Severity, number>;
  /** Planbook sheets checked. */
  sheets: number;
  /** The protected 审核结果 sheet: the verdict, counts by rule, each finding with a link to its cell. */
  spec: SheetSpec;
}

/** The audit of a workbook (`auditFindings`) and the 审核结果 sheet that shows it. */
export function auditWorkbook(
  snapshot: WorkbookSnapshot,
  previous: PreviousFile | null,
  options: CheckContext & { ranAt: string; password?: string | null },
): Audit {
  const findings = auditFindings(snapshot, previous, options);
  const meta = readMeta(withoutAuditSheet(snapshot));
  const revisions = [...new Set(meta.sheets.map((s) => s.revision))];
  const labels = revisions.map((id) => options.revisions.find((r) => r.revision === id)?.label ?? id);
  const spec = auditSheetSpec({ findings, revision: labels.join("、") || "—", ranAt: options.ranAt, password: options.password ?? null });
  return { findings, counts: countBySeverity(findings), sheets: meta.sheets.length, spec };
}

const withoutAuditSheet = (snapshot: WorkbookSnapshot): WorkbookSnapshot => ({ ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== AUDIT_SHEET) });
