import { checkPlan, diffRevisions, LEVEL_LABELS, type Quota, withLevelCorrections } from "../core/plan";
import { targetFigure, unitsLabel } from "../core/template";
import { commandHelp, parseArgs, usageLine } from "./args";
import { findingMessage } from "../core/findings";
import { findingJson, messageLanguage } from "./findings";
import { PLAN_CHECK_SPEC, PLAN_DIFF_SPEC, PLAN_SPEC } from "./specs";
import { type Io, formatTable, loadPlan } from "./io";
import { InputError } from "../core/shared";

/** The JSON form of a quota: the fields the issue names, nothing internal. */
function quotaJson(q: Quota) {
  return {
    id: q.id,
    action: q.action,
    item: q.item,
    measure: q.measure,
    subject: q.subject,
    ...(q.lead ? { lead: q.lead } : {}),
    units: q.units,
    ...(q.supportingUnits ? { supportingUnits: q.supportingUnits } : {}),
    kind: q.kind,
    comparator: q.comparator,
    target: q.target,
    pending: q.pending,
    unit: q.unit,
    year: q.year,
    ...(q.month !== undefined ? { month: q.month } : {}),
    ...(q.attribute ? { attribute: q.attribute } : {}),
    ...(q.measures ? { measures: q.measures } : {}),
    ...(q.wholeTarget !== undefined ? { wholeTarget: q.wholeTarget } : {}),
    ...(q.weight !== undefined ? { weight: q.weight } : {}),
    region: q.region,
    ...(q.departmentParts ? { departmentParts: q.departmentParts } : {}),
    text: q.text,
    baseline: q.baseline,
    path: q.path.map((point) => ({ year: point.year, ...(point.month !== undefined ? { month: point.month } : {}), target: point.target, comparator: point.comparator })),
    cadence: q.cadence,
    level: q.level,
    numerator: q.ratio?.numerator ?? null,
    denominator: q.ratio?.denominator ?? null,
    perUnit: q.perUnit ? { per: q.perUnit.per, each: q.perUnit.each } : null,
    formerIds: q.formerIds,
    ...(q.range ? { range: q.range } : {}),
    ...(q.partOf ? { partOf: q.partOf } : {}),
  };
}

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** `planbook plan [--json] [--revision <seed>]`, `plan diff <older> <newer> [--json]`, `plan check [--revision <seed>] [--json]`. */
export async function runPlanCommand(argv: string[], io: Io): Promise<number> {
  const spec = argv[0] === "diff" ? PLAN_DIFF_SPEC : argv[0] === "check" ? PLAN_CHECK_SPEC : PLAN_SPEC;
  const { options, positional, help } = parseArgs(spec === PLAN_SPEC ? argv : argv.slice(1), spec);
  if (help) {
    io.out(commandHelp(spec));
    return 0;
  }
  const json = options.json === true;
  const seedOption = typeof options.revision === "string" ? options.revision : undefined;
  const correctionsOption = typeof options.corrections === "string" ? options.corrections : undefined;
  if (spec === PLAN_DIFF_SPEC) {
    if (positional.length !== 2) {
      io.err(`需要两个计划文本 / two plan texts are needed: ${usageLine(PLAN_DIFF_SPEC)}\n`);
      return 2;
    }
    const diff = diffRevisions((await loadPlan(positional[0])).revision, (await loadPlan(positional[1])).revision);
    if (json) {
      io.out(`${JSON.stringify({ ...diff, added: diff.added.map(quotaJson), removed: diff.removed.map(quotaJson) }, null, 2)}\n`);
      return 0;
    }
    io.out(`修订对比 / revision diff: ${diff.older} → ${diff.newer}\n`);
    io.out(`新增 added (${diff.added.length}):\n${diff.added.map((q) => `  + ${q.id}  ${clip(q.text, 50)}\n`).join("")}`);
    io.out(`删除 removed (${diff.removed.length}):\n${diff.removed.map((q) => `  - ${q.id}  ${clip(q.text, 50)}\n`).join("")}`);
    io.out(`修改 changed (${diff.changed.length}):\n`);
    for (const change of diff.changed) {
      io.out(`  ~ ${change.id}\n${change.fields.map((f) => `      ${f.field}: ${clip(f.before, 40)} → ${clip(f.after, 40)}\n`).join("")}`);
    }
    return 0;
  }
  if (spec === PLAN_CHECK_SPEC) {
    if (positional.length > 0) throw new InputError(`plan check 不接受参数「${positional[0]}」 / plan check takes no argument ("${positional[0]}")`);
    const { revision, text } = await loadPlan(seedOption);
    const findings = checkPlan(revision, text);
    const language = messageLanguage(options);
    if (json) io.out(`${JSON.stringify(findings.map((f) => findingJson(f, language)), null, 2)}\n`);
    else if (findings.length === 0) io.out("计划文本一致 / the plan text is consistent\n");
    else for (const f of findings) io.out(`[${f.severity}] ${f.rule} 第${f.line ?? "?"}行 line ${f.line ?? "?"}: ${findingMessage(f, language)}\n`);
    return findings.some((f) => f.severity === "error") ? 1 : 0;
  }
  if (positional.length > 0) {
    io.err(`未知子命令 / unknown subcommand: ${positional[0]} (plan diff, plan check)\n`);
    return 2;
  }
  const loaded = await loadPlan(seedOption, correctionsOption);
  // The levels as corrected (a workbook's 计划 view, `level` entries of --corrections).
  const revision = withLevelCorrections(loaded.revision, loaded.levels ?? []);
  // Lines the parser could not read go to stderr in both forms, so --json stays the list of quotas.
  for (const unread of revision.unread ?? []) io.err(`未读行 / unread line ${unread.line}: ${unread.reason}「${clip(unread.text, 60)}」\n`);
  if (json) {
    io.out(`${JSON.stringify(revision.quotas.map(quotaJson), null, 2)}\n`);
    return 0;
  }
  io.out(`${revision.title}  ${revision.label}（${revision.revision}）: ${revision.quotas.length} 个指标 quotas\n\n`);
  io.out(
    formatTable(
      ["编号 id", "类型 kind", "目标 target", "单位", "年份", "责任单位 units", "级别 level"],
      revision.quotas.map((q) => [
        q.id,
        q.kind,
        q.pending ? "待定" : (targetFigure(q) ?? "—"),
        q.unit ?? "",
        q.year === null ? "每年" : String(q.year),
        clip(unitsLabel(q) || (q.region ?? ""), 24),
        LEVEL_LABELS[q.level].zh,
      ]),
    ),
  );
  return 0;
}
