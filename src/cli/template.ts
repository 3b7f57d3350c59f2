import path from "path";
import { formatScope, parseScope, type Scope } from "../core/scope";
import { readFileSync, readdirSync, statSync } from "fs";
import { readMeta, readWorkbook } from "../core/read-sheets";
import { type ReturnedReports, previousSheetFor } from "../core/next-period";
import { type Period, comparePeriods, formatPeriod, nextPeriod, periodOrNull } from "../core/period";
import type { PreviousReport } from "../core/template/carried";
import { buildTemplate } from "../core/template/build";
import { EMPTY_FORM, type FormSettings, cleanFormSettings } from "../core/template/form";
import { formOf } from "../core/template/meta";
import { readWorkbookFile } from "../xlsx/read";
import { writeTemplateFile } from "../xlsx/render";
import { commandHelp, parseArgs, usageLine } from "./args";
import { TEMPLATE_SPEC } from "./specs";
import { type Io, loadPlan, periodOption, readInputFile } from "./io";
import { checkOutputFile, prepareOutputFolder, writeFileAtomic } from "./output";
import { InputError } from "../core/errors";

/**
 * The form settings from `--form`: a workbook's metadata (the aggregator's, where the 计划 view
 * saved them) or a JSON object with the settings' keys (formNumber, authority, approval,
 * validUntil, contact).
 */
async function loadFormSettings(file: string): Promise<FormSettings> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new InputError(`无法读取文件「${file}」 / cannot read "${file}": ${(error as Error).message}`);
  }
  if (/\.json$/i.test(file)) {
    try {
      const parsed: unknown = JSON.parse(data.toString("utf8"));
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      return cleanFormSettings(parsed);
    } catch (error) {
      throw new InputError(`「${file}」不是报表表头设置的 JSON 对象 / "${file}" is not a JSON object of form settings: ${(error as Error).message}`);
    }
  }
  try {
    return formOf(readMeta(await readWorkbookFile(data, { fileName: path.basename(file) })));
  } catch (error) {
    throw new InputError(`无法从「${file}」读取报表表头设置 / cannot read the form settings from "${file}": ${(error as Error).message}`);
  }
}

/** The returned workbooks `--from` names: a file, or every .xlsx file in a folder (one that cannot be read is said and skipped). */
async function returnedWorkbooks(from: string, io: Io): Promise<{ files: string[]; returned: ReturnedReports[] }> {
  let folder = false;
  try {
    folder = statSync(from).isDirectory();
  } catch {
    // readInputFile below says the file cannot be opened.
  }
  const files = folder
    ? readdirSync(from)
        .filter((name) => /\.xlsx$/i.test(name) && !name.startsWith("~$") && !name.startsWith("."))
        .sort()
        .map((name) => path.join(from, name))
    : [from];
  const returned: ReturnedReports[] = [];
  for (const file of files) {
    try {
      const snapshot = await readWorkbookFile(readInputFile(file), { fileName: path.basename(file) });
      returned.push({ source: file, reports: readWorkbook(snapshot).reports });
    } catch (error) {
      if (!folder) throw error instanceof InputError ? error : new InputError((error as Error).message);
      io.err(`跳过无法读取的文件 skipped, cannot read: ${file}: ${(error as Error).message}\n`);
    }
  }
  return { files, returned };
}

/** The period after the latest of the returned city sheets (the aggregator's next period when none is given). */
function periodAfterLatest(returned: ReturnedReports[], from: string): Period {
  const periods = returned.flatMap((r) => r.reports.flatMap((report) => periodOrNull(report.record.period) ?? []));
  const latest = periods.sort((a, b) => comparePeriods(b, a))[0];
  if (!latest) throw new InputError(`「${from}」中没有 Planbook 报表，请用 --period 指定报告期 / "${from}" holds no Planbook report: give the period with --period`);
  return nextPeriod(latest);
}

/** `planbook template`: the reporting template as an .xlsx file (or one file per city). */
export async function runTemplateCommand(argv: string[], io: Io, now = new Date()): Promise<number> {
  const { options, positional, help } = parseArgs(argv, TEMPLATE_SPEC);
  if (help) {
    io.out(commandHelp(TEMPLATE_SPEC));
    return 0;
  }
  if (positional.length > 0) throw new InputError(`template 不接受文件参数「${positional[0]}」 / template takes no file argument ("${positional[0]}"): ${usageLine(TEMPLATE_SPEC)}`);
  const allCities = options["all-cities"] === true;
  if (allCities && options.scope !== undefined) {
    throw new InputError("--all-cities 与 --scope 不能同时使用 / --all-cities and --scope cannot be used together");
  }
  const from = typeof options.from === "string" ? options.from : null;
  // With --from the scope and period can come from the previous period's sheet.
  const missing = ["out", ...(from ? [] : ["period"]), ...(allCities || from ? [] : ["scope"])].filter((name) => typeof options[name] !== "string");
  if (missing.length > 0) {
    io.err(`缺少 ${missing.map((m) => `--${m}`).join("、")} / missing ${missing.map((m) => `--${m}`).join(", ")}: ${usageLine(TEMPLATE_SPEC)}\n`);
    return 2;
  }
  const out = options.out as string;
  const seedFile = typeof options.revision === "string" ? options.revision : undefined;
  const { revision } = await loadPlan(seedFile);
  const returned = from ? await returnedWorkbooks(from, io) : null;
  let scopes: Scope[];
  try {
    scopes = allCities
      ? revision.cities.map((city) => ({ kind: "city", city }))
      : typeof options.scope === "string"
        ? [parseScope(options.scope, revision)]
        : [];
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const given = typeof options.period === "string" ? periodOption(options.period, revision) : null;
  const single = returned && !allCities ? previousSheetFor(returned.returned, scopes[0] ? formatScope(scopes[0]) : null, given) : null;
  if (single && scopes.length === 0) scopes = [parseScope(single.previous.scope, revision)];
  const period = given ?? single?.period ?? (returned ? periodOption(formatPeriod(periodAfterLatest(returned.returned, from as string)), revision) : periodOption(options.period as string, revision));
  /** The previous period's report of a scope: the one found, else (for each city) its latest before the period, if any. */
  const previousOf = (scope: Scope): PreviousReport | undefined => {
    if (single) return single.previous;
    if (!returned) return undefined;
    const scopeText = formatScope(scope);
    if (!returned.returned.some((r) => r.reports.some((report) => report.record.scope === scopeText))) return undefined;
    return previousSheetFor(returned.returned, scopeText, period).previous;
  };
  const inputs = [...(seedFile === undefined ? [] : [seedFile]), ...(returned?.files ?? [])];
  if (allCities) prepareOutputFolder(out);
  const password = typeof options.password === "string" ? options.password : null;
  const form = typeof options.form === "string" ? await loadFormSettings(options.form) : EMPTY_FORM;
  if (typeof options.form === "string") inputs.push(options.form);
  for (const [index, scope] of scopes.entries()) {
    const previous = previousOf(scope);
    const built = buildTemplate({ revision, scope, period, generatedAt: now.toISOString(), password, form, previous });
    const file = allCities ? path.join(out, `${built.sheet.name}.xlsx`) : out;
    checkOutputFile(file, inputs);
    writeFileAtomic(file, await writeTemplateFile(built, undefined, password));
    const carried = previous ? `, 上期累计取自 previous from ${previous.source}` : returned ? ", 无上期报表 no previous report" : "";
    io.out(`${file}: ${formatScope(scope)} ${formatPeriod(period)}, ${built.quotaRows} 个指标 quotas${carried}\n`);
    if (process.stderr.isTTY) process.stderr.write(`\r${index + 1}/${scopes.length}`);
  }
  if (process.stderr.isTTY && scopes.length > 1) process.stderr.write("\n");
  return 0;
}
