import { findingMessage } from "../../../src/core/findings";
import { readFileSync } from "fs";
import path from "path";
import { checkPlan } from "../../../src/core/plan/consistency";
import { diffRevisions } from "../../../src/core/plan/diff";
import { parsePlan } from "../../../src/core/plan/parse";
import { CURRENT_SEED, PREVIOUS_SEED } from "../../../src/core/plan/seeds";
import { type Quota } from "../../../src/core/plan/types";
import { PlanParseError } from "../../../src/core/errors";

const seed = (name: string) => readFileSync(path.join(__dirname, "..", "..", "..", "seeds", name), "utf8");
const currentText = seed(CURRENT_SEED);
const current = parsePlan(currentText);
const previous = parsePlan(seed(PREVIOUS_SEED));

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
    for (const q of current.quotas.filter((q) => q.region === null && q.parts === undefined)) counts[q.item] = (counts[q.item] ?? 0) + 1;
    // Read off Annex 1 by hand: (一) 33 training quotas (分别 counts three), (三) 10所+69个+2 milestones…
    expect(counts).toEqual({ 1: 33, 2: 2, 3: 5, 4: 2, 5: 2, 6: 2, 7: 3, 8: 2, 9: 2, 10: 2, 11: 4, 12: 2, 13: 1, 14: 2, 15: 2, 16: 1, 17: 2, 18: 4, 19: 4, 20: 2, 21: 3 });
  });

  test("Annex 2 gives each city six quotas", () => {
    expect(current.quotas.filter((q) => q.region === "舟山市")).toHaveLength(6);
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
    expect(pick(quota("I14-工资集体协商-2027"))).toEqual({ kind: "ratio", comparator: ">=", target: 100, unit: "%", year: 2027 });
  });

  test("比例达到60%以上 is a 60% ratio", () => {
    expect(pick(quota("I14-集体协商比例-2025"))).toEqual({ kind: "ratio", comparator: ">=", target: 60, unit: "%", year: 2025 });
  });

  test("two deadlines in one sentence are two cumulative quotas", () => {
    expect([pick(quota("I08-技能型企业-2025")), pick(quota("I08-技能型企业-2027"))]).toEqual([
      { kind: "cumulative", comparator: ">=", target: 5000, unit: "家", year: 2025 },
      { kind: "cumulative", comparator: ">=", target: 10000, unit: "家", year: 2027 },
    ]);
  });

  test("不少于 binds as at least", () => {
    expect(pick(quota("I11-乡村特色专项-2025"))).toEqual({ kind: "cumulative", comparator: ">=", target: 10, unit: "项", year: 2025 });
  });

  test("左右 binds as approximately", () => {
    expect(pick(quota("I21-浙江工匠-2025"))).toEqual({ kind: "cumulative", comparator: "≈", target: 600, unit: "名", year: 2025 });
    expect(pick(quota("I21-技能青年人才-每年"))).toEqual({ kind: "annual", comparator: "≈", target: 120, unit: "名", year: null });
  });

  test("a range of years has its last year as the deadline", () => {
    expect([pick(quota("I20-取得高级职称-2027")), pick(quota("I20-取得中级职称-2027"))]).toEqual([
      { kind: "cumulative", comparator: ">=", target: 300, unit: "名", year: 2027 },
      { kind: "cumulative", comparator: ">=", target: 1000, unit: "名", year: 2027 },
    ]);
  });

  test("two numbers joined by 和 are two quotas with their own subjects", () => {
    expect([quota("I03-一流技师学院-2025").target, quota("I03-高水平专业群-2025").target]).toEqual([10, 69]);
  });

  test("a goal with no number is a milestone with its year", () => {
    expect(pick(quota("I05-机构星级评定制度-2025"))).toEqual({ kind: "milestone", comparator: "=", target: null, unit: null, year: 2025 });
  });

  test("a count with 以上 every year", () => {
    expect(pick(quota("I18-省级职工竞赛-每年"))).toEqual({ kind: "annual", comparator: ">=", target: 100, unit: "场", year: null });
  });

  test("Annex 2 quotas carry their city's numbers", () => {
    expect(["杭州市", "宁波市", "丽水市"].map((city) => quota(`I08-技能型企业-累计-2027-${city}`).target)).toEqual([1500, 1525, 200]);
    expect(quota("I11-技能型乡村-新增-2025-温州市").target).toBe(15);
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
    expect(shared.length).toBeGreaterThan(130);
  });

  test("two deadlines separated by a comma are still two quotas", () => {
    expect([quota("I08-技能型企业-2025", previous).target, quota("I08-技能型企业-2027", previous).target]).toEqual([5000, 10000]);
  });
});

describe("plan consistency", () => {
  test("Annex 2's 合计 agrees with its cities in the published text", () => {
    expect(checkPlan(current, currentText).filter((f) => f.rule === "annex2-total")).toEqual([]);
  });

  test("the end-2025 village figures of the two annexes differ and are a warning, not fixed", () => {
    const findings = checkPlan(current, currentText);
    expect(findings).toContainEqual(expect.objectContaining({ rule: "annex1-annex2-differ", severity: "warning", quotaId: "I11-技能型乡村-2025" }));
    expect(quota("I11-技能型乡村-2025").target).toBe(500);
  });

  test("the 500 vs 538 warning names both lines and both figures", () => {
    const village = quota("I11-技能型乡村-2025");
    const warning = checkPlan(current, currentText).find((f) => f.rule === "annex1-annex2-differ" && f.quotaId === village.id);
    const totalLine = currentText.split("\n").findIndex((line) => /^\|?\s*合\s*计/.test(line)) + 1;
    expect(warning && findingMessage(warning)).toContain(`附件1 第 ${village.line} 行`);
    expect(warning && findingMessage(warning)).toContain(`附件2 第 ${totalLine} 行`);
    expect(warning && findingMessage(warning)).toMatch(/500个.*538个/);
  });

  test("where the annexes agree there is no finding", () => {
    expect(checkPlan(current, currentText).map((f) => f.quotaId)).not.toContain("I08-技能型企业-2025");
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
