import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../../src/cli/main";
import { parsePlan } from "../../../src/core/plan";
import { rowsOf } from "../../support/fill";
import { parsePeriod } from "../../../src/core/period";
import { stageAt } from "../../../src/core/period";

/**
 * A district's one-year task list written for these tests (tests/fixtures/plans/district-lead-list.txt):
 * lead units on 牵头单位 lines beside 责任单位 lines, (A牵头,B配合) brackets, 责任单位为… lines, numbered
 * measures under (七) section headings, and the quota kinds such lists use.
 */
const FILE = path.join(__dirname, "..", "..", "fixtures", "plans", "district-lead-list.txt");
const revision = parsePlan(readFileSync(FILE, "utf8"));
const byId = (id: string) => revision.quotas.find((q) => q.id === id);

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("a numbered list naming lead units apart", () => {
  test("every line is read: no quota lost, nothing unread", () => {
    expect(revision.unread).toBeUndefined();
    expect(revision.quotas.map((q) => q.id)).toEqual([
      "I01-改造城镇老旧小区-2026",
      "I01-加装电梯-2026",
      "I01-城镇居民人均可支配收入-2026",
      "I01-农村居民人均可支配收入-2026",
      "I01-签约率-2026",
      "I02-东城街道社区嵌入式服务中心-2026",
      "I02-西湖街道社区嵌入式服务中心-2026",
      "I02-森林覆盖率-2026",
      "I02-普惠性幼儿园在园幼儿占全区在园幼儿-2026",
      "I02-公办养老机构入住评估办法-2026",
      "I02-新建城市道路-2026",
    ]);
  });

  test("a 牵头单位 line and a 责任单位 line: the lead kept apart from the co-responsible units", () => {
    expect(byId("I01-改造城镇老旧小区-2026")).toMatchObject({ lead: ["区住建局"], units: ["各街道", "区城投集团"] });
    expect(byId("I01-城镇居民人均可支配收入-2026")).toMatchObject({ lead: ["区发改局"], units: ["区人力社保局", "区农业农村局", "区统计局"] });
  });

  test("(A牵头,B配合), (A牵头) and 责任单位为…", () => {
    expect(byId("I01-签约率-2026")).toMatchObject({ lead: ["区住建局"], units: ["区住建局"], supportingUnits: ["各街道"] });
    expect(byId("I02-普惠性幼儿园在园幼儿占全区在园幼儿-2026")).toMatchObject({ lead: ["区教育局"], units: ["区教育局"] });
    const forest = byId("I02-森林覆盖率-2026");
    expect(forest).toMatchObject({ units: ["区林业局", "区自然资源分局"] });
    expect(forest?.lead).toBeUndefined();
  });

  test("two figures of a measure under a (七) heading are two quotas, its units from the lines under it", () => {
    expect(revision.items[0]).toMatchObject({ number: 1, title: "加快城市更新" });
    expect([byId("I01-改造城镇老旧小区-2026"), byId("I01-加装电梯-2026")]).toEqual([
      expect.objectContaining({ kind: "cumulative", target: 12, unit: "个", year: 2026, line: 5 }),
      expect.objectContaining({ kind: "cumulative", target: 30, unit: "台", year: 2026, line: 5 }),
    ]);
  });

  test("从A、B分别提高到C、D: two level targets, each with its baseline, per person", () => {
    expect(byId("I01-城镇居民人均可支配收入-2026")).toMatchObject({ kind: "cumulative", measures: "per-capita", baseline: 6.8, target: 7.2, unit: "万元", comparator: ">=" });
    expect(byId("I01-农村居民人均可支配收入-2026")).toMatchObject({ kind: "cumulative", measures: "per-capita", baseline: 4.1, target: 4.4, unit: "万元" });
  });

  test("6月底前 and 9月底前: the deadline is that month's end", () => {
    expect(byId("I01-签约率-2026")).toMatchObject({ kind: "ratio", target: 95, year: 2026, month: 6, path: [expect.objectContaining({ year: 2026, month: 6, target: 95 })] });
    expect(byId("I02-公办养老机构入住评估办法-2026")).toMatchObject({ kind: "milestone", year: 2026, month: 9, subject: "出台公办养老机构入住评估办法" });
  });

  test("序时进度 runs to the deadline month: half of 95% by March for a June deadline, final in June", () => {
    const quota = byId("I01-签约率-2026");
    if (!quota) throw new Error("no 签约率 quota");
    expect(stageAt(quota, parsePeriod("2026-03"), revision)).toMatchObject({ progress: { expected: 47.5, of: 95 }, final: false });
    expect(stageAt(quota, parsePeriod("2026-06"), revision)).toMatchObject({ final: true, closed: false });
    expect(stageAt(quota, parsePeriod("2026-09"), revision)).toMatchObject({ closed: true });
  });

  test("各1个 over two subjects is two quotas of 1; a share of a total names its parts; (约束性) is binding", () => {
    expect(byId("I02-东城街道社区嵌入式服务中心-2026")).toMatchObject({ target: 1, unit: "个" });
    expect(byId("I02-西湖街道社区嵌入式服务中心-2026")).toMatchObject({ target: 1, unit: "个" });
    expect(byId("I02-普惠性幼儿园在园幼儿占全区在园幼儿-2026")).toMatchObject({
      kind: "ratio",
      measures: "share",
      target: 92,
      ratio: { numerator: "普惠性幼儿园在园幼儿数", denominator: "全区在园幼儿数" },
    });
    expect(byId("I02-森林覆盖率-2026")).toMatchObject({ kind: "ratio", attribute: "binding", target: 62, subject: "森林覆盖率" });
    expect(byId("I02-新建城市道路-2026")).toMatchObject({ kind: "cumulative", target: 8.5, unit: "公里" });
  });
});

describe("planbook plan --json and templates of the list", () => {
  test("plan --json gives lead, units, kind, measures, baseline, month and attribute", async () => {
    const { code, out, err } = await run(["plan", "--json", "--revision", FILE]);
    expect([code, err]).toEqual([0, ""]);
    const quotas = JSON.parse(out) as Record<string, unknown>[];
    expect(quotas.find((q) => q.id === "I01-改造城镇老旧小区-2026")).toMatchObject({ lead: ["区住建局"], units: ["各街道", "区城投集团"], target: 12, unit: "个", year: 2026 });
    expect(quotas.find((q) => q.id === "I01-农村居民人均可支配收入-2026")).toMatchObject({ lead: ["区发改局"], baseline: 4.1, target: 4.4, measures: "per-capita" });
    expect(quotas.find((q) => q.id === "I01-签约率-2026")).toMatchObject({ month: 6, path: [{ year: 2026, month: 6, target: 95, comparator: ">=" }], supportingUnits: ["各街道"] });
    expect(quotas.find((q) => q.id === "I02-森林覆盖率-2026")).toMatchObject({ attribute: "binding" });
  });

  test("a lead unit's template lists the quotas it leads, its sheet showing lead and co-units; a co-unit's the ones it shares", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-lead-"));
    const lead = path.join(dir, "lead.xlsx");
    expect((await run(["template", "--revision", FILE, "--scope", "unit:区住建局", "--period", "2026-06", "--out", lead])).code).toBe(0);
    const rows = await rowsOf(lead);
    expect([...rows.keys()].filter((id) => !id.includes("/"))).toEqual(["I01-改造城镇老旧小区-2026", "I01-加装电梯-2026", "I01-签约率-2026"]);
    expect(rows.get("I01-改造城镇老旧小区-2026")?.values.units).toBe("牵头：区住建局；责任：各街道、区城投集团");
    expect(String(rows.get("I01-改造城镇老旧小区-2026")?.values.measure)).toContain("本单位牵头");
    expect(String(rows.get("I01-签约率-2026")?.values.measure)).toContain("2026年6月底前");
    const share = path.join(dir, "share.xlsx");
    expect((await run(["template", "--revision", FILE, "--scope", "unit:区统计局", "--period", "2026-06", "--out", share])).code).toBe(0);
    const shared = await rowsOf(share);
    expect([...shared.keys()]).toEqual(["I01-城镇居民人均可支配收入-2026", "I01-农村居民人均可支配收入-2026"]);
    expect(String(shared.get("I01-城镇居民人均可支配收入-2026")?.values.measure)).toMatch(/本单位配合（牵头单位：区发改局）[\s\S]*人均；基期值 6\.8万元/);
  });

  test("a city's template: a per-person level and ratios hold as stated, counts are the city's contribution, 属性 shown", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-lead-city-"));
    const city = path.join(dir, "city.xlsx");
    expect((await run(["template", "--revision", FILE, "--scope", "city:杭州市", "--period", "2026-06", "--out", city])).code).toBe(0);
    const rows = await rowsOf(city);
    expect(rows.get("I01-城镇居民人均可支配收入-2026")?.values.target).toBe(7.2);
    expect(rows.get("I02-森林覆盖率-2026")?.values.target).toBe(0.62);
    expect(String(rows.get("I02-森林覆盖率-2026")?.values.measure)).toContain("属性：约束性");
    expect(rows.get("I01-改造城镇老旧小区-2026")?.values).toMatchObject({ target: "—", units: "牵头：区住建局；责任：各街道、区城投集团" });
  });
});
