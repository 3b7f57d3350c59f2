import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../../src/core/checks";
import { parsePeriod } from "../../../src/core/period";
import { carriedInputs, previousReport, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { buildTemplate, COLUMN, KIND_LABELS } from "../../../src/core/template";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { quotasInScope } from "../../../src/core/plan";
import { type } from "../../unit/checks/fixture";
import { currentRevision } from "../../support/plan";
import { firstReport } from "../../support/report";

/**
 * Sheets made before 上期累计 (tests/fixtures/format-2, made by that day's `planbook template`):
 * read by their own header, they still check, upgrade and start the next period.
 */

const FIXTURES = path.join(__dirname, "..", "..", "fixtures", "format-2");
const revision = currentRevision();

async function format2(file: string): Promise<{ snapshot: WorkbookSnapshot; sheet: string }> {
  const snapshot = await readWorkbookFile(readFileSync(path.join(FIXTURES, file)));
  return { snapshot, sheet: firstReport(snapshot).name };
}

/** A quota of a kind still open in 2027 on the sheet, and on today's 杭州市 sheet too. */
function quotaOf(snapshot: WorkbookSnapshot, kind: keyof typeof KIND_LABELS): string {
  const today = quotasInScope(revision, { kind: "city", city: "杭州市" });
  const open = new Set(today.filter((q) => q.kind === kind && (q.year === null || q.year >= 2027)).map((q) => q.id));
  const row = firstReport(snapshot).rows.find((r) => open.has(r.quotaId));
  if (!row) throw new Error(`no ${kind} quota`);
  return row.quotaId;
}

describe("a 杭州市 sheet of format 2 (no 上期累计)", () => {
  test("is read by its own header: its figures are where it put them, and it has no 上期累计 column", async () => {
    const { snapshot } = await format2("杭州市-2026-09.xlsx");
    const report = firstReport(snapshot);
    expect(report.columns.previous).toBeUndefined();
    expect(report.columns.cumulative).toBe(COLUMN.cumulative - 1);
    expect(report.generated.previous).toBe(-1);
  });

  test("filled, checks with only the outdated warning: no missing column, no changed formula", async () => {
    const { snapshot, sheet } = await format2("杭州市-2026-09.xlsx");
    type(snapshot, sheet, quotaOf(snapshot, "cumulative"), { period: 10, cumulative: 900 });
    const findings = checkWorkbook(snapshot, { revisions: [revision] });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.map((f) => f.rule)).toContain("sheet-outdated");
    expect(findings.map((f) => f.rule)).not.toContain("column-missing");
  });

  test("upgrades to today's layout with what was typed, and starts the next period with its 累计 as 上期累计", async () => {
    const { snapshot, sheet } = await format2("杭州市-2026-09.xlsx");
    const cumulative = quotaOf(snapshot, "cumulative");
    type(snapshot, sheet, cumulative, { period: 10, cumulative: 900, note: "九月" });
    const report = firstReport(snapshot);
    const upgraded = buildTemplate({ revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-09"), generatedAt: "", carried: carriedInputs(report) });
    const row = upgraded.rowRecords.find((r) => r.quotaId === cumulative)?.row as number;
    expect(upgraded.sheet.cells[row - 1]?.[COLUMN.cumulative]).toEqual({ value: 900 });
    expect(upgraded.sheet.cells[row - 1]?.[COLUMN.note]).toEqual({ value: "九月" });
    const next = buildTemplate({ revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10"), generatedAt: "", previous: previousReport(report) });
    expect(next.rowRecords.find((r) => r.quotaId === cumulative)?.previous).toBe(900);
    expect(next.sheetRecord.previousPeriod).toBe("2026-09");
  });
});
