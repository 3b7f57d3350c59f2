import { splitAreas } from "../core/a1";
import { supportsApi } from "./run";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { META_SHEET, parseMetaRows } from "../core/template/meta";
import type { CellValue } from "../core/template/spec";

/** Reading sheets of the open workbook into the core's snapshot type. Queues loads; the caller syncs. */

export interface PendingSheetRead {
  /** Call after the sync. Null when the sheet does not exist. */
  result(): SheetSnapshot | null;
}

/**
 * Queues the loads needed to snapshot a sheet (its used range from A1, values and formulas,
 * visibility and protection). Works on a sheet that may not exist (a null object). With `merges`
 * (only for a Planbook sheet, which has data: Excel fails the whole request when a range has more
 * than 512 merged areas, which a sheet of someone else's may have) it lists the merged areas too.
 */
export function queueSheetRead(worksheet: Excel.Worksheet, options: { merges?: boolean } = {}): PendingSheetRead {
  worksheet.load("name,visibility");
  worksheet.protection.load("protected");
  // Values only: a sheet that has formats but no data has no used range.
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load("address,rowIndex,columnIndex,values,formulas");
  const merged = options.merges ? used.getMergedAreasOrNullObject() : null;
  merged?.load("address");
  return {
    result() {
      if (worksheet.isNullObject) return null;
      const empty = used.isNullObject;
      return {
        name: worksheet.name,
        visibility: worksheet.visibility as SheetSnapshot["visibility"],
        protected: worksheet.protection.protected,
        values: empty ? [] : fromA1(used.values as CellValue[][], used.rowIndex, used.columnIndex),
        formulas: empty ? [] : fromA1(used.formulas as CellValue[][], used.rowIndex, used.columnIndex),
        ...(merged ? { merges: empty || merged.isNullObject ? [] : splitAreas(merged.address) } : {}),
      };
    },
  };
}

/** Pads a used range that does not start at A1 so that index [r][c] is row r+1, column c+1. */
function fromA1(grid: CellValue[][], rowIndex: number, columnIndex: number): CellValue[][] {
  if (rowIndex === 0 && columnIndex === 0) return grid;
  const width = columnIndex + (grid[0]?.length ?? 0);
  const blankRow = (): CellValue[] => Array<CellValue>(width).fill("");
  return [
    ...Array.from({ length: rowIndex }, blankRow),
    ...grid.map((row) => [...Array<CellValue>(columnIndex).fill(""), ...row]),
  ];
}

/**
 * Snapshots every sheet of the open workbook in two syncs: one to list the sheets and read the
 * metadata (which names the Planbook sheets), one to read their used ranges (values and formulas
 * together, and the merged areas of Planbook sheets).
 */
export async function readWorkbookSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const metaRead = queueSheetRead(worksheets.getItemOrNullObject(META_SHEET));
  await context.sync();
  const meta = metaRead.result();
  // Older Excel (before ExcelApi 1.13) cannot list merged areas; its checks go without that one rule.
  const listMerges = supportsApi("ExcelApi", "1.13");
  const planbookSheets = new Set(meta ? parseMetaRows(meta.values).sheets.map((s) => s.sheet) : []);
  const reads = worksheets.items.map((worksheet) =>
    worksheet.name === META_SHEET ? metaRead : queueSheetRead(worksheet, { merges: listMerges && planbookSheets.has(worksheet.name) }),
  );
  await context.sync();
  return { sheets: reads.flatMap((read) => read.result() ?? []) };
}
