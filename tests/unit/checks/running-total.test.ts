import { checkAgainstPrevious, checkWorkbook, runningTotalFell } from "../../../src/core/checks";
import { findingMessage } from "../../../src/core/findings";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { KIND_LABELS } from "../../../src/core/template";
import { firstReport } from "../../support/report";
import { addressOf, city, nextWorkbookOf, revision, sheetName, type, workbookOf } from "./fixture";

/** "A running total fell" is one rule: the same figures give the same finding wherever it is asked. */

const HANGZHOU = city("杭州市");
const SEPTEMBER = { scope: HANGZHOU, period: "2026-09" };
const OCTOBER = { scope: HANGZHOU, period: "2026-10" };

function cumulativeQuota(snapshot: WorkbookSnapshot): string {
  const ids = new Set(revision.quotas.filter((q) => q.kind === "cumulative" && q.cadence === "once" && (q.year === null || q.year >= 2027)).map((q) => q.id));
  const row = firstReport(snapshot).rows.find((r) => ids.has(r.quotaId) && String(r.values.kind) === KIND_LABELS.cumulative);
  if (!row) throw new Error("no cumulative quota");
  return row.quotaId;
}

describe("the rule", () => {
  const figure = { running: true, sameCycle: true, cumulative: 800, before: 900 };
  test.each([
    ["below the earlier figure", figure, true],
    ["equal to it (no fall)", { ...figure, cumulative: 900 }, false],
    ["a hair below it", { ...figure, cumulative: 899.999 }, true],
    ["above it", { ...figure, cumulative: 901 }, false],
    ["no earlier figure", { ...figure, before: null }, false],
    ["a share, a ratio or a milestone (not a running total)", { ...figure, running: false }, false],
    ["a cycle that started again (a 每年 figure in January)", { ...figure, sameCycle: false }, false],
  ])("%s", (_what, given, fell) => {
    expect(runningTotalFell(given)).toBe(fell);
  });
});

describe("one fall, 900 in September to 800 in October", () => {
  const september = workbookOf([SEPTEMBER]);
  const quota = cumulativeQuota(september);
  type(september, sheetName(SEPTEMBER), quota, { cumulative: 900 });
  const said = (f: { rule: string; severity: string; cell: string | null; params: unknown }) => ({ rule: f.rule, severity: f.severity, cell: f.cell, params: f.params });

  test("within the sheet (against its 上期累计) and across files (check --previous) is the same finding, with the same message", () => {
    const carried = nextWorkbookOf(september, OCTOBER);
    type(carried, sheetName(OCTOBER), quota, { cumulative: 800 });
    const within = checkWorkbook(carried, { revisions: [revision] }).filter((f) => f.rule === "cumulative-fell");
    const fresh = workbookOf([OCTOBER]);
    type(fresh, sheetName(OCTOBER), quota, { cumulative: 800 });
    const across = checkAgainstPrevious(fresh, september, "2026-09.xlsx").filter((f) => f.rule === "cumulative-fell");
    const cell = addressOf(fresh, sheetName(OCTOBER), quota, "cumulative");
    expect(within.map(said)).toEqual([{ rule: "cumulative-fell", severity: "error", cell, params: { cumulative: 800, before: 900, previousPeriod: "2026-09" } }]);
    expect(across.map(said)).toEqual(within.map(said));
    expect(across.map((f) => findingMessage(f))).toEqual(within.map((f) => findingMessage(f)));
    // Carried in, the fall is the sheet's own finding: across files it is not said twice.
    expect(checkAgainstPrevious(carried, september, "2026-09.xlsx").filter((f) => f.rule === "cumulative-fell")).toEqual([]);
  });

  test("against an earlier sheet of the same workbook it is the same fall, a warning naming that sheet", () => {
    const both = workbookOf([SEPTEMBER, OCTOBER]);
    type(both, sheetName(SEPTEMBER), quota, { cumulative: 900 });
    type(both, sheetName(OCTOBER), quota, { cumulative: 800 });
    const found = checkWorkbook(both, { revisions: [revision] }).filter((f) => f.rule === "cumulative-decreased");
    expect(found.map(said)).toEqual([
      { rule: "cumulative-decreased", severity: "warning", cell: addressOf(both, sheetName(OCTOBER), quota, "cumulative"), params: { cumulative: 800, before: 900, sheet: sheetName(SEPTEMBER) } },
    ]);
  });
});
