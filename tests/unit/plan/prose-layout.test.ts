import { readFileSync } from "fs";
import path from "path";
import { main } from "../../../src/cli/main";
import { parsePlan } from "../../../src/core/plan";

/** Targets explained in prose, written for this test (tests/fixtures/plans/district-target-notes.txt). */
const FILE = path.join(__dirname, "..", "..", "fixtures", "plans", "district-target-notes.txt");
const revision = parsePlan(readFileSync(FILE, "utf8"));

describe("targets explained in prose: indicator, target, a reason holding other numbers, 责任单位为…", () => {
  test("each target is a quota; the reasons' figures (6.2%, 12个, 1.15万人, 45亿元…) are none", () => {
    expect(revision.title).toBe("关于某区2026年主要预期目标的说明");
    expect(revision.quotas.map((q) => [q.subject, q.kind, q.target, q.unit, q.year, q.line])).toEqual([
      ["地区生产总值", "growth", 6.5, "%", 2026, 3],
      ["规模以上工业增加值", "growth", 8, "%", 2026, 4],
      ["城镇新增就业", "cumulative", 1.2, "万人", 2026, 8],
      ["城镇调查失业率", "ratio", 5, "%", 2026, 8],
      ["居民人均可支配收入", "cumulative", 6.5, "万元", 2026, 9],
    ]);
    expect(revision.quotas[0]?.comparator).toBe("≈");
    expect(revision.quotas[3]?.comparator).toBe("<=");
  });

  test("责任单位为…, 牵头单位为…,责任单位为… and 由…牵头,…配合 over lines of their own or in the paragraph", () => {
    expect(revision.quotas.map((q) => [q.lead ?? null, q.units, q.supportingUnits ?? null])).toEqual([
      [null, ["区发改局", "区统计局"], null],
      [["区经信局"], ["区统计局", "各街道"], null],
      [null, ["区人力社保局"], null],
      [null, ["区人力社保局"], null],
      [["区发改局"], ["区发改局"], ["区农业农村局", "区统计局"]],
    ]);
  });

  test("from → to with its baseline, per person, 约束性", () => {
    expect(revision.quotas[4]).toMatchObject({ baseline: 6.1, target: 6.5, measures: "per-capita", attribute: "binding", comparator: ">=" });
  });

  test("a target naming no units is unread with the reason, never dropped; plan --json says so on stderr", async () => {
    expect(revision.unread).toEqual([{ line: 10, text: "新建普惠托育机构3家。", reason: expect.stringMatching(/缺少责任单位/) }]);
    let out = "";
    let err = "";
    expect(await main(["plan", "--json", "--revision", FILE], { out: (t) => (out += t), err: (t) => (err += t) })).toBe(0);
    expect((JSON.parse(out) as unknown[]).length).toBe(5);
    expect(err).toMatch(/未读行 \/ unread line 10: 缺少责任单位/);
  });
});
