import path from "path";
import { auditFindings } from "../core/usecases";
import { countBySeverity, type Finding, findingMessage, inFile } from "../core/findings";
import type { WorkbookSnapshot } from "../core/snapshot";
import { readWorkbookFile } from "../xlsx/read";
import { commandHelp, parseArgs, usageLine } from "./args";
import { findingJson, messageLanguage } from "./findings";
import { CHECK_SPEC } from "./specs";
import { type Io, planLibrary, readInputFile } from "./io";
import { InputError } from "../core/shared";
import { WorkbookFileError } from "../xlsx/errors";

/** Reads an .xlsx file into a snapshot; an unreadable file is an InputError naming it. */
export async function readSnapshotFile(file: string): Promise<WorkbookSnapshot> {
  const data = readInputFile(file);
  try {
    return await readWorkbookFile(data, { fileName: path.basename(file) });
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new InputError(error.message);
    throw error;
  }
}

/** Shows progress on stderr when a person is watching (a terminal), never in pipes or CI logs. */
export function progress(done: number, total: number, label: string): void {
  if (!process.stderr.isTTY || total < 2) return;
  process.stderr.write(`\r${done}/${total} ${label}`.padEnd(60) + (done === total ? "\n" : ""));
}

/** `planbook check <file.xlsx>... [--previous <last-period.xlsx>] [--json] [--revision <seed>] [--lang zh|en]`: every finding of every file; exit 1 when there are errors. */
export async function runCheckCommand(argv: string[], io: Io): Promise<number> {
  const { options, positional: files, help } = parseArgs(argv, CHECK_SPEC);
  if (help) {
    io.out(commandHelp(CHECK_SPEC));
    return 0;
  }
  if (files.length === 0) {
    io.err(`缺少要校验的文件 / no file to check: ${usageLine(CHECK_SPEC)}\n`);
    return 2;
  }
  const language = messageLanguage(options);
  const revisions = (await planLibrary(typeof options.revision === "string" ? options.revision : undefined, typeof options.corrections === "string" ? options.corrections : undefined)).revisions();
  const previousFile = typeof options.previous === "string" ? options.previous : null;
  const previous = previousFile === null ? null : { name: path.basename(previousFile), snapshot: await readSnapshotFile(previousFile) };
  const findings: Finding[] = [];
  for (const [index, file] of files.entries()) {
    const snapshot = await readSnapshotFile(file);
    const found = auditFindings(snapshot, previous, { revisions, endOfPeriod: options["end-of-period"] === true });
    findings.push(...found.map((f) => inFile(f, file)));
    progress(index + 1, files.length, path.basename(file));
  }
  const counts = countBySeverity(findings);
  if (options.json === true) {
    const rows = findings.map((f) => findingJson(f, language));
    io.out(`${JSON.stringify({ findings: rows, errors: counts.error, warnings: counts.warning }, null, 2)}\n`);
  } else {
    for (const f of findings) io.out(`${f.file} ${f.sheet}!${f.cell ?? ""} [${f.severity}] ${f.rule} ${f.quotaId ?? ""}: ${findingMessage(f, language)}\n`);
    io.out(`${files.length} 个文件 files: ${counts.error} 个错误 errors, ${counts.warning} 个警告 warnings\n`);
  }
  return counts.error > 0 ? 1 : 0;
}
