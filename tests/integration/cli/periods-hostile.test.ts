/**
 * Hostile input to the commands that join periods (`template --from`, `merge --history`): a file
 * that is not a Planbook sheet, of another scope, of a later period, the output being the input,
 * two returns of one city and period, unreadable files and files of another level among a
 * period's. Each is a clear message, Chinese first then English, naming the file; never a stack
 * trace; nothing written over an input; never a total that silently takes a file it should not.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { quotasInScope } from "../../../src/core/plan";
import { planbook } from "../../support/cli";
import { fill } from "../../support/fill";
import { currentRevision } from "../../support/plan";

const revision = currentRevision();
const RUNNING = quotasInScope(revision, { kind: "city", city: "杭州市" }).find((q) => q.kind === "cumulative" && q.cadence === "once" && (q.year ?? 0) >= 2027)!.id;

const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-periods-hostile-"));
const at = (name: string): string => path.join(dir, name);
/** A message a person can read: one line or a few, Chinese before English, no stack trace. */
const readable = (stderr: string): void => {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).toMatch(/[\u4e00-\u9fff][^\n]* \/ [A-Za-z]/);
};

beforeAll(async () => {
  for (const [scope, file] of [["city:杭州市", "杭州市 2026-01.xlsx"], ["city:宁波市", "宁波市 2026-01.xlsx"], ["province", "全省 2026-01.xlsx"]] as const) {
    expect(planbook(["template", "--scope", scope, "--period", "2026-01", "--out", at(file)], dir).status).toBe(0);
  }
  expect(planbook(["template", "--scope", "county:西湖区", "--period", "2026-01", "--out", at("西湖区 2026-01.xlsx")], dir).status).toBe(0);
  await fill(at("杭州市 2026-01.xlsx"), { [RUNNING]: { cumulative: 900 } });
  await fill(at("宁波市 2026-01.xlsx"), { [RUNNING]: { cumulative: 300 } });
  await fill(at("西湖区 2026-01.xlsx"), { [RUNNING]: { cumulative: 50 } });
  const plain = new ExcelJS.Workbook();
  plain.addWorksheet("统计").getCell("A1").value = 900;
  await plain.xlsx.writeFile(at("plain.xlsx"));
  writeFileSync(at("notes.xlsx"), "编号,累计\nI08,900\n");
});

describe("template --from, refused with the file named", () => {
  test.each([
    ["a workbook Planbook did not make", "plain.xlsx", [], "没有 Planbook 报表"],
    ["a text file named .xlsx", "notes.xlsx", [], "不是 .xlsx 工作簿"],
    ["a file of another scope than --scope", "杭州市 2026-01.xlsx", ["--scope", "city:宁波市"], "city:宁波市"],
    ["a file of a later period than --period", "杭州市 2026-01.xlsx", ["--period", "2025-12"], "2025-12"],
    ["a file of the same period as --period", "杭州市 2026-01.xlsx", ["--period", "2026-01"], "2026-01"],
  ])("%s", (_what, file, extra, says) => {
    const out = at(`out-${file}`);
    const result = planbook(["template", "--from", at(file), ...extra, "--out", out], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain(says);
    readable(result.stderr);
    expect(existsSync(out)).toBe(false);
  });

  test("the output being the input file, however spelt, is refused and the input stays as it was", () => {
    const input = at("杭州市 2026-01.xlsx");
    const before = readFileSync(input);
    const result = planbook(["template", "--from", input, "--out", `./${path.relative(dir, input)}`], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("不会覆盖输入");
    readable(result.stderr);
    expect(readFileSync(input)).toEqual(before);
  });

  test("a folder with two returns of one city for its latest period names both and writes no file", () => {
    const returned = at("two-returns");
    mkdirSync(returned);
    copyFileSync(at("杭州市 2026-01.xlsx"), path.join(returned, "杭州市 2026-01.xlsx"));
    copyFileSync(at("杭州市 2026-01.xlsx"), path.join(returned, "杭州 一月 修订.xlsx"));
    copyFileSync(at("宁波市 2026-01.xlsx"), path.join(returned, "宁波市 2026-01.xlsx"));
    const out = at("two-returns-next");
    const result = planbook(["template", "--all-cities", "--from", returned, "--out", out], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("杭州市 2026-01.xlsx");
    expect(result.stderr).toContain("杭州 一月 修订.xlsx");
    readable(result.stderr);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe("merge --history over a folder with files it cannot take", () => {
  const history = at("history");
  let result: ReturnType<typeof planbook>;
  let json: { periods: string[]; rejected: { period: string | null; file: string; reasons: string[] }[]; lines: { quotaId: string; scope: string; values: unknown[] }[] };

  beforeAll(() => {
    for (const sub of ["01", "02"]) mkdirSync(path.join(history, sub), { recursive: true });
    copyFileSync(at("杭州市 2026-01.xlsx"), path.join(history, "01", "杭州市 2026-01.xlsx"));
    copyFileSync(at("宁波市 2026-01.xlsx"), path.join(history, "01", "宁波市 2026-01.xlsx"));
    // 宁波市's January return again in February's folder: a duplicate of the period, not a February figure.
    copyFileSync(at("宁波市 2026-01.xlsx"), path.join(history, "02", "宁波市 2026-02.xlsx"));
    copyFileSync(at("西湖区 2026-01.xlsx"), path.join(history, "02", "西湖区 2026-01.xlsx"));
    copyFileSync(at("全省 2026-01.xlsx"), path.join(history, "02", "全省 2026-01.xlsx"));
    copyFileSync(at("plain.xlsx"), path.join(history, "02", "plain.xlsx"));
    copyFileSync(at("notes.xlsx"), path.join(history, "02", "notes.xlsx"));
    result = planbook(["merge", "--history", history, "--json", "--chart-quota", RUNNING, "--out", at("进度.xlsx")], dir);
    json = JSON.parse(result.stdout) as typeof json;
  });

  test("every file it did not take is listed with its reason, and the exit code says so", () => {
    expect(result.status).toBe(1);
    expect(json.rejected.map((r) => r.file).sort()).toEqual(
      ["01/宁波市 2026-01.xlsx", "02/notes.xlsx", "02/plain.xlsx", "02/全省 2026-01.xlsx", "02/宁波市 2026-02.xlsx", "02/西湖区 2026-01.xlsx"].sort(),
    );
    const reasons = Object.fromEntries(json.rejected.map((r) => [r.file, r.reasons.join(" ")]));
    expect(reasons["02/notes.xlsx"]).toContain("不是 .xlsx 工作簿");
    expect(reasons["02/plain.xlsx"]).toContain("不是 Planbook");
    expect(reasons["02/西湖区 2026-01.xlsx"]).toContain("县级报表");
    expect(reasons["02/全省 2026-01.xlsx"]).toContain("不是市级报表");
    expect(reasons["02/宁波市 2026-02.xlsx"]).toContain("重复");
  });

  test("the totals take no file it refused: 宁波市's two January returns are both left out, 杭州市's figure stands alone", () => {
    expect(json.periods).toEqual(["2026-01"]);
    const line = (scope: string) => json.lines.find((l) => l.quotaId === RUNNING && l.scope === scope)?.values;
    expect([line("全省"), line("杭州市"), line("宁波市")]).toEqual([[900], [900], [null]]);
  });

  test("the text output names each refused file, Chinese first", () => {
    const text = planbook(["merge", "--history", history, "--out", at("进度-text.xlsx")], dir);
    expect(text.stdout).toMatch(/\[rejected\] — 02\/notes\.xlsx: 文件「02\/notes\.xlsx」是文本或 CSV 文件.* \/ file/);
    readable(text.stdout);
  });

  test("an output inside the folder that is one of its files is refused, the file unchanged", () => {
    const input = path.join(history, "01", "杭州市 2026-01.xlsx");
    const before = readFileSync(input);
    const refused = planbook(["merge", "--history", history, "--out", input], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("不会覆盖输入");
    readable(refused.stderr);
    expect(readFileSync(input)).toEqual(before);
  });

  test("a folder with nothing to merge writes nothing and says so", () => {
    const empty = at("nothing");
    mkdirSync(empty);
    copyFileSync(at("plain.xlsx"), path.join(empty, "plain.xlsx"));
    const refused = planbook(["merge", "--history", empty, "--out", at("进度-none.xlsx")], dir);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toContain("plain.xlsx");
    readable(refused.stderr);
    expect(existsSync(at("进度-none.xlsx"))).toBe(false);
  });
});
