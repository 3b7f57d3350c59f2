import fc from "fast-check";
import { annexShares, planSplit, splitTarget, splittableQuotas, withSplitRecords } from "../../../src/core/merge";
import { EMPTY_META } from "../../../src/core/template";
import { CITIES, FAMILY, QUOTA, fixtureRevision } from "./fixture";
import { findingMessage } from "../../../src/core/findings";
import { InvalidSplitError, UnknownQuotaError } from "../../../src/core/shared";

const sum = (parts: number[]): number => parts.reduce((a, b) => a + b, 0);
const hundredths = (value: number): number => Math.round(value * 100);

const weightsArb = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), {
    minLength: 1,
    maxLength: 15,
  })
  .filter((weights) => sum(weights) > 0);

describe("splitTarget", () => {
  test("integer parts always add up exactly to the total", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), weightsArb, (total, weights) => {
        expect(sum(splitTarget(total, weights, true))).toBe(total);
      }),
    );
  });

  test("integer parts are whole numbers, never negative", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), weightsArb, (total, weights) => {
        const parts = splitTarget(total, weights, true);
        expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      }),
    );
  });

  test("decimal parts keep two decimals and add up to the total in hundredths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), weightsArb, (totalHundredths, weights) => {
        const total = totalHundredths / 100;
        const parts = splitTarget(total, weights, false);
        expect(parts.every((p) => p >= 0 && Number.isInteger(hundredths(p)) && hundredths(p) / 100 === p)).toBe(true);
        expect(sum(parts.map(hundredths))).toBe(totalHundredths);
      }),
    );
  });

  test("a zero weight gets nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), weightsArb, fc.nat(14), (total, weights, at) => {
        const withZero = [...weights];
        withZero.splice(at % (weights.length + 1), 0, 0);
        expect(splitTarget(total, withZero, true)[at % (weights.length + 1)]).toBe(0);
      }),
    );
  });

  test("the largest remainders get the leftover units", () => {
    // Exact shares 33.3 each leave one unit: ties go to the earlier city. 10 × (1, 2, 4)/7 = 1.43, 2.86, 5.71.
    expect(splitTarget(100, [1, 1, 1], true)).toEqual([34, 33, 33]);
    expect(splitTarget(10, [1, 2, 4], true)).toEqual([1, 3, 6]);
  });

  test("parts are proportional when the total divides evenly", () => {
    const annexFigures = [1500, 1525, 1200, 750, 1075, 1075, 1100, 250, 75, 1250, 200];
    expect(splitTarget(sum(annexFigures), annexFigures, true)).toEqual(annexFigures);
  });

  test("万人次 parts are split on hundredths", () => {
    expect(splitTarget(0.1, [1, 1, 1], false)).toEqual([0.04, 0.03, 0.03]);
  });

  test("a total with more decimals than hundredths keeps its own precision", () => {
    expect(sum(splitTarget(0.125, [1, 1], false).map((p) => Math.round(p * 1000)))).toBe(125);
  });

  test("weights that add up to zero are a misuse", () => {
    expect(() => splitTarget(10, [0, 0], true)).toThrow(InvalidSplitError);
  });

  test("a fractional total split into whole units is a misuse", () => {
    expect(() => splitTarget(10.5, [1, 1], true)).toThrow(/total/);
  });
});

describe("planSplit", () => {
  const revision = fixtureRevision();

  test("splitting by an Annex 2 family gives each city the family's share", () => {
    const plan = planSplit(revision, QUOTA.enterprises, { kind: "annex", familyId: FAMILY.enterprise2027 });
    expect(plan.records.map((r) => r.target)).toEqual(CITIES.map((city) => annexShares(revision, FAMILY.enterprise2027)[city]));
  });

  test("a split covers every city in the plan's order", () => {
    const plan = planSplit(revision, QUOTA.training, { kind: "weights", weights: { 杭州市: 3, 宁波市: 1 } });
    expect(plan.records.map((r) => r.city)).toEqual(CITIES);
  });

  test("a city left out of typed weights gets 0", () => {
    const plan = planSplit(revision, QUOTA.training, { kind: "weights", weights: { 杭州市: 3, 宁波市: 1 } });
    expect(plan.records.filter((r) => r.target > 0).map((r) => [r.city, r.target])).toEqual([
      ["杭州市", 7.5],
      ["宁波市", 2.5],
    ]);
  });

  test("a 家 quota is split into whole numbers", () => {
    const plan = planSplit(revision, QUOTA.enterprises, { kind: "weights", weights: { 杭州市: 1, 宁波市: 1, 温州市: 1 } });
    expect(plan.records.slice(0, 3).map((r) => r.target)).toEqual([3334, 3333, 3333]);
  });

  test("parts typed by hand that add up are kept as typed", () => {
    const plan = planSplit(revision, QUOTA.enterprises, { kind: "manual", parts: { 杭州市: 6000, 宁波市: 4000 } });
    expect(plan.records.find((r) => r.city === "杭州市")?.target).toBe(6000);
  });

  test("parts typed by hand that do not add up are a finding naming both sums", () => {
    const plan = planSplit(revision, QUOTA.enterprises, { kind: "manual", parts: { 杭州市: 6000, 宁波市: 3000 } });
    expect(plan.findings.map((f) => [f.rule, f.value])).toEqual([["split-not-adding-up", 9000]]);
  });

  test("parts that do not add up produce no records", () => {
    const plan = planSplit(revision, QUOTA.enterprises, { kind: "manual", parts: { 杭州市: 6000, 宁波市: 3000 } });
    expect(plan.records).toEqual([]);
  });

  test("万人次 parts typed by hand add up in hundredths", () => {
    const plan = planSplit(revision, QUOTA.training, { kind: "manual", parts: { 杭州市: 3.3, 宁波市: 3.3, 温州市: 3.4 } });
    expect(plan.findings).toEqual([]);
  });

  test("a fraction typed for a 家 quota is a finding", () => {
    const plan = planSplit(revision, QUOTA.enterprises, { kind: "manual", parts: { 杭州市: 9999.5, 宁波市: 0.5 } });
    expect(plan.findings.map((f) => f.rule)).toEqual(["split-precision", "split-precision"]);
  });

  test("a negative weight is a finding naming its city", () => {
    const plan = planSplit(revision, QUOTA.training, { kind: "weights", weights: { 杭州市: -1, 宁波市: 2 } });
    expect(plan.findings.map((f) => [f.rule, findingMessage(f).startsWith("杭州市")])).toEqual([["split-bad-value", true]]);
  });

  test("a city the plan does not list is a finding", () => {
    const plan = planSplit(revision, QUOTA.training, { kind: "weights", weights: { 上海市: 1, 宁波市: 2 } });
    expect(plan.findings.map((f) => [f.rule, f.value])).toEqual([["split-unknown-city", "上海市"]]);
  });

  test("weights that are all zero are a finding", () => {
    const plan = planSplit(revision, QUOTA.training, { kind: "weights", weights: { 杭州市: 0 } });
    expect(plan.findings.map((f) => f.rule)).toEqual(["split-no-weight"]);
  });

  test("a ratio cannot be split", () => {
    const plan = planSplit(revision, QUOTA.ratio, { kind: "weights", weights: { 杭州市: 1 } });
    expect(plan.findings.map((f) => f.rule)).toEqual(["split-not-splittable"]);
  });

  test("an undecided target cannot be split", () => {
    const plan = planSplit(revision, QUOTA.pending, { kind: "weights", weights: { 杭州市: 1 } });
    expect(plan.findings.map((f) => findingMessage(f))).toEqual([expect.stringContaining("目标值尚未确定")]);
  });

  test("an id the plan does not have is a misuse", () => {
    expect(() => planSplit(revision, "NOPE", { kind: "weights", weights: {} })).toThrow(UnknownQuotaError);
  });

  test("an unknown Annex 2 family is a misuse", () => {
    expect(() => annexShares(revision, "NOPE-*")).toThrow(/NOPE-\*/);
  });

  test("only decided Annex 1 counts are offered for splitting", () => {
    expect(splittableQuotas(revision).map((q) => q.id)).toEqual([QUOTA.training, QUOTA.enterprises]);
  });
});

describe("withSplitRecords", () => {
  test("a new split of a quota replaces its earlier one and keeps the others", () => {
    const revision = fixtureRevision();
    const first = planSplit(revision, QUOTA.training, { kind: "weights", weights: { 杭州市: 1 } }).records;
    const other = planSplit(revision, QUOTA.enterprises, { kind: "weights", weights: { 宁波市: 1 } }).records;
    const again = planSplit(revision, QUOTA.training, { kind: "weights", weights: { 温州市: 1 } }).records;
    const meta = withSplitRecords(withSplitRecords(withSplitRecords(EMPTY_META, first), other), again);
    expect(meta.splits.filter((s) => s.target > 0).map((s) => [s.quotaId, s.city])).toEqual([
      [QUOTA.enterprises, "宁波市"],
      [QUOTA.training, "温州市"],
    ]);
  });
});
