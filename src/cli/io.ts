import { readFileSync } from "fs";
import path from "path";
import { loadPlanLibrary, type PlanLibrary } from "../core/plan/library";
import { parsePlan } from "../core/plan/parse";
import { parseCounties, type Geography } from "../core/plan/counties";
import { COUNTIES_FILE, CURRENT_SEED, PREVIOUS_SEED } from "../core/plan/seeds";
import type { PlanRevision } from "../core/plan/types";

/** The package's seeds/ folder, wherever the package is installed. */
export const SEEDS_DIR = path.join(__dirname, "..", "..", "seeds");

/** An input the CLI cannot read: exit code 2, the message names the file. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`无法读取文件「${file}」 / cannot read "${file}": ${(error as Error).message}`);
  }
}

/** A seed file (relative to the working directory), or the built-in current revision. */
export function loadSeed(file?: string): { revision: PlanRevision; text: string } {
  const seedPath = file ?? path.join(SEEDS_DIR, CURRENT_SEED);
  const text = readText(seedPath);
  try {
    return { revision: parsePlan(text), text };
  } catch (error) {
    throw new InputError(`「${seedPath}」：${(error as Error).message}`);
  }
}

/**
 * Every revision the package ships (for checks that must recognise older workbooks), plus the one
 * a `--revision <seed>` names, as the task pane adds a plan a person imported.
 */
export function planLibrary(revisionFile?: string): PlanLibrary {
  const library = loadPlanLibrary([CURRENT_SEED, PREVIOUS_SEED].map((name) => readText(path.join(SEEDS_DIR, name))));
  if (revisionFile !== undefined) library.add(loadSeed(revisionFile).revision);
  return library;
}

/** Zhejiang's cities and counties, from the package's data file. */
export function loadCounties(): Geography {
  return parseCounties(readText(path.join(SEEDS_DIR, COUNTIES_FILE)));
}

/** Output streams, injectable for tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Reads `--name value` options and positional arguments. */
export function parseArgs(argv: string[], flags: string[] = []): { options: Record<string, string | true>; positional: string[] } {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) positional.push(arg);
    else if (flags.includes(arg.slice(2))) options[arg.slice(2)] = true;
    else if (i + 1 < argv.length) options[arg.slice(2)] = argv[++i];
    else throw new InputError(`选项 ${arg} 缺少取值 / option ${arg} needs a value`);
  }
  return { options, positional };
}

/** Display width of a string in a terminal: CJK characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** A plain aligned table, CJK-aware. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: string[]) => cells.map((c, i) => c + " ".repeat(widths[i] - displayWidth(c))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}
