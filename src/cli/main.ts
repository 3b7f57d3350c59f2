import { InputError, type Io, processIo } from "./io";

/** Each subcommand: its arguments after the name, the output streams, an exit code. */
type Command = (argv: string[], io: Io) => Promise<number>;

/**
 * Loaded when named, so `planbook --help` and `planbook plan` start without loading ExcelJS (a
 * third of a second on a slow machine).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  plan: async () => (await import("./plan")).runPlanCommand,
  template: async () => (await import("./template")).runTemplateCommand,
  check: async () => (await import("./check")).runCheckCommand,
  merge: async () => (await import("./merge")).runMergeCommand,
};

const USAGE = `planbook — 计划填报 / Planbook

用法 / usage:
  planbook plan [--json] [--revision <seed.txt>]     指标清单 / the plan's quotas
  planbook plan diff <older-seed> <newer-seed>       修订对比 / revision diff
  planbook plan check [--revision <seed.txt>]        计划一致性 / plan consistency findings
  planbook template --scope <province|city:市|county:县|unit:单位> --period <2026-10|2026-Q3> --out <file.xlsx>
  planbook template --all-cities --period <…> --out <dir> [--split plan|equal|<weights.tsv>]   每市一个文件 / one file per city
  planbook template --all-counties <市> --period <…> --out <dir> [--split equal|<weights.tsv>]  每县一个文件 / one file per county
  planbook check <file.xlsx>... [--json] [--end-of-period] [--revision <seed.txt>]  校验 / check files
  planbook merge --out <summary.xlsx> <file.xlsx>... [--json]  汇总 / merge city, county or unit files

退出码 / exit codes: 0 成功 ok · 1 有错误 findings include errors · 2 无法读取输入 input unreadable
`;

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`未知命令 / unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
