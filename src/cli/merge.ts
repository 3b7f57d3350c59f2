import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { type MergeInputFile, canMerge } from "../core/merge/merge";
import { buildSummary } from "../core/merge/summary";
import { periodOfFiles } from "../core/merge/period";
import { readMergeFile } from "../xlsx/merge-files";
import { writeWorkbook } from "../xlsx/render";
import { formatScope } from "../core/scope";
import { EMPTY_META, metaRows, withSheetRecords } from "../core/template/meta";
import { metaSheetSpec } from "../core/template/sheet";
import { InputError, type Io, loadCounties, loadSeed, parseArgs } from "./io";
import { progress } from "./check";

/**
 * `planbook merge --out <summary.xlsx> <file.xlsx>... [--json] [--period <p>]`: the summary (汇总)
 * and the source list (来源) as a file, with every integrity finding. The files say the level:
 * city files make the province summary, a city's county files the city's (with the city's own
 * return, ready to merge into the province), co-responsible units' files the lead unit's.
 * Exit 1 when a file was rejected, 2 when an input cannot be read at all.
 */
export async function runMergeCommand(argv: string[], io: Io, now = new Date()): Promise<number> {
  const { options, positional: files } = parseArgs(argv, ["json"]);
  if (typeof options.out !== "string" || files.length === 0) {
    io.err("用法 / usage: planbook merge --out <summary.xlsx> <file.xlsx>... [--json] [--period <YYYY-MM|YYYY-Qn>]\n");
    return 2;
  }
  const { revision } = loadSeed(typeof options.revision === "string" ? options.revision : undefined);
  // One file at a time: only its bytes and the snapshots so far are held, whatever the file count.
  const inputs: MergeInputFile[] = [];
  for (const [index, file] of files.entries()) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (error) {
      throw new InputError(`无法读取文件「${file}」 / cannot read "${file}": ${(error as Error).message}`);
    }
    inputs.push(await readMergeFile({ name: path.basename(file), data }));
    progress(index + 1, files.length, path.basename(file));
  }
  const period =
    typeof options.period === "string"
      ? options.period
      : periodOfFiles(inputs);
  if (!period) throw new InputError("没有可识别的 Planbook 文件，无法确定报告期 / no Planbook file to take the period from");
  const geography = loadCounties();
  const plan = canMerge(inputs, { revision, period, geography });
  const built = buildSummary(plan.accepted, { revision, period, geography, rollup: plan.rollup, mergedAt: now.toISOString(), rejected: plan.rejected });
  // A city's (or a lead unit's) summary carries its own return, filled with the totals, for the level above.
  const parent = built.parentReturn;
  const sheets = parent
    ? [built.summary, built.sources, parent.sheet, metaSheetSpec(metaRows(withSheetRecords(EMPTY_META, parent.sheetRecord, parent.rowRecords)), null)]
    : [built.summary, built.sources];
  writeFileSync(options.out, await writeWorkbook(sheets));
  if (options.json === true) {
    io.out(
      `${JSON.stringify(
        {
          period,
          scope: formatScope(plan.rollup.parent),
          totals: built.totals.map((t) => ({ quotaId: t.quotaId, target: t.target, actual: t.actual, completion: t.completion })),
          accepted: plan.accepted.map((a) => ({ file: a.name, city: a.city, scope: a.record.scope })),
          rejected: plan.rejected.map((r) => ({ file: r.file.name, reasons: r.reasons.map((f) => f.message) })),
          findings: plan.findings.map((f) => ({ file: f.file, rule: f.rule, severity: f.severity, message: f.message })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    for (const f of plan.findings) io.out(`[${f.severity}] ${f.rule} ${f.file ?? ""}: ${f.message}\n`);
    io.out(`${options.out}: ${plan.accepted.length} 个文件已合并 merged, ${plan.rejected.length} 个被拒 rejected (${period})\n`);
  }
  return plan.rejected.length > 0 ? 1 : 0;
}
