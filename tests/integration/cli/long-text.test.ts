/**
 * A 说明 longer than the 32,767 characters an Excel cell holds (a program wrote it; Excel would
 * not keep it whole) through the CLI: check names the file and cell, merge leaves the file out
 * unless accepted and then shows the 说明 cut to what a cell holds, marked "…", and correct refuses
 * to write one.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { SUMMARY_SHEET, summaryColumns } from "../../../src/core/merge";
import { EXCEL_CELL_CHARACTERS, cellAt, parseCell } from "../../../src/core/snapshot";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { QUOTA, cityName, cleanCities, revision } from "../../fixtures/returned-files";
import { buildCli, planbook } from "../../support/cli";
import { present } from "../../support/present";
import { firstReport } from "../../support/report";
import { cityFile } from "../merge/files";

const HANGZHOU = present(revision.cities[0], "the plan's first city");
const LONG_NOTE = "因".repeat(40_000);
let dir = "";
let noteCell = "";
let names: string[] = [];

interface Finding {
  file: string;
  rule: string;
  cell: string | null;
  message: string;
}

beforeAll(async () => {
  buildCli();
  dir = mkdtempSync(path.join(os.tmpdir(), "planbook-long-text-"));
  const long = await cityFile(cityName(HANGZHOU), revision, HANGZHOU, { [QUOTA.id]: { cumulative: 9, note: LONG_NOTE } });
  const files = [...(await cleanCities([HANGZHOU])), long];
  for (const file of files) writeFileSync(path.join(dir, file.name), file.data);
  names = files.map((f) => f.name);
  const report = firstReport(await readWorkbookFile(long.data));
  noteCell = present(report.address(present(report.rows.find((r) => r.quotaId === QUOTA.id), "QUOTA's row"), "note") ?? undefined, "the 说明 cell");
});

test("check gives text-too-long, naming the file and the cell", () => {
  const result = planbook(["check", "--json", cityName(HANGZHOU)], dir);
  expect(result.status).toBe(1);
  const found = (JSON.parse(result.stdout) as { findings: Finding[] }).findings.filter((f) => f.rule === "text-too-long");
  expect(found.map((f) => [f.file, f.cell])).toEqual([[cityName(HANGZHOU), noteCell]]);
  expect(found[0]?.message).toContain("40000");
  expect(found[0]?.message).toContain("32767");
});

test("merge leaves the file out; --accept-errors takes it and its summary 说明 is what a cell holds, marked as cut", async () => {
  const refused = planbook(["merge", "--json", "--out", "refused.xlsx", ...names], dir);
  expect(refused.status).toBe(1);
  expect((JSON.parse(refused.stdout) as { rejected: { file: string }[] }).rejected.map((r) => r.file)).toEqual([cityName(HANGZHOU)]);
  const accepted = planbook(["merge", "--json", "--accept-errors", "--out", "accepted.xlsx", ...names], dir);
  expect(accepted.status).toBe(0);
  expect((JSON.parse(accepted.stdout) as { findings: Finding[] }).findings).toContainEqual(expect.objectContaining({ rule: "text-too-long", file: cityName(HANGZHOU), cell: noteCell }));
  const summary = present((await readWorkbookFile(readFileSync(path.join(dir, "accepted.xlsx")))).sheets.find((s) => s.name === SUMMARY_SHEET), "the summary sheet");
  const row = summary.values.findIndex((line) => line[0] === QUOTA.id);
  const shown = String(cellAt(summary.values, row, summaryColumns(revision.cities.length).note + revision.cities.indexOf(HANGZHOU)));
  expect([shown.length, shown.endsWith("…")]).toEqual([EXCEL_CELL_CHARACTERS, true]);
});

test("correct --note refuses a 说明 longer than a cell holds, naming the cell, and writes nothing", () => {
  const result = planbook(["correct", names[0] as string, "--quota", QUOTA.id, "--note", "说".repeat(EXCEL_CELL_CHARACTERS + 1), "--out", "corrected.xlsx"], dir);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain(String(EXCEL_CELL_CHARACTERS));
  expect(result.stderr).toMatch(new RegExp(`![A-Z]+${parseCell(noteCell).row + 1}`));
  expect(existsSync(path.join(dir, "corrected.xlsx"))).toBe(false);
});
