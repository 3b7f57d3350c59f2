import { type CommandSpec, commandHelp, HELP_OPTION, nearestOption } from "./args";
import { CHECK_SPEC, runCheckCommand } from "./check";
import { drained, InputError, type Io, processIo, watchStdout } from "./io";
import { MERGE_SPEC, runMergeCommand } from "./merge";
import { PLAN_CHECK_SPEC, PLAN_DIFF_SPEC, PLAN_SPEC, runPlanCommand } from "./plan";
import { runTemplateCommand, TEMPLATE_SPEC } from "./template";

/** Each subcommand: its arguments after the name, the output streams, an exit code. */
type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  plan: runPlanCommand,
  template: runTemplateCommand,
  check: runCheckCommand,
  merge: runMergeCommand,
};

/** Every command's spec, in the order help lists them. */
export const COMMAND_SPECS: CommandSpec[] = [PLAN_SPEC, PLAN_DIFF_SPEC, PLAN_CHECK_SPEC, TEMPLATE_SPEC, CHECK_SPEC, MERGE_SPEC];

/** `planbook --help`: every command with every option, from the same specs the parser uses. */
export function usage(): string {
  return (
    "planbook — 计划填报 / Planbook\n\n" +
    COMMAND_SPECS.map((spec) => commandHelp(spec)).join("\n") +
    "\n退出码 / exit codes: 0 成功 ok · 1 有错误 findings include errors · 2 输入或命令行有误 bad input or command line · 3 内部错误 internal error\n"
  );
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    const names = Object.keys(COMMANDS);
    const nearest = nearestOption(name, { name: "planbook", operands: "", zh: "", en: "", options: names.map((n) => ({ name: n, zh: "", en: "" })) }).replace(/^--/, "");
    const suggestion = nearest === HELP_OPTION.name ? "--help" : nearest;
    io.err(
      `未知命令 ${name}（是否想用 ${suggestion}？命令有 ${names.join("、")}，planbook --help 查看用法） / unknown command ${name} (did you mean ${suggestion}? commands: ${names.join(", ")}; planbook --help shows usage)\n`,
    );
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * The `planbook` process: runs the command, then waits until stdout and stderr have been handed
 * to the operating system before exiting, so a pipe to a slow reader gets every byte. A bug is
 * one line too (the stack with PLANBOOK_DEBUG=1), exit 3.
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
  process.exit(code);
}
