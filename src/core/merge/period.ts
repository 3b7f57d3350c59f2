import { formatPeriod, periodOrNull } from "../period/period";
import { readMeta } from "../snapshot/read-sheets";
import type { MergeInputFile } from "./merge";

/**
 * The period most of the files were made for, as `YYYY-MM` or `YYYY-Qn`: the one a summary of them
 * is for (null if no Planbook file names a readable period). A period that cannot be read is never
 * chosen: its file is then merely of another period, which canMerge reports.
 */
export function periodOfFiles(files: MergeInputFile[]): string | null {
  const counts = new Map<string, number>();
  for (const file of files) {
    for (const sheet of file.snapshot ? readMeta(file.snapshot).sheets : []) {
      const period = periodOrNull(sheet.period);
      if (period === null) continue;
      const text = formatPeriod(period);
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
