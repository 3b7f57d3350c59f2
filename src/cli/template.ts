import { mkdirSync, writeFileSync } from "fs";
import path from "path";
import { parsePeriod } from "../core/period";
import { formatScope, parseScope, type Scope } from "../core/scope";
import { buildTemplate } from "../core/template/build";
import { writeTemplateFile } from "../xlsx/render";
import { InputError, type Io, loadSeed, parseArgs } from "./io";

const USAGE =
  "用法 / usage: planbook template --scope province|city:<市>|unit:<单位> --period <YYYY-MM|YYYY-Qn> --out <file.xlsx>\n" +
  "       planbook template --all-cities --period <YYYY-MM|YYYY-Qn> --out <dir>\n";

/** `planbook template`: the reporting template as an .xlsx file (or one file per city). */
export async function runTemplateCommand(argv: string[], io: Io, now = new Date()): Promise<number> {
  const { options } = parseArgs(argv, ["all-cities"]);
  if (typeof options.period !== "string" || typeof options.out !== "string" || (!options["all-cities"] && typeof options.scope !== "string")) {
    io.err(USAGE);
    return 2;
  }
  const { revision } = loadSeed(typeof options.revision === "string" ? options.revision : undefined);
  let period;
  let scopes: Scope[];
  try {
    period = parsePeriod(options.period);
    scopes = options["all-cities"]
      ? revision.cities.map((city) => ({ kind: "city", city }) as Scope)
      : [parseScope(options.scope as string, revision)];
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const password = typeof options.password === "string" ? options.password : null;
  if (options["all-cities"]) mkdirSync(options.out, { recursive: true });
  for (const [index, scope] of scopes.entries()) {
    const built = buildTemplate({ revision, scope, period, generatedAt: now.toISOString(), password });
    const file = options["all-cities"] ? path.join(options.out, `${built.sheet.name}.xlsx`) : options.out;
    writeFileSync(file, await writeTemplateFile(built, undefined, password));
    io.out(`${file}: ${formatScope(scope)} ${options.period}, ${built.quotaRows} 个指标 quotas\n`);
    if (process.stderr.isTTY) process.stderr.write(`\r${index + 1}/${scopes.length}`);
  }
  if (process.stderr.isTTY && scopes.length > 1) process.stderr.write("\n");
  return 0;
}
