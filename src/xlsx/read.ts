import { cellAddress, type CellType, evaluateUncachedFormulas, type SheetSnapshot, type WorkbookSnapshot } from "../core/snapshot";
import type { CellValue } from "../core/template";
import {
  type CellFormat,
  type CellRead,
  type SheetRead,
  parseAddress,
  type Relationship,
  relationshipsHandler,
  sharedStringsHandler,
  sheetHandler,
  stylesHandler,
  workbookHandler,
} from "./package-parts";
import { type XmlHandler, XmlScanner } from "./xml";
import { ENCRYPTED_FLAG, type ZipEntry, inflateEntry, zipEntries } from "./zip";
import { NoSuchSheetError, WorkbookFileError, XmlError, ZipError } from "./errors";
import { fileProblem, type WorkbookFileProblem } from "../core/findings";

/**
 * Reads an .xlsx file into the same snapshot the Office.js adapter makes of an open workbook, so
 * checks and merges do not care where a workbook came from.
 *
 * Cell values follow Office.js `range.values`:
 * - a formula cell holds its cached result; when the file has none (written by a program, never
 *   opened in a spreadsheet) it is computed where that is certain (core/snapshot/formula.ts), else "";
 * - a date is its Excel serial number (45962 for 2025-10-31), as Excel returns it, in the
 *   workbook's date system;
 * - rich text and hyperlinks are their plain text; an error is its code (`#DIV/0!`);
 * - `types` says which cells are dates (by their number format), booleans, errors and formulas
 *   without a stored result;
 * - the cells a merge covers, other than its top-left one, are "".
 * `formulas` holds `=…` for formula cells (a shared formula as the cell's own formula) and the
 * value for constants.
 *
 * Files come from people, so they are inspected before any part is parsed: size, kind, and how
 * far the zip says it expands; each part is then inflated once, as it is scanned, with the
 * expansion counted against the limit (an archive can under-declare), and reading has a time limit.
 *
 * The parts are read with a streaming XML scanner (src/xlsx/xml.ts), not ExcelJS: Planbook needs
 * values, formulas, locks and a few sheet properties, and building ExcelJS's whole object model
 * for that took most of a merge's time. Only the cells with content are kept, so memory follows
 * the cells a file has, not the area they span (ExcelJS still writes every file).
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


function fileError(reason: WorkbookFileProblem, limits: ReadLimits, detail: { size?: number; limit?: number; cause?: string } = {}): WorkbookFileError {
  return new WorkbookFileError(fileProblem(reason, detail), limits.fileName ?? null);
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

/** The package parts every readable workbook has. */
const CONTENT_TYPES = "[Content_Types].xml";
const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELATIONSHIPS = "xl/_rels/workbook.xml.rels";
const RELATIONSHIP_TYPE = /\/(worksheet|sharedStrings|styles)$/;

/** Checks the file is an .xlsx within the limits, before any part is inflated. Throws WorkbookFileError. */
function openPackage(data: Uint8Array, limits: ReadLimits): Map<string, ZipEntry> {
  const bytes: Uint8Array = data;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw fileError("too-large", limits, { size: bytes.length, limit: maxBytes });
  if (bytes.length === 0) throw fileError("truncated", limits, { cause: "0 bytes" });
  if (startsWith(bytes, COMPOUND_FILE)) throw compoundFileProblem(bytes, limits);
  if (!startsWith(bytes, ZIP_LOCAL_HEADER) && !startsWith(bytes, ZIP_EMPTY_ARCHIVE)) {
    throw fileError(looksLikeText(bytes) ? "csv-or-text" : "not-zip", limits);
  }
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    if (error instanceof ZipError) throw fileError("truncated", limits, { cause: error.message });
    throw error;
  }
  if ([...entries.values()].some((entry) => (entry.flags & ENCRYPTED_FLAG) !== 0)) throw fileError("encrypted", limits);
  const limit = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const declared = [...entries.values()].reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limit) throw fileError("zip-bomb", limits, { limit });
  if (!entries.has(CONTENT_TYPES) || !entries.has(WORKBOOK)) throw fileError("not-xlsx", limits, { cause: "no xl/workbook.xml" });
  return entries;
}

/** How long a read runs before it lets the event loop (the task pane's UI) run. */
const YIELD_EVERY_MS = 50;

/**
 * Scans the parts of one package, each inflated once, counting what they expand to against the
 * limit and the time taken against the time limit. The scan is synchronous within a part (a
 * part's chunks go straight from the inflater to the scanner); between parts it lets the event
 * loop run now and then, so the task pane stays responsive while a large file is read.
 */
class PackageReader {
  private expanded = 0;
  private readonly started = Date.now();
  private lastYield = Date.now();
  private readonly maxExpanded: number;
  private readonly maxMilliseconds: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    private readonly limits: ReadLimits,
  ) {
    this.maxExpanded = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
    this.maxMilliseconds = limits.maxMilliseconds ?? DEFAULT_MAX_MILLISECONDS;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Streams the part at `path` through `handler`; throws WorkbookFileError for a bomb, a slow read or broken XML. */
  async scan<H extends XmlHandler>(path: string, handler: H): Promise<H> {
    const entry = this.entries.get(path);
    if (!entry) throw fileError("not-xlsx", this.limits, { cause: `no ${path}` });
    if (Date.now() - this.lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.lastYield = Date.now();
    }
    const decoder = new TextDecoder("utf-8");
    const scanner = new XmlScanner(handler);
    try {
      inflateEntry(this.bytes, entry, (chunk) => {
        this.expanded += chunk.length;
        if (this.expanded > this.maxExpanded) throw fileError("zip-bomb", this.limits, { limit: this.maxExpanded });
        this.checkTime();
        scanner.write(decoder.decode(chunk, { stream: true }));
      });
      scanner.write(decoder.decode());
      scanner.end();
      this.checkTime();
    } catch (error) {
      if (error instanceof ZipError) throw fileError("truncated", this.limits, { cause: error.message });
      if (error instanceof XmlError || error instanceof RangeError) throw fileError("not-xlsx", this.limits, { cause: `${path}: ${error.message}` });
      throw error;
    }
    return handler;
  }

  private checkTime(): void {
    if (Date.now() - this.started > this.maxMilliseconds) throw fileError("too-slow", this.limits, { limit: this.maxMilliseconds });
  }
}

interface WorkbookParts {
  reader: PackageReader;
  sheets: { name: string; visibility: SheetSnapshot["visibility"]; path: string }[];
  date1904: boolean;
  sharedStrings: string[];
  formats: CellFormat[];
  /** Whether each cell format shows a date. */
  dateStyles: boolean[];
  /** The stored values of formulas are placeholders: Excel calculates them all when it opens the file. */
  fullCalcOnLoad: boolean;
}

const VISIBILITY: Record<string, SheetSnapshot["visibility"]> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** Opens the package and reads what every sheet needs: the sheet list, shared strings and cell formats. */
async function openWorkbookParts(data: Uint8Array, limits: ReadLimits): Promise<WorkbookParts> {
  const reader = new PackageReader(data, openPackage(data, limits), limits);
  const workbook = await reader.scan(WORKBOOK, workbookHandler());
  const relationships = reader.has(WORKBOOK_RELATIONSHIPS) ? (await reader.scan(WORKBOOK_RELATIONSHIPS, relationshipsHandler("xl"))).byId : new Map<string, Relationship>();
  const partOf = (kind: string, fallback: string): string =>
    [...relationships.values()].find((r) => RELATIONSHIP_TYPE.exec(r.type)?.[1] === kind)?.path ?? fallback;
  const sharedStringsPath = partOf("sharedStrings", "xl/sharedStrings.xml");
  const stylesPath = partOf("styles", "xl/styles.xml");
  const sharedStrings = reader.has(sharedStringsPath) ? (await reader.scan(sharedStringsPath, sharedStringsHandler())).strings : [];
  const styles = stylesHandler();
  if (reader.has(stylesPath)) await reader.scan(stylesPath, styles);
  styles.finish();
  // Chart sheets and dialog sheets are listed among the sheets too; like Office.js's worksheets, only worksheets count.
  const sheets = workbook.sheets.flatMap((sheet) => {
    const relationship = sheet.relationId === undefined ? undefined : relationships.get(sheet.relationId);
    if (!relationship || RELATIONSHIP_TYPE.exec(relationship.type)?.[1] !== "worksheet") return [];
    return [{ name: sheet.name, visibility: VISIBILITY[sheet.state ?? "visible"] ?? "Visible", path: relationship.path }];
  });
  return { reader, sheets, date1904: workbook.date1904, sharedStrings, formats: styles.formats, dateStyles: styles.dateFormats, fullCalcOnLoad: workbook.fullCalcOnLoad };
}

/**
 * A sheet's grid holds every cell from A1 to the last cell with content, as Office.js gives a
 * used range, when that area is within a few times the cells there are. When it is not (a value
 * typed in XFD1048576 far from the rest), the grid is sparse: rows and cells between are left
 * out rather than filled, read as "" through `cellAt`, so memory stays bounded by the cells.
 */
const DENSE_AREA_CELLS = 1 << 20;

function gridsOf(cells: CellRead[]): { values: CellValue[][]; formulas: CellValue[][] } {
  let height = 0;
  let width = 0;
  for (const cell of cells) {
    height = Math.max(height, cell.row + 1);
    width = Math.max(width, cell.col + 1);
  }
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  if (height * width <= Math.max(DENSE_AREA_CELLS, 4 * cells.length)) {
    for (let r = 0; r < height; r++) {
      values.push(new Array<CellValue>(width).fill(""));
      formulas.push(new Array<CellValue>(width).fill(""));
    }
  } else {
    values.length = height;
    formulas.length = height;
  }
  for (const cell of cells) {
    (values[cell.row] ??= [])[cell.col] = cell.value;
    (formulas[cell.row] ??= [])[cell.col] = cell.formula;
  }
  return { values, formulas };
}

/** A merged area as 0-based bounds; null for a reference that is not one. */
function areaOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [first, last = first] = ref.split(":");
  if (first === undefined || last === undefined) return null;
  const from = parseAddress(first);
  const to = parseAddress(last);
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

/**
 * The cells a merge covers, other than its top-left one, read as empty in Office.js (a file may
 * still hold values there). Sweeps the cells by row with the merges that span it, so the work
 * follows the cells, not the merged areas.
 */
function withoutMergeCovered(cells: CellRead[], merges: string[]): CellRead[] {
  const areas = merges.flatMap((ref) => areaOf(ref) ?? []).sort((a, b) => a.top - b.top);
  if (areas.length === 0) return cells;
  const byRow = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const kept: CellRead[] = [];
  let next = 0;
  let active: typeof areas = [];
  let row = -1;
  for (const cell of byRow) {
    if (cell.row !== row) {
      row = cell.row;
      for (let area = areas[next]; area !== undefined && area.top <= row; area = areas[++next]) active.push(area);
      active = active.filter((area) => area.bottom >= row);
    }
    const covered = active.some((a) => cell.col >= a.left && cell.col <= a.right && (cell.row !== a.top || cell.col !== a.left));
    if (!covered) kept.push(cell);
  }
  return kept;
}

function sheetSnapshot(name: string, visibility: SheetSnapshot["visibility"], read: SheetRead, fullCalcOnLoad: boolean): SheetSnapshot {
  const cells = withoutMergeCovered(read.cells, read.merges);
  const { values, formulas } = gridsOf(cells);
  const types: Record<string, CellType> = {};
  for (const cell of cells) if (cell.type) types[cellAddress(cell.row, cell.col)] = cell.type;
  // Where Excel would calculate every formula on opening, a formula computed here without doubt
  // shows what Excel will show, not the writer's placeholder (XlsxWriter's 0 for =100+20); the
  // others keep what the file holds.
  const stored = fullCalcOnLoad ? cells.filter((cell) => typeof cell.formula === "string" && cell.formula.startsWith("=") && cell.type !== "uncached-formula") : [];
  for (const cell of stored) types[cellAddress(cell.row, cell.col)] = "uncached-formula";
  const snapshot: SheetSnapshot = { name, visibility, protected: read.protected, values, formulas, merges: read.merges, types };
  evaluateUncachedFormulas(snapshot);
  for (const cell of stored) {
    const address = cellAddress(cell.row, cell.col);
    const computed = types[address] === "evaluated-formula" ? values[cell.row]?.[cell.col] : undefined;
    if (computed !== undefined && computed !== cell.value) continue;
    (values[cell.row] ??= [])[cell.col] = cell.value;
    if (cell.type) types[address] = cell.type;
    else delete types[address];
  }
  return snapshot;
}

/** Reads every worksheet of an .xlsx file, in tab order. Throws WorkbookFileError for a file that is not a readable .xlsx. */
export async function readWorkbookFile(data: Buffer | Uint8Array, options: ReadLimits = {}): Promise<WorkbookSnapshot> {
  const parts = await openWorkbookParts(data, options);
  const sheets: SheetSnapshot[] = [];
  for (const sheet of parts.sheets) {
    const read = await parts.reader.scan(sheet.path, sheetHandler(parts.sharedStrings, parts.date1904, parts.dateStyles));
    sheets.push(sheetSnapshot(sheet.name, sheet.visibility, read.sheet, parts.fullCalcOnLoad));
  }
  return { sheets };
}

/**
 * Whether each cell is locked: its own format's lock, or for a cell the file does not list, its
 * row's or column's, as Excel applies them; Excel's default is locked.
 */
export async function readCellLocks(
  data: Buffer | Uint8Array,
  sheetName: string,
  addresses: string[],
  options: ReadLimits = {},
): Promise<Record<string, boolean>> {
  const parts = await openWorkbookParts(data, options);
  const sheet = parts.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new NoSuchSheetError(sheetName);
  const positions = new Map(addresses.map((address) => [address, parseAddress(address.replace(/\$/g, ""))]));
  const wanted = new Set([...positions.values()].flatMap((at) => (at ? [`${at.row},${at.col}`] : [])));
  const read = (await parts.reader.scan(sheet.path, sheetHandler(parts.sharedStrings, parts.date1904, parts.dateStyles, wanted))).sheet;
  const styleAt = (row: number, col: number): number =>
    read.styles.get(`${row},${col}`) ?? read.rowStyles.get(row) ?? read.columnStyles.find((c) => c.min <= col && col <= c.max)?.style ?? 0;
  return Object.fromEntries(
    addresses.map((address) => {
      const at = positions.get(address);
      return [address, at ? parts.formats[styleAt(at.row, at.col)]?.locked !== false : true];
    }),
  );
}
