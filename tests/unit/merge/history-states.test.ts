/**
 * 进度's 状态 per period, for every kind of quota, at the province and at a city: the same
 * expectations as the report's own 状态 (tests/fixtures/reporting-expectations.ts, as 进度 lines in
 * tests/fixtures/history-cases.ts). Recalculated by HyperFormula, the engine of the in-memory Excel
 * host (whose own test, tests/integration/excel/history.test.ts, holds it to the same states).
 */
import { HyperFormula } from "hyperformula";
import { buildProgress, canMerge, LAG_TITLE, planHistory, PROGRESS_SHEET, provinceRollup } from "../../../src/core/merge";
import { type CellValue, gridToFormulas, MILESTONE_STATUSES } from "../../../src/core/template";
import { HISTORY_CASES, STALL, caseFiles, caseScope, revisionOf, stallFiles } from "../../fixtures/history-cases";
import type { ReportingCase } from "../../fixtures/reporting-expectations";
import { currentRevision, quotaKindsRevision } from "../../support/plan";
import { cityWorkbook } from "./fixture";
import { gridRow, present } from "../../support/present";

const revisions = { seed: currentRevision(), "quota-kinds": quotaKindsRevision() };

/** The 进度 sheet of one period's files, recalculated: each line's state, by quota and scope. */
function progressStates(c: ReportingCase): Map<string, CellValue> {
  const revision = revisionOf(c);
  const plan = canMerge(caseFiles(c), { revision, period: c.period, acceptErrors: true, rollup: provinceRollup(revision) });
  // Only the errors the case's figures have by design are left out (a 分子 without its 分母).
  expect({ rejected: plan.rejected.map((r) => r.file.name), excluded: plan.accepted.flatMap((a) => a.excluded.map((e) => e.finding.rule)) }).toEqual({ rejected: [], excluded: c.errors ?? [] });
  const built = buildProgress([{ period: c.period, accepted: plan.accepted }], { revision });
  const engine = HyperFormula.buildFromSheets({ [PROGRESS_SHEET]: gridToFormulas(built.sheet.cells) }, { licenseKey: "gpl-v3" });
  const header = gridRow(built.sheet.cells, 2).map((spec) => (spec && "value" in spec ? spec.value : null));
  const stateColumn = header.indexOf(`状态 ${c.period}`);
  const states = new Map<string, CellValue>();
  built.sheet.cells.forEach((row, r) => {
    const id = row[0] && "value" in row[0] ? row[0].value : null;
    const scope = row[3] && "value" in row[3] ? row[3].value : null;
    if (r > 2 && id !== null && scope !== null) states.set(`${String(id)}|${String(scope)}`, engine.getCellValue({ sheet: 0, row: r, col: stateColumn }) as CellValue);
  });
  engine.destroy();
  return states;
}

describe("进度's 状态 is the report's, for every kind of quota", () => {
  test.each(HISTORY_CASES.map((c) => [`${caseScope(c)}: ${c.name}`, c] as const))("%s", (_name, c) => {
    expect(progressStates(c).get(`${c.quotaId}|${caseScope(c)}`)).toBe(c.expected.state);
  });
});

describe("进度 shows when a line started to lag", () => {
  const revision = revisions.seed;
  const quotaId = STALL.quotaId;
  /**
   * 杭州市's path runs from 700 (end of 2025) to 1500 (end of 2027), 33⅓ a month; more than 10 % of
   * 1500 behind it is 滞后: 715 is within that until April (733⅓ expected) and behind from May (866⅔).
   */
  const periods = Object.keys(STALL.figures);
  const plan = planHistory(stallFiles(), { revision });
  const built = buildProgress(plan.periods, { revision });
  const engine = HyperFormula.buildFromSheets({ [PROGRESS_SHEET]: gridToFormulas(built.sheet.cells) }, { licenseKey: "gpl-v3" });
  const header = gridRow(built.sheet.cells, 2).map((spec) => (spec && "value" in spec ? spec.value : null));
  const row = built.sheet.cells.findIndex((cells) => cells[0] && "value" in cells[0] && cells[0].value === quotaId && cells[3] && "value" in cells[3] && cells[3].value === "杭州市");
  const valueAt = (title: string): CellValue => engine.getCellValue({ sheet: 0, row, col: header.indexOf(title) }) as CellValue;

  test("its states per period turn 滞后 where the path outruns the figure", () => {
    expect(periods.map((p) => valueAt(`状态 ${p}`))).toEqual(STALL.states);
  });

  test("the lag column names the period the current run of 滞后 began in", () => {
    expect(valueAt(LAG_TITLE)).toBe(STALL.lagStart);
  });

  test("a line behind from the start lags from the first period: the province, whose other cities did not report", () => {
    const province = built.sheet.cells.findIndex((cells) => cells[0] && "value" in cells[0] && cells[0].value === quotaId && cells[3] && "value" in cells[3] && cells[3].value === "全省");
    expect(engine.getCellValue({ sheet: 0, row: province, col: header.indexOf(LAG_TITLE) })).toBe("2026-01");
  });
});

describe("a milestone's province status is rolled up from its cities' statuses", () => {
  const revision = revisions.seed;
  const quotaId = "I03-社会化培训激励政策-2027";
  const period = "2026-06";
  /** 2026-06 is half-way through the milestone's time (18 of 36 months). */
  function states(statuses: string[]): { province: CellValue[]; city: CellValue[] } {
    const files = statuses.map((status, i) => {
      const city = present(revision.cities[i], `city #${i + 1} of the plan`);
      return { name: `${city}.xlsx`, snapshot: cityWorkbook(city, { [quotaId]: { status } }, { revision, period }) };
    });
    const built = buildProgress([{ period, accepted: canMerge(files, { revision, period, rollup: provinceRollup(revision) }).accepted }], { revision });
    const engine = HyperFormula.buildFromSheets({ [PROGRESS_SHEET]: gridToFormulas(built.sheet.cells) }, { licenseKey: "gpl-v3" });
    const header = gridRow(built.sheet.cells, 2).map((spec) => (spec && "value" in spec ? spec.value : null));
    const line = (scope: string): CellValue[] => {
      const row = built.sheet.cells.findIndex((cells) => cells[0] && "value" in cells[0] && cells[0].value === quotaId && cells[3] && "value" in cells[3] && cells[3].value === scope);
      return [period, `状态 ${period}`].map((title) => engine.getCellValue({ sheet: 0, row, col: header.indexOf(title) }) as CellValue);
    };
    return { province: line("全省"), city: line(present(revision.cities[1], "the plan's second city")) };
  }

  test("one city done and one not started: 推进中 over the province, on track half-way", () => {
    expect(states([MILESTONE_STATUSES[2], MILESTONE_STATUSES[0]]).province).toEqual(["1/2", "正常"]);
  });

  test("none started half-way through: the province and the city are 滞后", () => {
    expect(states([MILESTONE_STATUSES[0], MILESTONE_STATUSES[0]])).toEqual({ province: ["0/2", "滞后"], city: [MILESTONE_STATUSES[0], "滞后"] });
  });

  test("every city done: the province is 已完成", () => {
    expect(states([MILESTONE_STATUSES[2], MILESTONE_STATUSES[2]]).province).toEqual(["2/2", "已完成"]);
  });
});
