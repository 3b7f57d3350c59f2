import { InputError, required } from "../core/shared";

/**
 * Command lines are parsed against each command's declared options, so a typing slip is an error
 * and never a silent change of meaning: an unknown option would otherwise swallow the file after
 * it (`--force 杭州市.xlsx`), and a flag given a value would eat a file name.
 */

export interface OptionSpec {
  /** Without the leading dashes: `out`, `all-cities`. */
  name: string;
  /** What the value is, for help (`<file.xlsx>`); absent for a flag, which never takes a value. */
  value?: string;
  /** Shown before the operands, without brackets, in the usage line. */
  required?: boolean;
  zh: string;
  en: string;
}

export interface CommandSpec {
  /** `merge`, `plan diff`. */
  name: string;
  /** Positional arguments as help shows them (`<file.xlsx>...`). */
  operands: string;
  zh: string;
  en: string;
  options: OptionSpec[];
}

export interface ParsedArgs {
  options: Record<string, string | true>;
  positional: string[];
  help: boolean;
}

export const HELP_OPTION: OptionSpec = { name: "help", zh: "显示本命令的用法", en: "show this command's usage" };

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two option names. */
function distance(a: string, b: string): number {
  // d[i][j]: the distance between the first i characters of a and the first j of b.
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => required(d[i]?.[j], `edit distance cell ${i},${j}`);
  for (const [i, row] of d.entries()) {
    if (i === 0) continue;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1);
    }
  }
  return at(a.length, b.length);
}

/** The valid option closest to what was typed (a prefix counts as closest: `--acc` → `--accept-errors`). */
export function nearestOption(typed: string, spec: CommandSpec): string {
  const names = [...spec.options, HELP_OPTION].map((o) => o.name);
  const bare = typed.replace(/^-+/, "").toLowerCase();
  const scored = names.map((name) => ({ name, score: name.startsWith(bare) && bare.length > 0 ? 0 : distance(bare, name) }));
  // The first of the closest (every name scores below Infinity, so --help is only a starting point).
  const nearest = scored.reduce((best, candidate) => (candidate.score < best.score ? candidate : best), { name: HELP_OPTION.name, score: Infinity });
  return `--${nearest.name}`;
}

/**
 * Reads `--name value`, `--name=value` and flags against `spec`. Everything after `--` is an
 * operand, so a file whose name starts with `-` can still be given. Throws InputError for an
 * unknown option (naming the nearest valid one), a flag given a value, a value option without one
 * (or followed by another option), and an option given twice.
 */
export function parseArgs(argv: string[], spec: CommandSpec): ParsedArgs {
  const known = new Map([...spec.options, HELP_OPTION].map((o) => [o.name, o]));
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  let help = false;
  const rest = [...argv];
  for (let arg = rest.shift(); arg !== undefined; arg = rest.shift()) {
    if (arg === "--") {
      positional.push(...rest);
      break;
    }
    if (arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const name = (equals < 0 ? arg : arg.slice(0, equals)).replace(/^--?/, "");
    const inline = equals < 0 ? undefined : arg.slice(equals + 1);
    const option = arg.startsWith("--") ? known.get(name) : undefined;
    if (!option) {
      const nearest = nearestOption(name, spec);
      throw new InputError(
        `${spec.name} 没有选项 ${arg}（是否想用 ${nearest}？运行 planbook ${spec.name} --help 查看全部选项） / unknown option ${arg} for ${spec.name} (did you mean ${nearest}? planbook ${spec.name} --help lists them all)`,
      );
    }
    if (option === HELP_OPTION) {
      help = true;
      continue;
    }
    if (options[option.name] !== undefined) {
      throw new InputError(`选项 --${option.name} 重复给出 / option --${option.name} is given more than once`);
    }
    if (option.value === undefined) {
      if (inline !== undefined) throw new InputError(`选项 --${option.name} 不带取值（收到「${inline}」） / option --${option.name} takes no value (got "${inline}")`);
      options[option.name] = true;
      continue;
    }
    const value = inline ?? rest[0];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
      throw new InputError(`选项 --${option.name} 缺少取值 ${option.value} / option --${option.name} needs a value ${option.value}`);
    }
    if (inline === undefined) rest.shift();
    options[option.name] = value;
  }
  return { options, positional, help };
}

/** The usage line of a command: its name, operands and options. */
export function usageLine(spec: CommandSpec): string {
  const shown = (o: OptionSpec) => (o.value ? `--${o.name} ${o.value}` : `--${o.name}`);
  const parts = [
    `planbook ${spec.name}`,
    ...spec.options.filter((o) => o.required).map(shown),
    spec.operands,
    ...spec.options.filter((o) => !o.required).map((o) => `[${shown(o)}]`),
  ];
  return parts.filter((part) => part !== "").join(" ");
}

/** A command's full help: what it does, its usage, and every option with what it means. */
export function commandHelp(spec: CommandSpec): string {
  const rows: [string, string][] = [
    ...[...spec.options, HELP_OPTION].map((o): [string, string] => [`--${o.name}${o.value ? ` ${o.value}` : ""}`, `${o.zh} / ${o.en}`]),
    ["--", "其后的参数都是文件，即使以 - 开头 / everything after it is a file, even if it starts with -"],
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  return `${spec.zh} / ${spec.en}\n\n用法 / usage:\n  ${usageLine(spec)}\n\n选项 / options:\n${rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}\n`).join("")}`;
}
