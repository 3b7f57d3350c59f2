import { checkWorkbook } from "../../../src/core/checks";
import { PreviousSheetError } from "../../../src/core/shared";
import { nextPeriod, parsePeriod } from "../../../src/core/period";
import { previousReport, readWorkbook, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { buildTemplate, KIND_LABELS } from "../../../src/core/template";
import { addressOf, city, nextWorkbookOf, revision, sheetName, type, workbookOf } from "../checks/fixture";
import { firstReport } from "../../support/report";
import { present } from "../../support/present";

/** Periods follow each other: a period's sheet made from the previous period's returned one. */

const HANGZHOU = city("杭州市");
const at = (period: string) => ({ scope: HANGZHOU, period });

/** The first quota of a kind, with its cadence, on the sheet, still open in 2027 (not closed after its deadline). */
function quotaOf(snapshot: WorkbookSnapshot, kind: keyof typeof KIND_LABELS, cadence?: string): string {
  const open = (q: (typeof revision.quotas)[number]) => q.year === null || q.year >= 2027;
  const ids = new Set(revision.quotas.filter((q) => q.kind === kind && open(q) && (cadence === undefined || q.cadence === cadence)).map((q) => q.id));
  const row = firstReport(snapshot).rows.find((r) => ids.has(r.quotaId) && String(r.values.kind) === KIND_LABELS[kind]);
  if (!row) throw new Error(`no ${kind} quota`);
  return row.quotaId;
}

const valueAt = (snapshot: WorkbookSnapshot, sheet: string, quotaId: string, key: Parameters<typeof addressOf>[3]) => {
  const row = readWorkbook(snapshot).reports.find((r) => r.name === sheet)?.rows.find((r) => r.quotaId === quotaId);
  return row?.values[key];
};
const errorsOf = (snapshot: WorkbookSnapshot) =>
  checkWorkbook(snapshot, { revisions: [revision] })
    .filter((f) => f.severity === "error")
    .map((f) => [f.rule, f.cell, f.quotaId]);

describe("the next period's sheet from the last one", () => {
  const september = workbookOf([at("2026-09")]);
  const annual = quotaOf(september, "annual", "annual");
  const cumulative = quotaOf(september, "cumulative", "once");
  const milestone = quotaOf(september, "milestone");
  type(september, sheetName(at("2026-09")), annual, { period: 3, cumulative: 40, note: "九月说明" });
  type(september, sheetName(at("2026-09")), cumulative, { period: 10, cumulative: 900 });
  type(september, sheetName(at("2026-09")), milestone, { status: "推进中" });
  const october = nextWorkbookOf(september, at("2026-10"));
  const sheet = sheetName(at("2026-10"));

  test("carries each running total's 累计完成 in as 上期累计, and nothing typed into this period's inputs", () => {
    expect(valueAt(october, sheet, annual, "previous")).toBe(40);
    expect(valueAt(october, sheet, cumulative, "previous")).toBe(900);
    for (const key of ["period", "cumulative", "note"] as const) expect(valueAt(october, sheet, annual, key)).toBe("");
  });

  test("carries a milestone's state as its starting state", () => {
    expect(valueAt(october, sheet, milestone, "status")).toBe("推进中");
    expect(valueAt(october, sheet, milestone, "previous")).toBe("");
  });

  test("names the period its 上期累计 came from, in its metadata and in the form's frame with what 累计 counts from", () => {
    const report = firstReport(october);
    expect(report.record.previousPeriod).toBe("2026-09");
    const frame = present(october.sheets[0], "October's sheet").values.slice(0, 5).flat().map(String).join("\n");
    expect(frame).toContain("上期累计取自2026年9月报表");
    expect(frame).toContain("每年类自当年1月起");
    expect(frame).toContain(`累计类自${revision.startYear}年1月起`);
  });

  test("上期累计 is locked: it is not among the cells a person types in", () => {
    const built = buildTemplate({
      revision,
      scope: HANGZHOU,
      period: parsePeriod("2026-10"),
      generatedAt: "",
      previous: previousReport(firstReport(september)),
    });
    const column = addressOf(october, sheet, annual, "previous").replace(/[0-9]+/, "");
    expect(built.sheet.unlocked.some((range) => range.startsWith(column))).toBe(false);
  });

  test("its 填报说明 says what 累计 counts from for each cadence, and which report 上期累计 came from", () => {
    const built = buildTemplate({ revision, scope: HANGZHOU, period: parsePeriod("2026-10"), generatedAt: "", previous: previousReport(firstReport(september)) });
    const text = built.instructions.cells.flat().map((c) => String(c && "value" in c ? (c.value ?? "") : "")).join("\n");
    expect(text).toContain("本表的上期累计取自2026年9月报表");
    expect(text).toContain("累计完成（每年类）");
    expect(text).toContain("累计完成（累计类）");
    expect(text).toContain("本期完成不等于累计减上期累计");
  });

  test("a filled next period with 本期 = 累计 − 上期累计 checks without error", () => {
    const filled = nextWorkbookOf(september, at("2026-10"));
    type(filled, sheet, annual, { period: 5, cumulative: 45 });
    type(filled, sheet, cumulative, { period: 1, cumulative: 901 });
    expect(errorsOf(filled)).toEqual([]);
  });

  test("本期 that is not 累计 − 上期累计 is an error at 本期完成; a figure rounded to fewer decimals is not", () => {
    const filled = nextWorkbookOf(september, at("2026-10"));
    type(filled, sheet, annual, { period: 8, cumulative: 45 });
    expect(errorsOf(filled)).toEqual([["period-not-difference", addressOf(filled, sheet, annual, "period"), annual]]);
    const rounded = nextWorkbookOf(september, at("2026-10"));
    // The 每年 quota counts 万人次, typed with decimals.
    for (const period of [2.7, 2.8, 2.75]) {
      type(rounded, sheet, annual, { period, cumulative: 42.75 });
      expect(errorsOf(rounded)).toEqual([]);
    }
    type(rounded, sheet, annual, { period: 2.9, cumulative: 42.75 });
    expect(errorsOf(rounded).map((f) => f[0])).toEqual(["period-not-difference"]);
  });

  test("a 累计 below 上期累计 has fallen since the previous period", () => {
    const filled = nextWorkbookOf(september, at("2026-10"));
    type(filled, sheet, cumulative, { cumulative: 800 });
    expect(errorsOf(filled)).toEqual([["cumulative-fell", addressOf(filled, sheet, cumulative, "cumulative"), cumulative]]);
  });

  test("a 上期累计 typed over is an error naming the figure carried in", () => {
    const filled = nextWorkbookOf(september, at("2026-10"));
    type(filled, sheet, cumulative, { previous: 100, period: 10, cumulative: 110 });
    const found = checkWorkbook(filled, { revisions: [revision] }).filter((f) => f.severity === "error");
    expect(found.map((f) => [f.rule, f.cell, f.params])).toEqual([
      ["previous-changed", addressOf(filled, sheet, cumulative, "previous"), { expected: 900, found: 100, previousPeriod: "2026-09" }],
    ]);
  });

  test("is refused from another scope's sheet or from a sheet not of an earlier period", () => {
    const report = firstReport(september);
    const request = { revision, generatedAt: "", previous: previousReport(report, "九月.xlsx") };
    expect(() => buildTemplate({ ...request, scope: city("宁波市"), period: parsePeriod("2026-10") })).toThrow(PreviousSheetError);
    expect(() => buildTemplate({ ...request, scope: HANGZHOU, period: parsePeriod("2026-09") })).toThrow(/九月\.xlsx.*2026-09/);
  });

  test("made again (regenerated), the sheet keeps its 上期累计 and where it came from", () => {
    const report = firstReport(october);
    type(october, sheet, annual, { period: 5, cumulative: 45 });
    const again = buildTemplate({
      revision,
      scope: HANGZHOU,
      period: parsePeriod("2026-10"),
      generatedAt: "",
      carried: { rows: previousReport(firstReport(october)).rows, signature: {}, previousPeriod: report.record.previousPeriod },
    });
    expect(again.sheetRecord.previousPeriod).toBe("2026-09");
    expect(again.rowRecords.find((r) => r.quotaId === cumulative)?.previous).toBe(900);
  });
});

describe("the year boundary", () => {
  test("2026-12 → 2027-01: a 每年 quota's 上期累计 starts again at 0, a multi-year running total carries on", () => {
    const december = workbookOf([at("2026-12")]);
    const annual = quotaOf(december, "annual", "annual");
    const cumulative = quotaOf(december, "cumulative", "once");
    type(december, sheetName(at("2026-12")), annual, { period: 4, cumulative: 48 });
    type(december, sheetName(at("2026-12")), cumulative, { period: 10, cumulative: 1200 });
    const january = nextWorkbookOf(december, at("2027-01"));
    const sheet = sheetName(at("2027-01"));
    expect(valueAt(january, sheet, annual, "previous")).toBe(0);
    expect(valueAt(january, sheet, cumulative, "previous")).toBe(1200);
    // January's 累计 of a 每年 quota is January's own: 本期 = 累计.
    type(january, sheet, annual, { period: 3, cumulative: 3 });
    type(january, sheet, cumulative, { period: 20, cumulative: 1220 });
    expect(errorsOf(january)).toEqual([]);
    type(january, sheet, annual, { period: 3, cumulative: 51 });
    expect(errorsOf(january).map((f) => f[0])).toEqual(["period-not-difference"]);
  });

  test("2026-Q4 → 2027-Q1 for quarterly reports, and a gap of periods across the year end resets too", () => {
    const q4 = workbookOf([at("2026-Q4")]);
    const annual = quotaOf(q4, "annual", "annual");
    const cumulative = quotaOf(q4, "cumulative", "once");
    type(q4, sheetName(at("2026-Q4")), annual, { cumulative: 48 });
    type(q4, sheetName(at("2026-Q4")), cumulative, { cumulative: 1200 });
    const q1 = nextWorkbookOf(q4, at("2027-Q1"));
    expect(valueAt(q1, sheetName(at("2027-Q1")), annual, "previous")).toBe(0);
    expect(valueAt(q1, sheetName(at("2027-Q1")), cumulative, "previous")).toBe(1200);
    const november = workbookOf([at("2026-11")]);
    type(november, sheetName(at("2026-11")), annual, { cumulative: 44 });
    const february = nextWorkbookOf(november, at("2027-02"));
    expect(valueAt(february, sheetName(at("2027-02")), annual, "previous")).toBe(0);
  });

  test("without a previous file, a 每年 quota's 上期累计 is 0 in January and Q1 only; a multi-year one's is unknown", () => {
    for (const [period, expected] of [["2027-01", 0], ["2027-Q1", 0], ["2027-02", ""], ["2027-Q2", ""]] as const) {
      const snapshot = workbookOf([at(period)]);
      expect([period, valueAt(snapshot, sheetName(at(period)), quotaOf(snapshot, "annual", "annual"), "previous")]).toEqual([period, expected]);
      expect(valueAt(snapshot, sheetName(at(period)), quotaOf(snapshot, "cumulative", "once"), "previous")).toBe("");
    }
  });

  test("the next period after December is January of the next year, after Q4 the next year's Q1", () => {
    expect(nextPeriod(parsePeriod("2026-12"))).toEqual(parsePeriod("2027-01"));
    expect(nextPeriod(parsePeriod("2026-Q4"))).toEqual(parsePeriod("2027-Q1"));
    expect(nextPeriod(parsePeriod("2026-09"))).toEqual(parsePeriod("2026-10"));
  });
});
