import { findingMessage } from "../../../src/core/findings";
import { readFileSync } from "fs";
import path from "path";
import { loadCounties } from "../../../src/cli/io";
import { checkPlan, CURRENT_SEED, diffRevisions, parsePlan, PREVIOUS_SEED, type Quota } from "../../../src/core/plan";
import { PlanParseError } from "../../../src/core/shared";

const seed = (name: string) => readFileSync(path.join(__dirname, "..", "..", "..", "seeds", name), "utf8");
const currentText = seed(CURRENT_SEED);
const geography = loadCounties();
const current = parsePlan(currentText, { geography });
const previous = parsePlan(seed(PREVIOUS_SEED), { geography });

function quota(id: string, revision = current): Quota {
  const found = revision.quotas.find((q) => q.id === id);
  if (!found) throw new Error(`no quota ${id}`);
  return found;
}

const pick = (q: Quota) => ({ kind: q.kind, comparator: q.comparator, target: q.target, unit: q.unit, year: q.year });

describe("the published revision", () => {
  test("has 5 actions, 21 key work items and 11 cities", () => {
    expect([current.actions.length, current.items.length, current.cities.length]).toEqual([5, 21, 11]);
  });

  test("is identified by its date and document number", () => {
    expect([current.revision, current.label, current.startYear, current.endYear]).toEqual(["2025-07-15", "浙人社发〔2025〕37号", 2025, 2027]);
  });

  test("the quotas per key work item match the text", () => {
    const counts: Record<number, number> = {};
    // A department split's whole (the city figure) is not in the text: only its parts are.
    for (const q of current.quotas.filter((q) => q.region === null && q.departmentParts === undefined)) counts[q.item] = (counts[q.item] ?? 0) + 1;
    // Read off Annex 1 by hand: (一) 33 training quotas (分别 counts three), (三) 10所+69个+2 milestones…;
    // a later deadline raising the same figure is a point on its path, not a quota (七, 八, 十一, 十四, 十五).
    expect(counts).toEqual({ 1: 33, 2: 2, 3: 5, 4: 2, 5: 2, 6: 2, 7: 2, 8: 1, 9: 2, 10: 2, 11: 2, 12: 2, 13: 1, 14: 1, 15: 1, 16: 1, 17: 2, 18: 4, 19: 4, 20: 2, 21: 3 });
  });

  test("Annex 2 gives each city one quota a family, its columns the points of its path", () => {
    expect(current.quotas.filter((q) => q.region === "舟山市").map((q) => q.path.map((p) => p.year))).toEqual([
      [2025, 2027],
      [2025, 2027],
    ]);
  });

  test("an every-year training quota", () => {
    expect(pick(quota("I01-先进制造业-每年"))).toEqual({ kind: "annual", comparator: ">=", target: 40, unit: "万人次", year: null });
    expect(quota("I01-先进制造业-每年").units).toEqual(["省人力社保厅", "省经信厅"]);
  });

  test("a 分别 list pairs each subject with its number", () => {
    expect(["I01-网店业主-每年", "I01-网络主播-每年", "I01-外卖骑手-每年"].map((id) => [quota(id).subject, quota(id).target])).toEqual([
      ["网店业主", 10],
      ["网络主播", 1],
      ["外卖骑手", 10],
    ]);
  });

  test("the two 低空经济 quotas are told apart by their unit", () => {
    expect([quota("I01-低空经济-每年-省经信厅").units, quota("I01-低空经济-每年-省交通运输厅").units]).toEqual([["省经信厅"], ["省交通运输厅"]]);
  });

  test("a sub-measure with units listed and a sharing phrase", () => {
    expect(quota("I01-家政服务-每年").units).toEqual(["省人力社保厅", "省商务厅", "省发展改革委"]);
    expect(quota("I01-家政服务-每年").measure).toBe("开展生活服务业领域职业技能提升培训 / 家政服务");
  });

  test("全覆盖 is a 100% ratio", () => {
    expect(pick(quota("I17-技能人才融资对接和预授信-2027"))).toEqual({ kind: "ratio", comparator: ">=", target: 100, unit: "%", year: 2027 });
  });

  test("比例达到60%以上 then 全覆盖 is one ratio whose path runs 60% by 2025, 100% by 2027", () => {
    expect(quota("I14-能级工资集体协商-2027").path.map((p) => [p.year, p.target])).toEqual([
      [2025, 60],
      [2027, 100],
    ]);
  });

  test("a ratio names its numerator and denominator from the text", () => {
    expect(quota("I14-能级工资集体协商-2027").ratio).toEqual({ numerator: "开展能级工资集体协商企业数", denominator: "已建会规上企业数" });
  });

  test("two deadlines in one sentence are one cumulative quota with two points", () => {
    expect([pick(quota("I08-技能型企业-2027")), quota("I08-技能型企业-2027").path.map((p) => [p.year, p.target])]).toEqual([
      { kind: "cumulative", comparator: ">=", target: 10000, unit: "家", year: 2027 },
      [
        [2025, 5000],
        [2027, 10000],
      ],
    ]);
  });

  test("不少于 binds as at least", () => {
    expect(quota("I11-乡村特色专项-2027").path[0]).toMatchObject({ comparator: ">=", target: 10, year: 2025 });
  });

  test("左右 binds as approximately", () => {
    expect(pick(quota("I21-浙江工匠-2025"))).toEqual({ kind: "cumulative", comparator: "≈", target: 600, unit: "名", year: 2025 });
    expect(pick(quota("I21-高技能领军人才和高技能青年人才-每年"))).toEqual({ kind: "annual", comparator: "≈", target: 120, unit: "名", year: null });
  });

  test("a range of years has its last year as the deadline", () => {
    expect([pick(quota("I20-高级职称-2027")), pick(quota("I20-中级职称-2027"))]).toEqual([
      { kind: "cumulative", comparator: ">=", target: 300, unit: "名", year: 2027 },
      { kind: "cumulative", comparator: ">=", target: 1000, unit: "名", year: 2027 },
    ]);
  });

  test("two numbers joined by 和 are two quotas with their own subjects", () => {
    expect([quota("I03-一流技师学院-2025").target, quota("I03-高水平专业群-2025").target]).toEqual([10, 69]);
  });

  test("a goal with no number is a milestone with its year", () => {
    expect(pick(quota("I05-民办培训机构星级评定制度-2025"))).toEqual({ kind: "milestone", comparator: "=", target: null, unit: null, year: 2025 });
  });

  test("a count with 以上 every year", () => {
    expect(pick(quota("I18-省级职工职业技能竞赛-每年"))).toEqual({ kind: "annual", comparator: ">=", target: 100, unit: "场", year: null });
  });

  test("Annex 2 quotas carry their city's numbers", () => {
    expect(["杭州市", "宁波市", "丽水市"].map((city) => quota(`I08-技能型企业-2027-${city}`).target)).toEqual([1500, 1525, 200]);
  });

  test("a city's path starts from its stock before 2025: end-2025 total less new in 2025 (杭州市 700 − 453)", () => {
    expect([quota("I08-技能型企业-2027-杭州市").baseline, quota("I11-技能型乡村-2027-温州市").baseline]).toEqual([247, 20]);
  });

  test("the Annex 1 quota of an Annex 2 family starts from the cities' stock together", () => {
    const cities = current.quotas.filter((q) => q.region !== null && q.key === "技能型企业-累计");
    expect(quota("I08-技能型企业-2027").baseline).toBe(cities.reduce((sum, q) => sum + q.baseline, 0));
  });

  test("Annex 2's new-in-2025 column is no quota of its own (it is a flow, not a running total)", () => {
    expect(current.quotas.filter((q) => q.region === "温州市" && /2025年培育数量/.test(q.text) && !/底累计/.test(q.text))).toEqual([]);
  });

  test("在每个县(市、区)打造1个 is coverage over the 90 counties, not 1 for the province", () => {
    expect(quota("I09-行业技能生态圈-2027")).toMatchObject({ target: 90, unit: "县", perUnit: { per: "county", each: 1 } });
    expect(quota("I09-行业技能生态圈-2027").perUnit?.byCity["杭州市"]).toBe(13);
  });

  test("每两年 is a biennial cadence, not an annual milestone", () => {
    expect(quota("I18-浙江技能大赛-每两年")).toMatchObject({ kind: "milestone", cadence: "biennial", year: null });
  });

  test("each target of a 分别 phrase keeps its 每年", () => {
    expect(["I01-网络主播-每年", "I01-外卖骑手-每年"].map((id) => quota(id).text)).toEqual(["每年1万人次", "每年10万人次"]);
  });

  test("a subject joined by 和 before its number is kept whole", () => {
    expect(quota("I21-高技能领军人才和高技能青年人才-每年").subject).toBe("高技能领军人才和高技能青年人才");
  });

  test("ids name the thing, never a window cut from the wording", () => {
    expect(["I06-中国特色企业新型学徒制-2025", "I10-技能人才国际交流合作运行机制和监督体系-2027", "I01-高校未就业毕业生-每年"].map((id) => quota(id).kind)).toEqual([
      "milestone",
      "milestone",
      "annual",
    ]);
  });

  test("a quota remembers the id the first scheme gave it, for workbooks made then", () => {
    expect([quota("I06-中国特色企业新型学徒制-2025").formerIds, quota("I08-技能型企业-2027").retiredIds]).toEqual([["I06-色企业新型学徒制-2025"], ["I08-技能型企业-2025"]]);
  });

  test("ids are unique", () => {
    expect(new Set(current.quotas.map((q) => q.id)).size).toBe(current.quotas.length);
  });
});

describe("the earlier revision", () => {
  test("reads the one-cell-a-line layout into the same shape", () => {
    expect([previous.actions.length, previous.items.length, previous.cities.length]).toEqual([5, 21, 11]);
  });

  test("an undecided target is pending, never zero", () => {
    expect(quota("I01-低空经济-每年-省经信厅", previous)).toMatchObject({ pending: true, target: null });
  });

  test("shares ids with the current revision where the quota is the same", () => {
    const shared = previous.quotas.filter((q) => current.quotas.some((c) => c.id === q.id));
    expect(shared.length).toBeGreaterThan(85);
  });

  test("two deadlines separated by a comma are still one quota's two points", () => {
    expect(quota("I08-技能型企业-2027", previous).path.map((p) => p.target)).toEqual([5000, 10000]);
  });
});

describe("plan consistency", () => {
  test("Annex 2's 合计 agrees with its cities in the published text", () => {
    expect(checkPlan(current, currentText).filter((f) => f.rule === "annex2-total")).toEqual([]);
  });

  test("the end-2025 village figures of the two annexes differ and are a warning, not fixed", () => {
    const findings = checkPlan(current, currentText);
    expect(findings).toContainEqual(expect.objectContaining({ rule: "annex1-annex2-differ", severity: "warning", quotaId: "I11-技能型乡村-2027" }));
    expect(quota("I11-技能型乡村-2027").path[0]?.target).toBe(500);
  });

  test("the 500 vs 538 warning names both lines and both figures", () => {
    const village = quota("I11-技能型乡村-2027");
    const warning = checkPlan(current, currentText).find((f) => f.rule === "annex1-annex2-differ" && f.quotaId === village.id);
    const totalLine = currentText.split("\n").findIndex((line) => /^\|?\s*合\s*计/.test(line)) + 1;
    expect(warning && findingMessage(warning)).toContain(`附件1 第 ${village.line} 行`);
    expect(warning && findingMessage(warning)).toContain(`附件2 第 ${totalLine} 行`);
    expect(warning && findingMessage(warning)).toMatch(/500个.*538个/);
  });

  test("where the annexes agree there is no finding", () => {
    expect(checkPlan(current, currentText).map((f) => f.quotaId)).not.toContain("I08-技能型企业-2027");
  });

  test("a wrong 合计 is an error naming its line", () => {
    const doctored = currentText.replace("合 计 | 2978 |", "合 计 | 2979 |");
    const revision = parsePlan(doctored);
    expect(checkPlan(revision, doctored)).toContainEqual(expect.objectContaining({ rule: "annex2-total", severity: "error", line: expect.any(Number) }));
  });
});

describe("revision diff", () => {
  const diff = diffRevisions(previous, current);

  test("a pending target that was decided", () => {
    expect(diff.changed.find((c) => c.id === "I01-低空经济-每年-省经信厅")?.fields).toContainEqual({ field: "target", before: "—", after: "0.1" });
  });

  test("a changed target and changed units", () => {
    const fields = diff.changed.find((c) => c.id === "I01-家政服务-每年")?.fields ?? [];
    expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(["target", "units"]));
  });

  test("the four reworded quotas are changed, not removed and added", () => {
    const renamed = diff.changed.flatMap((c) => c.fields.filter((f) => f.field === "id").map((f) => `${f.before} → ${f.after}`));
    expect([renamed, diff.changed.map((c) => c.id)]).toEqual([
      expect.arrayContaining(["I01-建筑业施工-每年 → I01-建筑施工-每年", "I01-农村转移劳动者-每年 → I01-农民工-每年"]),
      expect.arrayContaining(["I07-新八级工制度企业-2027", "I10-技能人才国际交流合作运行机制和监督体系-2027"]),
    ]);
  });

  test("no quota of both revisions is listed as removed and added", () => {
    const removed = diff.removed.map((q) => `${q.item}|${q.year}|${q.target}`);
    expect(diff.added.filter((q) => removed.includes(`${q.item}|${q.year}|${q.target}`)).map((q) => q.id)).toEqual([]);
  });

  test("quotas only the newer revision has are added", () => {
    expect(diff.added.map((q) => q.id)).toContain("I21-浙江大工匠-2025");
  });
});

describe("unreadable plan text", () => {
  test("text that is not a plan names the line and what was expected", () => {
    expect(() => parsePlan("hello\nworld")).toThrow(PlanParseError);
    expect(() => parsePlan("hello\nworld")).toThrow(/第 1 行.*附件1/);
  });

  test("a table row without a goal is an unread line naming its line and why, and the rest of the plan still reads", () => {
    const lines = currentText.split("\n");
    const at = lines.findIndex((l) => l.startsWith("开展数字经济领域"));
    lines[at] = "开展数字经济领域职业技能提升培训 |";
    const revision = parsePlan(lines.join("\n"));
    expect(revision.unread).toEqual([{ line: at + 1, text: "开展数字经济领域职业技能提升培训", reason: expect.stringMatching(/责任单位和工作目标/) }]);
    expect(revision.quotas.some((q) => q.line === at + 1)).toBe(false);
    expect(revision.quotas.length).toBe(parsePlan(currentText).quotas.length - 1);
  });
});
