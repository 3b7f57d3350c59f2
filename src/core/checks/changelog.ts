import type { CellValue } from "../template/spec";

/** The hidden, protected sheet where every change to an input cell is appended while the pane is open. */
export const CHANGE_LOG_SHEET = "修改记录";

export const CHANGE_LOG_HEADER = ["时间 / Time", "工作表 / Sheet", "单元格 / Cell", "编号 / Quota", "修改前 / Before", "修改后 / After"];

export interface ChangeLogEntry {
  at: string;
  sheet: string;
  cell: string;
  quotaId: string;
  before: CellValue;
  after: CellValue;
}

export function changeLogRow(entry: ChangeLogEntry): CellValue[] {
  return [entry.at, entry.sheet, entry.cell, entry.quotaId, entry.before ?? "", entry.after ?? ""];
}
