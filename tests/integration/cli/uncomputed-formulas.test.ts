/**
 * A returned file whose 累计完成 holds a formula with an empty stored value (`<f>…</f><v></v>`, as
 * openpyxl and other scripts write) through every command that reads a returned file besides
 * check and merge (those are in returned-files.test.ts): the value is computed where that is
 * certain, and otherwise the command says which file and cell, never carrying or totalling the
 * figure as blank.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { QUOTA, cityName, cleanCities, emptyStoredValue, quotaCell, revision } from "../../fixtures/returned-files";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { firstReport } from "../../support/report";
import { buildCli, planbook } from "../../support/cli";
import { rowsOf } from "../../support/fill";
import { present } from "../../support/present";

const HANGZHOU = present(revision.cities[0], "the plan's first city");
const UNCOMPUTABLE = "VLOOKUP(1,Sheet9!A1:B9,2,FALSE)";
let cell = "";

/** The 说明 cell of QUOTA's row on 杭州市's sheet. */
async function noteCell(): Promise<string> {
  const report = firstReport(await readWorkbookFile(readFileSync(path.join(dir, "computable.xlsx"))));
  const row = present(report.rows.find((r) => r.quotaId === QUOTA.id), "QUOTA's row");
  return present(report.address(row, "note") ?? undefined, "the 说明 cell");
}
let dir = "";

beforeAll(async () => {
  buildCli();
  cell = await quotaCell(HANGZHOU);
  dir = mkdtempSync(path.join(os.tmpdir(), "planbook-uncomputed-"));
  const write = async (name: string, file: Promise<{ data: Uint8Array }>) => writeFileSync(path.join(dir, name), (await file).data);
  await write("computable.xlsx", emptyStoredValue(HANGZHOU, "100+20"));
  await write("uncomputable.xlsx", emptyStoredValue(HANGZHOU, UNCOMPUTABLE));
  // A folder of the eleven cities' returns, 杭州市's the uncomputable one.
  mkdirSync(path.join(dir, "returned", "2026-10"), { recursive: true });
  for (const file of await cleanCities([HANGZHOU])) writeFileSync(path.join(dir, "returned", "2026-10", file.name), file.data);
  await write(path.join("returned", "2026-10", cityName(HANGZHOU)), emptyStoredValue(HANGZHOU, UNCOMPUTABLE));
}, 120_000);

describe("check", () => {
  test("a 说明 that is such a formula is the finding too (it would read as no 说明)", async () => {
    const file = await emptyStoredValue(HANGZHOU, `CONCATENATE(Sheet9!A1,"已完成")`, "note");
    writeFileSync(path.join(dir, "note.xlsx"), file.data);
    const result = planbook(["check", "--json", "note.xlsx"], dir);
    expect(result.status).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { rule: string; cell: string | null }[] }).findings;
    expect(findings.filter((f) => f.rule === "formula-without-value").map((f) => f.cell)).toEqual([await noteCell()]);
  });
});

describe("template --from", () => {
  test("carries a computable formula's value as 上期累计", async () => {
    const result = planbook(["template", "--from", "computable.xlsx", "--out", "next.xlsx"], dir);
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect((await rowsOf(path.join(dir, "next.xlsx"))).get(QUOTA.id)?.values.previous).toBe(120);
  });

  test("refuses a formula it cannot compute, naming the file and the cell, and writes nothing", () => {
    const result = planbook(["template", "--from", "uncomputable.xlsx", "--out", "refused.xlsx"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`文件「uncomputable.xlsx」${cell}`);
    expect(result.stderr).toContain(`file "uncomputable.xlsx": ${cell}`);
    expect(existsSync(path.join(dir, "refused.xlsx"))).toBe(false);
  });

  test("--all-cities from a folder with one such file writes no city's file", () => {
    const result = planbook(["template", "--all-cities", "--from", path.join("returned", "2026-10"), "--out", "next-all"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(cell);
    expect(result.stderr).toContain(cityName(HANGZHOU));
    expect(existsSync(path.join(dir, "next-all")) ? readdirSync(path.join(dir, "next-all")) : []).toEqual([]);
  });
});

describe("correct --previous", () => {
  test("refuses a previous report whose figure it cannot compute, naming the file and the cell", () => {
    expect(planbook(["template", "--from", "computable.xlsx", "--out", "november.xlsx"], dir).status).toBe(0);
    const result = planbook(["correct", "--previous", "uncomputable.xlsx", "november.xlsx", "--out", "november-corrected.xlsx"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`文件「uncomputable.xlsx」${cell}`);
    expect(existsSync(path.join(dir, "november-corrected.xlsx"))).toBe(false);
  });
});

describe("merge --history", () => {
  test("rejects the period's file with the finding, naming the file and the cell", () => {
    const result = planbook(["merge", "--history", "returned", "--json", "--out", "进度.xlsx"], dir);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as { rejected: { file: string; reasons: string[] }[] };
    const rejected = json.rejected.find((r) => r.file === path.join("2026-10", cityName(HANGZHOU)));
    expect(rejected?.reasons.join("\n")).toContain(cell);
    expect(rejected?.reasons.join("\n")).toContain(UNCOMPUTABLE);
  });
});
