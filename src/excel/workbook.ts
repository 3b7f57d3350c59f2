import { type SheetSnapshot, splitAreas, type WorkbookSnapshot } from "../core/snapshot";
import { supportsApi } from "./run";
import { type CellValue, META_SHEET, parseMetaRows } from "../core/template";
import { SheetReadIncompleteError } from "./errors";

/**
 * Reading sheets of the open workbook into the core's snapshot type. Loads are queued with the
 * caller's other loads; `syncSheetReads` syncs them, and costs no further sync unless a sheet is
 * longer than its first read (see there).
 */

/**
 * Stay well under Excel on the web's 5 MB response limit (ResponsePayloadSizeLimitExceeded): a
 * block is sized by its rows' values and formulas, and the response also carries their framing.
 */
export const RESPONSE_BUDGET_BYTES = 3 * 1024 * 1024;

/**
 * Rows of a sheet read in the caller's own sync. A Planbook row comes back as about 1 KB (values
 * and formulas), so a few sheets of this many rows stay within the budget; a longer sheet (a plan
 * many times the province's) reads the rest in `syncSheetReads`.
 */
export const FIRST_READ_ROWS = 1000;

export interface PendingSheetRead {
  /** After `syncSheetReads`: the sheet, or null when it does not exist. */
  result(): SheetSnapshot | null;
  /** After the sync: the rows and columns the sheet uses, counted from A1 (0 × 0 when empty or missing). */
  extent(): { rows: number; columns: number };
}

/** What `syncSheetReads` needs of a read: the used range, and the rows of it loaded so far. */
interface SheetReadState {
  worksheet: Excel.Worksheet;
  used: Excel.Range;
  /** The first rows' load; null when only the extent is read. */
  first: Excel.Range | null;
  /** Blocks of rows of the used range, in order from its top. */
  blocks: { values: CellValue[][]; formulas: CellValue[][] }[];
  loadedRows: number;
}

const readStates = new WeakMap<PendingSheetRead, SheetReadState>();
const utf8 = new TextEncoder();

/** Bytes of a row as Excel sends it back (values and formulas), before any row of the sheet is known. */
const UNKNOWN_ROW_BYTES = 8 * 1024;

/** Takes in the first rows once their sync is done. */
function takeFirstRows(state: SheetReadState): void {
  if (state.blocks.length > 0 || !state.first || state.first.isNullObject) return;
  state.blocks.push({ values: state.first.values as CellValue[][], formulas: state.first.formulas as CellValue[][] });
  state.loadedRows = state.first.rowCount;
}

/** Whether a sheet still has rows to load after its first read. */
function unfinished(state: SheetReadState): boolean {
  takeFirstRows(state);
  return state.first !== null && !state.worksheet.isNullObject && !state.used.isNullObject && state.loadedRows < state.used.rowCount;
}

/**
 * Queues the loads needed to snapshot a sheet: visibility, protection and its used range from A1
 * — values and formulas of its first `firstRows` rows (FIRST_READ_ROWS), the rest in
 * `syncSheetReads`. Works on a sheet that may not exist (a null object). With `merges` (only
 * for a Planbook sheet, which has data: Excel fails the whole request when a range has more than
 * 512 merged areas, which a sheet of someone else's may have) it lists the merged areas too. With
 * `cells: false` only the extent is read (for a log that is only appended to).
 */
export function queueSheetRead(
  worksheet: Excel.Worksheet,
  options: { merges?: boolean; cells?: boolean; firstRows?: number } = {},
): PendingSheetRead {
  worksheet.load("name,visibility");
  worksheet.protection.load("protected");
  // Values only: a sheet that has formats but no data has no used range.
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const cells = options.cells !== false;
  const first = cells ? used.getIntersectionOrNullObject(worksheet.getRange(`1:${options.firstRows ?? FIRST_READ_ROWS}`)) : null;
  first?.load("rowCount,values,formulas");
  const merged = options.merges ? used.getMergedAreasOrNullObject() : null;
  merged?.load("address");
  const state: SheetReadState = { worksheet, used, first, blocks: [], loadedRows: 0 };
  const read: PendingSheetRead = {
    result() {
      if (worksheet.isNullObject) return null;
      if (unfinished(state)) throw new SheetReadIncompleteError(worksheet.name, state.loadedRows, used.rowCount);
      const empty = used.isNullObject || !cells;
      const grid = (key: "values" | "formulas"): CellValue[][] =>
        empty ? [] : fromA1(state.blocks.flatMap((block) => block[key]), used.rowIndex, used.columnIndex);
      return {
        name: worksheet.name,
        visibility: worksheet.visibility,
        protected: worksheet.protection.protected,
        values: grid("values"),
        formulas: grid("formulas"),
        ...(merged ? { merges: used.isNullObject || merged.isNullObject ? [] : splitAreas(merged.address) } : {}),
      };
    },
    extent() {
      if (worksheet.isNullObject || used.isNullObject) return { rows: 0, columns: 0 };
      return { rows: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };
    },
  };
  readStates.set(read, state);
  return read;
}

/**
 * Syncs the queued loads, then loads what the first read of each sheet left out: no further sync
 * when every sheet fitted its first rows (the usual case), else blocks of whole rows, sized by the
 * largest row seen and packed into as few syncs as keep each response under
 * RESPONSE_BUDGET_BYTES. The count of syncs grows with the bytes read, never with the rows as such.
 */
export async function syncSheetReads(context: Excel.RequestContext, reads: PendingSheetRead[]): Promise<void> {
  await context.sync();
  const states = reads.map((read) => readStates.get(read)).filter((state): state is SheetReadState => state !== undefined && unfinished(state));
  const blocks = states.flatMap((state) => {
    const rowBytes =
      state.blocks.length === 0
        ? UNKNOWN_ROW_BYTES
        : Math.max(1, ...state.blocks.flatMap((block) => block.values.map((row, i) => utf8.encode(JSON.stringify([row, block.formulas[i]])).length)));
    const perBlock = Math.max(1, Math.floor(RESPONSE_BUDGET_BYTES / rowBytes));
    const rest = state.used.rowCount - state.loadedRows;
    return Array.from({ length: Math.ceil(rest / perBlock) }, (_, i) => {
      const from = state.loadedRows + i * perBlock;
      const rows = Math.min(perBlock, state.used.rowCount - from);
      return { state, from, rows, bytes: rows * rowBytes };
    });
  });
  for (const batch of withinBudget(blocks)) await readBlocks(context, batch);
}

interface RowBlock {
  state: SheetReadState;
  from: number;
  rows: number;
  bytes: number;
}

/** Groups blocks, in order, so that each group's estimated bytes stay within the budget. */
function withinBudget(blocks: RowBlock[]): RowBlock[][] {
  const batches: RowBlock[][] = [];
  let current: RowBlock[] | null = null;
  let bytes = 0;
  for (const block of blocks) {
    if (current === null || bytes + block.bytes > RESPONSE_BUDGET_BYTES) {
      current = [];
      batches.push(current);
      bytes = 0;
    }
    current.push(block);
    bytes += block.bytes;
  }
  return batches;
}

/** Blocks of rows of used ranges, in a sync of their own (see syncSheetReads for why a sync per batch). */
async function readBlocks(context: Excel.RequestContext, batch: RowBlock[]): Promise<void> {
  const reads = batch.map((block) => ({ block, range: block.state.used.getCell(block.from, 0).getResizedRange(block.rows - 1, block.state.used.columnCount - 1) }));
  for (const { range } of reads) range.load("values,formulas");
  await context.sync();
  for (const { block, range } of reads) {
    block.state.blocks.push({ values: range.values as CellValue[][], formulas: range.formulas as CellValue[][] });
    block.state.loadedRows = block.from + block.rows;
  }
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
 * Snapshots every sheet of the open workbook: one sync to list the sheets and read the metadata
 * (which names the Planbook sheets), one to read their used ranges (values and formulas together,
 * and the merged areas of Planbook sheets) — plus, for a workbook of more than about 2,500
 * Planbook rows or a long sheet of another kind, one per further ~3 MB (syncSheetReads).
 */
export async function readWorkbookSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const metaRead = queueSheetRead(worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const meta = metaRead.result();
  // Older Excel (before ExcelApi 1.13) cannot list merged areas; its checks go without that one rule.
  const listMerges = supportsApi("ExcelApi", "1.13");
  const planbookSheets = new Set(meta ? parseMetaRows(meta.values).sheets.map((s) => s.sheet) : []);
  // The Planbook sheets share most of the first read; any other sheet (审核结果, a sheet of someone else's) gets a few rows in it.
  const planbookFirstRows = Math.max(MIN_FIRST_ROWS, Math.floor(WORKBOOK_FIRST_READ_ROWS / Math.max(1, planbookSheets.size)));
  const reads = worksheets.items.map((worksheet) => {
    if (worksheet.name === META_SHEET) return metaRead;
    const planbook = planbookSheets.has(worksheet.name);
    return queueSheetRead(worksheet, { merges: listMerges && planbook, firstRows: planbook ? planbookFirstRows : MIN_FIRST_ROWS });
  });
  await syncSheetReads(context, reads);
  return { sheets: reads.flatMap((read) => read.result() ?? []) };
}

/** Rows of all Planbook sheets together in a workbook's first read (about 2.5 MB), and what any other sheet gets. */
const WORKBOOK_FIRST_READ_ROWS = 2500;
const MIN_FIRST_ROWS = 50;
