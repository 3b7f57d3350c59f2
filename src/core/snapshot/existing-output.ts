import { typedInputs } from "../checks/integrity";
import { PROGRESS_SHEET } from "../merge/progress-sheet";
import { DETAIL_SHEET } from "../merge/layout";
import { looseCells, readWorkbook } from "./read-sheets";
import type { WorkbookSnapshot } from "./snapshot";

/**
 * What a workbook a command is about to write over holds. A command replaces only what it made
 * itself and nobody has typed in since — a blank template, an earlier summary, an earlier 进度 —
 * so that rerunning a command is safe and a returned report is never lost to a mistyped --out.
 */
export type ExistingOutput =
  | { kind: "summary" }
  | { kind: "progress" }
  /** A Planbook report or template; `typed` is the first cell a person filled, or null for a blank one. */
  | { kind: "report"; typed: { sheet: string; cell: string } | null }
  /** Anything else: a workbook Planbook did not make (or cannot read as one). */
  | { kind: "other" };

export function existingOutput(snapshot: WorkbookSnapshot): ExistingOutput {
  const names = new Set(snapshot.sheets.map((sheet) => sheet.name));
  if (names.has(DETAIL_SHEET)) return { kind: "summary" };
  if (names.has(PROGRESS_SHEET)) return { kind: "progress" };
  const { reports } = readWorkbook(snapshot);
  if (reports.length === 0) return { kind: "other" };
  for (const report of reports) {
    for (const row of [...report.rows, ...report.archivedRows]) {
      const key = typedInputs(report, row)[0];
      const cell = key === undefined ? null : report.address(row, key);
      if (cell !== null) return { kind: "report", typed: { sheet: report.name, cell } };
    }
    const sheet = snapshot.sheets.find((s) => s.name === report.name);
    const loose = sheet ? looseCells(report, sheet)[0] : undefined;
    if (loose) return { kind: "report", typed: { sheet: report.name, cell: loose.address } };
  }
  return { kind: "report", typed: null };
}
