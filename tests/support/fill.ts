/**
 * Real returned files as an official makes them: a Planbook .xlsx read back by quota id, and typed
 * into by another program (ExcelJS), as someone filling it without the add-in would.
 */
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import { type CellValue, COLUMN, type ColumnKey } from "../../src/core/template";
import { readWorkbookFile } from "../../src/xlsx/read";
import { firstReport } from "./report";

/** The row and values of each quota id in the file's (first) report sheet. */
export async function rowsOf(file: string): Promise<Map<string, { row: number; values: Record<ColumnKey, CellValue> }>> {
  const report = firstReport(await readWorkbookFile(readFileSync(file)));
  return new Map(report.rows.map((r) => [r.quotaId, { row: r.row, values: r.values }]));
}

/** Types values (or formulas, given as `=…`) into quota rows with ExcelJS, as another program would. */
export async function fill(file: string, inputs: Record<string, Partial<Record<ColumnKey, CellValue>>>): Promise<void> {
  const rows = await rowsOf(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets.find((w) => w.state === "visible" && w.name !== "填报说明");
  if (!sheet) throw new Error(`no visible report sheet in ${file}`);
  for (const [quotaId, values] of Object.entries(inputs)) {
    const row = rows.get(quotaId)?.row;
    if (row === undefined) throw new Error(`no row for ${quotaId} in ${file}`);
    for (const [key, value] of Object.entries(values) as [ColumnKey, CellValue][]) {
      const cell = sheet.getCell(row, COLUMN[key] + 1);
      cell.value = typeof value === "string" && value.startsWith("=") ? { formula: value.slice(1) } : value;
    }
  }
  await workbook.xlsx.writeFile(file);
}
