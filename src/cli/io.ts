import { readFileSync } from "fs";
import path from "path";
import { applyCorrections, COUNTIES_FILE, CURRENT_SEED, type Geography, importedRevision, type LevelRecord, loadPlanLibrary, parseCounties, parsePlan, type PlanLibrary, type PlanRevision, PREVIOUS_SEED, readCorrections, withoutLevels } from "../core/plan";
import { type Period, parsePeriod } from "../core/period";
import { InputError } from "../core/shared";
import { docxPlanText } from "../docx/plan-text";
import { cannotReadFileMessage, fileProblem } from "../core/findings";

/** The package's seeds/ folder, wherever the package is installed. */
export const SEEDS_DIR = path.join(__dirname, "..", "..", "seeds");

/** The bytes of a file the command was given; one that cannot be opened is an InputError naming it. */
export function readInputFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new InputError(cannotReadFileMessage(file, fileProblem("cannot-open", { cause: (error as Error).message })));
  }
}

export function readText(file: string): string {
  return readInputFile(file).toString("utf8");
}

/** A plan's text: a .docx read by docxPlanText, any other file as UTF-8 text. */
async function planText(file: string): Promise<string> {
  if (!/\.docx$/i.test(file)) return readText(file);
  try {
    return await docxPlanText(readInputFile(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`「${file}」不是可读的 .docx 文件：${(error as Error).message} / "${file}" is not a readable .docx file`);
  }
}

/** A plan as a command uses it: the revision, its text, and the level corrections given with it. */
export interface LoadedPlan {
  revision: PlanRevision;
  text: string;
  /**
   * Corrections of quota levels (the 计划 view's, saved in a workbook given as the plan, and `level`
   * entries of `--corrections`): undefined when none was given, so a merge goes by its files'.
   */
  levels?: LevelRecord[];
}

/**
 * A plan file (a seed's text, another task list, a .docx; relative to the working directory), or
 * the built-in current revision; a workbook (.xlsx) gives the plan last imported into it, with the
 * corrections made in review and the level corrections of its 计划 view (a workbook with level
 * corrections but no imported plan: the built-in plan, corrected). `correctionsFile` adds
 * corrections (a JSON list, see readCorrections; `level` entries are level corrections).
 */
export async function loadPlan(file?: string, correctionsFile?: string): Promise<LoadedPlan> {
  const planPath = file ?? path.join(SEEDS_DIR, CURRENT_SEED);
  const loaded: LoadedPlan = /\.xlsx$/i.test(planPath) ? await workbookPlan(planPath) : parsedPlan(planPath, await planText(planPath));
  if (correctionsFile === undefined) return loaded;
  try {
    const json: unknown = JSON.parse(readText(correctionsFile));
    const { corrections, levels } = withoutLevels(loaded.revision, readCorrections(json, correctionsFile));
    const allLevels = levels.length > 0 ? [...(loaded.levels ?? []).filter((l) => !levels.some((c) => c.quotaId === l.quotaId)), ...levels] : loaded.levels;
    return { ...loaded, revision: applyCorrections(loaded.revision, corrections), ...(allLevels ? { levels: allLevels } : {}) };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`「${correctionsFile}」：${(error as Error).message}`);
  }
}

/** The plan last imported into a workbook (the 计划 view stores it, with its corrections, in the metadata), and its level corrections. */
async function workbookPlan(file: string): Promise<LoadedPlan> {
  const { readWorkbookFile } = await import("../xlsx/read");
  const { readMeta } = await import("../core/snapshot");
  let snapshot: Awaited<ReturnType<typeof readWorkbookFile>>;
  try {
    snapshot = await readWorkbookFile(readInputFile(file));
  } catch (error) {
    // A file that is not a workbook is the person's input, said with its name, never an internal error.
    if (error instanceof InputError) throw error;
    throw new InputError(`「${file}」：${(error as Error).message}`);
  }
  const meta = readMeta(snapshot);
  const plan = meta.plans?.at(-1);
  const levels = meta.levels.length > 0 ? { levels: meta.levels } : {};
  if (!plan) {
    // The 计划 view saves level corrections of the built-in plan too: the workbook is that plan, corrected.
    if (meta.levels.length > 0) return { ...loadSeed(), ...levels };
    throw new InputError(`「${file}」中没有导入的计划（在「计划」视图导入后保存） / "${file}" holds no imported plan (import one in the 计划 view)`);
  }
  try {
    return { revision: importedRevision(plan, { geography: loadCounties() }), text: plan.text, ...levels };
  } catch (error) {
    throw new InputError(`「${file}」中保存的计划：${(error as Error).message} / the plan stored in "${file}"`);
  }
}

/** A text plan file (relative to the working directory), or the built-in current revision. */
export function loadSeed(file?: string): { revision: PlanRevision; text: string } {
  const seedPath = file ?? path.join(SEEDS_DIR, CURRENT_SEED);
  return parsedPlan(seedPath, readText(seedPath));
}

function parsedPlan(seedPath: string, text: string): { revision: PlanRevision; text: string } {
  try {
    return { revision: parsePlan(text, { geography: loadCounties() }), text };
  } catch (error) {
    throw new InputError(`「${seedPath}」：${(error as Error).message}`);
  }
}

/**
 * Every revision the package ships (for checks that must recognise older workbooks), plus the one
 * a `--revision <seed>` names, as the task pane adds a plan a person imported.
 */
export async function planLibrary(revisionFile?: string, correctionsFile?: string): Promise<PlanLibrary> {
  const library = loadPlanLibrary(
    [CURRENT_SEED, PREVIOUS_SEED].map((name) => readText(path.join(SEEDS_DIR, name))),
    loadCounties(),
  );
  if (revisionFile !== undefined) library.add((await loadPlan(revisionFile, correctionsFile)).revision);
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

/**
 * Why stdout could not be written, once it could not: the reader went away (`| head`, EPIPE) or
 * the disk is full (`> /dev/full`, ENOSPC). Later output has nowhere to go; the command still
 * finishes its files (each written whole or not at all), then `run` says so and exits 3.
 */
let stdoutFailure: string | null = null;
/** Whether anything was written to stdout: a command that printed nothing has nothing to flush there (an empty write to /dev/full fails too). */
let stdoutWritten = false;

const failStdout = (error: unknown): void => {
  stdoutFailure ??= (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
};

export const processIo: Io = {
  out: (text) => {
    if (stdoutFailure !== null) return;
    stdoutWritten = true;
    try {
      process.stdout.write(text);
    } catch (error) {
      // Written to a file or a device, stdout writes synchronously and its failure is thrown here.
      failStdout(error);
    }
  },
  err: (text) => {
    if (!process.stderr.destroyed) process.stderr.write(text);
  },
};

/**
 * Lets the process see a stdout that cannot be written as that, not as a crash: without a
 * listener, EPIPE or ENOSPC is an uncaught error with a stack trace, and the command stops half-way.
 */
export function watchStdout(): void {
  process.stdout.on("error", failStdout);
  process.stderr.on("error", () => undefined);
}

const STDOUT_FAILURES: Record<string, { zh: string; en: string }> = {
  EPIPE: { zh: "读取方已关闭，EPIPE", en: "its reader closed it, EPIPE" },
  ENOSPC: { zh: "磁盘已满，ENOSPC", en: "the disk is full, ENOSPC" },
  EFBIG: { zh: "超出文件大小限制，EFBIG", en: "past the file size limit, EFBIG" },
};

/** The line `run` ends with when stdout could not be written (null when it could). */
export function stdoutFailureMessage(): string | null {
  if (stdoutFailure === null) return null;
  const why = STDOUT_FAILURES[stdoutFailure] ?? { zh: stdoutFailure, en: stdoutFailure };
  return `planbook：无法写出标准输出（${why.zh}），输出不完整；已写的文件都是完整的 / planbook: cannot write standard output (${why.en}), so the output is incomplete; every file written is whole\n`;
}

/**
 * Resolves once everything written to `stream` has been handed to the operating system (or could
 * not be). Exiting before that cuts a pipe's output at what it had taken (64 KiB on Linux).
 */
export function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || (stream === process.stdout && (stdoutFailure !== null || !stdoutWritten))) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      stream.write("", () => resolve());
    } catch (error) {
      if (stream === process.stdout) failStdout(error);
      resolve();
    }
  });
}

/** A `--period` value: a period the plan's years cover, or an InputError saying what is wrong. */
export function periodOption(text: string, revision: PlanRevision): Period {
  let period: Period;
  try {
    period = parsePeriod(text);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  if (period.year < revision.startYear || period.year > revision.endYear) {
    throw new InputError(
      `报告期 ${text} 不在计划的年份 ${revision.startYear}–${revision.endYear} 之内 / the period ${text} is outside the plan's years ${revision.startYear}–${revision.endYear}`,
    );
  }
  return period;
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
  const line = (cells: string[]) => cells.map((c, i) => c + " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}
