import { checkPlan, extractQuotas, parsePlan, type PlanRevision, type Quota } from "../../../src/core/plan";
import { QUOTA_KINDS_PLAN } from "../../fixtures/plans/quota-kinds";
import { present } from "../../support/present";

/** The quota kinds task lists carry beyond the seeds': growth, ceilings, ranges, components, and what cannot be read. */

const quotaOn = (revision: PlanRevision, line: number): Quota[] => revision.quotas.filter((q) => q.line === line);

describe("quota kinds read from a task list", () => {
  const revision = parsePlan(QUOTA_KINDS_PLAN);

  test("增长6%左右 is a growth rate against last year, not a ratio of 6 %", () => {
    expect(quotaOn(revision, 4)).toEqual([
      expect.objectContaining({ kind: "growth", target: 6, comparator: "≈", unit: "%", subject: "地区生产总值", cadence: "annual", year: null, ratio: null }),
    ]);
  });

  test("同比增长8%以上 is a growth rate bound from below", () => {
    expect(quotaOn(revision, 5)).toEqual([expect.objectContaining({ kind: "growth", target: 8, comparator: ">=", unit: "%" })]);
  });

  test("控制在5.5%以内 is a ceiling on a ratio: comparator <=", () => {
    expect(quotaOn(revision, 7)).toEqual([expect.objectContaining({ kind: "ratio", target: 5.5, comparator: "<=", unit: "%" })]);
  });

  test("每年…不超过20人 is a ceiling on an annual count", () => {
    expect(quotaOn(revision, 8)).toEqual([expect.objectContaining({ kind: "annual", target: 20, comparator: "<=", unit: "人" })]);
  });

  test("建设3-5个 is met at the lower bound, the range kept for display", () => {
    expect(quotaOn(revision, 11)).toEqual([
      expect.objectContaining({ kind: "cumulative", target: 3, comparator: ">=", range: { low: 3, high: 5 }, unit: "个", year: 2026 }),
    ]);
  });

  test("培训2万人次,其中…0.8万人次、…0.6万人次 is a total and its parts, each part naming its total", () => {
    const [first, ...parts] = quotaOn(revision, 12);
    const total = present(first, "the total quota");
    expect(total).toEqual(expect.objectContaining({ kind: "annual", target: 2, unit: "万人次" }));
    expect(total.partOf).toBeUndefined();
    expect(parts).toEqual([
      expect.objectContaining({ kind: "annual", target: 0.8, unit: "万人次", subject: "新就业形态劳动者", partOf: total.id }),
      expect.objectContaining({ kind: "annual", target: 0.6, unit: "万人次", subject: "农村转移劳动力", partOf: total.id }),
    ]);
  });

  test("a statement with no number is a milestone", () => {
    expect(quotaOn(revision, 13)).toEqual([expect.objectContaining({ kind: "milestone", target: null, year: 2025 })]);
  });

  test("a sentence the parser cannot read (下降3%) is an unread line with its reason, no quota made of it", () => {
    expect(quotaOn(revision, 14)).toEqual([]);
    expect(revision.unread).toEqual([{ line: 14, text: expect.stringContaining("下降3%"), reason: expect.stringMatching(/下降.*\/.*decrease/) }]);
  });
});

describe("phrases of each kind", () => {
  test.each([
    ["控制在5%以内", { kind: "ratio", comparator: "<=", target: 5 }],
    ["到2027年,每万人口失业人数不超过30人", { kind: "cumulative", comparator: "<=", target: 30 }],
    ["每年事故起数低于10起", { kind: "annual", comparator: "<=", target: 10 }],
    ["每年事故起数不低于10起", { kind: "annual", comparator: ">=", target: 10 }],
    ["到2026年底,新建驿站3至5个", { kind: "cumulative", comparator: ">=", target: 3, range: { low: 3, high: 5 } }],
    ["到2026年底,覆盖率达到60%-70%", { kind: "ratio", comparator: ">=", target: 60, range: { low: 60, high: 70 } }],
    ["居民人均可支配收入增长7%左右", { kind: "growth", comparator: "≈", target: 7 }],
    ["年均增长5%", { kind: "growth", comparator: ">=", target: 5 }],
    ["到2027年,培训10万人", { kind: "cumulative", comparator: ">=", target: 10, unit: "万人" }],
  ])("%s", (goal, expected) => {
    const { quotas } = extractQuotas(goal, "某项举措", null);
    expect(quotas).toEqual([expect.objectContaining(expected)]);
  });

  test.each([
    ["能耗下降3%", /下降/],
    ["城镇化率提高2个百分点", /百分点/],
    ["建成5G基站2000座以上,新增算力3.5万亿次", /数字/],
  ])("%s is not read as a quota but reported unread", (goal, reason) => {
    const { unread } = extractQuotas(goal, "某项举措", null);
    expect(unread).toEqual([expect.objectContaining({ reason: expect.stringMatching(reason) })]);
  });
});

describe("a total and its parts in the plan text", () => {
  const plan = (goal: string) => parsePlan(["一、甲", "(一)甲一", `1.${goal}。(市甲局)`].join("\n"));

  test("parts that exceed their total are an error of the plan text", () => {
    const revision = plan("每年培训1万人次,其中农民工0.8万人次、青年0.6万人次");
    expect(checkPlan(revision, "")).toEqual([
      expect.objectContaining({ rule: "components-exceed-total", severity: "error", quotaId: present(revision.quotas[0], "the plan's quota").id, params: expect.objectContaining({ total: 1, sum: 1.4 }) }),
    ]);
  });

  test("parts that do not add up to their total are reported as information (其中 may name only some)", () => {
    const revision = plan("每年培训2万人次,其中农民工0.8万人次、青年0.6万人次");
    expect(checkPlan(revision, "")).toEqual([expect.objectContaining({ rule: "components-short-of-total", severity: "info", params: expect.objectContaining({ total: 2, sum: 1.4 }) })]);
  });

  test("parts that add up to their total raise nothing", () => {
    expect(checkPlan(plan("每年培训2万人次,其中农民工1.4万人次、青年0.6万人次"), "")).toEqual([]);
  });
});

test("a part's target phrase reads with its cadence first (每年新就业形态劳动者0.8万人次), never 每年其中…", () => {
  const parts = parsePlan(QUOTA_KINDS_PLAN).quotas.filter((q) => q.partOf !== undefined);
  expect(parts.map((q) => q.text)).toEqual(["每年新就业形态劳动者0.8万人次", "每年农村转移劳动力0.6万人次"]);
});
