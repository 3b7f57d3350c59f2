import path from "path";
import { type CellChange, type ChangeLogEntry, type CorrectableKey, correctionOf, previousRefresh } from "../core/checks";
import { InputError } from "../core/shared";
import type { CellValue } from "../core/template";
import { writeCorrections } from "../xlsx/correct";
import { commandHelp, parseArgs, usageLine } from "./args";
import { readSnapshotFile } from "./check";
import { refuseUncomputedInputs } from "./findings";
import { type Io, readInputFile } from "./io";
import { checkOutputFile, checkReplaceable, writeFileAtomic } from "./output";
import { CORRECT_SPEC } from "./specs";

/** The options that set a quota's input, and the column each sets. */
const VALUE_OPTIONS: [string, CorrectableKey][] = [
  ["cumulative", "cumulative"],
  ["this-period", "period"],
  ["status", "status"],
  ["note", "note"],
];

/** A figure given on the command line: a number, or blank (`""`) to clear the cell. */
function figure(option: string, text: string): CellValue {
  if (text.trim() === "") return "";
  const value = Number(text.trim());
  if (!Number.isFinite(value)) throw new InputError(`选项 --${option} 应为数字，实为「${text}」 / option --${option} takes a number, not "${text}"`);
  return value;
}

const shown = (value: CellValue): string => (value === null || value === "" ? "（空）" : String(value));

/**
 * `planbook correct <file> --out <file>`: a correction to a returned report is an explicit act —
 * one quota's inputs (`--quota` with `--cumulative`, `--this-period`, `--status`, `--note`), or this
 * period's 上期累计 brought in line with the corrected previous report (`--previous`) — written to a
 * new file with each change logged in 修改记录 (time, sheet, cell, quota, old, new, reason). The
 * input is never written over. Exit 0, also when there was nothing to change (then no file).
 */
export async function runCorrectCommand(argv: string[], io: Io, now = new Date()): Promise<number> {
  const { options, positional, help } = parseArgs(argv, CORRECT_SPEC);
  if (help) {
    io.out(commandHelp(CORRECT_SPEC));
    return 0;
  }
  const out = typeof options.out === "string" ? options.out : null;
  const [file, ...others] = positional;
  if (file === undefined || others.length > 0 || out === null) {
    io.err(`${others.length > 0 ? "一次只能更正一个文件 / one file at a time" : "缺少要更正的文件或 --out / missing the file to correct or --out"}: ${usageLine(CORRECT_SPEC)}\n`);
    return 2;
  }
  const quotaId = typeof options.quota === "string" ? options.quota : null;
  const previousFile = typeof options.previous === "string" ? options.previous : null;
  const given = VALUE_OPTIONS.filter(([option]) => typeof options[option] === "string");
  if ((quotaId === null) === (previousFile === null)) {
    throw new InputError("请用 --quota（更正一个指标）或 --previous（按已更正的上期报表更新上期累计）之一 / use one of --quota (correct a quota) and --previous (bring 上期累计 in line with the corrected previous report)");
  }
  if (quotaId !== null && given.length === 0) {
    throw new InputError("--quota 需要至少一个新值：--cumulative、--this-period、--status 或 --note / --quota needs a new value: --cumulative, --this-period, --status or --note");
  }
  const [firstGiven] = given;
  if (previousFile !== null && firstGiven !== undefined) {
    throw new InputError(`--previous 不与 --${firstGiven[0]} 同用 / --previous does not go with --${firstGiven[0]}`);
  }
  checkOutputFile(out, [file, ...(previousFile ? [previousFile] : [])]);
  // Another period's filled report in the way is never written over either.
  await checkReplaceable(out, "template");
  const snapshot = await readSnapshotFile(file);
  let changes: CellChange[];
  if (quotaId !== null) {
    const values = Object.fromEntries(given.map(([option, key]) => [key, key === "status" || key === "note" ? (options[option] as string) : figure(option, options[option] as string)]));
    changes = correctionOf(snapshot, { quotaId, values, ...(typeof options.sheet === "string" ? { sheet: options.sheet } : {}) }, file);
  } else {
    const previous = await readSnapshotFile(previousFile as string);
    refuseUncomputedInputs(previous, previousFile as string, { zh: "更新上期累计", en: "上期累计 brought in line" });
    changes = previousRefresh(snapshot, previous, path.basename(previousFile as string));
  }
  const reason =
    typeof options.reason === "string"
      ? options.reason
      : previousFile !== null
        ? `上期报表已更正 previous report corrected: ${path.basename(previousFile)}`
        : "更正 correction";
  const entries: ChangeLogEntry[] = changes.map((change) => ({ ...change, at: now.toISOString(), reason }));
  if (options.json === true) {
    io.out(`${JSON.stringify({ file, out: changes.length > 0 ? out : null, changes: entries }, null, 2)}\n`);
  } else {
    for (const c of changes) io.out(`${c.sheet}!${c.cell} ${c.quotaId}: ${shown(c.before)} → ${shown(c.after)}\n`);
  }
  if (changes.length === 0) {
    if (options.json !== true) io.out(`「${file}」无需更正，未写入「${out}」 / nothing to correct in "${file}": "${out}" not written\n`);
    return 0;
  }
  const password = typeof options.password === "string" ? options.password : null;
  writeFileAtomic(out, await writeCorrections(readInputFile(file), changes, entries, password));
  if (options.json !== true) io.out(`${out}: ${changes.length} 处更正，已记入修改记录 corrections, logged in 修改记录\n`);
  return 0;
}
