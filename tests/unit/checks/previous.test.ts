import { checkAgainstPrevious, checkWorkbook } from "../../../src/core/checks";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { KIND_LABELS } from "../../../src/core/template";
import { addressOf, city, revision, sheetName, type, workbookOf } from "./fixture";
import { firstReport } from "../../support/report";
import { present } from "../../support/present";

const HANGZHOU = city("杭州市");
const Q2 = { scope: HANGZHOU, period: "2026-Q2" };
const Q3 = { scope: HANGZHOU, period: "2026-Q3" };

/** The first quota row of a kind on the sheet, as the template lays it out. */
function quotaOfKind(snapshot: WorkbookSnapshot, kind: keyof typeof KIND_LABELS): string {
  const row = firstReport(snapshot).rows.find((r) => String(r.values.kind).trim() === KIND_LABELS[kind]);
  if (!row) throw new Error(`no ${kind} quota`);
  return row.quotaId;
}

const rulesOf = (findings: ReturnType<typeof checkAgainstPrevious>) => findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.quotaId]);

describe("checks across two periods' files", () => {
  const q2 = workbookOf([Q2]);
  const cumulative = quotaOfKind(q2, "cumulative");
  const annual = quotaOfKind(q2, "annual");
  const milestone = quotaOfKind(q2, "milestone");

  test("a cumulative that fell since the previous file is an error at its cell", () => {
    const previous = workbookOf([Q2]);
    const current = workbookOf([Q3]);
    type(previous, sheetName(Q2), cumulative, { cumulative: 900 });
    type(current, sheetName(Q3), cumulative, { cumulative: 800 });
    expect(rulesOf(checkAgainstPrevious(current, previous, "q2.xlsx"))).toEqual([
      ["cumulative-fell", "error", sheetName(Q3), addressOf(current, sheetName(Q3), cumulative, "cumulative"), cumulative],
    ]);
    // The one-workbook check cannot see it: the earlier period is in another file.
    expect(checkWorkbook(current, { revisions: [revision] }).filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a cumulative that grew plausibly is no finding", () => {
    const previous = workbookOf([Q2]);
    const current = workbookOf([Q3]);
    type(previous, sheetName(Q2), cumulative, { cumulative: 900 });
    type(current, sheetName(Q3), cumulative, { cumulative: 1200 });
    expect(checkAgainstPrevious(current, previous, "q2.xlsx")).toEqual([]);
  });

  test("an annual figure starts again in January, but not within a year", () => {
    const december = { scope: HANGZHOU, period: "2026-12" };
    const january = { scope: HANGZHOU, period: "2027-01" };
    const november = { scope: HANGZHOU, period: "2026-11" };
    const previous = workbookOf([december]);
    type(previous, sheetName(december), annual, { cumulative: 500 });
    const nextYear = workbookOf([january]);
    type(nextYear, sheetName(january), annual, { cumulative: 20 });
    expect(checkAgainstPrevious(nextYear, previous, "dec.xlsx")).toEqual([]);
    const earlier = workbookOf([november]);
    type(earlier, sheetName(november), annual, { cumulative: 600 });
    expect(rulesOf(checkAgainstPrevious(previous, earlier, "nov.xlsx")).map((f) => f[0])).toEqual(["cumulative-fell"]);
  });

  test("a milestone that went back from 已完成 to 推进中 is an error at its status", () => {
    const previous = workbookOf([Q2]);
    const current = workbookOf([Q3]);
    type(previous, sheetName(Q2), milestone, { status: "已完成" });
    type(current, sheetName(Q3), milestone, { status: "推进中" });
    expect(rulesOf(checkAgainstPrevious(current, previous, "q2.xlsx"))).toEqual([
      ["milestone-went-back", "error", sheetName(Q3), addressOf(current, sheetName(Q3), milestone, "status"), milestone],
    ]);
  });

  test("a jump beyond plausibility is a warning asking for 说明, which clears it", () => {
    const previous = workbookOf([Q2]);
    const current = workbookOf([Q3]);
    type(previous, sheetName(Q2), cumulative, { cumulative: 100 });
    type(current, sheetName(Q3), cumulative, { cumulative: 1000 });
    expect(rulesOf(checkAgainstPrevious(current, previous, "q2.xlsx")).map((f) => f.slice(0, 2))).toEqual([["figure-jumped", "warning"]]);
    type(current, sheetName(Q3), cumulative, { note: "年中集中验收" });
    expect(checkAgainstPrevious(current, previous, "q2.xlsx")).toEqual([]);
  });

  test("a quota of the previous period missing from this one is an error naming it", () => {
    const previous = workbookOf([Q2]);
    const current = workbookOf([Q3]);
    const sheet = present(current.sheets[0], "the sheet");
    const index = sheet.values.findIndex((row) => row[0] === cumulative);
    sheet.values.splice(index, 1);
    sheet.formulas.splice(index, 1);
    const meta = present(current.sheets.at(-1), "the metadata sheet");
    for (const grid of [meta.values, meta.formulas]) {
      const at = grid.findIndex((row) => row.includes(cumulative));
      if (at !== -1) grid.splice(at, 1);
    }
    expect(rulesOf(checkAgainstPrevious(current, previous, "q2.xlsx"))).toContainEqual(["quota-disappeared", "error", sheetName(Q3), null, cumulative]);
  });

  test("a previous file without an earlier period of the same scope is an error, not silence", () => {
    const other = { scope: city("宁波市"), period: "2026-Q2" };
    const findings = checkAgainstPrevious(workbookOf([Q3]), workbookOf([other]), "ningbo.xlsx");
    expect(rulesOf(findings).map((f) => f.slice(0, 2))).toEqual([["previous-not-matching", "error"]]);
    const later = checkAgainstPrevious(workbookOf([Q2]), workbookOf([Q3]), "q3.xlsx");
    expect(later.map((f) => f.rule)).toEqual(["previous-not-matching"]);
  });
});
