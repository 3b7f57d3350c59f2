import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { planbook } from "../../support/cli";
import { fill } from "../../support/fill";

/**
 * A command writes over a file only when it would make that file again itself and nobody has
 * typed in it since: a blank template, an earlier summary. A returned report with figures, another
 * command's output or a person's own workbook named by --out stays as it was, with a message
 * naming the file (and where it was typed in), and the command writes nothing.
 */
describe("--out never replaces what a person typed or another command made", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-overwrite-"));
  const run = (...args: string[]) => planbook(args, dir);
  const hangzhou = path.join(dir, "cities", "杭州市 2026-10.xlsx");
  let filled: Buffer;

  beforeAll(async () => {
    expect(run("template", "--all-cities", "--period", "2026-10", "--out", "cities").status).toBe(0);
    await fill(hangzhou, { "I08-技能型企业-2027": { cumulative: 777, note: "含新认定企业" } });
    filled = readFileSync(hangzhou);
    copyFileSync(hangzhou, path.join(dir, "returned.xlsx"));
  });

  test("a template over a filled return is refused, naming the typed cell; the return is unchanged", () => {
    const result = run("template", "--period", "2026-10", "--scope", "city:杭州市", "--out", "cities/杭州市 2026-10.xlsx");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/「cities\/杭州市 2026-10\.xlsx」已有填报内容（杭州市 2026-10!J\d+）.*\/ "cities\/杭州市 2026-10\.xlsx" holds figures typed in/);
    expect(readFileSync(hangzhou).equals(filled)).toBe(true);
  });

  test("--all-cities into a folder holding one filled return writes no file at all", () => {
    const ningbo = path.join(dir, "cities", "宁波市 2026-10.xlsx");
    const before = readFileSync(ningbo);
    const result = run("template", "--all-cities", "--period", "2026-10", "--out", "cities");
    expect([result.status, result.stdout]).toEqual([2, ""]);
    expect([readFileSync(hangzhou).equals(filled), readFileSync(ningbo).equals(before)]).toEqual([true, true]);
  });

  test("a blank template is made again in its place", () => {
    const result = run("template", "--period", "2026-10", "--scope", "city:宁波市", "--out", "cities/宁波市 2026-10.xlsx");
    expect(result.status).toBe(0);
  });

  test("merge --out a returned report (not one of its inputs) is refused and the report kept", () => {
    const result = run("merge", "--out", "returned.xlsx", "cities/杭州市 2026-10.xlsx");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("「returned.xlsx」已有填报内容");
    expect(readFileSync(path.join(dir, "returned.xlsx")).equals(filled)).toBe(true);
  });

  test("merge writes over its own earlier summary, and a template never does", () => {
    expect(run("merge", "--out", "summary.xlsx", "cities/杭州市 2026-10.xlsx").status).toBe(0);
    expect(run("merge", "--out", "summary.xlsx", "cities/杭州市 2026-10.xlsx").status).toBe(0);
    const result = run("template", "--period", "2026-10", "--scope", "province", "--out", "summary.xlsx");
    expect([result.status, result.stderr]).toEqual([2, expect.stringContaining("是汇总文件，不是空白模板") as unknown]);
  });

  test("a file Planbook did not make is never written over", () => {
    writeFileSync(path.join(dir, "notes.xlsx"), "my own notes");
    const result = run("template", "--period", "2026-10", "--scope", "province", "--out", "notes.xlsx");
    expect([result.status, result.stderr]).toEqual([2, expect.stringContaining("已存在，且不是 Planbook 生成的文件") as unknown]);
    expect(readFileSync(path.join(dir, "notes.xlsx"), "utf8")).toBe("my own notes");
  });
});
