import { readdirSync, statSync } from "fs";
import path from "path";
import { InputError } from "../core/shared";
import { type MessageLanguage, findingMessage } from "../core/findings";
import { NEW_WORKBOOK, progressInto } from "../core/usecases";
import type { MergeInputFile } from "../core/merge";
import type { PlanRevision } from "../core/plan";
import { readMergeFile } from "../xlsx/merge-files";
import { writeWorkbook } from "../xlsx/render";
import { type Io, readInputFile } from "./io";
import { checkOutputFile, checkReplaceable, writeFileAtomic } from "./output";

/** Every .xlsx file under a folder (its sub-folders too: one a period is the usual way to keep them). */
function xlsxFilesUnder(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder).sort();
  } catch (error) {
    throw new InputError(`无法读取文件夹「${folder}」 / cannot read the folder "${folder}": ${(error as Error).message}`);
  }
  return entries.flatMap((name) => {
    if (name.startsWith(".") || name.startsWith("~$")) return [];
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return xlsxFilesUnder(file);
    return /\.xlsx$/i.test(name) ? [file] : [];
  });
}

/** A file left out of the history, with why in words (its period when it has one). */
interface HistoryRejection {
  period: string | null;
  file: string;
  reasons: string[];
}

export interface HistoryOptions {
  folder: string;
  out: string;
  revision: PlanRevision;
  /** Files beside the folder's that the command reads (the plan text), never written over. */
  inputs: string[];
  acceptErrors: boolean;
  chartQuotas?: string[];
  json: boolean;
  language: MessageLanguage;
}

/**
 * `planbook merge --history <dir>`: the returned files of several periods, each period merged as
 * `merge` would (the same acceptance rules), into one 进度 sheet with a line chart per charted quota.
 * Exit 1 when a file was rejected, 2 when none could be merged.
 */
export async function runHistory(options: HistoryOptions, io: Io): Promise<number> {
  const files = xlsxFilesUnder(options.folder);
  checkOutputFile(options.out, [...files, ...options.inputs]);
  await checkReplaceable(options.out, "progress");
  const read: MergeInputFile[] = [];
  const unopened: HistoryRejection[] = [];
  for (const file of files) {
    const name = path.relative(options.folder, file);
    try {
      read.push(await readMergeFile({ name, data: readInputFile(file) }));
    } catch (error) {
      // A file that cannot even be opened (no permission) is refused like one that is not a workbook.
      if (!(error instanceof InputError)) throw error;
      unopened.push({ period: null, file: name, reasons: [error.message] });
    }
  }
  // A new file: the --out guard above (checkReplaceable) is the rule for what it may write over.
  const outcome = progressInto(read, NEW_WORKBOOK, { revision: options.revision, acceptErrors: options.acceptErrors, ...(options.chartQuotas ? { chartQuotas: options.chartQuotas } : {}) });
  const { plan } = outcome;
  const periods = plan.periods;
  const rejected: HistoryRejection[] = [...unopened, ...plan.rejected.map((r) => ({ ...r, reasons: r.reasons.map((f) => findingMessage(f, options.language)) }))];
  if (!options.json) for (const r of rejected) io.out(`[rejected] ${r.period ?? "—"} ${r.file}: ${r.reasons.join("; ")}\n`);
  if (outcome.sheet === null) {
    io.err(`「${options.folder}」中没有可汇总的文件，未写入「${options.out}」 / no file in "${options.folder}" could be merged, so "${options.out}" was not written\n`);
    if (options.json) io.out(`${JSON.stringify({ periods: [], merged: {}, rejected, lines: [] }, null, 2)}\n`);
    return 2;
  }
  writeFileAtomic(options.out, await writeWorkbook([outcome.sheet], outcome.charts));
  if (options.json) {
    io.out(`${JSON.stringify({ periods: outcome.periods, merged: outcome.merged, rejected, lines: outcome.lines }, null, 2)}\n`);
  } else {
    for (const p of periods) io.out(`${p.period}: ${p.accepted.length} 个文件已合并 merged\n`);
    io.out(`${options.out}: 进度 ${outcome.periods.length} 期 periods, ${outcome.charts.length} 个图表 charts\n`);
  }
  return rejected.length > 0 ? 1 : 0;
}
