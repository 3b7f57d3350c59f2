/**
 * A sheet of 100× the province's rows (8,200 quotas) is read back in blocks that each stay under
 * Excel on the web's 5 MB response limit: 校验, live checking and regenerating work on it, with a
 * few more syncs than a small sheet (one per ~4 MB read), never one per row.
 */
import { columnLetter } from "../../../src/core/snapshot";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN, partsOf } from "../../../src/core/template";
import { runAudit } from "../../../src/excel/audit";
import { generateTemplate } from "../../../src/excel/generate";
import { startLiveChecking } from "../../../src/excel/live";
import type { Finding } from "../../../src/core/findings";
import { createExcelHost, EXCEL_WEB_PAYLOAD_LIMIT_BYTES, type ExcelHost } from "@planbook/excel-host";
import { currentRevision } from "../../support/plan";
import { scaledRevision } from "../../../scripts/workloads";

const revision = scaledRevision(currentRevision(), 100);
const period = parsePeriod("2026-10");
const SHEET = "全省 2026-10";
// The last count still open in 2026 (a quota past its last deadline asks for nothing).
const lastQuota = revision.quotas.filter((q) => q.kind === "cumulative" && (q.year ?? 0) >= period.year).at(-1)?.id ?? "";

/** Enough rows to hold every quota, a ratio's two figure rows and the section and signature rows. */
const sheetRows = revision.quotas.length + revision.quotas.flatMap(partsOf).length + 200;

let host: ExcelHost;
let lastRow: number;
const cumulative = (row: number): string => `${columnLetter(COLUMN.cumulative)}${row}`;
const generate = () => host.run((context) => generateTemplate(context, { revision, scope: { kind: "province" }, period }));

beforeAll(async () => {
  host = createExcelHost();
  await generate();
  lastRow = host.values(SHEET, `A1:A${sheetRows}`).findIndex(([id]) => id === lastQuota) + 1;
  await host.userEdit(SHEET, cumulative(lastRow), [["1,500"]], { paste: true });
}, 120_000);

describe("校验 on a sheet of 8,200 quota rows", () => {
  let findings: Finding[];
  let syncs: number;

  beforeAll(async () => {
    host.stats.resetSyncs();
    findings = (await host.run((context) => runAudit(context, { revisions: [revision] }))).findings;
    syncs = host.stats.syncs;
  }, 120_000);

  test("finds the bad value in the last quota row", () => {
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["not-a-number", cumulative(lastRow)]]);
  });

  test("no response passes Excel on the web's limit", () => {
    expect(host.stats.maxResponseBytes).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
  });

  test("takes a handful of syncs (one per ~4 MB read), not one per row", () => {
    expect(syncs).toBeLessThanOrEqual(8);
  });
});

describe("live checking on a sheet of 8,200 quota rows", () => {
  test("a value typed in the last row is checked at once", async () => {
    const reports: Finding[][] = [];
    const errors: unknown[] = [];
    const live = await startLiveChecking(host.run.bind(host), {
      revisions: [revision],
      onFindings: (_sheet, _rows, found) => reports.push(found),
      onError: (error) => errors.push(error),
    });
    await host.userEdit(SHEET, cumulative(lastRow), [[-3]], { paste: true });
    await host.settled();
    await live.idle();
    await live.stop();
    expect({ errors, rules: reports.at(-1)?.map((f) => f.rule) }).toEqual({ errors: [], rules: ["negative"] });
  }, 120_000);
});

describe("regenerating a sheet of 8,200 quota rows", () => {
  test("keeps the value typed in its last row", async () => {
    await host.userEdit(SHEET, cumulative(lastRow), [[1500]], { paste: true });
    await generate();
    const row = host.values(SHEET, `A1:A${sheetRows}`).findIndex(([id]) => id === lastQuota) + 1;
    expect(host.values(SHEET, cumulative(row))[0]?.[0]).toBe(1500);
  }, 120_000);
});
