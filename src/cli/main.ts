import { commandHelp, HELP_OPTION, nearestOption } from "./args";
import { drained, type Io, processIo, stdoutFailureMessage, watchStdout } from "./io";
import { COMMAND_SPECS } from "./specs";
import { InputError } from "../core/shared";
import { OutputWriteError } from "./output";

export { COMMAND_SPECS } from "./specs";

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
  correct: async () => (await import("./correct")).runCorrectCommand,
};

/** `planbook --help`: every command with every option, from the same specs the parser uses. */
export function usage(): string {
  return (
    "planbook — 计划填报 / Planbook\n\n" +
    COMMAND_SPECS.map((spec) => commandHelp(spec)).join("\n") +
    "\n退出码 / exit codes: 0 成功 ok · 1 有错误 findings include errors · 2 输入或命令行有误 bad input or command line · 3 无法写出输出或内部错误 output could not be written, or internal error\n"
  );
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    const names = Object.keys(COMMANDS);
    const nearest = nearestOption(name, { name: "planbook", operands: "", zh: "", en: "", options: names.map((n) => ({ name: n, zh: "", en: "" })) }).replace(/^--/, "");
    const suggestion = nearest === HELP_OPTION.name ? "--help" : nearest;
    io.err(
      `未知命令 ${name}（是否想用 ${suggestion}？命令有 ${names.join("、")}，planbook --help 查看用法） / unknown command ${name} (did you mean ${suggestion}? commands: ${names.join(", ")}; planbook --help shows usage)\n`,
    );
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if (error instanceof OutputWriteError) {
      io.err(`${error.message}\n`);
      return 3;
    }
    throw error;
  }
}

/**
 * The `planbook` process: runs the command, then waits until stdout and stderr have been handed
 * to the operating system before exiting, so a pipe to a slow reader gets every byte. A bug is
 * one line too (the stack with PLANBOOK_DEBUG=1), exit 3; so is a stdout that cannot be written.
 */
export async function run(argv: string[]): Promise<void> {
  watchStdout();
  let code: number;
  try {
    code = await main(argv);
  } catch (error) {
    const detail = process.env.PLANBOOK_DEBUG ? ((error as Error).stack ?? String(error)) : (error as Error).message ?? String(error);
    processIo.err(`planbook 内部错误（设 PLANBOOK_DEBUG=1 可看详情） / planbook internal error (PLANBOOK_DEBUG=1 shows details): ${detail}\n`);
    code = 3;
  }
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  // Output nobody got is a failed run, whatever the command found: one line, exit 3.
  const failure = stdoutFailureMessage();
  if (failure !== null) {
    processIo.err(failure);
    await drained(process.stderr);
    code = 3;
  }
  process.exit(code);
}
