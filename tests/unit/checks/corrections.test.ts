/**
 * A correction to a past period is an explicit act logged in 修改记录 with both values, and what it
 * changes flows on: the next period's 上期累计 no longer matches the corrected report (a
 * previous-changed finding naming the correction) until that is brought in line, a change logged
 * in turn, which its own check then accepts.
 */
import { type CellChange, CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRow, checkAgainstPrevious, checkWorkbook, correctionOf, previousRefresh } from "../../../src/core/checks";
import { CorrectionError } from "../../../src/core/shared";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { KIND_LABELS } from "../../../src/core/template";
import { addressOf, city, nextWorkbookOf, revision, setCell, sheetName, type, workbookOf } from "./fixture";
import { firstReport } from "../../support/report";

const HANGZHOU = city("杭州市");
const at = (period: string) => ({ scope: HANGZHOU, period });
const FEB = sheetName(at("2026-02"));
const MAR = sheetName(at("2026-03"));

/** The first quota of a kind still open in 2027 on the sheet. */
function quotaOf(snapshot: WorkbookSnapshot, kind: keyof typeof KIND_LABELS, cadence?: string): string {
  const ids = new Set(revision.quotas.filter((q) => q.kind === kind && (q.year === null || q.year >= 2027) && (cadence === undefined || q.cadence === cadence)).map((q) => q.id));
  const row = firstReport(snapshot).rows.find((r) => ids.has(r.quotaId) && String(r.values.kind) === KIND_LABELS[kind]);
  if (!row) throw new Error(`no ${kind} quota`);
  return row.quotaId;
}

/** Applies changes to a snapshot and logs them in its 修改记录, as `planbook correct` writes them. */
function corrected(snapshot: WorkbookSnapshot, changes: CellChange[], when: string): WorkbookSnapshot {
  const copy: WorkbookSnapshot = structuredClone(snapshot);
  for (const change of changes) setCell(copy, change.sheet, change.cell, change.after);
  const rows = changes.map((change) => changeLogRow({ ...change, at: when, reason: "更正" }));
  copy.sheets.push({ name: CHANGE_LOG_SHEET, visibility: "Hidden", protected: true, values: [CHANGE_LOG_HEADER, ...rows], formulas: [CHANGE_LOG_HEADER, ...rows] });
  return copy;
}

const february = workbookOf([at("2026-02")]);
const RUNNING = quotaOf(february, "cumulative", "once");
type(february, FEB, RUNNING, { period: 900, cumulative: 900 });
const march = nextWorkbookOf(february, at("2026-03"));
type(march, MAR, RUNNING, { period: 50, cumulative: 950 });

describe("a correction to a past period", () => {
  test("says each cell it changes with what it holds and what it will", () => {
    expect(correctionOf(february, { quotaId: RUNNING, values: { cumulative: 920, period: 920 } }, "2月.xlsx")).toEqual([
      { sheet: FEB, cell: addressOf(february, FEB, RUNNING, "period"), quotaId: RUNNING, before: 900, after: 920 },
      { sheet: FEB, cell: addressOf(february, FEB, RUNNING, "cumulative"), quotaId: RUNNING, before: 900, after: 920 },
    ]);
  });

  test("changes nothing where the figure already is the one given", () => {
    expect(correctionOf(february, { quotaId: RUNNING, values: { cumulative: 900 } }, "2月.xlsx")).toEqual([]);
  });

  test("of a quota the file does not have is refused naming the file and the quota", () => {
    expect(() => correctionOf(february, { quotaId: "I99-不存在", values: { cumulative: 1 } }, "2月.xlsx")).toThrow(CorrectionError);
    expect(() => correctionOf(february, { quotaId: "I99-不存在", values: { cumulative: 1 } }, "2月.xlsx")).toThrow(/「2月\.xlsx」.*I99-不存在.*\/ cannot correct/);
  });

  test("of a ratio's 累计完成, a formula, is refused: its figures are corrected instead", () => {
    const ratio = firstReport(february).rows.find((r) => String(r.values.kind) === KIND_LABELS.ratio && String(r.formulas.cumulative ?? "").startsWith("="));
    expect(ratio).toBeDefined();
    expect(() => correctionOf(february, { quotaId: ratio?.quotaId ?? "", values: { cumulative: 0.5 } }, "2月.xlsx")).toThrow(/是公式/);
  });
});

describe("the next period after a correction", () => {
  const changes = correctionOf(february, { quotaId: RUNNING, values: { cumulative: 920, period: 920 } }, "2月.xlsx");
  const februaryCorrected = corrected(february, changes, "2026-04-02T08:00:00.000Z");
  const previousCell = addressOf(march, MAR, RUNNING, "previous");

  test("no longer matches it: previous-changed at its 上期累计, naming the logged correction", () => {
    const found = checkAgainstPrevious(march, februaryCorrected, "2月.xlsx").filter((f) => f.rule === "previous-changed");
    expect(found.map((f) => [f.cell, f.params])).toEqual([
      [previousCell, { expected: 920, found: 900, previousPeriod: "2026-02", correctedAt: "2026-04-02T08:00:00.000Z", correctedFrom: 900 }],
    ]);
  });

  test("a previous report changed without a logged correction is still found, said as unlogged", () => {
    const edited = structuredClone(february);
    type(edited, FEB, RUNNING, { cumulative: 920 });
    const found = checkAgainstPrevious(march, edited, "2月.xlsx").filter((f) => f.rule === "previous-changed");
    expect(found.map((f) => [f.cell, f.params.correctedAt])).toEqual([[previousCell, ""]]);
  });

  test("is brought in line by one change to its 上期累计", () => {
    expect(previousRefresh(march, februaryCorrected, "2月.xlsx")).toEqual([{ sheet: MAR, cell: previousCell, quotaId: RUNNING, before: 900, after: 920 }]);
  });

  test("once that change is logged, its own check accepts the new 上期累计 and asks 本期 = 累计 − 上期累计 again", () => {
    const inLine = corrected(march, previousRefresh(march, februaryCorrected, "2月.xlsx"), "2026-04-02T09:00:00.000Z");
    const errors = checkWorkbook(inLine, { revisions: [revision] }).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.cell])).toEqual([["period-not-difference", addressOf(inLine, MAR, RUNNING, "period")]]);
    expect(checkAgainstPrevious(inLine, februaryCorrected, "2月.xlsx").filter((f) => f.rule === "previous-changed")).toEqual([]);
  });

  test("the same 上期累计 typed over without a log entry stays an error", () => {
    const typedOver = structuredClone(march);
    setCell(typedOver, MAR, previousCell, 920);
    expect(checkWorkbook(typedOver, { revisions: [revision] }).filter((f) => f.rule === "previous-changed").map((f) => f.cell)).toEqual([previousCell]);
  });
});

test("across a year boundary a 每年 quota's 上期累计 stays 0 whatever December says", () => {
  const december = workbookOf([at("2026-12")]);
  const annual = quotaOf(december, "annual", "annual");
  type(december, sheetName(at("2026-12")), annual, { cumulative: 48 });
  const january = nextWorkbookOf(december, at("2027-01"));
  const decemberCorrected = corrected(december, correctionOf(december, { quotaId: annual, values: { cumulative: 50 } }, "12月.xlsx"), "2027-01-10T08:00:00.000Z");
  expect(previousRefresh(january, decemberCorrected, "12月.xlsx").filter((c) => c.quotaId === annual)).toEqual([]);
  expect(checkAgainstPrevious(january, decemberCorrected, "12月.xlsx").filter((f) => f.rule === "previous-changed" && f.quotaId === annual)).toEqual([]);
});
