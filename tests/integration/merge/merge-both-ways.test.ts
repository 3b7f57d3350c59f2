/**
 * One merge, two hosts: the same county files of a city merged by `planbook merge` (a new file)
 * and by the pane's 汇总 (the open workbook, on the in-memory host) give the same summary — the
 * same level, findings and totals — and both write the city's own return, recorded in the
 * metadata with the levels the merge went by, so either is a city return the province accepts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { type ExcelHost, createExcelHost } from "@planbook/excel-host";
import { loadCounties } from "../../../src/cli/io";
import { runMergeCommand } from "../../../src/cli/merge";
import { canMerge } from "../../../src/core/merge";
import { countiesOf, type LevelRecord, quotasInScope } from "../../../src/core/plan";
import { parsePeriod } from "../../../src/core/period";
import { columnLetter, readWorkbook } from "../../../src/core/snapshot";
import { type CellValue, COLUMN, META_SHEET, parseMetaRows } from "../../../src/core/template";
import { generateTemplate } from "../../../src/excel/generate";
import { readWorkbookSnapshot } from "../../../src/excel/workbook";
import { type MergeResult, mergeWorkbooks } from "../../../src/excel/merge";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { currentRevision } from "../../support/plan";
import { present } from "../../support/present";
import { type CityFile, type Typed, reportFile } from "./files";

const revision = currentRevision();
const geography = loadCounties();
const period = "2026-10";
const now = new Date("2026-11-05T09:00:00.000Z");
const CITY = "杭州市";
const RETURN_SHEET = `${CITY} ${period}`;
const counties = countiesOf(geography, CITY)
  .map((c) => c.name)
  .slice(0, 3);
const counted = quotasInScope(revision, { kind: "county", county: present(counties[0], "a county of 杭州市") }, geography).filter((q) => q.kind === "annual" || q.kind === "cumulative");
/** A count the files were made without: corrected to province-only in the workbook that handed them out. */
const corrected = present(counted[0], "a county count");
const levels: LevelRecord[] = [{ quotaId: corrected.id, level: "province-only" }];
const kept = counted.slice(1, 4);
const typedBy = (index: number): Typed => Object.fromEntries(kept.map((q, k) => [q.id, { period: index + k + 1, cumulative: 10 * (index + 1) + k }]));

interface Summary {
  scope: string;
  findings: [string, string, string | null][];
  totals: [string, number | null][];
}

let files: CityFile[];
let filesRead: Parameters<typeof canMerge>[0];
let cli: Summary;
let cliReturn: unknown[][];
let cliMeta: ReturnType<typeof parseMetaRows>;

/** A report sheet's 累计完成 by quota id, from a workbook's rows. */
const cumulativeOf = (rows: unknown[][], ids: string[]): unknown[] => ids.map((id) => rows.find((row) => row[COLUMN.id] === id)?.[COLUMN.cumulative] ?? null);

beforeAll(async () => {
  files = await Promise.all(counties.map((county, i) => reportFile(`${county}.xlsx`, revision, { kind: "county", county }, typedBy(i), { geography, levels })));
  filesRead = await readMergeFiles(files);
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-both-ways-"));
  for (const file of files) writeFileSync(path.join(dir, file.name), file.data);
  const out: string[] = [];
  const status = await runMergeCommand(["--out", path.join(dir, "city.xlsx"), "--json", ...files.map((f) => path.join(dir, f.name))], { out: (text) => out.push(text), err: () => undefined }, now);
  expect(status).toBe(0);
  const json = JSON.parse(out.join("")) as { scope: string; findings: { rule: string; file?: string; cell: string | null }[]; totals: { quotaId: string; actual: number | null }[] };
  cli = { scope: json.scope, findings: json.findings.map((f) => [f.rule, f.file ?? "", f.cell]), totals: json.totals.map((t) => [t.quotaId, t.actual]) };
  const written = await readWorkbookFile(readFileSync(path.join(dir, "city.xlsx")));
  cliReturn = present(written.sheets.find((s) => s.name === RETURN_SHEET), "the CLI's return sheet").values;
  cliMeta = parseMetaRows(present(written.sheets.find((s) => s.name === META_SHEET), "the CLI's metadata").values);
}, 120_000);

async function paneMerge(host: ExcelHost): Promise<MergeResult> {
  return host.run((context) => mergeWorkbooks(context, { revision, period, files: filesRead, now, geography }));
}

const paneSummary = (result: MergeResult): Summary => ({
  scope: result.plan.rollup.parent.kind === "city" ? `city:${result.plan.rollup.parent.city}` : result.plan.rollup.parent.kind,
  findings: result.plan.findings.map((f) => [f.rule, f.file ?? "", f.cell]),
  totals: result.totals.map((t) => [t.quotaId, t.actual]),
});

describe("a city's county files merged on the command line and in the pane", () => {
  let host: ExcelHost;
  let result: MergeResult;

  beforeAll(async () => {
    host = createExcelHost();
    result = await paneMerge(host);
  }, 120_000);

  test("the command line makes the city's summary, by the levels the files were made with", () => {
    const expected = canMerge(filesRead, { revision, period, geography });
    expect([cli.scope, expected.levels]).toEqual([`city:${CITY}`, levels]);
    expect(cli.totals.map(([id]) => id)).not.toContain(corrected.id);
    expect(cli.totals.filter(([id]) => kept.some((q) => q.id === id))).toEqual(kept.map((q, k) => [q.id, counties.reduce((sum, _, i) => sum + 10 * (i + 1) + k, 0)]));
  });

  test("the pane gives the same level, findings and totals", () => {
    expect(result.written).toBe(true);
    expect(paneSummary(result)).toEqual(cli);
  });

  test("the pane writes the city's own return, with the same figures as the command line's", () => {
    expect(host.sheetNames()).toContain(RETURN_SHEET);
    const rows = host.values(RETURN_SHEET, `A1:${columnLetter(COLUMN.cumulative)}${cliReturn.length}`);
    const ids = kept.map((q) => q.id);
    expect(cumulativeOf(rows, ids)).toEqual(cumulativeOf(cliReturn, ids));
    expect(cumulativeOf(rows, ids).every((value) => typeof value === "number")).toBe(true);
  });

  test("the pane records the return in the workbook's metadata, with the merge's levels, as the command line does", () => {
    const meta = parseMetaRows(host.values(META_SHEET, "A1:M2000") as CellValue[][]);
    const record = (m: typeof meta) => m.sheets.filter((s) => s.sheet === RETURN_SHEET).map((s) => [s.scope, s.period, s.revision]);
    expect(record(meta)).toEqual([[`city:${CITY}`, period, revision.revision]]);
    expect(record(meta)).toEqual(record(cliMeta));
    expect(meta.levels).toEqual(cliMeta.levels);
    expect(meta.rows.filter((r) => r.sheet === RETURN_SHEET).length).toBe(cliMeta.rows.filter((r) => r.sheet === RETURN_SHEET).length);
  });

  test("merging again writes the return again (it is the summary's own)", async () => {
    expect((await paneMerge(host)).written).toBe(true);
  });
});

describe("the city's own report in the workbook, with figures typed in", () => {
  test("is never written over: nothing is merged and the finding names the sheet and the typed cell", async () => {
    const host = createExcelHost();
    await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city: CITY }, period: parsePeriod(period), now, geography }));
    const report = present(readWorkbook(await hostSnapshot(host)).reports[0], "the city's report");
    const row = present(report.rows.find((r) => r.quotaId === kept[0]?.id), "a typed row");
    const cell = report.address(row, "cumulative") ?? "";
    expect(cell).toMatch(/^[A-Z]+[0-9]+$/);
    await host.userEdit(RETURN_SHEET, cell, [[77]]);
    const result = await paneMerge(host);
    expect(result.written).toBe(false);
    expect(result.plan.findings.filter((f) => f.rule === "merge-sheet-taken").map((f) => [f.sheet, f.cell])).toEqual([[RETURN_SHEET, cell]]);
    expect(host.values(RETURN_SHEET, cell)).toEqual([[77]]);
  }, 120_000);

  test("a blank one (nothing typed) is filled with the totals", async () => {
    const host = createExcelHost();
    await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city: CITY }, period: parsePeriod(period), now, geography }));
    expect((await paneMerge(host)).written).toBe(true);
  }, 120_000);
});

/** The host's workbook as a snapshot of its sheets' values (enough to find a report's rows). */
async function hostSnapshot(host: ExcelHost): Promise<Parameters<typeof readWorkbook>[0]> {
  return host.run((context) => readWorkbookSnapshot(context));
}
