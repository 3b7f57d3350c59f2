/**
 * An output file that cannot be written — a full disk, a file size limit — as an aggregator meets
 * it: one line naming the file, exit 3, and nothing half-written: no cut file, no temporary file
 * left, a file it would have replaced as it was, and `template --all-cities` writes every city's
 * file or none. The limit is real: `prlimit --fsize` makes the kernel refuse writes past a size
 * (EFBIG), as a full disk refuses them (ENOSPC).
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { cleanCities, revision } from "../../fixtures/returned-files";
import { BIN, buildCli, planbook } from "../../support/cli";
import { present } from "../../support/present";

const HANGZHOU = present(revision.cities[0], "the plan's first city");
const NINGBO = present(revision.cities[1], "the plan's second city");

/** `planbook <args>` with writes past `bytes` refused by the kernel. */
const limited = (bytes: number, args: string[], cwd: string) => spawnSync("prlimit", [`--fsize=${bytes}`, process.execPath, BIN, ...args], { cwd, encoding: "utf8" });

const hashes = (folder: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(folder)
      .filter((name) => statSync(path.join(folder, name)).isFile())
      .map((name) => [name, createHash("sha256").update(readFileSync(path.join(folder, name))).digest("hex")]),
  );

/** Exit 3, one line on stderr, Chinese first then English, naming the file; no stack trace. */
function expectCannotWrite(result: ReturnType<typeof limited>, file: string): void {
  expect(result.status).toBe(3);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^无法写入「${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}」.* / cannot write "`));
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

let dir = "";

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(path.join(os.tmpdir(), "planbook-writes-"));
  // 宁波市's return only: its next file carries 上期累计, so it is larger than the other cities'.
  mkdirSync(path.join(dir, "returned"));
  const ningbo = present((await cleanCities([])).find((f) => f.name.startsWith(NINGBO)), "宁波市's file");
  writeFileSync(path.join(dir, "returned", ningbo.name), ningbo.data);
});

describe("one output file", () => {
  test("template --out past the limit: one line, exit 3, no file and no temporary file", () => {
    const result = limited(4096, ["template", "--scope", `city:${HANGZHOU}`, "--period", "2026-10", "--out", "one.xlsx"], dir);
    expectCannotWrite(result, "one.xlsx");
    expect(result.stderr).toContain("EFBIG");
    expect(readdirSync(dir).filter((name) => name.includes("one.xlsx"))).toEqual([]);
  });

  test("a blank template it would replace is left as it was", () => {
    expect(planbook(["template", "--scope", `city:${HANGZHOU}`, "--period", "2026-10", "--out", "kept.xlsx"], dir).status).toBe(0);
    const before = hashes(dir)["kept.xlsx"];
    expectCannotWrite(limited(4096, ["template", "--scope", `city:${HANGZHOU}`, "--period", "2026-11", "--out", "kept.xlsx"], dir), "kept.xlsx");
    expect(hashes(dir)["kept.xlsx"]).toBe(before);
    expect(readdirSync(dir).filter((name) => name.includes("kept.xlsx"))).toEqual(["kept.xlsx"]);
  });

  test("merge --out past the limit: one line, exit 3, no summary", async () => {
    mkdirSync(path.join(dir, "cities"));
    for (const file of await cleanCities([])) writeFileSync(path.join(dir, "cities", file.name), file.data);
    const files = readdirSync(path.join(dir, "cities")).map((name) => path.join("cities", name));
    expectCannotWrite(limited(4096, ["merge", "--out", "summary.xlsx", ...files], dir), "summary.xlsx");
    expect(existsSync(path.join(dir, "summary.xlsx"))).toBe(false);
  });
});

describe("template --all-cities writes every city's file or none", () => {
  /** The files `template --all-cities --from returned` makes, and the limit that lets 杭州市's (the first) through but not 宁波市's (the second). */
  function limitBetweenFirstAndSecond(): number {
    const reference = path.join(dir, "reference");
    expect(planbook(["template", "--all-cities", "--from", "returned", "--out", reference], dir).status).toBe(0);
    const size = (city: string) => statSync(path.join(reference, present(readdirSync(reference).find((name) => name.startsWith(city)), `${city}'s file`))).size;
    // The case needs a first file that fits and a second that does not.
    expect(size(NINGBO) - size(HANGZHOU)).toBeGreaterThan(20);
    return Math.floor((size(HANGZHOU) + size(NINGBO)) / 2);
  }

  test("into a new folder: the second city's failing write leaves no file at all", () => {
    const limit = limitBetweenFirstAndSecond();
    const result = limited(limit, ["template", "--all-cities", "--from", "returned", "--out", "new-folder"], dir);
    expectCannotWrite(result, path.join("new-folder", `${NINGBO} 2026-11.xlsx`));
    expect(result.stderr).toContain("none of the 11 files was written");
    expect(readdirSync(path.join(dir, "new-folder"))).toEqual([]);
    expect(result.stdout).toBe("");
  });

  test("over last run's blank templates: every one is left as it was", () => {
    const limit = limitBetweenFirstAndSecond();
    expect(planbook(["template", "--all-cities", "--period", "2026-11", "--out", "existing"], dir).status).toBe(0);
    const before = hashes(path.join(dir, "existing"));
    expect(Object.keys(before)).toHaveLength(11);
    expectCannotWrite(limited(limit, ["template", "--all-cities", "--from", "returned", "--out", "existing"], dir), path.join("existing", `${NINGBO} 2026-11.xlsx`));
    expect(hashes(path.join(dir, "existing"))).toEqual(before);
  });
});
