import type { MergeInputFile } from "../core/merge/merge";
import { readWorkbookFile } from "./read";

/** A returned city workbook: its bytes, or a snapshot another reader already made. */
export type MergeSourceFile =
  | { name: string; data: Uint8Array; replace?: boolean }
  | { name: string; snapshot: MergeInputFile["snapshot"]; readError?: string; replace?: boolean };

/**
 * Reads each file with the .xlsx reader. A file that cannot be read is not an exception: it
 * becomes a file with a read error, which canMerge reports by name.
 */
export async function readMergeFiles(files: MergeSourceFile[]): Promise<MergeInputFile[]> {
  return Promise.all(
    files.map(async (file): Promise<MergeInputFile> => {
      if (!("data" in file)) return file;
      try {
        return { name: file.name, snapshot: await readWorkbookFile(file.data, { fileName: file.name }), replace: file.replace };
      } catch (error) {
        return { name: file.name, snapshot: null, readError: (error as Error).message, replace: file.replace };
      }
    }),
  );
}
