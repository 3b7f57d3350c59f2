/**
 * The Office.js path: each case's city returns (real .xlsx files, filled by another program) merged
 * by the pane's merge into the in-memory Excel host, which evaluates the summary's formulas — and
 * 汇总 held to the same table as the LibreOffice round trip.
 */
import { createExcelHost } from "@planbook/excel-host";
import { PROVINCE_SHEET } from "../../../src/core/merge";
import { mergeWorkbooks } from "../../../src/excel/merge";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { SUMMARY_CASES, type SummaryCase, summaryExpected, summaryShown } from "../../fixtures/summary-expectations";
import { cityFile } from "../merge/files";
import { provinceSplitRevision } from "../../support/plan";

const revision = provinceSplitRevision();
const computed = new Map<SummaryCase, SummaryCase["expected"]>();

beforeAll(async () => {
  for (const c of SUMMARY_CASES) {
    const files = await Promise.all(Object.entries(c.typed).map(([city, typed]) => cityFile(`${city}.xlsx`, revision, city, typed, { period: c.period })));
    const read = await readMergeFiles(files);
    const host = createExcelHost();
    await host.run((context) => mergeWorkbooks(context, { revision, period: c.period, files: read, now: new Date("2026-11-05T09:00:00.000Z") }));
    const line = host.values(PROVINCE_SHEET, "A1:K60").find((row) => row[0] === c.quotaId);
    if (!line) throw new Error(`no 汇总 row for ${c.quotaId}`);
    computed.set(c, summaryShown(line));
  }
}, 120_000);

describe("汇总 computed by the in-memory Excel host after the pane's merge", () => {
  test.each(SUMMARY_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(computed.get(c)).toEqual(summaryExpected(c));
  });
});
