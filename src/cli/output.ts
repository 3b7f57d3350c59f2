import { closeSync, mkdirSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "fs";
import path from "path";
import { InputError } from "../core/shared";
import { existingOutput } from "../core/snapshot";
import { readWorkbookFile } from "../xlsx/read";

/**
 * Where the CLI writes. A command never writes over one of its own inputs, however the path is
 * spelt (another case on a case-blind disk, `./`, `..`, a symbolic or hard link), nor over a file
 * it would not make again itself (a filled report, another command's output, a person's workbook), and it writes
 * through a temporary file in the same folder that is renamed into place, so a run that fails
 * half-way leaves the old file whole.
 */

const statOrNull = (file: string): Stats | null => {
  try {
    return statSync(file);
  } catch {
    return null;
  }
};

const realOrResolved = (file: string): string => {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
};

/** The same file on disk: same device and inode (hard links, case, links), or the same real path where inodes mean nothing. */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if (sa && sb && sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  return realOrResolved(a) === realOrResolved(b);
}

/**
 * Checks that `out` can be written as a file with the given extension and is none of `inputs`;
 * throws InputError (one line, Chinese then English) otherwise.
 */
export function checkOutputFile(out: string, inputs: string[], extension = ".xlsx"): void {
  const existing = statOrNull(out);
  if (existing?.isDirectory()) throw new InputError(`输出「${out}」是一个文件夹，应为文件 / the output "${out}" is a folder, not a file`);
  if (path.extname(out).toLowerCase() !== extension) {
    throw new InputError(`输出文件「${out}」应以 ${extension} 结尾 / the output "${out}" must end in ${extension}`);
  }
  const folder = path.dirname(path.resolve(out));
  const parent = statOrNull(folder);
  if (!parent) throw new InputError(`输出文件夹「${path.dirname(out)}」不存在 / the output folder "${path.dirname(out)}" does not exist`);
  if (!parent.isDirectory()) throw new InputError(`「${path.dirname(out)}」不是文件夹 / "${path.dirname(out)}" is not a folder`);
  if (!existing) return;
  const input = inputs.find((file) => sameFile(out, file));
  if (input !== undefined) {
    throw new InputError(
      `输出文件「${out}」就是输入文件「${input}」，不会覆盖输入：请换一个输出文件名 / the output "${out}" is the input "${input}"; inputs are never written over: choose another output name`,
    );
  }
}

/** What each command writes, and so may write over when it holds nothing anybody typed. */
export type OutputKind = "template" | "summary" | "progress";

const MADE: Record<OutputKind, { zh: string; en: string }> = {
  template: { zh: "空白模板", en: "a blank template" },
  summary: { zh: "汇总文件", en: "a summary" },
  progress: { zh: "进度文件", en: "a 进度 (progress) workbook" },
};

/**
 * Checks that an existing `out` may be replaced by a new file of `kind`: only one the same command
 * made and nobody has typed in since (a blank template, an earlier summary or 进度). Anything else —
 * a returned report with figures, another kind of Planbook file, a workbook Planbook did not make —
 * is never written over; throws InputError naming the file (and the first typed cell).
 */
export async function checkReplaceable(out: string, kind: OutputKind): Promise<void> {
  if (!statOrNull(out)?.isFile()) return;
  const refuse = (zh: string, en: string): InputError =>
    new InputError(`「${out}」${zh}，不会被覆盖：请换一个输出文件名 / "${out}" ${en}; it is never written over: choose another output name`);
  let existing;
  try {
    existing = existingOutput(await readWorkbookFile(readFileSync(out)));
  } catch {
    existing = { kind: "other" } as const;
  }
  if (existing.kind === "report" && existing.typed) {
    const at = `${existing.typed.sheet}!${existing.typed.cell}`;
    throw refuse(`已有填报内容（${at}）`, `holds figures typed in (${at})`);
  }
  const found = existing.kind === "report" ? "template" : existing.kind;
  if (found === kind) return;
  if (found === "other") throw refuse("已存在，且不是 Planbook 生成的文件", "exists and is not a file Planbook made");
  throw refuse(`是${MADE[found].zh}，不是${MADE[kind].zh}`, `is ${MADE[found].en}, not ${MADE[kind].en}`);
}

/** Makes `out` a folder to write into (creating it and its parents when missing); throws InputError when it is a file or cannot be made. */
export function prepareOutputFolder(out: string): void {
  const existing = statOrNull(out);
  if (existing && !existing.isDirectory()) {
    throw new InputError(`输出「${out}」是一个文件，应为文件夹（每市一个文件） / the output "${out}" is a file; --all-cities writes one file per city into a folder`);
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    throw new InputError(`无法创建文件夹「${out}」 / cannot make the folder "${out}": ${(error as Error).message}`);
  }
}

/** An output file that could not be written (a full disk, a file size limit): said in one line, exit 3, and nothing is left half-written. */
export class OutputWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputWriteError";
  }
}

const removeQuietly = (file: string): void => {
  try {
    unlinkSync(file);
  } catch {
    // Never made, or already moved.
  }
};

/** A name beside `file` for a temporary or kept-aside copy: same folder, so a rename never crosses disks. */
const besideName = (file: string, what: string, index: number): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.${index}.${what}`);

/**
 * Writes each file's data atomically and all of them or none: every file is first written to a
 * temporary file beside it and flushed to disk; only when all are written are they renamed into
 * place, each file they replace kept aside until the last rename. A failure anywhere (a full disk
 * half-way through the 11 cities) removes what was written and puts back what was replaced, and
 * throws OutputWriteError naming the file that failed.
 */
export function writeFilesAtomic(files: { file: string; data: Uint8Array }[]): void {
  const staged = files.map(({ file }, index) => ({ file, temporary: besideName(file, "tmp", index), aside: besideName(file, "old", index), replaced: false, placed: false }));
  const failed = (file: string, error: unknown): OutputWriteError => {
    const cause = (error as Error).message;
    if (files.length === 1) return new OutputWriteError(`无法写入「${file}」（${cause}），未写入 / cannot write "${file}" (${cause}): not written`);
    return new OutputWriteError(`无法写入「${file}」（${cause}），${files.length} 个文件都未写入 / cannot write "${file}" (${cause}): none of the ${files.length} files was written`);
  };
  for (const [index, { data }] of files.entries()) {
    const step = staged[index] as (typeof staged)[number];
    try {
      const fd = openSync(step.temporary, "wx");
      try {
        for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, data.length - offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      for (const s of staged) removeQuietly(s.temporary);
      throw failed(step.file, error);
    }
  }
  for (const step of staged) {
    try {
      if (statOrNull(step.file)) {
        renameSync(step.file, step.aside);
        step.replaced = true;
      }
      renameSync(step.temporary, step.file);
      step.placed = true;
    } catch (error) {
      for (const s of staged) {
        if (s.placed) removeQuietly(s.file);
        if (s.replaced) renameSync(s.aside, s.file);
        removeQuietly(s.temporary);
      }
      throw failed(step.file, error);
    }
  }
  for (const step of staged) if (step.replaced) removeQuietly(step.aside);
}

/** Writes `data` to `file` atomically (see writeFilesAtomic): on failure `file` is as it was. */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  writeFilesAtomic([{ file, data }]);
}
