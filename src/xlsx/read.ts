import pako from "pako";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAddress } from "../core/a1";
import { evaluateUncachedFormulas } from "../core/formula";
import type { CellType, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import type { CellValue } from "../core/template/spec";

/**
 * Reads an .xlsx file into the same snapshot the Office.js adapter makes of an open workbook, so
 * checks and merges do not care where a workbook came from.
 *
 * Cell values follow Office.js `range.values`:
 * - a formula cell holds its cached result; when the file has none (written by a program, never
 *   opened in a spreadsheet) it is computed where that is certain (core/formula.ts), else "";
 * - `types` says which cells are dates, booleans, errors and formulas without a stored result;
 * - a date is its Excel serial number (45962 for 2025-10-31), as Excel returns it, in the
 *   workbook's date system;
 * - rich text and hyperlinks are their plain text; an error is its code (`#DIV/0!`);
 * - the cells a merge covers, other than its top-left one, are "".
 * `formulas` holds `=…` for formula cells (a shared formula as the cell's own formula) and the
 * value for constants.
 *
 * Files come from people, so they are inspected before ExcelJS sees them: size, kind, and how
 * far the zip would expand; and reading them has a time limit.
 */

export interface ReadLimits {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Largest total of the zip's entries once expanded, in bytes (default 200 MB). */
  maxUncompressedBytes?: number;
  /** Longest a file may take to open, in milliseconds (default 60 s). */
  maxMilliseconds?: number;
  /** Named in error messages. */
  fileName?: string;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_MILLISECONDS = 60_000;

export type WorkbookFileProblem =
  | "not-zip"
  | "truncated"
  | "too-large"
  | "zip-bomb"
  | "too-slow"
  | "encrypted"
  | "legacy-xls"
  | "csv-or-text"
  | "not-xlsx";

/** A file that cannot be read as an .xlsx workbook; `reason` says why, the message tells the person what to do. */
export class WorkbookFileError extends Error {
  constructor(
    readonly reason: WorkbookFileProblem,
    readonly fileName: string | null,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookFileError";
  }
}

/** Asked for a sheet the workbook does not have. */
export class NoSuchSheetError extends Error {
  constructor(readonly sheetName: string) {
    super(`工作簿中没有工作表「${sheetName}」 / there's no sheet named '${sheetName}'`);
    this.name = "NoSuchSheetError";
  }
}

const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const seconds = (milliseconds: number): string => `${milliseconds / 1000}`;

function fileError(reason: WorkbookFileProblem, limits: ReadLimits, detail: { size?: number; limit?: number; cause?: string } = {}): WorkbookFileError {
  const name = limits.fileName ?? null;
  const zh = name === null ? "文件" : `文件「${name}」`;
  const en = name === null ? "the file" : `file "${name}"`;
  const cause = detail.cause ? ` (${detail.cause})` : "";
  const messages: Record<WorkbookFileProblem, string> = {
    "not-zip": `${zh}不是 Excel 工作簿（.xlsx） / ${en} is not an Excel workbook (.xlsx)`,
    truncated: `${zh}不完整或已损坏（可能未下载或复制完整），请重新获取 / ${en} is incomplete or damaged (perhaps an unfinished download or copy): get it again${cause}`,
    "too-large": `${zh}过大（${megabytes(detail.size ?? 0)}，上限 ${megabytes(detail.limit ?? 0)}） / ${en} is too large (${megabytes(detail.size ?? 0)}; the limit is ${megabytes(detail.limit ?? 0)})`,
    "zip-bomb": `${zh}解压后超过 ${megabytes(detail.limit ?? 0)}，已拒绝读取 / ${en} would expand to more than ${megabytes(detail.limit ?? 0)}, so it was not read`,
    "too-slow": `${zh}读取超过 ${seconds(detail.limit ?? 0)} 秒仍未完成，已停止：文件可能过大或过于复杂，请删去不需要的内容后再试 / ${en} took more than ${seconds(detail.limit ?? 0)} s to read, so reading stopped: it may be too large or complex; remove what is not needed and try again`,
    encrypted: `${zh}设有打开密码：请在 Excel 中取消密码后再试 / ${en} is password-protected: remove the password in Excel, then try again`,
    "legacy-xls": `${zh}是旧版 Excel 97-2003 工作簿（.xls）：请在 Excel 中另存为 .xlsx 后再试 / ${en} is an old Excel 97-2003 workbook (.xls): save it as .xlsx in Excel, then try again`,
    "csv-or-text": `${zh}是文本或 CSV 文件，不是 .xlsx 工作簿：请在 Excel 中另存为 .xlsx / ${en} is text or CSV, not an .xlsx workbook: save it as .xlsx in Excel`,
    "not-xlsx": `${zh}不是可读取的 Excel 工作簿（.xlsx） / ${en} is not a readable Excel workbook (.xlsx)${cause}`,
  };
  return new WorkbookFileError(reason, name, messages[reason]);
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file: what Excel writes for a workbook with an open password, and legacy .xls. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((byte, i) => bytes[i] === byte);

/** Sector numbers from here up mark a chain's end, a free sector or a FAT sector, never data (MS-CFB 2.1). */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_FAT_SECTORS = 109;
const DIRECTORY_ENTRY_SIZE = 128;
const UNUSED_ENTRY = 0;

/**
 * The names in a compound file's directory (MS-CFB): the header gives the sector size and the
 * first FAT sectors, a chain of DIFAT sectors the rest; the FAT links the directory's sectors.
 * Plain DataView reads, so it runs in the task pane as in Node. A damaged or cut-off file throws
 * RangeError: DataView throws it for a read past the end, and so does a chain that loops.
 */
function compoundFileNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const word = (offset: number): number => view.getUint32(offset, true);
  const sectorSize = 2 ** view.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) throw new RangeError(`sector size ${sectorSize}`);
  const wordsPerSector = sectorSize / 4;
  const sectorCount = Math.floor(bytes.length / sectorSize) - 1;
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;
  // No chain is longer than the file has sectors; a crafted one that loops would otherwise never end.
  const chain = (start: number, next: (sector: number) => number): number[] => {
    const sectors: number[] = [];
    for (let sector = start; sector < MAX_REGULAR_SECTOR; sector = next(sector)) {
      if (sectors.length >= sectorCount) throw new RangeError("a sector chain longer than the file");
      sectors.push(sector);
    }
    return sectors;
  };
  const words = (offset: number, count: number): number[] => Array.from({ length: count }, (_, i) => word(offset + 4 * i));
  // Each DIFAT sector lists FAT sectors in all but its last word, which is the next DIFAT sector.
  const difat = chain(word(0x44), (sector) => word(sectorOffset(sector) + sectorSize - 4));
  const fat = [...words(0x4c, HEADER_FAT_SECTORS), ...difat.flatMap((sector) => words(sectorOffset(sector), wordsPerSector - 1))].filter(
    (sector) => sector < MAX_REGULAR_SECTOR,
  );
  const next = (sector: number): number => {
    const fatSector = fat[Math.floor(sector / wordsPerSector)];
    if (fatSector === undefined) throw new RangeError(`sector ${sector} is past the FAT`);
    return word(sectorOffset(fatSector) + 4 * (sector % wordsPerSector));
  };
  const entries = chain(word(0x30), next).flatMap((sector) =>
    Array.from({ length: sectorSize / DIRECTORY_ENTRY_SIZE }, (_, i) => sectorOffset(sector) + i * DIRECTORY_ENTRY_SIZE),
  );
  return entries.filter((entry) => view.getUint8(entry + 0x42) !== UNUSED_ENTRY).map((entry) => entryName(view, entry));
}

/** A directory entry's name: UTF-16LE, its length in bytes (terminating null included) at 0x40. */
function entryName(view: DataView, entry: number): string {
  const characters = Math.max(0, Math.min(view.getUint16(entry + 0x40, true), 64) / 2 - 1);
  return String.fromCharCode(...Array.from({ length: characters }, (_, i) => view.getUint16(entry + 2 * i, true)));
}

/** An encrypted OOXML package (MS-OFFCRYPTO), and the BIFF8 and BIFF5 workbook streams of an .xls. Names compare case-blind. */
const ENCRYPTED_PACKAGE_STREAMS = ["ENCRYPTIONINFO", "ENCRYPTEDPACKAGE"];
const LEGACY_WORKBOOK_STREAMS = ["WORKBOOK", "BOOK"];

/** Why a compound file is not an .xlsx we can read: the streams its directory lists say what it is. */
function compoundFileProblem(bytes: Uint8Array, limits: ReadLimits): WorkbookFileError {
  let names: string[];
  try {
    names = compoundFileNames(bytes).map((name) => name.toUpperCase());
  } catch (error) {
    if (error instanceof RangeError) return fileError("truncated", limits, { cause: `compound file: ${error.message}` });
    throw error;
  }
  if (names.some((name) => ENCRYPTED_PACKAGE_STREAMS.includes(name))) return fileError("encrypted", limits);
  if (names.some((name) => LEGACY_WORKBOOK_STREAMS.includes(name))) return fileError("legacy-xls", limits);
  return fileError("not-xlsx", limits, { cause: "an OLE compound file that holds no workbook" });
}

/**
 * Text (CSV, TSV, HTML saved as .xls…) has no control bytes other than tab, CR and LF. This holds
 * for UTF-8 and for GBK, which CSV files saved by Chinese Excel use, while binary data almost
 * never passes over a few kilobytes.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  return sample.length > 0 && sample.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

/** What JSZip keeps for a loaded entry but leaves out of its type definitions. */
interface CompressedEntry {
  compressedSize: number;
  uncompressedSize: number;
  compression: { magic: string };
  compressedContent: Uint8Array;
}

const STORED = "\x00\x00";

/**
 * Checks how far the zip expands: first by the sizes the archive declares, then by expanding each
 * entry with a cap, since a crafted archive can declare small sizes and expand to gigabytes.
 */
function checkExpansion(zip: JSZip, limit: number, limits: ReadLimits): void {
  const entries = Object.values(zip.files)
    .filter((file) => !file.dir)
    .map((file) => (file as unknown as { _data: CompressedEntry })._data);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limit) throw fileError("zip-bomb", limits, { limit });
  let expanded = 0;
  for (const entry of entries) {
    const remaining = limit - expanded;
    if (entry.compression.magic === STORED) {
      expanded += entry.compressedSize;
    } else {
      expanded += inflatedSize(entry.compressedContent, remaining, limits, limit);
    }
    if (expanded > limit) throw fileError("zip-bomb", limits, { limit });
  }
}

/**
 * Expands one deflated entry chunk by chunk and stops as soon as it passes `remaining` bytes, so a
 * zip bomb is caught without ever holding its expansion. pako (JSZip's own inflater) runs in
 * Node and in the browser alike.
 */
function inflatedSize(compressed: Uint8Array, remaining: number, limits: ReadLimits, limit: number): number {
  let size = 0;
  const inflator = new pako.Inflate({ raw: true, chunkSize: 64 * 1024 });
  inflator.onData = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > remaining) throw fileError("zip-bomb", limits, { limit });
  };
  inflator.push(compressed, true);
  if (inflator.err) throw fileError("truncated", limits, { cause: String(inflator.msg) });
  return size;
}

/** The parts whose protection and date-system flags ExcelJS reads. */
const FLAG_PARTS = /^xl\/(?:styles|workbook)\.xml$|^xl\/worksheets\/[^/]+\.xml$/;
const FLAG_ELEMENTS = /<(?:\w+:)?(?:protection|sheetProtection|workbookPr)\b[^>]*>/g;

/**
 * OOXML booleans may be written `true`/`false` (LibreOffice does) as well as `1`/`0`, but ExcelJS
 * only understands `1`/`0`: it would read every LibreOffice-saved sheet as unprotected and every
 * cell as locked. Rewrites those flags to `1`/`0`; returns the repacked file, or null when no part
 * needed it (files from Excel and from us).
 */
async function normaliseBooleans(zip: JSZip): Promise<Uint8Array | null> {
  let changed = false;
  for (const name of Object.keys(zip.files).filter((path) => FLAG_PARTS.test(path))) {
    const xml = await zip.file(name)!.async("string");
    const fixed = xml.replace(FLAG_ELEMENTS, (tag) => tag.replace(/="true"/g, '="1"').replace(/="false"/g, '="0"'));
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "STORE" }) : null;
}

/** Opens an .xlsx file with ExcelJS after checking it is one, within the limits. Throws WorkbookFileError. */
export async function openWorkbookFile(data: Buffer | Uint8Array, limits: ReadLimits = {}): Promise<ExcelJS.Workbook> {
  const bytes: Uint8Array = data;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw fileError("too-large", limits, { size: bytes.length, limit: maxBytes });
  if (bytes.length === 0) throw fileError("truncated", limits, { cause: "0 bytes" });
  if (startsWith(bytes, COMPOUND_FILE)) throw compoundFileProblem(bytes, limits);
  if (!startsWith(bytes, ZIP_LOCAL_HEADER) && !startsWith(bytes, ZIP_EMPTY_ARCHIVE)) {
    throw fileError(looksLikeText(bytes) ? "csv-or-text" : "not-zip", limits);
  }
  return withinTime(openZip(bytes, limits), limits);
}

/** The part of opening that takes time: the zip, its expansion, and ExcelJS's parse. */
async function openZip(bytes: Uint8Array, limits: ReadLimits): Promise<ExcelJS.Workbook> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    const message = (error as Error).message;
    throw fileError(/encrypted/i.test(message) ? "encrypted" : "truncated", limits, { cause: message });
  }
  checkExpansion(zip, limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES, limits);
  if (!zip.file("[Content_Types].xml") || !zip.file("xl/workbook.xml")) {
    throw fileError("not-xlsx", limits, { cause: "no xl/workbook.xml" });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const normalised = await normaliseBooleans(zip);
    // ExcelJS types its Buffer as an ArrayBuffer; at run time it hands the bytes to JSZip, which takes a Uint8Array.
    await workbook.xlsx.load((normalised ?? bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw fileError("not-xlsx", limits, { cause: (error as Error).message });
  }
  return workbook;
}

/** setTimeout fires at once when asked to wait longer than this (about 24.8 days), so no limit waits longer. */
const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * `work`, or "too-slow" once the time limit passes. JSZip and ExcelJS yield to the event loop as
 * they go, so the timer fires in time; neither can be cancelled, so a late parse runs on unseen and
 * is dropped. The timer is cleared either way, or it would keep Node running until it fires.
 */
async function withinTime<T>(work: Promise<T>, limits: ReadLimits): Promise<T> {
  const limit = limits.maxMilliseconds ?? DEFAULT_MAX_MILLISECONDS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(fileError("too-slow", limits, { limit })), Math.min(limit, LONGEST_TIMER));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** ExcelJS turns date-formatted numbers into Dates (in UTC); this gives the serial number back. */
function dateSerial(date: Date, date1904: boolean): number {
  return date.getTime() / MS_PER_DAY + (date1904 ? 24107 : 25569);
}

function plainText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) {
    return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  }
  return value === null || value === undefined ? "" : String(value);
}

/** A cell's content as a snapshot value; formula cells give their cached result. */
function valueOf(raw: ExcelJS.CellValue | undefined, date1904: boolean): CellValue {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean") return raw;
  if (raw instanceof Date) return dateSerial(raw, date1904);
  if ("error" in raw) return raw.error;
  if ("richText" in raw) return plainText(raw);
  if ("hyperlink" in raw) return plainText(raw.text);
  if ("formula" in raw || "sharedFormula" in raw) return valueOf(raw.result as ExcelJS.CellValue | undefined, date1904);
  return "";
}

/** What the snapshot records of a cell beyond its value (see SheetSnapshot.types); null for plain numbers and text. */
function typeOf(raw: ExcelJS.CellValue | undefined): CellType | null {
  if (raw === null || raw === undefined || typeof raw === "number" || typeof raw === "string") return null;
  if (typeof raw === "boolean") return "boolean";
  if (raw instanceof Date) return "date";
  if ("error" in raw) return "error";
  if ("formula" in raw || "sharedFormula" in raw) return raw.result === undefined ? "uncached-formula" : typeOf(raw.result as ExcelJS.CellValue);
  return null;
}

/**
 * A value typed far from the rest (XFD1048576) would make a grid from A1 of billions of cells:
 * past this area (or four times the cells there are), rows between are left out and each row
 * only reaches its own last cell, so memory follows the cells present (cellAt reads the gaps as "").
 */
const DENSE_AREA_CELLS = 1 << 20;

/** What ExcelJS keeps of a sheet's protection but leaves out of its type definitions. */
interface WorksheetProtectionState {
  sheetProtection?: { sheet?: boolean } | null;
}

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** ExcelJS's index of a sheet's merged areas, left out of its type definitions (`worksheet.model` would copy every row to get it). */
interface WorksheetMerges {
  _merges?: Record<string, { range: string } | undefined>;
}

const mergesOf = (worksheet: ExcelJS.Worksheet): string[] =>
  Object.values((worksheet as unknown as WorksheetMerges)._merges ?? {}).flatMap((merge) => (merge ? [merge.range.replace(/\$/g, "")] : []));

function sheetSnapshot(worksheet: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  const cells: { row: number; col: number; value: CellValue; formula: CellValue }[] = [];
  const types: Record<string, CellType> = {};
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Office.js reports the cells a merge covers as empty; ExcelJS shows the top-left value there.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = valueOf(cell.value, date1904);
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      const type = typeOf(cell.value);
      if (type) types[cellAddress(rowNumber - 1, colNumber - 1)] = type;
      cells.push({ row: rowNumber - 1, col: colNumber - 1, value, formula: isFormula ? `=${cell.formula}` : value });
    });
  });
  const height = cells.reduce((max, cell) => Math.max(max, cell.row + 1), 0);
  const width = cells.reduce((max, cell) => Math.max(max, cell.col + 1), 0);
  const dense = height * width <= Math.max(DENSE_AREA_CELLS, 4 * cells.length);
  const grid = (): CellValue[][] => (dense ? Array.from({ length: height }, () => Array<CellValue>(width).fill("")) : Object.assign([], { length: height }));
  const values = grid();
  const formulas = grid();
  for (const cell of cells) {
    (values[cell.row] ??= [])[cell.col] = cell.value;
    (formulas[cell.row] ??= [])[cell.col] = cell.formula;
  }
  const snapshot: SheetSnapshot = {
    name: worksheet.name,
    visibility: VISIBILITY[worksheet.state] ?? "Visible",
    protected: (worksheet as unknown as WorksheetProtectionState).sheetProtection?.sheet === true,
    values,
    formulas,
    merges: mergesOf(worksheet),
    types,
  };
  evaluateUncachedFormulas(snapshot);
  return snapshot;
}

/** Reads every sheet of an .xlsx file, in tab order. Throws WorkbookFileError for a file that is not a readable .xlsx. */
export async function readWorkbookFile(data: Buffer | Uint8Array, options: ReadLimits = {}): Promise<WorkbookSnapshot> {
  const workbook = await openWorkbookFile(data, options);
  const date1904 = workbook.properties.date1904 === true;
  return { sheets: workbook.worksheets.map((worksheet) => sheetSnapshot(worksheet, date1904)) };
}

/** Whether each cell is locked (true unless the file unlocks it: Excel's default is locked). */
export async function readCellLocks(
  data: Buffer | Uint8Array,
  sheetName: string,
  addresses: string[],
  options: ReadLimits = {},
): Promise<Record<string, boolean>> {
  const workbook = await openWorkbookFile(data, options);
  const worksheet = workbook.getWorksheet(sheetName);
  if (!worksheet) throw new NoSuchSheetError(sheetName);
  return Object.fromEntries(addresses.map((address) => [address, worksheet.getCell(address).protection?.locked !== false]));
}
