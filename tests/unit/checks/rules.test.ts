/** Each rule on templates generated from the published plan (seeds/003_…), one planted input at a time. */
import { checkCells, checkWorkbook, type CheckContext } from "../../../src/core/checks";
import { type Finding, findingMessage } from "../../../src/core/findings";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { partId } from "../../../src/core/template";
import { addressOf, city, PROVINCE, revision, setCell, setComputedValue, setFormula, sheetName, type, workbookOf } from "./fixture";
import { present } from "../../support/present";

const context: CheckContext = { revisions: [revision] };
const PROVINCE_OCT = sheetName({ scope: PROVINCE, period: "2026-10" });
const HANGZHOU_OCT = sheetName({ scope: city("杭州市"), period: "2026-10" });

/** Quotas of the published plan, one of each shape. */
const Q = {
  /** 到2027年底累计培育技能型企业10000家: a count (家) with a deadline. */
  enterprises: "I08-技能型企业-2027",
  /** 每年培训先进制造业40万人次: an every-year figure in 万人次. */
  manufacturing: "I01-先进制造业-每年",
  /** 工资集体协商比例达到60%: a ratio, typed as its numerator and denominator. */
  bargaining: "I14-能级工资集体协商-2027",
  /** 取得高级职称300名: a count (名). */
  seniorTitles: "I20-高级职称-2027",
  /** 2025年开展技能人才薪酬激励试点: a milestone. */
  milestone: "I03-社会化服务薪酬激励试点-2025",
  /** 2025—2027年,各地进一步指导职业学校落实好社会化培训激励政策: a milestone still open in 2026. */
  openMilestone: "I03-社会化培训激励政策-2027",
  /** 2025年,建设10所一流技师学院: a count whose only deadline has passed by 2026. */
  closedCount: "I03-一流技师学院-2025",
  /** 杭州市 2027年底累计技能型企业1500家 (Annex 2). */
  hangzhouEnterprises: "I08-技能型企业-2027-杭州市",
  /** 2027年,累计实施“新八级工”制度企业150家以上: a count every city contributes to, no city target. */
  eightGradeFirms: "I07-新八级工制度企业-2027",
};

/** The ratio's two figures, each typed on a row of its own under it. */
const NUMERATOR = partId(Q.bargaining, "numerator");
const DENOMINATOR = partId(Q.bargaining, "denominator");
const typeShare = (snapshot: WorkbookSnapshot, sheet: string, numerator: number, denominator: number): void => {
  type(snapshot, sheet, NUMERATOR, { cumulative: numerator });
  type(snapshot, sheet, DENOMINATOR, { cumulative: denominator });
};

const province = (): WorkbookSnapshot => workbookOf([{ scope: PROVINCE, period: "2026-10" }]);
const hangzhou = (): WorkbookSnapshot => workbookOf([{ scope: city("杭州市"), period: "2026-10" }]);
const at = (snapshot: WorkbookSnapshot, quotaId: string, key: Parameters<typeof addressOf>[3], sheet = PROVINCE_OCT) => addressOf(snapshot, sheet, quotaId, key);

/** The parts of a finding a test pins down (the message is pinned by its own tests). */
const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, quotaId: f.quotaId, value: f.value, suggestion: f.suggestion });
const check = (snapshot: WorkbookSnapshot, ctx: CheckContext = context) => checkWorkbook(snapshot, ctx).map(brief);

describe("a typed value that is not a usable number is an error", () => {
  test("a thousands separator: 1000 is offered", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: "1,000" });
    expect(check(snapshot)).toEqual([
      { rule: "not-a-number", severity: "error", sheet: PROVINCE_OCT, cell: at(snapshot, Q.enterprises, "cumulative"), quotaId: Q.enterprises, value: "1,000", suggestion: 1000 },
    ]);
  });

  test("the message says what was typed, what is expected and the corrected value, Chinese first", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: "1,000" });
    const cell = at(snapshot, Q.enterprises, "cumulative");
    expect(findingMessage(present(checkWorkbook(snapshot, context)[0], "a finding"))).toBe(
      `${cell}：填写的「1,000」不是数字，应为不小于 0 的整数（家）；可改为 1000 / ${cell}: "1,000" is not a number; expected a whole number ≥ 0 (家); did you mean 1000?`,
    );
  });

  test("3.5万 in a 万人次 cell: 3.5 is offered", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { period: "3.5万" });
    expect(check(snapshot)).toEqual([
      { rule: "not-a-number", severity: "error", sheet: PROVINCE_OCT, cell: at(snapshot, Q.manufacturing, "period"), quotaId: Q.manufacturing, value: "3.5万", suggestion: 3.5 },
    ]);
  });

  test("3.5万 in a count cell: 35000 is offered", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { period: "3.5万" });
    expect(check(snapshot).map((f) => [f.rule, f.suggestion])).toEqual([["not-a-number", 35000]]);
  });

  test("10% in a count cell has no certain meaning, so nothing is offered", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.seniorTitles, { cumulative: "10%" });
    expect(check(snapshot).map((f) => [f.rule, f.suggestion])).toEqual([["not-a-number", undefined]]);
  });

  test("a share typed where a ratio's numerator is counted is not a count", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, NUMERATOR, { cumulative: "60%" });
    expect(check(snapshot).map((f) => [f.rule, f.cell])).toEqual([["not-a-number", at(snapshot, NUMERATOR, "cumulative")]]);
  });

  test("1e308 is reported as not a plausible figure", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 1e308 });
    const found = present(checkWorkbook(snapshot, context)[0], "a finding");
    expect([found.rule, findingMessage(found)]).toEqual(["not-a-number", expect.stringContaining("不是合理的数值")]);
  });

  test("a very long text is quoted cut short, so the message fits in one cell", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: "长".repeat(40000) });
    expect(findingMessage(present(checkWorkbook(snapshot, context)[0], "a finding")).length).toBeLessThan(300);
  });

  test("fixing the value clears the finding", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: "1,000" });
    expect(check(snapshot)).toHaveLength(1);
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 7000 });
    expect(check(snapshot)).toEqual([]);
  });
});

describe("a number that cannot be right is an error", () => {
  test("a negative figure", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { period: -2 });
    expect(check(snapshot)).toEqual([
      { rule: "negative", severity: "error", sheet: PROVINCE_OCT, cell: at(snapshot, Q.manufacturing, "period"), quotaId: Q.manufacturing, value: -2, suggestion: undefined },
    ]);
  });

  test("half a person holding a senior title", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.seniorTitles, { period: 12.5 });
    expect(check(snapshot)).toEqual([
      { rule: "fraction-in-count", severity: "error", sheet: PROVINCE_OCT, cell: at(snapshot, Q.seniorTitles, "period"), quotaId: Q.seniorTitles, value: 12.5, suggestion: 13 },
    ]);
  });

  test("a fraction of 万人次 is fine", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { period: 2.5, cumulative: 35.5 });
    expect(check(snapshot)).toEqual([]);
  });

  test("a ratio above 100%: its numerator above its denominator", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, NUMERATOR, { cumulative: 120 });
    type(snapshot, PROVINCE_OCT, DENOMINATOR, { cumulative: 100 });
    expect(check(snapshot).map((f) => [f.rule, f.cell, f.value])).toEqual([["numerator-above-denominator", at(snapshot, NUMERATOR, "cumulative"), 120]]);
  });

  test("a ratio's overwritten 累计完成 (its quotient formula) is a changed formula", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.bargaining, { cumulative: 0.8 });
    expect(check(snapshot).map((f) => [f.rule, f.cell])).toEqual([["formula-changed", at(snapshot, Q.bargaining, "cumulative")]]);
  });

  test("a cumulative figure below this period's", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { period: 36, cumulative: 35 });
    expect(check(snapshot)).toEqual([
      { rule: "cumulative-below-period", severity: "error", sheet: PROVINCE_OCT, cell: at(snapshot, Q.manufacturing, "cumulative"), quotaId: Q.manufacturing, value: 35, suggestion: undefined },
    ]);
  });

  test("a milestone status outside 未启动/推进中/已完成", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.milestone, { status: "差不多了" });
    expect(check(snapshot).map((f) => [f.rule, f.cell, f.value])).toEqual([["status-not-in-list", at(snapshot, Q.milestone, "status"), "差不多了"]]);
  });
});

describe("required inputs at the end of the period", () => {
  test("a blank cumulative figure is not reported during the period", () => {
    expect(check(province())).toEqual([]);
  });

  test("a blank cumulative figure is an error at the end of the period", () => {
    const snapshot = province();
    const found = check(snapshot, { ...context, endOfPeriod: true }).filter((f) => f.quotaId === Q.enterprises);
    expect(found.map((f) => [f.rule, f.cell])).toEqual([["required-blank", at(snapshot, Q.enterprises, "cumulative")]]);
  });

  test("a blank milestone status is an error at the end of the period", () => {
    const snapshot = province();
    const found = check(snapshot, { ...context, endOfPeriod: true }).filter((f) => f.quotaId === Q.openMilestone);
    expect(found.map((f) => [f.rule, f.cell])).toEqual([["required-blank", at(snapshot, Q.openMilestone, "status")]]);
  });

  test("a quota past its last deadline is not asked for at the end of the period", () => {
    const snapshot = province();
    expect(check(snapshot, { ...context, endOfPeriod: true }).filter((f) => f.quotaId === Q.milestone || f.quotaId === Q.closedCount)).toEqual([]);
  });
});

describe("warnings, cleared by a 说明", () => {
  test("completion well behind time-progress (50% at 22/36 of the time)", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 5000 });
    expect(check(snapshot)).toEqual([
      { rule: "behind-schedule", severity: "warning", sheet: PROVINCE_OCT, cell: at(snapshot, Q.enterprises, "cumulative"), quotaId: Q.enterprises, value: 5000, suggestion: undefined },
    ]);
  });

  test("completion within 10 points of time-progress is on track", () => {
    const snapshot = province();
    // The path expects 5000 + 5000 × 10/24 ≈ 7083 of 10000 (70.8%) by October 2026: 65% is within 10 points.
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 6500 });
    expect(check(snapshot)).toEqual([]);
  });

  test("time-progress comes from the plan, not from the 序时进度 cell", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 5000 });
    // The formula is intact, but its computed value says no time has passed.
    setComputedValue(snapshot, PROVINCE_OCT, at(snapshot, Q.enterprises, "progress"), 0);
    expect(check(snapshot).map((f) => f.rule)).toEqual(["behind-schedule"]);
  });

  test("a 说明 clears the behind-schedule warning", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 5000, note: "四季度集中认定" });
    expect(check(snapshot)).toEqual([]);
  });

  test("a 说明 of spaces does not clear it", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 5000, note: "   " });
    expect(check(snapshot).map((f) => f.rule)).toEqual(["behind-schedule"]);
  });

  test("more than three times the target is implausible", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 30001 });
    expect(check(snapshot).map((f) => [f.rule, f.severity, f.cell])).toEqual([["far-above-target", "warning", at(snapshot, Q.enterprises, "cumulative")]]);
  });

  test("a 说明 does not clear an error", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: -1, note: "录入有误" });
    expect(check(snapshot).map((f) => f.rule)).toEqual(["negative"]);
  });

  test("a city's contributed quota has no target (未分解), so no target warning", () => {
    const snapshot = hangzhou();
    type(snapshot, HANGZHOU_OCT, Q.eightGradeFirms, { cumulative: 1 });
    expect(check(snapshot)).toEqual([]);
  });

  test("a city's split quota has its Annex 2 share as target, so a low figure is behind", () => {
    const snapshot = hangzhou();
    type(snapshot, HANGZHOU_OCT, Q.enterprises, { cumulative: 1 });
    expect(check(snapshot).map((f) => [f.rule, f.quotaId])).toEqual([["behind-schedule", Q.enterprises]]);
  });
});

describe("a contribution without a target is judged against the whole and the others", () => {
  const CITIES = ["杭州市", "宁波市", "温州市", "湖州市", "嘉兴市"];
  const sheetOf = (name: string) => sheetName({ scope: city(name), period: "2026-10" });
  /** A province workbook holding five cities' sheets; the four others typed `others`, 杭州市 `figure`. */
  function cities(others: number[], figure: number, note?: string): WorkbookSnapshot {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }, ...CITIES.map((name) => ({ scope: city(name), period: "2026-10" }))]);
    CITIES.slice(1).forEach((name, i) => type(snapshot, sheetOf(name), Q.eightGradeFirms, { cumulative: others[i] }));
    type(snapshot, HANGZHOU_OCT, Q.eightGradeFirms, { cumulative: figure, ...(note ? { note } : {}) });
    return snapshot;
  }
  const implausible = (snapshot: WorkbookSnapshot) => checkWorkbook(snapshot, context).filter((f) => f.rule === "contribution-implausible");

  test("a city's figure above the province's target (150 by 2027) asks for a 说明", () => {
    const snapshot = hangzhou();
    type(snapshot, HANGZHOU_OCT, Q.eightGradeFirms, { cumulative: 151 });
    const found = checkWorkbook(snapshot, context);
    expect(found.map((f) => [f.rule, f.severity, f.cell])).toEqual([["contribution-implausible", "warning", addressOf(snapshot, HANGZHOU_OCT, Q.eightGradeFirms, "cumulative")]]);
    expect(findingMessage(present(found[0], "a finding"))).toContain("杭州市填报 151家，大于全省目标 150家");
  });

  test("a city's figure at the province's target is not questioned on its own", () => {
    const snapshot = hangzhou();
    type(snapshot, HANGZHOU_OCT, Q.eightGradeFirms, { cumulative: 150 });
    expect(check(snapshot)).toEqual([]);
  });

  test("more than three times the median of the other cities in the workbook asks for a 说明", () => {
    const found = implausible(cities([10, 12, 14, 16], 40));
    expect(found.map((f) => [f.sheet, f.quotaId])).toEqual([[HANGZHOU_OCT, Q.eightGradeFirms]]);
    expect(findingMessage(present(found[0], "a finding"))).toContain("超过其他 4 个地方中位数 13家 的 3 倍");
  });

  test("up to three times the others' median is within their range", () => {
    expect(implausible(cities([10, 12, 14, 16], 39))).toEqual([]);
  });

  test("one other outlier does not move the median: it is questioned too", () => {
    expect(implausible(cities([10, 12, 14, 140], 45)).map((f) => f.sheet)).toEqual([HANGZHOU_OCT, sheetOf("嘉兴市")]);
  });

  test("fewer than three others with a figure say nothing about a range", () => {
    const snapshot = workbookOf(["杭州市", "宁波市", "温州市"].map((name) => ({ scope: city(name), period: "2026-10" })));
    type(snapshot, sheetOf("宁波市"), Q.eightGradeFirms, { cumulative: 10 });
    type(snapshot, sheetOf("温州市"), Q.eightGradeFirms, { cumulative: 10 });
    type(snapshot, HANGZHOU_OCT, Q.eightGradeFirms, { cumulative: 100 });
    expect(implausible(snapshot)).toEqual([]);
  });

  test("a 说明 clears it", () => {
    expect(implausible(cities([10, 12, 14, 16], 40, "含两家集团企业集中实施"))).toEqual([]);
  });
});

describe("a level corrected in the workbook's 计划 view", () => {
  const endOfPeriod = (snapshot: WorkbookSnapshot) =>
    checkWorkbook(snapshot, { ...context, endOfPeriod: true })
      .filter((f) => f.rule === "required-blank")
      .map((f) => f.quotaId);

  test("is no longer asked of a city sheet made before it: a quota corrected to province-only", () => {
    const before = endOfPeriod(hangzhou());
    const corrected = endOfPeriod(workbookOf([{ scope: city("杭州市"), period: "2026-10" }], revision, [{ quotaId: Q.manufacturing, level: "province-only" }]));
    expect([before.includes(Q.manufacturing), corrected.includes(Q.manufacturing), corrected.length]).toEqual([true, false, before.length - 1]);
  });
});

describe("what was generated must not change", () => {
  test("a different number in 目标值 is target-changed", () => {
    const snapshot = province();
    setCell(snapshot, PROVINCE_OCT, at(snapshot, Q.enterprises, "target"), 8000);
    expect(check(snapshot)).toEqual([
      { rule: "target-changed", severity: "error", sheet: PROVINCE_OCT, cell: at(snapshot, Q.enterprises, "target"), quotaId: Q.enterprises, value: 8000, suggestion: undefined },
    ]);
  });

  test("a value pasted over 完成率 is formula-changed on that cell, naming the generated formula", () => {
    const snapshot = province();
    const cell = at(snapshot, Q.enterprises, "completion");
    setCell(snapshot, PROVINCE_OCT, cell, 1);
    const found = checkWorkbook(snapshot, context);
    expect(found.map(brief)).toEqual([{ rule: "formula-changed", severity: "error", sheet: PROVINCE_OCT, cell, quotaId: Q.enterprises, value: 1, suggestion: undefined }]);
    expect(findingMessage(present(found[0], "a finding"))).toContain(`应为「=IF(OR(`);
  });

  test("an edited 状态 formula is found on the 状态 cell, not the first formula", () => {
    const snapshot = province();
    const cell = at(snapshot, Q.enterprises, "state");
    setFormula(snapshot, PROVINCE_OCT, cell, '="已完成"');
    expect(check(snapshot).map((f) => [f.rule, f.cell])).toEqual([["formula-changed", cell]]);
  });

  test("a block pasted over the three formulas is one finding that names every cell", () => {
    const snapshot = province();
    const cells = (["completion", "progress", "state"] as const).map((key) => at(snapshot, Q.enterprises, key));
    cells.forEach((cell) => setCell(snapshot, PROVINCE_OCT, cell, 1));
    const found = checkWorkbook(snapshot, context);
    expect([found.length, found[0]?.cell, findingMessage(present(found[0], "a finding"))]).toEqual([1, cells[0], expect.stringContaining(cells.join("、"))]);
  });

  test("a changed target and a changed formula in one row are both found", () => {
    const snapshot = province();
    setCell(snapshot, PROVINCE_OCT, at(snapshot, Q.enterprises, "target"), 8000);
    setCell(snapshot, PROVINCE_OCT, at(snapshot, Q.enterprises, "progress"), 0.5);
    expect(check(snapshot).map((f) => [f.rule, f.cell])).toEqual([
      ["target-changed", at(snapshot, Q.enterprises, "target")],
      ["formula-changed", at(snapshot, Q.enterprises, "progress")],
    ]);
  });

  test("an overwritten id is id-changed on the id cell, not a missing row", () => {
    const snapshot = province();
    const cell = at(snapshot, Q.enterprises, "id");
    setCell(snapshot, PROVINCE_OCT, cell, "I08-改");
    expect(check(snapshot)).toEqual([
      { rule: "id-changed", severity: "error", sheet: PROVINCE_OCT, cell, quotaId: Q.enterprises, value: "I08-改", suggestion: undefined },
    ]);
  });

  test("a row whose id was changed still has its inputs checked", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: -5 });
    setCell(snapshot, PROVINCE_OCT, at(snapshot, Q.enterprises, "id"), "");
    expect(check(snapshot).map((f) => f.rule)).toEqual(["id-changed", "negative"]);
  });

  test("another quota's id pasted over an id is id-changed on the pasted cell", () => {
    const snapshot = province();
    const cell = at(snapshot, Q.enterprises, "id");
    setCell(snapshot, PROVINCE_OCT, cell, "I08-技能型企业-2025");
    expect(check(snapshot).map((f) => [f.rule, f.cell, f.quotaId, f.value])).toEqual([["id-changed", cell, Q.enterprises, "I08-技能型企业-2025"]]);
  });

  test("a row emptied of its id and its formulas is a missing row", () => {
    const snapshot = province();
    const cells = (["id", "completion", "progress", "state"] as const).map((key) => at(snapshot, Q.enterprises, key));
    cells.forEach((cell) => setCell(snapshot, PROVINCE_OCT, cell, ""));
    expect(check(snapshot).map((f) => [f.rule, f.cell, f.quotaId])).toEqual([["row-missing", cells[0], Q.enterprises]]);
  });
});

describe("which plan, scope and period the sheet is for", () => {
  test("another period than expected is wrong-period, told at the frame's 报告期 line", () => {
    expect(check(province(), { ...context, expected: { period: "2026-11" } })).toEqual([
      { rule: "wrong-period", severity: "error", sheet: PROVINCE_OCT, cell: "A3", quotaId: null, value: "2026-10", suggestion: undefined },
    ]);
  });

  test("the same period written another way is not wrong", () => {
    expect(check(province(), { ...context, expected: { period: "2026-10 " } })).toEqual([]);
  });

  test("another scope than expected is wrong-scope, told at the frame's 填报单位 line", () => {
    expect(check(hangzhou(), { ...context, expected: { scope: "city:宁波市" } }).map((f) => [f.rule, f.cell, f.value])).toEqual([["wrong-scope", "A2", "city:杭州市"]]);
  });

  test("全省 is the province scope", () => {
    expect(check(province(), { ...context, expected: { scope: "全省" } })).toEqual([]);
  });

  test("another revision than expected is wrong-revision, told at the frame's 计划版本 line", () => {
    expect(check(province(), { ...context, expected: { revision: "2024-01-01" } }).map((f) => [f.rule, f.cell, f.value])).toEqual([["wrong-revision", "A4", revision.revision]]);
  });

  test("a revision the checker does not know is unknown-revision, told at the frame's 计划版本 line", () => {
    expect(check(province(), { revisions: [] }).map((f) => [f.rule, f.cell])).toEqual([["unknown-revision", "A4"]]);
  });

  test("a sheet of an unknown revision still has its typed values checked by its own kind and unit", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.seniorTitles, { cumulative: 2.5 });
    expect(check(snapshot, { revisions: [] }).map((f) => f.rule)).toEqual(["unknown-revision", "fraction-in-count"]);
  });
});

describe("against an earlier period's sheet of the same scope", () => {
  const twoMonths = () => workbookOf([{ scope: PROVINCE, period: "2026-10" }, { scope: PROVINCE, period: "2026-11" }]);
  const NOV = sheetName({ scope: PROVINCE, period: "2026-11" });

  test("a running total lower than last month's is cumulative-decreased on the later sheet", () => {
    const snapshot = twoMonths();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 6500 });
    type(snapshot, NOV, Q.enterprises, { cumulative: 6400 });
    expect(check(snapshot)).toEqual([
      { rule: "cumulative-decreased", severity: "warning", sheet: NOV, cell: addressOf(snapshot, NOV, Q.enterprises, "cumulative"), quotaId: Q.enterprises, value: 6400, suggestion: undefined },
    ]);
  });

  test("a 说明 clears it", () => {
    const snapshot = twoMonths();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: 6500 });
    type(snapshot, NOV, Q.enterprises, { cumulative: 6400, note: "10月数据重复统计，已核减" });
    expect(check(snapshot)).toEqual([]);
  });

  test("an every-year figure starting again in January is not a decrease", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2025-12" }, { scope: PROVINCE, period: "2026-01" }]);
    type(snapshot, sheetName({ scope: PROVINCE, period: "2025-12" }), Q.manufacturing, { cumulative: 40 });
    type(snapshot, sheetName({ scope: PROVINCE, period: "2026-01" }), Q.manufacturing, { cumulative: 5 });
    expect(check(snapshot)).toEqual([]);
  });

  test("a lower ratio is not a decreased running total", () => {
    const snapshot = twoMonths();
    // On the path 60% (2025) → 100% (2027) both are on track in late 2026 (76.7% expected).
    typeShare(snapshot, PROVINCE_OCT, 80, 100);
    typeShare(snapshot, NOV, 75, 100);
    expect(check(snapshot)).toEqual([]);
  });

  test("another scope's earlier sheet is not compared", () => {
    const snapshot = workbookOf([{ scope: city("杭州市"), period: "2026-10" }, { scope: city("宁波市"), period: "2026-11" }]);
    // Below three times the plan's whole 150: only the fall from one scope to another could be a finding.
    type(snapshot, HANGZHOU_OCT, Q.eightGradeFirms, { cumulative: 90 });
    type(snapshot, sheetName({ scope: city("宁波市"), period: "2026-11" }), Q.eightGradeFirms, { cumulative: 80 });
    expect(check(snapshot)).toEqual([]);
  });
});

describe("cities against the province", () => {
  const everyCity = (period = "2026-10") => revision.cities.map((name) => ({ scope: city(name), period }));
  const cityFigure = (snapshot: WorkbookSnapshot, quotaId: string, figures: number[]) =>
    revision.cities.forEach((name, i) => type(snapshot, sheetName({ scope: city(name), period: "2026-10" }), quotaId, { cumulative: figures[i] }));

  test("a province figure that is not the sum of the 11 cities is a warning on the province cell", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }, ...everyCity()]);
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { cumulative: 35 });
    cityFigure(snapshot, Q.manufacturing, Array(11).fill(3));
    expect(check(snapshot)).toEqual([
      { rule: "cities-not-adding-up", severity: "warning", sheet: PROVINCE_OCT, cell: at(snapshot, Q.manufacturing, "cumulative"), quotaId: Q.manufacturing, value: 35, suggestion: undefined },
    ]);
  });

  test("decimals that add up but for floating point are fine", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }, ...everyCity()]);
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { cumulative: 35 });
    cityFigure(snapshot, Q.manufacturing, [...Array<number>(10).fill(3.2), 3]);
    expect(check(snapshot)).toEqual([]);
  });

  test("with a city's sheet absent nothing is compared", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }, ...everyCity().slice(1)]);
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { cumulative: 35 });
    expect(check(snapshot)).toEqual([]);
  });

  test("a ratio's figures add up like counts: the province's numerator and denominator are the cities' sums", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }, ...everyCity()]);
    typeShare(snapshot, PROVINCE_OCT, 88, 110);
    cityFigure(snapshot, NUMERATOR, Array(11).fill(8));
    cityFigure(snapshot, DENOMINATOR, Array(11).fill(10));
    expect(check(snapshot)).toEqual([]);
  });

  test("a province numerator that is not the cities' sum is a warning on it; the shares themselves are never added", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }, ...everyCity()]);
    typeShare(snapshot, PROVINCE_OCT, 80, 110);
    cityFigure(snapshot, NUMERATOR, Array(11).fill(8));
    cityFigure(snapshot, DENOMINATOR, Array(11).fill(10));
    expect(check(snapshot).map((f) => [f.rule, f.cell])).toEqual([["cities-not-adding-up", at(snapshot, NUMERATOR, "cumulative")]]);
  });

  test("a 说明 on the province row clears it", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }, ...everyCity()]);
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { cumulative: 35, note: "含省属单位培训 2 万人次" });
    cityFigure(snapshot, Q.manufacturing, Array(11).fill(3));
    expect(check(snapshot)).toEqual([]);
  });
});

describe("live checking of the cells a person changed", () => {
  test("only the rows of the given cells are reported", () => {
    const snapshot = province();
    type(snapshot, PROVINCE_OCT, Q.enterprises, { cumulative: "x" });
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { cumulative: -1 });
    const found = checkCells(snapshot, PROVINCE_OCT, [at(snapshot, Q.manufacturing, "cumulative")], context);
    expect(found.map((f) => [f.rule, f.cell])).toEqual([["negative", at(snapshot, Q.manufacturing, "cumulative")]]);
  });

  test("any cell of the row brings the row's findings, tampering included", () => {
    const snapshot = province();
    setCell(snapshot, PROVINCE_OCT, at(snapshot, Q.enterprises, "completion"), 1);
    const found = checkCells(snapshot, PROVINCE_OCT, [at(snapshot, Q.enterprises, "note")], context);
    expect(found.map((f) => f.rule)).toEqual(["formula-changed"]);
  });

  test("a province row's check against the cities is included", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }, ...revision.cities.map((name) => ({ scope: city(name), period: "2026-10" }))]);
    type(snapshot, PROVINCE_OCT, Q.manufacturing, { cumulative: 35 });
    revision.cities.forEach((name) => type(snapshot, sheetName({ scope: city(name), period: "2026-10" }), Q.manufacturing, { cumulative: 3 }));
    expect(checkCells(snapshot, PROVINCE_OCT, [at(snapshot, Q.manufacturing, "cumulative")], context).map((f) => f.rule)).toEqual(["cities-not-adding-up"]);
  });

  test("the same address on another sheet is not reported", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }, { scope: PROVINCE, period: "2026-11" }]);
    const cell = at(snapshot, Q.enterprises, "cumulative");
    setCell(snapshot, sheetName({ scope: PROVINCE, period: "2026-11" }), cell, "x");
    expect(checkCells(snapshot, PROVINCE_OCT, [cell], context)).toEqual([]);
  });

  test("sheet-wide findings are left to the full check", () => {
    expect(checkCells(province(), PROVINCE_OCT, ["K10"], { revisions: [] })).toEqual([]);
  });
});
