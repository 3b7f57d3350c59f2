import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../../src/cli/main";
import { parsePlan } from "../../../src/core/plan";
import type { PlanRevision } from "../../../src/core/plan";
import { rowsOf } from "../../support/fill";

/** Task lists written for these tests, one a layout of tables (tests/fixtures/plans/); none is a copy of a real document. */
const FIXTURES = path.join(__dirname, "..", "..", "fixtures", "plans");
const read = (name: string): PlanRevision => parsePlan(readFileSync(path.join(FIXTURES, name), "utf8"));
const pick = (revision: PlanRevision, keys: string[]) =>
  revision.quotas.map((q) => Object.fromEntries(keys.map((key) => [key, (q as unknown as Record<string, unknown>)[key]])));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("an indicator table: 计量单位, the whole's and the county's targets, 属性, months, lead units and weights", () => {
  const revision = read("county-indicator-table.txt");

  test("every row is a quota with its target, unit, kind, deadline month, attribute, lead and co-units, weight and the whole's figure", () => {
    expect(pick(revision, ["subject", "kind", "target", "unit", "year", "month", "attribute", "lead", "units", "weight", "wholeTarget", "line"])).toEqual([
      { subject: "规模以上工业增加值", kind: "growth", target: 7.5, unit: "%", year: 2026, month: 12, attribute: "expected", lead: ["县经信局"], units: ["县统计局"], weight: 8, wholeTarget: 7, line: 3 },
      { subject: "固定资产投资", kind: "cumulative", target: 135, unit: "亿元", year: 2026, month: undefined, attribute: "expected", lead: ["县发改局"], units: ["县住建局", "县交通局"], weight: 10, wholeTarget: 1200, line: 4 },
      { subject: "数字经济核心产业增加值占GDP比重", kind: "ratio", target: 12, unit: "%", year: 2026, month: 12, attribute: "expected", lead: ["县经信局"], units: ["县经信局"], weight: 6, wholeTarget: 15, line: 5 },
      { subject: "城镇新增就业", kind: "cumulative", target: 5200, unit: "人", year: 2026, month: 11, attribute: "expected", lead: ["县人力社保局"], units: ["县人力社保局"], weight: 6, wholeTarget: 60000, line: 6 },
      { subject: "城乡居民人均可支配收入", kind: "cumulative", target: 61500, unit: "元", year: 2026, month: 12, attribute: "expected", lead: ["县发改局"], units: ["县统计局", "县农业农村局"], weight: 8, wholeTarget: 72000, line: 7 },
      { subject: "地表水省控断面达到或优于Ⅲ类水质比例", kind: "ratio", target: 100, unit: "%", year: 2026, month: 6, attribute: "binding", lead: ["县生态环境分局"], units: ["县水利局"], weight: 8, wholeTarget: 95, line: 9 },
      { subject: "新增造林面积", kind: "cumulative", target: 600, unit: "亩", year: 2026, month: 3, attribute: "binding", lead: ["县林业局"], units: ["县林业局"], weight: 4, wholeTarget: 8000, line: 10 },
    ]);
    expect(revision.quotas.find((q) => q.subject === "城乡居民人均可支配收入")?.measures).toBe("per-capita");
    expect(revision.quotas.find((q) => q.subject === "数字经济核心产业增加值占GDP比重")?.measures).toBe("share");
  });

  test("categories are the actions; the decrease it cannot read yet is listed with its reason, not dropped", () => {
    expect(revision.actions.map((a) => a.title)).toEqual(["经济发展", "民生保障", "绿色低碳"]);
    expect(revision.unread).toEqual([{ line: 8, text: expect.stringContaining("单位GDP能耗下降3.2%"), reason: expect.stringMatching(/降幅指标/) }]);
  });

  test("plan --json shows attribute, month, weight and the whole's target; a lead unit's and a city's templates", async () => {
    const file = path.join(FIXTURES, "county-indicator-table.txt");
    const { code, out } = await run(["plan", "--json", "--revision", file]);
    expect(code).toBe(0);
    const quotas = JSON.parse(out) as Record<string, unknown>[];
    expect(quotas.find((q) => q.subject === "新增造林面积")).toMatchObject({ attribute: "binding", month: 3, weight: 4, wholeTarget: 8000, lead: ["县林业局"], path: [{ year: 2026, month: 3, target: 600 }] });
    const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-indicators-"));
    const lead = path.join(dir, "lead.xlsx");
    expect((await run(["template", "--revision", file, "--scope", "unit:县发改局", "--period", "2026-06", "--out", lead])).code).toBe(0);
    const rows = await rowsOf(lead);
    expect([...rows.keys()]).toEqual(["I01-固定资产投资-2026", "I02-城乡居民人均可支配收入-2026"]);
    expect(rows.get("I01-固定资产投资-2026")?.values).toMatchObject({ units: "牵头：县发改局；责任：县住建局、县交通局", target: 135 });
    expect(String(rows.get("I01-固定资产投资-2026")?.values.measure)).toMatch(/本单位牵头[\s\S]*属性：预期性；全域目标 1200亿元；权重 10/);
    const city = path.join(dir, "city.xlsx");
    expect((await run(["template", "--revision", file, "--scope", "city:湖州市", "--period", "2026-06", "--out", city])).code).toBe(0);
    const cityRows = await rowsOf(city);
    expect(cityRows.get("I03-新增造林面积-2026")?.values).toMatchObject({ target: "—", year: 2026 });
    expect(String(cityRows.get("I03-新增造林面积-2026")?.values.measure)).toContain("属性：约束性");
    expect(cityRows.get("I02-城乡居民人均可支配收入-2026")?.values.target).toBe(61500);
  });
});

test("an indicator table with a target column a year is one quota a row, its path through the years", () => {
  const text = ["某市2026—2027年养老服务主要指标", "序号\t指标名称\t单位\t2026年目标\t2027年目标\t责任单位", "1\t新建社区老年食堂\t个\t40\t80\t市民政局", "2\t护理型床位占比\t%\t60\t65\t市民政局、市卫健委"].join("\n");
  expect(parsePlan(text).quotas.map((q) => [q.subject, q.kind, q.path.map((p) => [p.year, p.target]), q.units])).toEqual([
    ["新建社区老年食堂", "cumulative", [[2026, 40], [2027, 80]], ["市民政局"]],
    ["护理型床位占比", "ratio", [[2026, 60], [2027, 65]], ["市民政局", "市卫健委"]],
  ]);
});

describe("a Word table flattened one cell a line, merged cells left out of later rows", () => {
  const revision = read("city-merged-cells.txt");

  test("each cell goes under its column; a merged task, lead or deadline cell is the one above", () => {
    expect(revision.title).toBe("某市2026年扩大内需重点任务分解表");
    expect(revision.items.map((i) => i.title)).toEqual(["促进消费扩容提质", "扩大有效投资", "推进城市有机更新"]);
    expect(pick(revision, ["item", "kind", "target", "unit", "month", "lead", "units", "line"])).toEqual([
      { item: 1, kind: "cumulative", target: 200, unit: "场", month: 12, lead: ["市商务局"], units: ["各区县(市)政府"], line: 9 },
      { item: 1, kind: "growth", target: 5, unit: "%", month: undefined, lead: ["市商务局"], units: ["市统计局"], line: 15 },
      { item: 1, kind: "cumulative", target: 300, unit: "家", month: 9, lead: ["市商务局"], units: ["各区县(市)政府"], line: 19 },
      { item: 2, kind: "cumulative", target: 1500, unit: "亿元", month: 12, lead: ["市发改委"], units: ["市重点办"], line: 23 },
      // After the header repeated at a page break.
      { item: 2, kind: "ratio", target: 25, unit: "%", month: 6, lead: ["市经信局"], units: ["市发改委"], line: 35 },
      // A cell of two paragraphs, two lines joined.
      { item: 3, kind: "cumulative", target: 120, unit: "个", month: 11, lead: ["市建委"], units: ["各区县(市)政府"], line: 40 },
      { item: 3, kind: "cumulative", target: 2.8, unit: "万户", month: 11, lead: ["市建委"], units: ["各区县(市)政府"], line: 40 },
    ]);
    expect(revision.unread).toBeUndefined();
  });
});

describe("a table copied out of a PDF: cells run together, sub-rows, the header repeated on each page", () => {
  const revision = read("district-pdf-rows.txt");

  test("rows and sub-rows are quotas of their task, cells told apart by shape, units run together split", () => {
    expect(revision.items.map((i) => i.title)).toEqual(["稳定就业", "促进消费", "扩大投资"]);
    expect(pick(revision, ["item", "subject", "kind", "target", "unit", "month", "lead", "units", "line"])).toEqual([
      { item: 1, subject: "城镇新增就业", kind: "cumulative", target: 8000, unit: "人", month: 12, lead: ["区人力社保局"], units: ["各街道"], line: 3 },
      { item: 1, subject: "帮扶困难人员就业", kind: "cumulative", target: 600, unit: "人", month: 11, lead: ["区人力社保局"], units: ["区总工会"], line: 4 },
      // 新增技能人才3000人区人力社保局区教育局12月底前: one run of cells.
      { item: 1, subject: "新增技能人才", kind: "cumulative", target: 3000, unit: "人", month: 12, lead: ["区人力社保局"], units: ["区教育局"], line: 5 },
      { item: 2, subject: "社会消费品零售总额", kind: "growth", target: 6, unit: "%", month: 12, lead: ["区商务局"], units: ["区统计局"], line: 6 },
      // The goal cell's next lines go on under it.
      { item: 2, subject: "“夜经济”主题活动", kind: "cumulative", target: 30, unit: "场", month: undefined, lead: ["区商务局"], units: ["区统计局"], line: 6 },
      { item: 2, subject: "带动消费", kind: "cumulative", target: 10, unit: "亿元", month: undefined, lead: ["区商务局"], units: ["区统计局"], line: 6 },
      // After a page number and the header again: a sub-row of 促进消费.
      { item: 2, subject: "新增限额以上批零住餐企业", kind: "cumulative", target: 80, unit: "家", month: 9, lead: ["区商务局"], units: ["各街道"], line: 11 },
      { item: 3, subject: "重大项目投资", kind: "cumulative", target: 220, unit: "亿元", month: 12, lead: ["区发改局"], units: ["区住建局", "区交通局"], line: 12 },
    ]);
    expect(revision.unread).toBeUndefined();
  });
});
