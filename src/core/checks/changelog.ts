import { sameCellValue } from "../snapshot/cells";
import type { WorkbookSnapshot } from "../snapshot/snapshot";
import type { CellValue } from "../template/spec";

/** The hidden, protected sheet where every change to an input cell is appended while the pane is open, and every correction. */
export const CHANGE_LOG_SHEET = "修改记录";

export const CHANGE_LOG_HEADER = ["时间 / Time", "工作表 / Sheet", "单元格 / Cell", "编号 / Quota", "修改前 / Before", "修改后 / After", "原因 / Reason"];

/** A cell of a sheet to change, from what it holds to what it should: an explicit correction, logged when made. */
export interface CellChange {
  sheet: string;
  cell: string;
  quotaId: string;
  before: CellValue;
  after: CellValue;
}

export interface ChangeLogEntry {
  at: string;
  sheet: string;
  cell: string;
  quotaId: string;
  before: CellValue;
  after: CellValue;
  /** Why, for an explicit correction (更正…); blank for what a person typed while the pane was open. */
  reason?: string;
}

export function changeLogRow(entry: ChangeLogEntry): CellValue[] {
  return [entry.at, entry.sheet, entry.cell, entry.quotaId, entry.before ?? "", entry.after ?? "", entry.reason ?? ""];
}

/** The entries of a workbook's 修改记录, oldest first (none when it has no log). */
export function readChangeLog(snapshot: WorkbookSnapshot): ChangeLogEntry[] {
  const sheet = snapshot.sheets.find((s) => s.name === CHANGE_LOG_SHEET);
  if (!sheet) return [];
  return sheet.values.slice(1).flatMap((row): ChangeLogEntry[] => {
    const [at, sheetName, cell, quotaId, before, after, reason] = row;
    if (typeof sheetName !== "string" || typeof cell !== "string" || sheetName === "" || cell === "") return [];
    return [{ at: String(at ?? ""), sheet: sheetName, cell, quotaId: String(quotaId ?? ""), before: before ?? "", after: after ?? "", reason: String(reason ?? "") }];
  });
}

/**
 * The logged change that took a cell from `from` to what it holds now, `to`: the first entry that
 * left `from` and the last one, which gave `to`. Null when the log does not account for it.
 */
export function loggedChange(log: ChangeLogEntry[], sheet: string, cell: string, from: CellValue, to: CellValue): { before: CellValue; after: CellValue; at: string } | null {
  const entries = log.filter((e) => e.sheet === sheet && e.cell === cell);
  const last = entries[entries.length - 1];
  const first = entries.find((e) => sameCellValue(e.before, from));
  if (!last || !first || !sameCellValue(last.after, to)) return null;
  return { before: first.before, after: last.after, at: last.at };
}
