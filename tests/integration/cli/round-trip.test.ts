/**
 * The CLI round trip an aggregator does: templates for all cities → cities fill them (here with
 * ExcelJS loading and saving the file, as another program would) → check finds what was planted →
 * merge reconciles the totals.
 */
import { mkdtempSync, readdirSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { COLUMN } from "../../../src/core/template";
import { ROOT, planbook } from "../../support/cli";
import { present } from "../../support/present";

/** One quota on every city's sheet, its target the city's Annex 2 share. */
const QUOTA = "I08-技能型企业-2027";

/** Types a value into a quota's cell of a city file, the way another program would. */
async function fill(file: string, quotaId: string, key: keyof typeof COLUMN, value: ExcelJS.CellValue): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = present(workbook.worksheets[0], "the file's first sheet");
  let done = false;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === quotaId) {
      row.getCell(COLUMN[key] + 1).value = value;
      done = true;
    }
  });
  if (!done) throw new Error(`no row ${quotaId} in ${file}`);
  await workbook.xlsx.writeFile(file);
}

describe("planbook template → fill → check → merge", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-cli-"));
  let files: string[] = [];

  beforeAll(async () => {
    expect(planbook(["template", "--all-cities", "--period", "2026-10", "--out", "cities"], dir).status).toBe(0);
    files = readdirSync(path.join(dir, "cities")).map((f) => path.join(dir, "cities", f));
    for (const [index, file] of files.entries()) {
      await fill(file, QUOTA, "cumulative", 100 + index);
    }
  });

  test("one template per city", () => {
    expect(files).toHaveLength(11);
  });

  test("clean files pass the check", () => {
    const result = planbook(["check", "--json", ...files], dir);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ errors: 0 });
  });

  test("a planted thousands separator is found with its file, cell and suggestion", async () => {
    const bad = present(files[0], "a city file");
    // Planted in the other split quota, so the merge test's figures stay as typed.
    await fill(bad, "I11-技能型乡村-2027", "cumulative", "1,000");
    const result = planbook(["check", "--json", bad], dir);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { file: string; rule: string; quotaId: string; cell: string; value: unknown }[] };
    expect(report.findings).toContainEqual(
      expect.objectContaining({ file: bad, rule: "not-a-number", quotaId: "I11-技能型乡村-2027", value: "1,000", suggestion: 1000 }),
    );
    await fill(bad, "I11-技能型乡村-2027", "cumulative", 100);
  });

  test("merge adds up every city's figure", () => {
    const result = planbook(["merge", "--json", "--out", "summary.xlsx", ...files], dir);
    expect(result.status).toBe(0);
    const merged = JSON.parse(result.stdout) as { totals: { quotaId: string; actual: number | null }[]; accepted: unknown[] };
    expect(merged.accepted).toHaveLength(11);
    const expected = files.reduce((sum, _f, index) => sum + 100 + index, 0);
    expect(merged.totals.find((t) => t.quotaId === QUOTA)?.actual).toBe(expected);
  });

  test("a file that is not a workbook is rejected by name", () => {
    const result = planbook(["merge", "--json", "--out", "summary2.xlsx", ...files, path.join(ROOT, "package.json")], dir);
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as { rejected: unknown }).rejected).toEqual([expect.objectContaining({ file: "package.json" })]);
  });
});
