import type { MergeInputFile } from "../core/merge";
import { WorkbookFileError } from "./errors";
import { type FileReadProblem, fileProblem } from "../core/findings";
import { readWorkbookFile } from "./read";

/** A returned city workbook: its bytes, or a snapshot another reader already made. */
export type MergeSourceFile =
  | { name: string; data: Uint8Array; replace?: boolean }
  | { name: string; snapshot: MergeInputFile["snapshot"]; readProblem?: FileReadProblem; replace?: boolean };

/**
 * Reads a file with the .xlsx reader. A file that cannot be read is not an exception: it becomes
 * a file with a read error, which canMerge reports by name.
 */
export async function readMergeFile(file: MergeSourceFile): Promise<MergeInputFile> {
  if (!("data" in file)) return file;
  try {
    return { name: file.name, snapshot: await readWorkbookFile(file.data, { fileName: file.name }), replace: file.replace };
  } catch (error) {
    const readProblem = error instanceof WorkbookFileError ? error.problem : fileProblem("not-xlsx", { cause: error instanceof Error ? error.message : String(error) });
    return { name: file.name, snapshot: null, readProblem, replace: file.replace };
  }
}

/**
 * Reads the files one after another: one JavaScript thread gains nothing from reading them at
 * once, and one at a time only a single file's parse is alive beside the snapshots kept.
 */
export async function readMergeFiles(files: MergeSourceFile[]): Promise<MergeInputFile[]> {
  const read: MergeInputFile[] = [];
  for (const file of files) read.push(await readMergeFile(file));
  return read;
}
