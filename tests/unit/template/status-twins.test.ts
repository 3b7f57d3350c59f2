/**
 * Every 状态 rule is written twice: as the formula a sheet computes (so it stays live without the
 * add-in) and as the TypeScript that decides the same thing from figures (a check's warning, the
 * 通报, a parent's return). Here each formula is evaluated by HyperFormula, the in-memory Excel's
 * engine, over a grid of values exactly at, just above and just below each threshold of
 * STATUS_THRESHOLDS, and must give what its twin gives — and the thresholds themselves are pinned.
 */
import { HyperFormula } from "hyperformula";
import type { Quota } from "../../../src/core/plan";
import {
  MILESTONE_STATUSES,
  STATES,
  STATUS_THRESHOLDS,
  type CellValue,
  completionOf,
  isLagging,
  milestoneState,
  milestoneStateFormula,
  quotaCompletionFormula,
  quotaState,
  quotaStateFormula,
  rolledUpStatus,
  rolledUpStatusFormula,
} from "../../../src/core/template";

type Rule = Pick<Quota, "kind" | "comparator">;

/** Evaluates one formula a row, over the row's inputs in A, B, C…: what the sheet shows in each row. */
function evaluate(rows: { inputs: CellValue[]; formula: string }[]): CellValue[] {
  const width = Math.max(...rows.map((r) => r.inputs.length));
  const sheet = rows.map((r) => [...r.inputs.map((v) => v ?? ""), ...Array<string>(width - r.inputs.length).fill(""), r.formula.startsWith("=") ? r.formula : `=${r.formula}`]);
  const engine = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
  const values = rows.map((_, row) => engine.getCellValue({ sheet: 0, row, col: width }) as CellValue);
  engine.destroy();
  return values;
}

/** A blank formula result ("") and a twin's null are the same: nothing shown. */
const shown = (value: CellValue | undefined): CellValue => (value === null || value === undefined ? "" : value);

const { behindBy, approximateTolerance, notStartedBehindFrom, underWayBehindFrom } = STATUS_THRESHOLDS;
const NUDGE = 1e-9;
const around = (threshold: number): number[] => [threshold - NUDGE, threshold, threshold + NUDGE];
/** Decimal places a person's figures have: the exact boundary as typed, not as binary arithmetic lands it. */
const decimal = (value: number): number => Number(value.toFixed(10));

/** 序时进度 shares a period can have: a path's (68.75 %), months over months (1/3, 9/12), and shares whose boundary is not exact in binary (0.4 − 0.1). */
const PROGRESS = [0, 0.14, 0.28, 1 / 3, 0.34, 0.39, 0.4, 0.5, 2 / 3, 0.6875, 0.75, 9 / 12, 10 / 12, 0.95, 1];
const RULES: [string, Rule][] = [
  ["a count", { kind: "cumulative", comparator: ">=" }],
  ["a 左右 count", { kind: "cumulative", comparator: "≈" }],
  ["a ceiling", { kind: "cumulative", comparator: "<=" }],
  ["a ratio", { kind: "ratio", comparator: ">=" }],
  ["a growth rate", { kind: "growth", comparator: ">=" }],
  ["a 左右 growth rate", { kind: "growth", comparator: "≈" }],
];

/** Completions around every threshold a rule has at this 序时进度: met, 10 points behind, a level's 正常-from. */
function completionsAt(progress: number): number[] {
  const thresholds = [1, 1 - approximateTolerance, decimal(progress - behindBy), decimal(1 - behindBy), decimal(1 - approximateTolerance - behindBy)];
  return [0, 1.5, ...thresholds.flatMap(around)].filter((c) => c >= 0);
}

describe("each 状态 formula gives what its TypeScript twin gives, at and around every threshold", () => {
  test.each(RULES)("%s: 状态 from 完成率 and 序时进度, before and at its deadline", (_what, rule) => {
    const cases = [false, true].flatMap((final) => PROGRESS.flatMap((progress) => completionsAt(progress).map((completion) => ({ completion, progress, final }))));
    const sheet = evaluate(cases.map(({ completion, progress, final }) => ({ inputs: [completion, progress], formula: quotaStateFormula(rule, "A{r}", "B{r}", final) })).map(atRow));
    const differ = cases.flatMap((c, i) => (sheet[i] === quotaState(rule, c.completion, c.progress, c.final) ? [] : [`${JSON.stringify(c)}: sheet ${String(sheet[i])}, twin ${quotaState(rule, c.completion, c.progress, c.final)}`]));
    expect(differ).toEqual([]);
  });

  test.each(RULES)("%s: a figure is lagging for the checks and the 通报 exactly where the sheet says 滞后 or 未完成", (_what, rule) => {
    const cases = [false, true].flatMap((final) => PROGRESS.flatMap((progress) => completionsAt(progress).map((completion) => ({ completion, progress, final }))));
    const sheet = evaluate(cases.map(({ completion, progress, final }) => ({ inputs: [completion, progress], formula: quotaStateFormula(rule, "A{r}", "B{r}", final) })).map(atRow));
    const lagging = (state: CellValue | undefined) => state === STATES.behind || state === STATES.notDone;
    const differ = cases.flatMap((c, i) => (lagging(sheet[i]) === isLagging(rule, c.completion, c.progress, c.final) ? [] : [`${JSON.stringify(c)}: sheet ${String(sheet[i])}`]));
    expect(differ).toEqual([]);
  });

  test("a milestone: 状态 from its 进展状态 and 序时进度, before and at its deadline", () => {
    const progresses = [0, ...around(notStartedBehindFrom), 0.75, ...around(underWayBehindFrom), 1.2];
    const cases = [false, true].flatMap((final) => ["", ...MILESTONE_STATUSES].flatMap((status) => progresses.map((progress) => ({ status, progress, final }))));
    const sheet = evaluate(cases.map(({ status, progress, final }) => ({ inputs: [status, progress], formula: milestoneStateFormula("A{r}", "B{r}", final) })).map(atRow));
    const differ = cases.flatMap((c, i) => (sheet[i] === shown(milestoneState(c.status, c.progress, c.final)) ? [] : [`${JSON.stringify(c)}: sheet ${String(sheet[i])}, twin ${String(milestoneState(c.status, c.progress, c.final))}`]));
    expect(differ).toEqual([]);
  });

  test("a milestone rolled up over its children: the 进度 sheet's formula and the parent's return agree for every mix of statuses", () => {
    const choices = ["", ...MILESTONE_STATUSES];
    const mixes = choices.flatMap((a) => choices.flatMap((b) => choices.map((c) => [a, b, c])));
    const sheet = evaluate(mixes.map((statuses) => ({ inputs: statuses, formula: rolledUpStatusFormula("A{r}:C{r}") })).map(atRow));
    const differ = mixes.flatMap((statuses, i) => (sheet[i] === shown(rolledUpStatus(statuses)) ? [] : [`${statuses.join("|")}: sheet ${String(sheet[i])}, twin ${String(rolledUpStatus(statuses))}`]));
    expect(differ).toEqual([]);
  });

  test.each([
    ["a count", { comparator: ">=" }],
    ["a ceiling", { comparator: "<=" }],
  ] as const)("%s: 完成率 from the figure and the target", (_what, rule) => {
    const cases = [20, 3, 0.05].flatMap((target) => [0, ...around(target), target * 1.25, target * 4].map((actual) => ({ actual, target })));
    const withZero = rule.comparator === "<=" ? [...cases, { actual: 0, target: 0 }, { actual: 2, target: 0 }] : cases;
    const sheet = evaluate(withZero.map(({ actual, target }) => ({ inputs: [actual, target], formula: quotaCompletionFormula(rule, "A{r}", "B{r}") })).map(atRow));
    // HyperFormula shows a result rounded to about ten significant digits (its smartRounding), as Excel shows fifteen.
    const differ = withZero.flatMap((c, i) => (Math.abs(Number(sheet[i]) - completionOf(rule, c.actual, c.target)) <= 1e-9 ? [] : [`${JSON.stringify(c)}: sheet ${String(sheet[i])}, twin ${completionOf(rule, c.actual, c.target)}`]));
    expect(differ).toEqual([]);
  });
});

/** The formula of row `i` (0-based) reading its own row's cells: `{r}` is the row's number. */
function atRow(row: { inputs: CellValue[]; formula: string }, i: number): { inputs: CellValue[]; formula: string } {
  return { inputs: row.inputs, formula: row.formula.replaceAll("{r}", String(i + 1)) };
}

describe("the thresholds, as the reporting model states them", () => {
  const count: Rule = { kind: "cumulative", comparator: ">=" };
  const sheetState = (completion: number, progress: number, rule: Rule = count, final = false): CellValue =>
    evaluate([{ inputs: [completion, progress], formula: quotaStateFormula(rule, "A1", "B1", final) }])[0] ?? null;

  test("a figure exactly 10 points behind 序时进度 is 正常 in the sheet and for its twin (50 % due, 40 % done)", () => {
    expect([sheetState(0.4, 0.5), quotaState(count, 0.4, 0.5, false), isLagging(count, 0.4, 0.5, false)]).toEqual([STATES.onTrack, STATES.onTrack, false]);
  });

  test("a figure exactly 10 points behind where binary arithmetic lands 0.4 − 0.1 above 0.3 is still 正常 (40 % due, 30 % done)", () => {
    expect([sheetState(0.3, 0.4), quotaState(count, 0.3, 0.4, false), isLagging(count, 0.3, 0.4, false)]).toEqual([STATES.onTrack, STATES.onTrack, false]);
  });

  test("a figure just more than 10 points behind is 滞后", () => {
    expect([sheetState(0.3999, 0.5), quotaState(count, 0.3999, 0.5, false), isLagging(count, 0.3999, 0.5, false)]).toEqual([STATES.behind, STATES.behind, true]);
  });

  test("a 左右 target is met from 95 % of it, and not below", () => {
    const about: Rule = { kind: "cumulative", comparator: "≈" };
    expect([sheetState(0.95, 0.5, about), sheetState(0.9499, 1, about, true), quotaState(about, 0.95, 1, true)]).toEqual([STATES.done, STATES.notDone, STATES.done]);
  });

  test("a growth rate is 正常 from 10 points below its target before the year's end, and 滞后 below that", () => {
    const growth: Rule = { kind: "growth", comparator: ">=" };
    expect([sheetState(0.9, 0.1, growth), sheetState(0.8999, 0.1, growth), quotaState(growth, 0.9, 0.1, false)]).toEqual([STATES.onTrack, STATES.behind, STATES.onTrack]);
  });

  test("a ceiling is 滞后 as soon as the figure is over it, whatever the time (completion under 100 %)", () => {
    const ceiling: Rule = { kind: "cumulative", comparator: "<=" };
    expect([sheetState(1, 0.1, ceiling), sheetState(0.9999, 0.1, ceiling), quotaState(ceiling, 0.9999, 0.1, false)]).toEqual([STATES.onTrack, STATES.behind, STATES.behind]);
  });

  test("a milestone not started is 滞后 from half its time, one under way from its deadline", () => {
    const [notStarted, underWay] = MILESTONE_STATUSES;
    const at = (status: string, progress: number) => evaluate([{ inputs: [status, progress], formula: milestoneStateFormula("A1", "B1", false) }])[0];
    expect([at(notStarted, 0.4999), at(notStarted, 0.5), at(underWay, 0.9999), at(underWay, 1)]).toEqual([STATES.onTrack, STATES.behind, STATES.onTrack, STATES.behind]);
  });
});
