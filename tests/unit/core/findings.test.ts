import { countByRule, fileProblem, finding, findingMessage, findingText, ruleName, RULES } from "../../../src/core/findings";

const batch = { sheet: "汇总", cell: null, quotaId: null };
const missing = finding("merge-city-missing", batch, { cities: ["温州市", "湖州市"], level: "city" }, "温州市、湖州市");
const unreadable = finding("merge-unreadable", { ...batch, sheet: "", file: "a.xlsx" }, fileProblem("not-zip"));
const split = finding("split-no-weight", { sheet: "目标分解", cell: null, quotaId: "I08" }, {});
const negative = finding("negative", { sheet: "杭州市 2026-10", cell: "K12", quotaId: "I08" }, { kind: "cumulative", unit: "家", found: -3 }, -3);

describe("one rule registry", () => {
  test("a finding's severity is its rule's", () => {
    expect([missing, unreadable, split, negative].map((f) => [f.rule, f.severity])).toEqual([
      ["merge-city-missing", RULES["merge-city-missing"].severity],
      ["merge-unreadable", "error"],
      ["split-no-weight", "error"],
      ["negative", "error"],
    ]);
  });

  test("counts by rule include merge and split rules, in the registry's order", () => {
    expect(countByRule([split, missing, negative, missing]).map((c) => [c.rule, c.count])).toEqual([
      ["negative", 1],
      ["merge-city-missing", 2],
      ["split-no-weight", 1],
    ]);
  });

  test("only warnings about a quota row are cleared by a 说明", () => {
    const byNote = Object.entries(RULES).filter(([, rule]) => rule.clearedBy === "note");
    expect(byNote.map(([, rule]) => [rule.severity, rule.area])).toEqual(byNote.map(() => ["warning", "sheet"]));
  });

  test("every rule has a name in both languages", () => {
    expect(Object.values(RULES).filter((rule) => rule.zh.trim() === "" || rule.en.trim() === "")).toEqual([]);
  });
});

describe("a finding's message is rendered where it is shown", () => {
  test("the location comes first: the file, then the cell", () => {
    expect([findingText(unreadable), findingText(negative)]).toEqual([
      { zh: "文件「a.xlsx」不是 Excel 工作簿（.xlsx）", en: 'file "a.xlsx": is not an Excel workbook (.xlsx)' },
      { zh: "K12：「-3」为负数，应为不小于 0 的整数（家）", en: "K12: -3 is negative; expected a whole number ≥ 0 (家)" },
    ]);
  });

  test("both languages are Chinese first, then English", () => {
    expect(findingMessage(missing)).toBe("尚缺 2 个市的报表：温州市、湖州市 / 2 cities have not reported: 温州市, 湖州市");
  });

  test("one language is that language only", () => {
    expect([findingMessage(missing, "zh"), findingMessage(missing, "en")]).toEqual(["尚缺 2 个市的报表：温州市、湖州市", "2 cities have not reported: 温州市, 湖州市"]);
  });

  test("a rule's name is given in one language or both", () => {
    expect([ruleName("negative", "zh"), ruleName("negative", "en"), ruleName("negative")]).toEqual(["负数", "negative", "负数 / negative"]);
  });
});
