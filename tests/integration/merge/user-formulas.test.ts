/**
 * The summary never runs what a city typed: a formula in a returned file's cell arrives as its
 * value, and text that starts with = + - @ arrives as text — on the Office.js path (the in-memory
 * Excel host evaluates what we write) and on the file path (LibreOffice opens the merged file).
 */
import { quotasInScope } from "../../../src/core/plan";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { columnLetter, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { buildSummary, canMerge, SOURCES_SHEET, DETAIL_SHEET, summaryColumns } from "../../../src/core/merge";
import { COLUMN } from "../../../src/core/template";
import { mergeWorkbooks } from "../../../src/excel/merge";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/render";
import { createExcelHost, type ExcelHost } from "@planbook/excel-host";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { currentRevision } from "../../support/plan";
import { type CityFile, cityFile } from "./files";
import { present } from "../../support/present";

const revision = currentRevision();
const period = "2026-10";
const city = "杭州市";
const col = summaryColumns(revision.cities.length);
const cityColumn = revision.cities.indexOf(city);

/** Notes a person typed that a spreadsheet would run if it parsed them (tests/fixtures/hostile-cells.json has more). */
const HOSTILE_NOTES = ['=HYPERLINK("http://example.invalid","点我")', "=cmd|' /C calc'!A0", "@SUM(A1:A9)", "+1+1", "-2+3"];
/** Text of a formula that must never reach a summary cell as a formula. */
const PAYLOADS = ["HYPERLINK(\"http://example.invalid", "cmd|", "@SUM", "+1+1", "-2+3", "100+20"];

const provinceWide = quotasInScope(revision, { kind: "city", city }).filter((q) => q.kind === "cumulative" || q.kind === "annual");
const quotaNo = (index: number): string => present(provinceWide[index], `province-wide count quota #${index + 1}`).id;
const noted = HOSTILE_NOTES.map((note, i) => ({ quotaId: quotaNo(i), note }));
const formulaQuota = quotaNo(HOSTILE_NOTES.length);
const ddeQuota = quotaNo(HOSTILE_NOTES.length + 1);

let hangzhou: CityFile;

beforeAll(async () => {
  hangzhou = await cityFile(`${city}.xlsx`, revision, city, Object.fromEntries(noted.map(({ quotaId, note }) => [quotaId, { note }])), {
    edit: (_, sheet, rowOf) => {
      // Formulas typed into input cells, with the results the city's Excel cached.
      sheet.getCell(rowOf(formulaQuota), COLUMN.cumulative + 1).value = { formula: "100+20", result: 120 };
      // A cached result of 0 is not written by ExcelJS (the formula would then have none, an error of its own).
      sheet.getCell(rowOf(ddeQuota), COLUMN.cumulative + 1).value = { formula: "cmd|' /C calc'!A0", result: 7 };
    },
  });
});

/**
 * Every formula of a sheet. `formulas` holds a constant's value too, so a text that starts with
 * "=" is told from a formula by its value: a formula's value is what it computed, not its text.
 */
const formulasIn = (sheet: { values: unknown[][]; formulas: unknown[][] }): string[] =>
  sheet.formulas.flatMap((row, r) => row.filter((cell, c): cell is string => typeof cell === "string" && cell.startsWith("=") && cell !== sheet.values[r]?.[c]));
const userPayloadsIn = (formulas: string[]): string[] => formulas.filter((formula) => PAYLOADS.some((payload) => formula.includes(payload)));

describe("merging on the Office.js path", () => {
  let host: ExcelHost;
  const everything = (sheet: string): { values: unknown[][]; formulas: unknown[][] } => {
    const used = host.sheet(sheet).usedRange?.split("!")[1] ?? "A1";
    return { values: host.values(sheet, used), formulas: host.formulas(sheet, used) };
  };
  const rowOf = (quotaId: string): number => host.values(DETAIL_SHEET, "A1:A400").findIndex(([value]) => value === quotaId) + 1;

  beforeAll(async () => {
    host = createExcelHost();
    const files = await readMergeFiles([hangzhou]);
    await host.run((context) => mergeWorkbooks(context, { revision, period, files, now: new Date("2026-11-05T09:00:00.000Z") }));
  });

  test("no formula in 汇总 or 来源 carries anything a city typed", () => {
    expect(userPayloadsIn([...formulasIn(everything(DETAIL_SHEET)), ...formulasIn(everything(SOURCES_SHEET))])).toEqual([]);
  });

  test("formula-like notes are shown as the text the city typed", () => {
    const column = col.note + cityColumn;
    const shown = noted.map(({ quotaId }) => host.values(DETAIL_SHEET, `${columnLetter(column)}${rowOf(quotaId)}`)[0]?.[0]);
    expect(shown).toEqual(HOSTILE_NOTES);
  });

  test("a formula typed in a city's cell arrives as the value it computed", () => {
    expect(host.formulas(DETAIL_SHEET, `${columnLetter(col.actual + cityColumn)}${rowOf(formulaQuota)}`)[0]?.[0]).toBe(120);
  });
});

describe("merging into a file that LibreOffice opens", () => {
  let reopened: WorkbookSnapshot;
  let dir: string;

  beforeAll(async () => {
    const plan = canMerge(await readMergeFiles([hangzhou]), { revision, period });
    const built = buildSummary(plan.accepted, { revision, period, mergedAt: "2026-11-05T09:00:00.000Z", rejected: plan.rejected });
    dir = mkdtempSync(path.join(tmpdir(), "planbook-user-formulas-"));
    const merged = path.join(dir, "merged", "全省汇总.xlsx");
    writeFileSync(path.join(dir, "全省汇总.xlsx"), await writeWorkbook([built.summary, built.sources]));
    await convertWithLibreOffice([path.join(dir, "全省汇总.xlsx")], path.join(dir, "merged"));
    reopened = await readWorkbookFile(readFileSync(merged));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sheet = (name: string) => reopened.sheets.find((s) => s.name === name) ?? { values: [], formulas: [] };
  const rowIndexOf = (quotaId: string): number => sheet(DETAIL_SHEET).values.findIndex((row) => row[0] === quotaId);

  test("no formula in the saved 汇总 or 来源 carries anything a city typed", () => {
    expect(userPayloadsIn([...formulasIn(sheet(DETAIL_SHEET)), ...formulasIn(sheet(SOURCES_SHEET))])).toEqual([]);
  });

  test("formula-like notes are still the text the city typed", () => {
    expect(noted.map(({ quotaId }) => sheet(DETAIL_SHEET).values[rowIndexOf(quotaId)]?.[col.note + cityColumn])).toEqual(HOSTILE_NOTES);
  });

  test("a formula typed in a city's cell is a plain number in the saved file", () => {
    expect(sheet(DETAIL_SHEET).formulas[rowIndexOf(formulaQuota)]?.[col.actual + cityColumn]).toBe(120);
  });
});
