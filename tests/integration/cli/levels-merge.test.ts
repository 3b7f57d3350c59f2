/**
 * Levels as a user meets them on the command line: a county's or a unit's return among the cities'
 * is refused by name in a province merge (the cities' still merge), and `check --end-of-period` on
 * an empty county sheet asks only for what a county reports — never a provincial act.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { COLUMN, parsePartId } from "../../../src/core/template";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { planbook } from "../../support/cli";
import { currentRevision } from "../../support/plan";
import { firstReport } from "../../support/report";

const revision = currentRevision();
const PERIOD = "2026-10";
const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-levels-merge-"));
const run = (...args: string[]) => planbook(args, dir);
let cities: string[] = [];

/** The template with 1 typed as the 累计 of its first quota row that takes one (as another program would). */
async function fillOne(file: string): Promise<void> {
  const report = firstReport(await readWorkbookFile(readFileSync(path.join(dir, file))));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path.join(dir, file)) as unknown as ArrayBuffer);
  const row = report.rows.find((r) => r.quotaId.startsWith("I01-"));
  if (!row) throw new Error(`no I01 row in ${file}`);
  (workbook.getWorksheet(report.name) as ExcelJS.Worksheet).getCell(row.row, COLUMN.cumulative + 1).value = 1;
  writeFileSync(path.join(dir, file), new Uint8Array(await workbook.xlsx.writeBuffer()));
}

beforeAll(async () => {
  for (const args of [["--all-cities", "--out", "cities"], ["--all-counties", "杭州市", "--out", "counties"], ["--scope", "unit:省人力社保厅", "--out", "unit.xlsx"], ["--scope", "city:杭州市", "--out", "blank-city.xlsx"]]) {
    const result = run("template", "--period", PERIOD, ...args);
    if (result.status !== 0) throw new Error(result.stderr);
  }
  cities = readdirSync(path.join(dir, "cities")).map((f) => path.join("cities", f));
  for (const file of [...cities, path.join("counties", `萧山区 ${PERIOD}.xlsx`), "unit.xlsx"]) await fillOne(file);
}, 120_000);

interface MergeJson {
  accepted: { file: string }[];
  rejected: { file: string; reasons: string[] }[];
}

describe("mixing levels in one merge", () => {
  test.each([
    ["a county's file", path.join("counties", `萧山区 ${PERIOD}.xlsx`), /是县级报表.*不同级别不能混在一起汇总.*is a county workbook/],
    ["a unit's file", "unit.xlsx", /是责任单位报表.*不同级别不能混在一起汇总.*is a unit workbook/],
  ])("%s among the cities' is refused by name, and the cities' are merged", (_what, other, said) => {
    const result = run("merge", ...cities, other, "--out", `merged-${path.basename(other)}`, "--json");
    const json = JSON.parse(result.stdout) as MergeJson;
    expect([result.status, json.accepted.length, json.rejected.map((r) => r.file)]).toEqual([1, cities.length, [path.basename(other)]]);
    expect(json.rejected[0]?.reasons.join("\n")).toMatch(said);
  });
});

describe("check --end-of-period on an empty county sheet", () => {
  const asked = (file: string): string[] => {
    const json = JSON.parse(run("check", file, "--end-of-period", "--json").stdout) as { findings: { rule: string; quotaId: string | null }[] };
    return [...new Set(json.findings.filter((f) => f.rule === "required-blank").map((f) => parsePartId(f.quotaId ?? "")?.quotaId ?? f.quotaId ?? ""))].sort();
  };

  test("asks for what a county reports — the same quotas as its city — and no provincial act", () => {
    const county = asked(path.join("counties", `上城区 ${PERIOD}.xlsx`));
    const provinceOnly = revision.quotas.filter((q) => q.level === "province-only").map((q) => q.id);
    expect([county.length > 20, county.filter((id) => provinceOnly.includes(id)), county]).toEqual([true, [], asked("blank-city.xlsx")]);
  });
});
