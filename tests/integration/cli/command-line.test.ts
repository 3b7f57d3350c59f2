/**
 * Careless command lines and hostile stdouts: a misspelt option, an output onto an input, a
 * period the plan does not have, a pipe to a slow reader or one closed early. Each case asserts
 * the exit code, the one-line message (Chinese, then English), and that no input changed.
 */
import { execFileSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { COMMAND_SPECS } from "../../../src/cli/specs";
import { QUOTA, cleanCities } from "../../fixtures/returned-files";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { firstReport } from "../../support/report";
import { BIN, ROOT, buildCli, planbook } from "../../support/cli";
import { present } from "../../support/present";

const SEED = path.join(ROOT, "seeds", "003_b259c65e08fddcd3.txt");
const OLDER_SEED = path.join(ROOT, "seeds", "000_445b9ef01ca4c3e2.txt");
const STDOUT_GATE = path.join(ROOT, "tests", "support", "stdout-gate.js");
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A user error: exit 2, one line on stderr (Chinese first, then English), no stack trace, nothing on stdout. */
function expectUserError(result: ReturnType<typeof planbook>, ...named: string[]): void {
  expect(result.status).toBe(2);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  const [chinese, english] = present(lines[0], "the error line").split(" / ");
  expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  expect(english).toMatch(/^[\x20-\x7e]*[a-z]{3}/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  for (const text of named) expect(result.stderr).toContain(text);
}

describe("planbook command lines", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-argv-"));
  let files: string[] = [];
  let hangzhou = "";
  const hashes = new Map<string, string>();

  beforeAll(async () => {
    buildCli();
    // Returned files with a figure typed in each (a blank template would be "not yet filled" and merge nothing).
    mkdirSync(path.join(dir, "cities"));
    for (const file of await cleanCities([])) writeFileSync(path.join(dir, "cities", file.name), file.data);
    files = readdirSync(path.join(dir, "cities")).map((f) => path.join("cities", f));
    hangzhou = files.find((f) => f.includes("杭州市")) as string;
    for (const file of files) hashes.set(file, hash(path.join(dir, file)));
  });

  afterEach(() => {
    for (const file of files) expect(hash(path.join(dir, file))).toBe(hashes.get(file));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  describe("an output never overwrites an input", () => {
    test("merge --out onto a returned file", () => {
      expectUserError(planbook(["merge", "--out", hangzhou, ...files], dir), hangzhou, "不会覆盖输入", "never written over");
    });

    test("the same file spelt through ./, .. and a symbolic link to its folder", () => {
      symlinkSync(path.join(dir, "cities"), path.join(dir, "linked"));
      expectUserError(planbook(["merge", "--out", `linked/../cities/./${path.basename(hangzhou)}`, ...files], dir), "never written over");
    });

    test("a hard link to a returned file", () => {
      linkSync(path.join(dir, hangzhou), path.join(dir, "hard-link.xlsx"));
      expectUserError(planbook(["merge", "--out", "hard-link.xlsx", ...files], dir), "hard-link.xlsx", hangzhou);
      expect(hash(path.join(dir, "hard-link.xlsx"))).toBe(hashes.get(hangzhou));
    });

    test("the plan text given with --revision", () => {
      const seed = path.join(dir, "plan.xlsx");
      writeFileSync(seed, readFileSync(SEED));
      const before = hash(seed);
      expectUserError(planbook(["template", "--scope", "province", "--period", "2026-10", "--revision", seed, "--out", "plan.xlsx"], dir), "plan.xlsx");
      expect(hash(seed)).toBe(before);
    });

    test("a failed merge leaves the previous summary whole (written by rename, never in place)", () => {
      expect(planbook(["merge", "--out", "summary.xlsx", ...files], dir).status).toBe(0);
      const before = hash(path.join(dir, "summary.xlsx"));
      writeFileSync(path.join(dir, "not-a-workbook.xlsx"), "编号,累计\n");
      const result = planbook(["merge", "--out", "summary.xlsx", "--period", "2026-10", "not-a-workbook.xlsx"], dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("summary.xlsx");
      expect(hash(path.join(dir, "summary.xlsx"))).toBe(before);
    });
  });

  describe("options are what they say", () => {
    test("an unknown option is an error naming it and the nearest valid one, and swallows no file", () => {
      expectUserError(planbook(["merge", "--out", "s.xlsx", "--force", hangzhou, ...files.slice(1)], dir), "--force", "--out");
      expect(existsSync(path.join(dir, "s.xlsx"))).toBe(false);
    });

    test("a misspelt flag names the flag meant", () => {
      expectUserError(planbook(["check", hangzhou, "--jsn", present(files[1], "a second city file")], dir), "--jsn", "--json");
      expectUserError(planbook(["template", "--all-city", "--period", "2026-10", "--out", "t"], dir), "--all-city", "--all-cities");
    });

    test("a flag never takes a value", () => {
      expectUserError(planbook(["check", "--json=yes", hangzhou], dir), "--json", "yes");
    });

    test("an option that needs a value does not take the next option as it", () => {
      expectUserError(planbook(["merge", "--out", "--json", ...files], dir), "--out");
    });

    test("an option given twice is an error, not a silent choice", () => {
      expectUserError(planbook(["merge", "--out", "a.xlsx", "--out", "b.xlsx", ...files], dir), "--out");
    });

    test("after -- every argument is a file, even one starting with -", () => {
      writeFileSync(path.join(dir, "-h.xlsx"), readFileSync(path.join(dir, hangzhou)));
      const result = planbook(["check", "--json", "--", "-h.xlsx"], dir);
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ errors: 0 });
    });

    test("--name=value is the same as --name value", () => {
      const result = planbook(["template", "--scope=province", "--period=2026-10", "--out=province.xlsx"], dir);
      expect(result.status).toBe(0);
      expect(existsSync(path.join(dir, "province.xlsx"))).toBe(true);
    });
  });

  describe("user errors are one line, Chinese then English, exit 2", () => {
    test.each([
      ["--out into a missing folder", ["merge", "--out", "no-such-folder/s.xlsx"], "no-such-folder"],
      ["--out onto a folder", ["merge", "--out", "cities"], "cities"],
      ["--out that is not .xlsx", ["merge", "--out", "x.csv"], "x.csv"],
      ["a period that does not exist", ["merge", "--out", "s.xlsx", "--period", "2026-Q5"], "2026-Q5"],
      ["a period outside the plan's years", ["merge", "--out", "s.xlsx", "--period", "2031-10"], "2031-10"],
      ["a --chart-quota no merge can chart", ["merge", "--out", "s.xlsx", "--chart-quota", "I99-不存在"], "I99-不存在"],
      ["a template period outside the plan's years", ["template", "--scope", "province", "--period", "2019-Q1", "--out", "t.xlsx"], "2019-Q1"],
      ["a template month 13", ["template", "--scope", "province", "--period", "2026-13", "--out", "t.xlsx"], "2026-13"],
      ["--all-cities with --scope", ["template", "--all-cities", "--scope", "province", "--period", "2026-10", "--out", "t"], "--scope"],
      ["--all-cities --out onto a file", ["template", "--all-cities", "--period", "2026-10", "--out", "a-file.xlsx"], "a-file.xlsx"],
      ["a template --out into a missing folder", ["template", "--scope", "province", "--period", "2026-10", "--out", "nowhere/t.xlsx"], "nowhere"],
      ["an unknown scope", ["template", "--scope", "city:纽约市", "--period", "2026-10", "--out", "t.xlsx"], "纽约市"],
      ["a missing input file", ["check", "no-such-file.xlsx"], "no-such-file.xlsx"],
    ])("%s", (_what, args, named) => {
      writeFileSync(path.join(dir, "a-file.xlsx"), "");
      const withFiles = args[0] === "merge" ? [...args, ...files] : args;
      expectUserError(planbook(withFiles, dir), named);
    });

    test("a merge where no file can be accepted writes no summary and says why", () => {
      writeFileSync(path.join(dir, "text.xlsx"), "编号,累计\n");
      const result = planbook(["merge", "--out", "empty.xlsx", "--period", "2026-10", "text.xlsx"], dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("empty.xlsx");
      expect(result.stderr).toContain("no file could be merged");
      expect(existsSync(path.join(dir, "empty.xlsx"))).toBe(false);
    });
  });

  describe("every output is complete whatever stdout is", () => {
    const jsonCommands: [string, string[]][] = [
      ["plan --json", ["plan", "--json"]],
      ["plan diff --json", ["plan", "diff", "--json", OLDER_SEED, SEED]],
      ["plan check --json", ["plan", "check", "--json"]],
      ["check --json of 11 cities", ["check", "--json"]],
      ["merge --json", ["merge", "--json", "--out", "piped.xlsx"]],
    ];
    const shellQuote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`;
    const commandLine = (args: string[], nodeOptions: string[] = []) =>
      [process.execPath, ...nodeOptions, BIN, ...args, ...(args[0] === "check" || args[0] === "merge" ? files : [])].map(shellQuote).join(" ");

    test.each(jsonCommands)("%s into a slow reader parses whole", (what, args) => {
      // The reader reads nothing until the command has nothing left to do but wait for its output
      // to go (tests/support/stdout-gate.js opens the gate once the pipe is full, or as the command
      // exits), then reads in small sips: the process must not exit before its output has gone.
      const gate = path.join(dir, `stdout-gate-${what.replace(/\W+/g, "-")}`);
      execFileSync("mkfifo", [gate]);
      const reader = `${shellQuote(process.execPath)} -e ${shellQuote(
        "require('fs').readFileSync(process.env.PLANBOOK_TEST_STDOUT_GATE); let s = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', (d) => { s += d; process.stdin.pause(); setTimeout(() => process.stdin.resume(), 5); }); process.stdin.on('end', () => process.stdout.write(String(s.length) + ' ' + JSON.stringify(JSON.parse(s)).length));",
      )}`;
      const result = spawnSync("bash", ["-o", "pipefail", "-c", `${commandLine(args, ["-r", STDOUT_GATE])} | ${reader}`], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, PLANBOOK_TEST_STDOUT_GATE: gate },
      });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(Number(result.stdout.split(" ")[0])).toBeGreaterThan(0);
    });

    test("the --json outputs are larger than a pipe holds (the case that was cut at 64 KiB)", () => {
      const result = spawnSync("bash", ["-c", `${commandLine(["plan", "--json"])} | wc -c`], { cwd: dir, encoding: "utf8" });
      expect(Number(result.stdout.trim())).toBeGreaterThan(64 * 1024);
    });

    /** The one line a run ends with when stdout could not be written: exit 3, no stack trace. */
    const expectStdoutFailure = (stderr: string, status: string, code: string): void => {
      const lines = stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("无法写出标准输出");
      expect(lines[0]).toContain("cannot write standard output");
      expect(lines[0]).toContain(code);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(status).toBe("exit 3");
    };

    test("a reader that closes after one byte gets one line and exit 3, no stack trace", () => {
      // plan --json is more than a pipe holds, so its writes outlast head.
      const result = spawnSync("bash", ["-c", `${commandLine(["plan", "--json"])} | head -c 1 > /dev/null; echo "exit \${PIPESTATUS[0]}"`], { cwd: dir, encoding: "utf8" });
      expectStdoutFailure(result.stderr, result.stdout.trim(), "EPIPE");
    });

    test("a reader gone before merge prints gets one line and exit 3, and merge still writes the whole summary", async () => {
      // `true` exits without reading: by the time merge has read eleven files, nobody reads its stdout.
      const result = spawnSync("bash", ["-c", `${commandLine(["merge", "--json", "--out", "closed-early.xlsx"])} | true; echo "exit \${PIPESTATUS[0]}"`], {
        cwd: dir,
        encoding: "utf8",
      });
      expectStdoutFailure(result.stderr, result.stdout.trim(), "EPIPE");
      const check = planbook(["merge", "--json", "--out", "reference.xlsx", ...files], dir);
      expect(check.status).toBe(0);
      const sheetsOf = async (file: string) => (await readWorkbookFile(readFileSync(path.join(dir, file)))).sheets.map((sheet) => [sheet.name, sheet.values.length]);
      expect(await sheetsOf("closed-early.xlsx")).toEqual(await sheetsOf("reference.xlsx"));
    });

    // Every command that prints, onto a full disk (/dev/full fails every write with ENOSPC).
    const printing: [string, string[]][] = [
      ["plan", ["plan"]],
      ["plan --json", ["plan", "--json"]],
      ["plan check", ["plan", "check"]],
      ["plan diff", ["plan", "diff", OLDER_SEED, SEED]],
      ["--help", ["--help"]],
      ["check", ["check"]],
      ["merge", ["merge", "--out", "full-disk.xlsx"]],
      ["merge --history", ["merge", "--history", "cities", "--out", "full-disk-history.xlsx"]],
      ["template", ["template", "--scope", "city:杭州市", "--period", "2026-10", "--out", "full-disk-template.xlsx"]],
      ["template --all-cities", ["template", "--all-cities", "--period", "2026-10", "--out", "full-disk-templates"]],
    ];
    test.each(printing)("%s > /dev/full: one line, exit 3", (_what, args) => {
      const line = args[0] === "merge" && args[1] === "--history" ? [process.execPath, BIN, ...args].map(shellQuote).join(" ") : commandLine(args);
      const result = spawnSync("bash", ["-c", `${line} > /dev/full; echo "exit $?"`], { cwd: dir, encoding: "utf8" });
      expectStdoutFailure(result.stderr, result.stdout.trim(), "ENOSPC");
    });

    test("correct > /dev/full: one line, exit 3, and the corrected file is whole", async () => {
      const result = spawnSync("bash", ["-c", `${commandLine(["correct", hangzhou, "--quota", QUOTA.id, "--cumulative", "77", "--out", "corrected.xlsx"])} > /dev/full; echo "exit $?"`], {
        cwd: dir,
        encoding: "utf8",
      });
      expectStdoutFailure(result.stderr, result.stdout.trim(), "ENOSPC");
      const report = firstReport(await readWorkbookFile(readFileSync(path.join(dir, "corrected.xlsx"))));
      expect(report.rows.find((r) => r.quotaId === QUOTA.id)?.values.cumulative).toBe(77);
    });

    test("to a file, the output is the same as to a pipe", () => {
      mkdirSync(path.join(dir, "out"), { recursive: true });
      const result = spawnSync("bash", ["-c", `${commandLine(["plan", "--json"])} > out/plan.json`], { cwd: dir, encoding: "utf8" });
      expect(result.status).toBe(0);
      const piped = spawnSync("bash", ["-c", `${commandLine(["plan", "--json"])} | cat`], { cwd: dir, encoding: "utf8" });
      expect(readFileSync(path.join(dir, "out", "plan.json"), "utf8")).toBe(piped.stdout);
    });
  });

  describe("help lists every option", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const cliTable = readme.slice(readme.indexOf("| command |"), readme.indexOf("\n\n", readme.indexOf("| command |")));

    test.each(COMMAND_SPECS.map((spec) => [spec.name, spec] as const))("planbook %s --help, planbook --help and the README's CLI table", (name, spec) => {
      const own = planbook([...name.split(" "), "--help"], dir);
      expect(own.status).toBe(0);
      const all = planbook(["--help"], dir);
      const row = cliTable.split("\n").find((line) => line.includes(`planbook ${name} `) || line.includes(`planbook ${name}\``)) ?? "";
      expect(row).not.toBe("");
      for (const option of spec.options) {
        expect(own.stdout).toContain(`--${option.name}`);
        expect(all.stdout).toContain(`--${option.name}`);
        expect(row).toContain(`--${option.name}`);
      }
    });
  });
});
