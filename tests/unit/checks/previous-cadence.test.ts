import { checkAgainstPrevious, checkWorkbook } from "../../../src/core/checks";
import { parsePeriod } from "../../../src/core/period";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { buildTemplate, COLUMN, EMPTY_META, metaRows, metaSheetSpec, withSheetRecords } from "../../../src/core/template";
import { specSnapshot } from "../../../scripts/workloads";
import { provinceSplitRevision } from "../../support/plan";
import { gridRow } from "../../support/present";

/**
 * `check --previous` across the periods of a quarterly quota (每季度举办招聘会50场以上, of the written
 * provincial plan): its 累计 counts from each quarter's first month, so the next quarter's 上期累计 is 0
 * and a 累计 below last quarter's is no fall.
 */
const revision = provinceSplitRevision();
const QUARTERLY = "I05-招聘会-每季度";
const ANNUAL = "I01-城镇新增就业-每年";

function provinceWorkbook(period: string, typed: Record<string, { period?: number; cumulative: number; previous?: number }>): WorkbookSnapshot {
  const built = buildTemplate({ revision, scope: { kind: "province" }, period: parsePeriod(period), generatedAt: "2026-10-02T08:00:00.000Z" });
  for (const [quotaId, figures] of Object.entries(typed)) {
    const row = built.rowRecords.find((r) => r.quotaId === quotaId)?.row;
    if (row === undefined) throw new Error(`no row for ${quotaId}`);
    for (const [key, value] of Object.entries(figures)) gridRow(built.sheet.cells, row - 1)[COLUMN[key as "period" | "cumulative" | "previous"]] = { value };
  }
  const meta = metaSheetSpec(metaRows(withSheetRecords(EMPTY_META, built.sheetRecord, built.rowRecords)), null);
  return { sheets: [specSnapshot(built.sheet), specSnapshot(meta)] };
}

test("a quarterly count starting again in the next quarter (30 in Q2, 10 in Q3 from 0) is neither a fall nor a changed 上期累计", () => {
  const q2 = provinceWorkbook("2026-Q2", { [QUARTERLY]: { period: 30, cumulative: 30 } });
  const q3 = provinceWorkbook("2026-Q3", { [QUARTERLY]: { period: 10, cumulative: 10 } });
  expect(checkAgainstPrevious(q3, q2, "2026-Q2.xlsx").filter((f) => f.quotaId === QUARTERLY)).toEqual([]);
});

test("within a quarter a quarterly count runs on: 2026-08's 上期累计 is July's 累计 (30), not 0", () => {
  const july = provinceWorkbook("2026-07", { [QUARTERLY]: { cumulative: 30 } });
  const august = provinceWorkbook("2026-08", { [QUARTERLY]: { previous: 0, period: 35, cumulative: 35 } });
  expect(checkAgainstPrevious(august, july, "2026-07.xlsx").map((f) => [f.rule, f.params])).toEqual([["previous-changed", expect.objectContaining({ expected: 30, found: 0 })]]);
});

test("an every-year count still runs on across the quarters of its year (40 in Q2, 30 in Q3 is a fall)", () => {
  const q2 = provinceWorkbook("2026-Q2", { [ANNUAL]: { cumulative: 40 } });
  const q3 = provinceWorkbook("2026-Q3", { [ANNUAL]: { cumulative: 30 } });
  expect(checkAgainstPrevious(q3, q2, "2026-Q2.xlsx").map((f) => f.rule)).toContain("cumulative-fell");
});

test("in one workbook, a quarterly count's sheet for Q3 below its sheet for Q2 is no decrease", () => {
  const sheets = ([["2026-Q2", 30], ["2026-Q3", 10]] as const).map(([period, figure]) => {
    const built = buildTemplate({ revision, scope: { kind: "province" }, period: parsePeriod(period), generatedAt: "2026-10-02T08:00:00.000Z" });
    const row = built.rowRecords.find((r) => r.quotaId === QUARTERLY)?.row as number;
    gridRow(built.sheet.cells, row - 1)[COLUMN.period] = { value: figure };
    gridRow(built.sheet.cells, row - 1)[COLUMN.cumulative] = { value: figure };
    return built;
  });
  const meta = sheets.reduce((m, built) => withSheetRecords(m, built.sheetRecord, built.rowRecords), EMPTY_META);
  const workbook: WorkbookSnapshot = { sheets: [...sheets.map((b) => specSnapshot(b.sheet)), specSnapshot(metaSheetSpec(metaRows(meta), null))] };
  expect(checkWorkbook(workbook, { revisions: [revision] }).filter((f) => f.rule === "cumulative-decreased")).toEqual([]);
});
