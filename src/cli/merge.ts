import { buildSummary, canMerge, chartQuotaChoices, type MergeInputFile, periodOfFiles, splitsForMerge } from "../core/merge";
import path from "path";
import { formatPeriod } from "../core/period";
import { readMergeFile } from "../xlsx/merge-files";
import { writeWorkbook } from "../xlsx/render";
import { formatScope } from "../core/plan";
import { EMPTY_META, metaRows, metaSheetSpec, withLevelRecords, withSheetRecords } from "../core/template";
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
          accepted: plan.accepted.map((a) => ({ file: a.name, city: a.city, scope: a.record.scope })),
          rejected: plan.rejected.map((r) => ({ file: r.file.name, reasons: r.reasons.map((f) => findingMessage(f, language)) })),
          findings: plan.findings.map((f) => findingJson(f, language)),
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
  // Who reports what: the level corrections given (--corrections, a workbook as the plan), else the files' own.
  // The targets the files were split to: a city's summary of its counties carries the city's own.
  const splits = splitsForMerge([], inputs.flatMap((input) => (input.snapshot ? [input.snapshot] : [])));
  const plan = canMerge(inputs, { revision, period, geography, splits, acceptErrors: options["accept-errors"] === true, ...(levels ? { levels } : {}) });
  const chartQuota = typeof options["chart-quota"] === "string" ? options["chart-quota"] : undefined;
  const chartChoices = chartQuotaChoices(plan.accepted, { revision: plan.revision, period, geography, splits, rollup: plan.rollup });
  // A mistyped 编号 would silently chart another quota: say which ones can be charted instead.
  if (chartQuota !== undefined && plan.accepted.length > 0 && !chartChoices.some((choice) => choice.id === chartQuota)) {
    const ids = chartChoices.map((choice) => choice.id).join("、");
    throw new InputError(
      `--chart-quota「${chartQuota}」不是分解到各市的指标，可选：${ids || "无"} / --chart-quota "${chartQuota}" is not a quota split across the cities; choose one of: ${ids || "none"}`,
    );
  }
  const built = buildSummary(plan.accepted, {
    revision: plan.revision,
    period,
    geography,
    splits,
    rollup: plan.rollup,
    mergedAt: now.toISOString(),
    rejected: plan.rejected,
    chartQuota,
  });
  // A city's (or a lead unit's) summary carries its own return, filled with the totals, for the level above.
  const parent = built.parentReturn;
  const sheets = parent
    ? [...built.sheets, parent.sheet, metaSheetSpec(metaRows(withLevelRecords(withSheetRecords(EMPTY_META, parent.sheetRecord, parent.rowRecords), plan.levels)), null)]
    : built.sheets;
  // An empty summary would read as "every city reported nothing": say why instead, and write nothing.
  if (plan.accepted.length > 0) writeFileAtomic(options.out, await writeWorkbook(sheets, built.charts));
  if (options.json === true) {
    io.out(
      `${JSON.stringify(
        {
          period,
          scope: formatScope(plan.rollup.parent),
          totals: built.totals.map((t) => ({ quotaId: t.quotaId, target: t.target, actual: t.actual, completion: t.completion })),
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
