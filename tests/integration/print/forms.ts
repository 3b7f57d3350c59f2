import ExcelJS from "exceljs";
import { wrappedLines } from "../../../src/core/template";
import { present } from "../../support/present";

/** One printed sheet of a document under test: what it must look like on paper. */
export interface PrintedSheet {
  /** The sheet's name in the workbook (LibreOffice prints sheets in order, each from a new page). */
  sheet: string;
  paper: "A4" | "A3";
  orientation: "Landscape" | "Portrait";
  /** Text of the page header (the form's title). */
  header: string;
  /** Text of the header row repeated at the top of every page. */
  titleRowText: string;
}

/**
 * Wrapped cells whose row is too short for their text, read from the file as a spreadsheet program
 * sees it: column widths, merges, font sizes, wrap flags and row heights. A cell of `n` lines needs
 * `n` line pitches — `lineSpacing` times its font size, as the printer set them (printedLineSpacing)
 * — and a point to spare; a single line fits a row of the default height.
 */
export async function rowsTooShort(file: Uint8Array, sheetName: string, lineSpacing: number): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const mergeWidth = new Map<string, number>();
  const mergedRows = new Set<string>();
  for (const range of (sheet.model as unknown as { merges: string[] }).merges ?? []) {
    const [from, to] = range.split(":");
    const a = sheet.getCell(present(from, `the first cell of merge ${range}`));
    const b = sheet.getCell(present(to, `the last cell of merge ${range}`));
    let width = 0;
    for (let c = Number(a.col); c <= Number(b.col); c++) width += sheet.getColumn(c).width ?? 9;
    mergeWidth.set(a.address, width);
    if (Number(b.row) > Number(a.row)) mergedRows.add(a.address);
  }
  const short: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== "string" || cell.isMerged && cell.master !== cell || mergedRows.has(cell.address)) return;
      const width = mergeWidth.get(cell.address) ?? sheet.getColumn(cell.col).width ?? 9;
      const size = cell.font?.size ?? 11;
      const lines = wrappedLines(cell.value, width, size);
      if (lines < 2) return;
      const needed = Math.ceil(lines * size * lineSpacing + 1);
      const height = row.height ?? 15;
      if (height < needed) short.push(`${cell.address}: ${height} < ${needed}`);
    });
  });
  return short;
}
