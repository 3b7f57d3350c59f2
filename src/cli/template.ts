import path from "path";
import { formatScope, parseScope, type Scope } from "../core/scope";
import { readFileSync } from "fs";
import { readMeta } from "../core/read-sheets";
import { buildTemplate } from "../core/template/build";
import { EMPTY_FORM, type FormSettings, cleanFormSettings } from "../core/template/form";
import { formOf } from "../core/template/meta";
import { readWorkbookFile } from "../xlsx/read";
import { writeTemplateFile } from "../xlsx/render";
import { commandHelp, parseArgs, usageLine } from "./args";
import { TEMPLATE_SPEC } from "./specs";
import { type Io, loadPlan, periodOption } from "./io";
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
  const missing = ["period", "out", ...(allCities ? [] : ["scope"])].filter((name) => typeof options[name] !== "string");
  if (missing.length > 0) {
    io.err(`缺少 ${missing.map((m) => `--${m}`).join("、")} / missing ${missing.map((m) => `--${m}`).join(", ")}: ${usageLine(TEMPLATE_SPEC)}\n`);
    return 2;
  }
  const out = options.out as string;
  const seedFile = typeof options.revision === "string" ? options.revision : undefined;
  const { revision } = await loadPlan(seedFile, typeof options.corrections === "string" ? options.corrections : undefined);
  const period = periodOption(options.period as string, revision);
  let scopes: Scope[];
  try {
    scopes = allCities ? revision.cities.map((city) => ({ kind: "city", city })) : [parseScope(options.scope as string, revision)];
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const inputs = seedFile === undefined ? [] : [seedFile];
  if (allCities) prepareOutputFolder(out);
  const password = typeof options.password === "string" ? options.password : null;
  const form = typeof options.form === "string" ? await loadFormSettings(options.form) : EMPTY_FORM;
  if (typeof options.form === "string") inputs.push(options.form);
  for (const [index, scope] of scopes.entries()) {
    const built = buildTemplate({ revision, scope, period, generatedAt: now.toISOString(), password, form });
    const file = allCities ? path.join(out, `${built.sheet.name}.xlsx`) : out;
    checkOutputFile(file, inputs);
    writeFileAtomic(file, await writeTemplateFile(built, undefined, password));
    io.out(`${file}: ${formatScope(scope)} ${options.period}, ${built.quotaRows} 个指标 quotas\n`);
    if (process.stderr.isTTY) process.stderr.write(`\r${index + 1}/${scopes.length}`);
  }
  if (process.stderr.isTTY && scopes.length > 1) process.stderr.write("\n");
  return 0;
}
