/**
 * The Office.js path of the split-path table (tests/fixtures/split-path-expectations.ts): the pane's
 * 目标分解 saved in the workbook (the same core splits as `--split plan`, and 萧山区's share of
 * 杭州市's), then 生成模板, 校验, 汇总 and 各期进度 in the strict in-memory Excel host — the same
 * numbers as the LibreOffice tests of CLI-made files.
 */
import { createExcelHost } from "@planbook/excel-host";
import { loadCounties } from "../../../src/cli/io";
import { parseWeights } from "../../../src/cli/template";
import { BULLETIN_SHEET, cityCountySplits, citySplits, PROGRESS_SHEET, PROVINCE_SHEET } from "../../../src/core/merge";
import { parsePeriod } from "../../../src/core/period";
import { columnLetter } from "../../../src/core/snapshot";
import { COLUMN } from "../../../src/core/template";
import { runAudit } from "../../../src/excel/audit";
import { generateTemplate } from "../../../src/excel/generate";
import { writeHistory } from "../../../src/excel/progress";
import { mergeWorkbooks, saveSplit } from "../../../src/excel/merge";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import {
  CHECK_BEHIND,
  CHECK_TYPED,
  CATALOGUE,
  CITY,
  COUNTY,
  COUNTY_WEIGHTS,
  PERIOD,
  SPLIT_PATH_CASES,
  SPLIT_SUMMARY_CASES,
  SUMMARY_TYPED,
  type SplitPathCase,
  expectedLine,
  shownPath,
  summaryLine,
} from "../../fixtures/split-path-expectations";
import { currentRevision } from "../../support/plan";
import { gridRow } from "../../support/present";
import { cityFile } from "../merge/files";

const revision = currentRevision();
const geography = loadCounties();
const cityRecords = citySplits(revision, { kind: "plan" }).records;
const countyRecords = cityCountySplits(revision, geography, CITY, { kind: "weights", weights: parseWeights(COUNTY_WEIGHTS, "counties.tsv").weights }, cityRecords).records;
const at = (key: keyof typeof COLUMN, row: number) => `${columnLetter(COLUMN[key])}${row}`;

/** A sheet generated in the host after the split was saved, with figures typed by quota id. */
async function typedSheet(scope: SplitPathCase["scope"], typed: Record<string, number>) {
  const host = createExcelHost();
  await host.run((context) => saveSplit(context, [...cityRecords, ...countyRecords]));
  const result = await host.run((context) => generateTemplate(context, { revision, scope, period: parsePeriod(PERIOD), geography }));
  const ids = host.values(result.sheetName, "A1:A300").map((r) => r[0]);
  const rowOf = (id: string): number => {
    const row = ids.indexOf(id) + 1;
    if (row === 0) throw new Error(`no row for ${id}`);
    return row;
  };
  for (const [id, figure] of Object.entries(typed)) await host.userEdit(result.sheetName, at("cumulative", rowOf(id)), [[figure]]);
  return { host, sheet: result.sheetName, rowOf };
}

describe("a count of one provincial catalogue in the in-memory Excel host", () => {
  test("比照目录涉及行业类别 is on the province's sheet, not on a city's or a county's, and the plan's split gives no city a share of it", async () => {
    const hasRow = async (scope: Parameters<typeof generateTemplate>[1]["scope"]) => {
      const host = createExcelHost();
      const result = await host.run((context) => generateTemplate(context, { revision, scope, period: parsePeriod(PERIOD), geography }));
      return host.values(result.sheetName, "A1:A300").some((r) => r[0] === CATALOGUE);
    };
    expect([await hasRow({ kind: "province" }), await hasRow({ kind: "city", city: CITY }), await hasRow({ kind: "county", county: COUNTY })]).toEqual([true, false, false]);
    expect(cityRecords.filter((r) => r.quotaId === CATALOGUE)).toEqual([]);
  });
});

describe("a split quota's own path in the in-memory Excel host", () => {
  test.each(SPLIT_PATH_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { host, sheet, rowOf } = await typedSheet(c.scope, { [c.quotaId]: c.typed });
    const row = rowOf(c.quotaId);
    const [target] = gridRow(host.values(sheet, at("target", row)), 0);
    const [completion, progress, state] = gridRow(host.values(sheet, `${at("completion", row)}:${at("state", row)}`), 0);
    expect(shownPath({ target, completion, progress, state })).toEqual(shownPath(c.expected));
  });

  test("校验 warns of a row behind its own path only", async () => {
    const { host } = await typedSheet({ kind: "city", city: CITY }, CHECK_TYPED);
    const { findings } = await host.run((context) => runAudit(context, { revisions: [revision], geography }));
    expect(findings.filter((f) => f.rule === "behind-schedule").map((f) => f.quotaId)).toEqual(CHECK_BEHIND);
  });

  describe("the province's merge of files made with the split", () => {
    let host: ReturnType<typeof createExcelHost>;
    let history: ReturnType<typeof createExcelHost>;
    beforeAll(async () => {
      const files = await Promise.all(
        Object.entries(SUMMARY_TYPED).map(([city, typed]) =>
          cityFile(`${city}.xlsx`, revision, city, Object.fromEntries(Object.entries(typed).map(([id, figure]) => [id, { cumulative: figure }])), { period: PERIOD, splits: cityRecords }),
        ),
      );
      host = createExcelHost();
      await host.run(async (context) => mergeWorkbooks(context, { revision, period: PERIOD, files: await readMergeFiles(files), now: new Date("2026-11-05T09:00:00.000Z") }));
      history = createExcelHost();
      await history.run(async (context) => writeHistory(context, { revision, files: await readMergeFiles(files) }));
    }, 120_000);

    test.each(SPLIT_SUMMARY_CASES.map((c) => [c.quotaId, c] as const))("%s: 汇总's 滞后市数, 通报 and 进度 by each city's own path", (_id, c) => {
      const line = host.values(PROVINCE_SHEET, "A1:K80").find((row) => row[0] === c.quotaId);
      expect(summaryLine(line ?? [])).toEqual(expectedLine(c));
      const bulletin = host.values(BULLETIN_SHEET, "A1:H80").filter((row) => row[2] === c.quotaId && row[1] === "市滞后").map((row) => row[4]);
      expect(bulletin).toEqual(c.bulletin);
      const rows = history.values(PROGRESS_SHEET, (history.sheet(PROGRESS_SHEET).usedRange ?? "A1").replace(/^.*!/, ""));
      const header = (rows[2] ?? []).map(String);
      const states = Object.fromEntries(Object.keys(c.history).map((city) => [city, rows.find((r) => r[0] === c.quotaId && r[3] === city)?.[header.indexOf(`状态 ${PERIOD}`)]]));
      expect(states).toEqual(c.history);
    });
  });
});
