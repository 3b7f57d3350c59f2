import ExcelJS from "exceljs";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, type CellChange, type ChangeLogEntry, changeLogRow } from "../core/checks";
import { protectionOptions } from "./render";

/**
 * A returned workbook with corrections made: each changed cell gets its new value (its format,
 * lock and validation as they were), and each change is appended to the hidden, protected 修改记录
 * sheet with both values — the file counterpart of the pane's log. Everything else is read and
 * written as it was by ExcelJS; formulas are recalculated when the file is next opened.
 */
export async function writeCorrections(data: Uint8Array, changes: CellChange[], entries: ChangeLogEntry[], password: string | null): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  for (const change of changes) {
    const sheet = workbook.getWorksheet(change.sheet);
    if (!sheet) throw new Error(`no sheet '${change.sheet}' to correct`);
    sheet.getCell(change.cell).value = change.after === null || change.after === "" ? null : change.after;
  }
  const existing = workbook.getWorksheet(CHANGE_LOG_SHEET);
  const log = existing ?? workbook.addWorksheet(CHANGE_LOG_SHEET, { state: "hidden" });
  if (!existing) log.addRow(CHANGE_LOG_HEADER);
  for (const entry of entries) log.addRow(changeLogRow(entry).map((value) => value ?? ""));
  log.state = "hidden";
  if (!existing) await log.protect(password ?? "", protectionOptions());
  workbook.calcProperties.fullCalcOnLoad = true;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
