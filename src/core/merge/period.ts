import { readMeta } from "../read-sheets";
import type { MergeInputFile } from "./merge";

/** The period most of the files were made for: the one a summary of them is for (null if none is a Planbook file). */
export function periodOfFiles(files: MergeInputFile[]): string | null {
  const counts = new Map<string, number>();
  for (const file of files) {
    for (const sheet of file.snapshot ? readMeta(file.snapshot).sheets : []) counts.set(sheet.period, (counts.get(sheet.period) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
