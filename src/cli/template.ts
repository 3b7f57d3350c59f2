import path from "path";
import { type Finding, findingMessage } from "../core/findings";
import { type SplitMode, citySplits, cityCountySplits } from "../core/merge";
import { cityOfCounty, countiesOf, formatScope, type Geography, parseScope, type PlanRevision, type Scope, withLevelCorrections } from "../core/plan";
import { buildTemplate, cleanFormSettings, defaultSheetName, EMPTY_FORM, EMPTY_META, formOf, type FormSettings, type PreviousReport, type SplitRecord } from "../core/template";
import { readFileSync, readdirSync, statSync } from "fs";
import { readMeta, readWorkbook } from "../core/snapshot";
import { comparePeriods, formatPeriod, nextPeriod, type Period, periodOrNull, previousSheetFor, type ReturnedReports } from "../core/period";
import { readWorkbookFile } from "../xlsx/read";
import { writeTemplateFile } from "../xlsx/render";
import { commandHelp, parseArgs, usageLine } from "./args";
import { refuseUncomputedInputs } from "./findings";
import { TEMPLATE_SPEC } from "./specs";
import { type Io, loadCounties, loadPlan, periodOption, readInputFile, readText } from "./io";
import { checkOutputFile, checkReplaceable, prepareOutputFolder, writeFilesAtomic } from "./output";
import { InputError } from "../core/shared";

/**
 * A `--split` value: `plan`, `equal`, or a file of `name<TAB>weight` lines (a city or a county per
 * line; `#` lines are comments). A line that is not a name and a number ≥ 0 is refused by line.
 */
export function readSplitMode(value: string): SplitOption {
  if (value === "plan") return { mode: { kind: "plan" }, file: null, lines: {} };
  if (value === "equal") return { mode: { kind: "equal" }, file: null, lines: {} };
  const { weights, lines } = parseWeights(readText(value), value);
  return { mode: { kind: "weights", weights }, file: value, lines };
}

/** A `--split` / `--city-split` value read: the mode, and for a weights file its name and each name's line. */
interface SplitOption {
  mode: SplitMode;
  file: string | null;
  lines: Record<string, number>;
}

/**
 * A weights file names exactly the places it shares among (the plan's cities, or one city's
 * counties): a name that is not one of them is refused by line, saying what it is when it is a
 * place elsewhere (a county of another city, a city among counties); one left out is refused by
 * name (a place that takes no share is written with weight 0).
 */
function checkWeightNames(option: SplitOption, places: readonly string[], among: { zh: string; en: string }, geography: Geography): void {
  if (option.mode.kind !== "weights" || option.file === null) return;
  const file = option.file;
  const problems: string[] = [];
  for (const [name, line] of Object.entries(option.lines)) {
    if (places.includes(name)) continue;
    const city = cityOfCounty(geography, name);
    const what =
      city !== null
        ? { zh: `是${city}的县（市、区）`, en: `is a county of ${city}` }
        : geography.cities.includes(name)
          ? { zh: "是设区市", en: "is a city" }
          : { zh: "不是浙江省的市或县（市、区）", en: "is not a city or county of Zhejiang" };
    problems.push(`权重文件「${file}」第 ${line} 行：「${name}」${what.zh}，不是${among.zh}之一 / weights file "${file}" line ${line}: "${name}" ${what.en}, not one of ${among.en}`);
  }
  // A file made for the other level names every line wrong: the first lines say enough.
  if (problems.length > 12) problems.splice(10, problems.length, `……另有 ${problems.length - 10} 行 / … and ${problems.length - 10} more lines`);
  const missing = places.filter((place) => !(place in option.lines));
  if (missing.length > 0) {
    problems.push(
      `权重文件「${file}」缺少 ${missing.join("、")} 的权重：每个都须有一行，不参与分解的写 0 / weights file "${file}" has no weight for ${missing.join(", ")}: every one needs a line (write 0 for one that takes no share)`,
    );
  }
  if (problems.length > 0) throw new InputError(problems.join("\n"));
}

/**
 * A weights file's `name<TAB>weight` lines (a comma or two spaces also separate), with the line each
 * name is on. A line that is not a name and a number ≥ 0, or a name given twice, is refused by line.
 */
export function parseWeights(text: string, file: string): { weights: Record<string, number>; lines: Record<string, number> } {
  const weights: Record<string, number> = {};
  const lines: Record<string, number> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, "").trim();
    if (line === "" || line.startsWith("#")) return;
    const [name = "", given = "", ...extra] = line.split(/\t|,|，|\s{2,}/).map((cell) => cell.trim());
    const weight = Number(given);
    if (extra.length > 0 || name === "" || given === "" || !Number.isFinite(weight) || weight < 0) {
      throw new InputError(
        `权重文件「${file}」第 ${index + 1} 行应为「名称<TAB>权重（不小于 0 的数）」，实为「${raw}」 / weights file "${file}" line ${index + 1}: expected "name<TAB>weight ≥ 0", saw "${raw}"`,
      );
    }
    if (name in weights) {
      throw new InputError(
        `权重文件「${file}」第 ${index + 1} 行：「${name}」已在第 ${lines[name]} 行给出权重 / weights file "${file}" line ${index + 1}: "${name}" already has a weight on line ${lines[name]}`,
      );
    }
    weights[name] = weight;
    lines[name] = index + 1;
  });
  if (Object.keys(weights).length === 0) throw new InputError(`权重文件「${file}」没有权重 / weights file "${file}" has no weights`);
  return { weights, lines };
}

/** The weights file a split came from, as a message names it. */
const fromFile = (file: string | null): string => (file === null ? "" : `（权重文件「${file}」）`);
const fromFileEn = (file: string | null): string => (file === null ? "" : ` (weights file "${file}")`);

function stopOnErrors(findings: Finding[], what: string): void {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) throw new InputError(`${what}：\n${[...new Set(errors.map((f) => findingMessage(f)))].join("\n")}`);
}

/** The city's targets that its counties share, stage by stage (see cityCountySplits). */
function countyRecords(revision: PlanRevision, geography: Geography, city: string, countyMode: SplitMode, cityRecords: SplitRecord[], file: string | null): SplitRecord[] {
  if (countyMode.kind === "plan") {
    throw new InputError("计划只给出各市的数，没有各县的数：请用 --split equal 或权重文件 / the plan gives no county figures: use --split equal or a weights file");
  }
  const { records, findings } = cityCountySplits(revision, geography, city, countyMode, cityRecords);
  stopOnErrors(findings, `${city}各县目标无法分解${fromFile(file)} / cannot split ${city}'s targets to its counties${fromFileEn(file)}`);
  return records;
}

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
    let snapshot;
    try {
      snapshot = await readWorkbookFile(readInputFile(file), { fileName: path.basename(file) });
    } catch (error) {
      if (!folder) throw error instanceof InputError ? error : new InputError((error as Error).message);
      io.err(`跳过无法读取的文件 skipped, cannot read: ${file}: ${(error as Error).message}\n`);
      continue;
    }
    // A figure that cannot be read is refused even in a folder: skipped, its city would start again from nothing.
    refuseUncomputedInputs(snapshot, file, { zh: "取得上期累计", en: "the next period's 上期累计" });
    returned.push({ source: file, reports: readWorkbook(snapshot).reports });
  }
  return { files, returned };
}

/** The period after the latest of the returned sheets (the aggregator's next period when none is given). */
function periodAfterLatest(returned: ReturnedReports[], from: string): Period {
  const periods = returned.flatMap((r) => r.reports.flatMap((report) => periodOrNull(report.record.period) ?? []));
  const latest = periods.sort((a, b) => comparePeriods(b, a))[0];
  if (!latest) throw new InputError(`「${from}」中没有 Planbook 报表，请用 --period 指定报告期 / "${from}" holds no Planbook report: give the period with --period`);
  return nextPeriod(latest);
}

/** `planbook template`: the reporting template as an .xlsx file (or one file per city or county). */
export async function runTemplateCommand(argv: string[], io: Io, now = new Date()): Promise<number> {
  const { options, positional, help } = parseArgs(argv, TEMPLATE_SPEC);
  if (help) {
    io.out(commandHelp(TEMPLATE_SPEC));
    return 0;
  }
  if (positional.length > 0) throw new InputError(`template 不接受文件参数「${positional[0]}」 / template takes no file argument ("${positional[0]}"): ${usageLine(TEMPLATE_SPEC)}`);
  const allCities = options["all-cities"] === true;
  const allCounties = typeof options["all-counties"] === "string" ? options["all-counties"] : null;
  const many = allCities || allCounties !== null;
  if ([allCities, allCounties !== null, options.scope !== undefined].filter(Boolean).length > 1) {
    throw new InputError("--all-cities、--all-counties 与 --scope 只能用一个 / use one of --all-cities, --all-counties and --scope");
  }
  const from = typeof options.from === "string" ? options.from : null;
  // With --from the scope and period can come from the previous period's sheet.
  const missing = ["out", ...(from ? [] : ["period"]), ...(many || from ? [] : ["scope"])].filter((name) => typeof options[name] !== "string");
  if (missing.length > 0) {
    io.err(`缺少 ${missing.map((m) => `--${m}`).join("、")} / missing ${missing.map((m) => `--${m}`).join(", ")}: ${usageLine(TEMPLATE_SPEC)}\n`);
    return 2;
  }
  const out = options.out as string;
  const seedFile = typeof options.revision === "string" ? options.revision : undefined;
  const loaded = await loadPlan(seedFile, typeof options.corrections === "string" ? options.corrections : undefined);
  // Level corrections (the workbook's 计划 view, --corrections) decide the rows and go with every file.
  const levels = loaded.levels ?? [];
  const revision = withLevelCorrections(loaded.revision, levels);
  const geography = loadCounties();
  const returned = from ? await returnedWorkbooks(from, io) : null;
  let scopes: Scope[];
  try {
    if (allCounties !== null) {
      if (!revision.cities.includes(allCounties)) {
        const city = cityOfCounty(geography, allCounties);
        throw new InputError(
          city !== null
            ? `--all-counties 需要市名：「${allCounties}」是${city}的县（市、区），请用 --all-counties ${city}，或 --scope county:${allCounties} / --all-counties takes a city: "${allCounties}" is a county of ${city}; use --all-counties ${city} or --scope county:${allCounties}`
            : `--all-counties：计划中没有「${allCounties}」（可选：${revision.cities.join("、")}） / --all-counties: the plan has no city "${allCounties}" (one of: ${revision.cities.join(", ")})`,
        );
      }
      scopes = countiesOf(geography, allCounties).map((county) => ({ kind: "county", county: county.name }));
    } else {
      scopes = allCities
        ? revision.cities.map((city) => ({ kind: "city", city }))
        : typeof options.scope === "string"
          ? [parseScope(options.scope, revision, geography)]
          : [];
    }
  } catch (error) {
    throw error instanceof InputError ? error : new InputError((error as Error).message);
  }
  const given = typeof options.period === "string" ? periodOption(options.period, revision) : null;
  const single = returned && !many ? previousSheetFor(returned.returned, scopes[0] ? formatScope(scopes[0]) : null, given) : null;
  if (single && scopes.length === 0) scopes = [parseScope(single.previous.scope, revision, geography)];
  const period = given ?? single?.period ?? (returned ? periodOption(formatPeriod(periodAfterLatest(returned.returned, from as string)), revision) : periodOption(options.period as string, revision));
  /** The previous period's report of a scope: the one found, else (for each city or county) its latest before the period, if any. */
  const previousOf = (scope: Scope): PreviousReport | undefined => {
    if (single) return single.previous;
    if (!returned) return undefined;
    const scopeText = formatScope(scope);
    if (!returned.returned.some((r) => r.reports.some((report) => report.record.scope === scopeText))) return undefined;
    return previousSheetFor(returned.returned, scopeText, period).previous;
  };
  const splitOption = typeof options.split === "string" ? readSplitMode(options.split) : null;
  const citySplitOption = typeof options["city-split"] === "string" ? readSplitMode(options["city-split"]) : null;
  const countyScopes = scopes.filter((s): s is Extract<Scope, { kind: "county" }> => s.kind === "county");
  if (citySplitOption && countyScopes.length === 0) {
    throw new InputError("--city-split 只用于县级模板（--all-counties 或 --scope county:…）；市级模板用 --split / --city-split is for county templates (--all-counties or --scope county:…); city templates take --split");
  }
  // Cities share provincial targets by --split (or, for county templates, by --city-split).
  const cityMode = countyScopes.length > 0 ? citySplitOption : splitOption;
  let splits: SplitRecord[] = [];
  if (cityMode) {
    checkWeightNames(cityMode, revision.cities, { zh: "计划中的市", en: "the plan's cities" }, geography);
    const split = citySplits(revision, cityMode.mode);
    stopOnErrors(split.findings, `目标无法分解${fromFile(cityMode.file)} / cannot split the targets${fromFileEn(cityMode.file)}`);
    splits = split.records;
  }
  if (countyScopes.length > 0 && splitOption) {
    const cities = [...new Set(countyScopes.map((s) => cityOfCounty(geography, s.county) ?? ""))];
    for (const city of cities) {
      const counties = countiesOf(geography, city).map((c) => c.name);
      checkWeightNames(splitOption, counties, { zh: `${city}的县（市、区）`, en: `the counties of ${city}` }, geography);
      splits = [...splits, ...countyRecords(revision, geography, city, splitOption.mode, splits, splitOption.file)];
    }
  }
  const inputs = [seedFile, typeof options.split === "string" ? options.split : undefined, ...(returned?.files ?? [])].filter((f): f is string => f !== undefined);
  // Every scope's previous report is found before anything is written: a folder that cannot say which return counts writes no file.
  const jobs = scopes.map((scope) => ({ scope, previous: previousOf(scope), file: many ? path.join(out, `${defaultSheetName(scope, period)}.xlsx`) : out }));
  if (many) prepareOutputFolder(out);
  const password = typeof options.password === "string" ? options.password : null;
  const form = typeof options.form === "string" ? await loadFormSettings(options.form) : EMPTY_FORM;
  if (typeof options.form === "string") inputs.push(options.form);
  // Every file is checked before any is written: a folder holding one filled return writes nothing.
  for (const { file } of jobs) {
    checkOutputFile(file, inputs);
    await checkReplaceable(file, "template");
  }
  // Every file is made before any is written, then all are written or none (a full disk at the seventh city leaves no six).
  const made: { file: string; data: Uint8Array; line: string }[] = [];
  for (const [index, { scope, previous, file }] of jobs.entries()) {
    const built = buildTemplate({ revision: loaded.revision, levels, scope, period, generatedAt: now.toISOString(), password, splits, geography, form, previous });
    const carried = previous ? `, 上期累计取自 previous from ${previous.source}` : returned ? ", 无上期报表 no previous report" : "";
    made.push({ file, data: await writeTemplateFile(built, { ...EMPTY_META, splits }, password), line: `${file}: ${formatScope(scope)} ${formatPeriod(period)}, ${built.quotaRows} 个指标 quotas${carried}\n` });
    if (process.stderr.isTTY) process.stderr.write(`\r${index + 1}/${scopes.length}`);
  }
  if (process.stderr.isTTY && scopes.length > 1) process.stderr.write("\n");
  writeFilesAtomic(made);
  for (const { line } of made) io.out(line);
  return 0;
}
