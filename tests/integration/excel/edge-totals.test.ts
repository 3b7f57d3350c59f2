/**
 * The Office.js path of issue 26's edges: each case's returned files (real .xlsx, filled by
 * ExcelJS) merged by the pane's merge into the in-memory Excel host, which evaluates the summary's
 * formulas — held to the same table as the LibreOffice round trip. Ticking every file is the
 * pane's acceptance of files with errors.
 */
import { createExcelHost } from "@planbook/excel-host";
import { loadCounties } from "../../../src/cli/io";
import { PROVINCE_SHEET } from "../../../src/core/merge";
import { mergeWorkbooks } from "../../../src/excel/merge";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { EDGE_TOTAL_CASES, fileName, mergeSaid } from "../../fixtures/edge-totals-expectations";
import { summaryShown } from "../../fixtures/summary-expectations";
import { currentRevision } from "../../support/plan";
import { reportFile } from "../merge/files";

const revision = currentRevision();
const geography = loadCounties();

describe("totals at the edges, computed by the in-memory Excel host after the pane's merge", () => {
  test.each(EDGE_TOTAL_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const files = await Promise.all(
      Object.entries(c.typed).map(([place, typed]) =>
        reportFile(fileName(place), revision, c.level === "city" ? { kind: "city", city: place } : { kind: "county", county: place }, typed, { period: c.period, geography }),
      ),
    );
    const read = await readMergeFiles(files);
    const host = createExcelHost();
    const names = read.map((f) => f.name);
    const result = await host.run((context) =>
      mergeWorkbooks(context, { revision, period: c.period, files: read, geography, now: new Date("2026-11-05T09:00:00.000Z"), ...(c.acceptErrors ? { decide: () => names } : {}) }),
    );
    const line = host.values(PROVINCE_SHEET, "A1:K80").find((row) => row[0] === c.quotaId);
    expect({ line: line ? summaryShown(line) : null, ...mergeSaid(c, result.plan) }).toEqual({
      line: summaryShown(["", "", "", "", c.expected.total, "", c.expected.completion, c.expected.progress, c.expected.state, c.expected.lagging]),
      findings: c.findings,
      rejected: c.rejected,
    });
  }, 60_000);
});
