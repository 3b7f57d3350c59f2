import type { CellValue } from "./template/spec";

export type Severity = "error" | "warning" | "info";

/**
 * A problem found in a workbook. Bad data is a finding, never an exception. `message` is
 * Chinese first, then English, and names the cell.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address on `sheet`, or null for a finding about a whole sheet or file. */
  cell: string | null;
  quotaId: string | null;
  message: string;
  /** What was seen in the cell (or the file/sheet name for whole-file findings). */
  value: CellValue;
  /** The corrected value, where the meaning is certain (e.g. `1,000` → 1000). */
  suggestion?: CellValue;
  /** The file the finding is in, when checking files. */
  file?: string;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
