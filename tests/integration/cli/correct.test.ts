/**
 * Passed periods stay put, on real files: `planbook correct` corrects a returned report into a new
 * file with both values logged in 修改记录, the next period's check then names the correction, and
 * `planbook correct --previous` brings its 上期累计 in line (logged too). Making an earlier period
 * again never touches a later one, and no template is written over a file already filled in.
 */
import { existsSync, mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { CHANGE_LOG_SHEET } from "../../../src/core/checks";
import { quotasInScope } from "../../../src/core/plan";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { planbook } from "../../support/cli";
import { fill, rowsOf } from "../../support/fill";
import { currentRevision } from "../../support/plan";

const revision = currentRevision();
const RUNNING = quotasInScope(revision, { kind: "city", city: "杭州市" }).find((q) => q.kind === "cumulative" && q.cadence === "once" && (q.year ?? 0) >= 2027)!.id;

interface Report {
  findings: { rule: string; severity: string; cell: string | null; quotaId: string | null; message: string; params: Record<string, unknown> }[];
  errors: number;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-correct-"));
const at = (name: string): string => path.join(dir, name);
const check = (...args: string[]): Report => JSON.parse(planbook(["check", "--json", ...args], dir).stdout) as Report;
const logOf = async (file: string) => (await readWorkbookFile(readFileSync(file))).sheets.find((s) => s.name === CHANGE_LOG_SHEET)?.values.slice(1);

beforeAll(async () => {
  expect(planbook(["template", "--scope", "city:杭州市", "--period", "2026-02", "--out", at("2月.xlsx")], dir).status).toBe(0);
  await fill(at("2月.xlsx"), { [RUNNING]: { period: 900, cumulative: 900 } });
  expect(planbook(["template", "--from", at("2月.xlsx"), "--out", at("3月.xlsx")], dir).status).toBe(0);
  await fill(at("3月.xlsx"), { [RUNNING]: { period: 50, cumulative: 950 } });
});

describe("planbook correct", () => {
  let result: ReturnType<typeof planbook>;
  let february: Buffer;

  beforeAll(() => {
    february = readFileSync(at("2月.xlsx"));
    result = planbook(["correct", at("2月.xlsx"), "--quota", RUNNING, "--cumulative", "920", "--this-period", "920", "--reason", "统计口径更正", "--out", at("2月 更正.xlsx")], dir);
  });

  test("writes the corrected report to a new file, the returned one as it was", async () => {
    expect(result.status).toBe(0);
    expect((await rowsOf(at("2月 更正.xlsx"))).get(RUNNING)?.values.cumulative).toBe(920);
    expect(readFileSync(at("2月.xlsx"))).toEqual(february);
  });

  test("logs each change in 修改记录 with the old and the new value and the reason", async () => {
    const rows = await rowsOf(at("2月 更正.xlsx"));
    const row = rows.get(RUNNING)?.row;
    expect((await logOf(at("2月 更正.xlsx")))?.map((entry) => entry.slice(1))).toEqual([
      ["杭州市 2026-02", `I${row}`, RUNNING, 900, 920, "统计口径更正"],
      ["杭州市 2026-02", `J${row}`, RUNNING, 900, 920, "统计口径更正"],
    ]);
  });

  test("the corrected report checks clean", () => {
    expect(check(at("2月 更正.xlsx")).errors).toBe(0);
  });

  test("the next period checked against it names the correction at its 上期累计", async () => {
    const row = (await rowsOf(at("3月.xlsx"))).get(RUNNING)?.row;
    const found = check("--previous", at("2月 更正.xlsx"), at("3月.xlsx")).findings.filter((f) => f.rule === "previous-changed");
    expect(found.map((f) => [f.cell, f.params.expected, f.params.found, f.params.correctedFrom])).toEqual([[`H${row}`, 920, 900, 900]]);
    expect(found[0]?.message).toContain("planbook correct --previous");
  });

  test("--previous brings the next period's 上期累计 in line, logged; its check then asks only for 本期 to match", async () => {
    const brought = planbook(["correct", at("3月.xlsx"), "--previous", at("2月 更正.xlsx"), "--out", at("3月 更正.xlsx")], dir);
    expect(brought.status).toBe(0);
    const row = (await rowsOf(at("3月 更正.xlsx"))).get(RUNNING);
    expect(row?.values.previous).toBe(920);
    expect((await logOf(at("3月 更正.xlsx")))?.map((entry) => entry.slice(1, 6))).toEqual([["杭州市 2026-03", `H${row?.row}`, RUNNING, 900, 920]]);
    const report = check("--previous", at("2月 更正.xlsx"), at("3月 更正.xlsx"));
    expect(report.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell])).toEqual([["period-not-difference", `I${row?.row}`]]);
  });

  test("a correction with nothing to change writes no file", () => {
    const none = planbook(["correct", at("2月 更正.xlsx"), "--quota", RUNNING, "--cumulative", "920", "--out", at("2月 无.xlsx")], dir);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain("无需更正");
    expect(existsSync(at("2月 无.xlsx"))).toBe(false);
  });

  test.each([
    ["the output is the input", ["--quota", RUNNING, "--cumulative", "1", "--out", "2月.xlsx"], "不会覆盖输入"],
    ["a figure that is not a number", ["--quota", RUNNING, "--cumulative", "九百", "--out", "x.xlsx"], "应为数字"],
    ["a quota the file does not have", ["--quota", "I99-不存在", "--cumulative", "1", "--out", "x.xlsx"], "I99-不存在"],
    ["neither --quota nor --previous", ["--out", "x.xlsx"], "--quota"],
  ])("is refused, Chinese first, when %s", (_what, args, says) => {
    const refused = planbook(["correct", at("2月.xlsx"), ...args], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(says);
    expect(refused.stderr).toMatch(/^[^\n]*[\u4e00-\u9fff][^\n]* \/ /);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("passed periods stay put", () => {
  test("making an earlier period again never changes a later one", () => {
    const march = readFileSync(at("3月.xlsx"));
    expect(planbook(["template", "--scope", "city:杭州市", "--period", "2026-02", "--out", at("2月 重做.xlsx")], dir).status).toBe(0);
    expect(planbook(["template", "--scope", "city:杭州市", "--period", "2026-01", "--out", at("1月.xlsx")], dir).status).toBe(0);
    expect(planbook(["template", "--from", at("1月.xlsx"), "--out", at("2月 重做 2.xlsx")], dir).status).toBe(0);
    expect(readFileSync(at("3月.xlsx"))).toEqual(march);
  });

  test("a template is never written over a period already filled in, named with its first typed cell", async () => {
    const march = readFileSync(at("3月.xlsx"));
    const row = (await rowsOf(at("3月.xlsx"))).get(RUNNING)?.row;
    const refused = planbook(["template", "--from", at("2月.xlsx"), "--out", at("3月.xlsx")], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`杭州市 2026-03![IJ]${row}`));
    expect(readFileSync(at("3月.xlsx"))).toEqual(march);
  });

  test("a template made again over one nobody filled in is written", () => {
    expect(planbook(["template", "--from", at("2月.xlsx"), "--out", at("3月 空.xlsx")], dir).status).toBe(0);
    expect(planbook(["template", "--from", at("2月.xlsx"), "--out", at("3月 空.xlsx")], dir).status).toBe(0);
  });
});
