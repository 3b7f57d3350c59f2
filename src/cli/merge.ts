import path from "path";
import { type MergeInputFile, periodOfFiles } from "../core/merge";
import { NEW_WORKBOOK, mergeInto } from "../core/usecases";
import { formatPeriod } from "../core/period";
import { readMergeFile } from "../xlsx/merge-files";
import { writeWorkbook } from "../xlsx/render";
import { formatScope } from "../core/plan";
import { commandHelp, parseArgs, usageLine } from "./args";
import { findingMessage } from "../core/findings";
import { findingJson, messageLanguage } from "./findings";
import { MERGE_SPEC } from "./specs";
import { type Io, loadCounties, loadPlan, periodOption, readInputFile } from "./io";
import { checkOutputFile, checkReplaceable, writeFileAtomic } from "./output";
import { progress } from "./check";
import { InputError } from "../core/shared";
import { runHistory } from "./progress";

/**
 * `planbook merge --out <summary.xlsx> <file.xlsx>...` (or `--history <dir>`): the files merged
 * into a new summary file by `mergeInto`, as the pane's 汇总 merges them into the open workbook.
 * Exit 1 when a file was rejected, 2 when an input cannot be read at all.
 */
export async function runMergeCommand(argv: string[], io: Io, now = new Date()): Promise<number> {
  const { options, positional: files, help } = parseArgs(argv, MERGE_SPEC);
  if (help) {
    io.out(commandHelp(MERGE_SPEC));
    return 0;
  }
  if (typeof options.history === "string") {
    if (typeof options.out !== "string") {
      io.err(`缺少 --out / --out is missing: ${usageLine(MERGE_SPEC)}\n`);
      return 2;
    }
    if (files.length > 0) throw new InputError(`--history 读取文件夹中的全部文件，不另接文件参数「${files[0]}」 / --history reads every file in its folder and takes no file argument ("${files[0]}")`);
    const seedFile = typeof options.revision === "string" ? options.revision : undefined;
    const { revision } = await loadPlan(seedFile);
    const chartQuotas = typeof options["chart-quota"] === "string" ? options["chart-quota"].split(/[,，]/).map((id) => id.trim()).filter((id) => id !== "") : undefined;
    return runHistory(
      {
        folder: options.history,
        out: options.out,
        revision,
        inputs: seedFile === undefined ? [] : [seedFile],
        acceptErrors: options["accept-errors"] === true,
        ...(chartQuotas ? { chartQuotas } : {}),
        json: options.json === true,
        language: messageLanguage(options),
      },
      io,
    );
  }
  if (typeof options.out !== "string" || files.length === 0) {
    const missing = typeof options.out !== "string" ? "缺少 --out / --out is missing" : "缺少要汇总的文件 / no file to merge";
    io.err(`${missing}: ${usageLine(MERGE_SPEC)}\n`);
    return 2;
  }
  const language = messageLanguage(options);
  const seedFile = typeof options.revision === "string" ? options.revision : undefined;
  const { revision, levels } = await loadPlan(seedFile, typeof options.corrections === "string" ? options.corrections : undefined);
  checkOutputFile(options.out, seedFile === undefined ? files : [...files, seedFile]);
  await checkReplaceable(options.out, "summary");
  const chosenPeriod = typeof options.period === "string" ? formatPeriod(periodOption(options.period, revision)) : null;
  // One file at a time: only its bytes and the snapshots so far are held, whatever the file count.
  const inputs: MergeInputFile[] = [];
  for (const [index, file] of files.entries()) {
    inputs.push(await readMergeFile({ name: path.basename(file), data: readInputFile(file) }));
    progress(index + 1, files.length, path.basename(file));
  }
  const period = chosenPeriod ?? periodOfFiles(inputs);
  if (!period) {
    throw new InputError("没有注明可识别报告期的 Planbook 文件，请用 --period 指定 / no Planbook file names a period that can be read: give one with --period");
  }
  const geography = loadCounties();
  // A new file: the --out guard above (checkReplaceable) is the merge's rule for what it may write over.
  const outcome = mergeInto(inputs, NEW_WORKBOOK, {
    revision,
    period,
    geography,
    acceptErrors: options["accept-errors"] === true,
    mergedAt: now.toISOString(),
    ...(levels ? { levels } : {}),
    ...(typeof options["chart-quota"] === "string" ? { chartQuota: options["chart-quota"] } : {}),
  });
  const { plan } = outcome;
  // An empty summary would read as "every city reported nothing": say why instead, and write nothing.
  if (outcome.sheets.length > 0) writeFileAtomic(options.out, await writeWorkbook(outcome.sheets, outcome.charts));
  if (options.json === true) {
    io.out(
      `${JSON.stringify(
        {
          period,
          scope: formatScope(plan.rollup.parent),
          totals: outcome.totals.map((t) => ({ quotaId: t.quotaId, target: t.target, actual: t.actual, completion: t.completion })),
          accepted: plan.accepted.map((a) => ({
            file: a.name,
            city: a.child,
            scope: a.record.scope,
            errors: a.counts.error,
            excluded: a.excluded.map((x) => ({ cell: x.cell, quotaId: x.quotaId, rule: x.finding.rule, value: x.finding.value })),
          })),
          notFilled: plan.notFilled.map((n) => ({ file: n.file, city: n.child })),
          rejected: plan.rejected.map((r) => ({ file: r.file.name, reasons: r.reasons.map((f) => findingMessage(f, language)) })),
          findings: plan.findings.map((f) => findingJson(f, language)),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    for (const f of plan.findings) io.out(`[${f.severity}] ${f.rule} ${f.file ?? ""}${f.cell ? ` ${f.sheet}!${f.cell}` : ""}: ${findingMessage(f, language)}\n`);
    if (plan.accepted.length > 0) io.out(`${options.out}: ${plan.accepted.length} 个文件已合并 merged, ${plan.rejected.length} 个被拒 rejected (${period})\n`);
  }
  if (plan.accepted.length === 0) {
    const held = plan.rejected.some((r) => r.reasons.some((f) => f.rule === "merge-has-errors")) ? "；有错误的文件可用 --accept-errors 采用" : "";
    const heldEn = held ? "; files with errors can be accepted with --accept-errors" : "";
    io.err(
      `没有可汇总的文件（${plan.rejected.length} 个被拒，${plan.notFilled.length} 个尚未填写），未写入「${options.out}」${held} / no file could be merged (${plan.rejected.length} rejected, ${plan.notFilled.length} not filled in), so "${options.out}" was not written${heldEn}\n`,
    );
    return 2;
  }
  return plan.rejected.length > 0 ? 1 : 0;
}
