import path from "path";
import { formatScope, parseScope, type Scope } from "../core/scope";
import { buildTemplate } from "../core/template/build";
import { writeTemplateFile } from "../xlsx/render";
import { commandHelp, parseArgs, usageLine } from "./args";
import { TEMPLATE_SPEC } from "./specs";
import { type Io, loadSeed, periodOption } from "./io";
import { checkOutputFile, prepareOutputFolder, writeFileAtomic } from "./output";
import { InputError } from "../core/errors";

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
  const { revision } = loadSeed(seedFile);
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
  for (const [index, scope] of scopes.entries()) {
    const built = buildTemplate({ revision, scope, period, generatedAt: now.toISOString(), password });
    const file = allCities ? path.join(out, `${built.sheet.name}.xlsx`) : out;
    checkOutputFile(file, inputs);
    writeFileAtomic(file, await writeTemplateFile(built, undefined, password));
    io.out(`${file}: ${formatScope(scope)} ${options.period}, ${built.quotaRows} 个指标 quotas\n`);
    if (process.stderr.isTTY) process.stderr.write(`\r${index + 1}/${scopes.length}`);
  }
  if (process.stderr.isTTY && scopes.length > 1) process.stderr.write("\n");
  return 0;
}
