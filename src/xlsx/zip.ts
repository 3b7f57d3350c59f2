import pako from "pako";
import { ZipError } from "./errors";

/**
 * The zip container of an .xlsx file, read in place: the central directory gives each entry's
 * name, declared sizes and where its data starts, and an entry is inflated only when asked for,
 * chunk by chunk, once. Plain DataView reads and pako's inflater, so it runs in the task pane as
 * in Node. Any damage (a directory that is missing or points outside the file) throws ZipError.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not something spreadsheet programs write. */
  method: number;
  /** General purpose flags; bit 0 is set for an encrypted entry. */
  flags: number;
  compressedSize: number;
  /** As the archive declares it: a crafted archive can lie, so inflating still counts. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const LONGEST_COMMENT = 0xffff;
const END_RECORD_SIZE = 22;
/** A 32-bit size or offset of all ones means "see the zip64 extra field". */
const IN_ZIP64 = 0xffffffff;
export const STORED = 0;
export const DEFLATED = 8;
export const ENCRYPTED_FLAG = 0x1;

/** Whether DataView reads stay inside the file; a read past the end is damage, not a crash. */
function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function uint64(view: DataView, offset: number): number {
  const value = view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(value)) throw new ZipError("a zip64 size past what a file can hold");
  return value;
}

/** Where the central directory is and how many entries it lists (zip64 when the classic record overflows). */
function directoryOf(view: DataView): { offset: number; count: number } {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SIZE - LONGEST_COMMENT);
  for (let at = view.byteLength - END_RECORD_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) !== END_OF_DIRECTORY) continue;
    let count = view.getUint16(at + 10, true);
    let offset = view.getUint32(at + 16, true);
    if ((count === 0xffff || offset === IN_ZIP64) && at >= 20 && view.getUint32(at - 20, true) === ZIP64_LOCATOR) {
      const record = uint64(view, at - 20 + 8);
      if (view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) throw new ZipError("a zip64 locator pointing at nothing");
      count = uint64(view, record + 32);
      offset = uint64(view, record + 48);
    }
    return { offset, count };
  }
  throw new ZipError("no central directory (the file is cut short)");
}

/** The entries the central directory lists, by name. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = viewOf(bytes);
  const entries = new Map<string, ZipEntry>();
  try {
    const directory = directoryOf(view);
    const utf8 = new TextDecoder();
    let at = directory.offset;
    for (let i = 0; i < directory.count; i++) {
      if (view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipError(`central directory entry ${i + 1} is damaged`);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const entry: ZipEntry = {
        name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        uncompressedSize: view.getUint32(at + 24, true),
        localHeaderOffset: view.getUint32(at + 42, true),
      };
      readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
      entries.set(entry.name, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  } catch (error) {
    if (error instanceof RangeError) throw new ZipError("the central directory points past the end of the file");
    throw error;
  }
  return entries;
}

/** Sizes and offsets that did not fit 32 bits are in the zip64 extra field, in this order. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      for (const key of ["uncompressedSize", "compressedSize", "localHeaderOffset"] as const) {
        if (entry[key] !== IN_ZIP64) continue;
        entry[key] = uint64(view, field);
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
}

/** An entry's stored bytes, found through its local header. */
function dataOf(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = viewOf(bytes);
  try {
    const at = entry.localHeaderOffset;
    if (view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipError(`the local header of ${entry.name} is damaged`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > bytes.length) throw new ZipError(`${entry.name} is cut short`);
    return bytes.subarray(start, start + entry.compressedSize);
  } catch (error) {
    if (error instanceof RangeError) throw new ZipError(`the local header of ${entry.name} is past the end of the file`);
    throw error;
  }
}

const CHUNK = 64 * 1024;

/**
 * Hands the entry's expanded bytes to `onChunk` a chunk at a time (64 kB), inflating once; the
 * whole expansion is never held. `onChunk` may throw to stop (a size cap, a time limit).
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  const data = dataOf(bytes, entry);
  if (entry.method === STORED) {
    for (let at = 0; at < data.length; at += CHUNK) onChunk(data.subarray(at, at + CHUNK));
    return;
  }
  if (entry.method !== DEFLATED) throw new ZipError(`${entry.name} uses compression method ${entry.method}, which spreadsheet programs do not write`);
  const inflator = new pako.Inflate({ raw: true, chunkSize: CHUNK });
  inflator.onData = onChunk;
  inflator.push(data, true);
  if (inflator.err) throw new ZipError(`${entry.name}: ${inflator.msg}`);
}
