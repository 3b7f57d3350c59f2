import { loadCounties } from "../../../src/cli/io";
import { LEVEL_RULES, levelRule, parseScope, type Quota, quotasInScope, withLevelCorrections } from "../../../src/core/plan";
import { InvalidScopeError } from "../../../src/core/shared";
import { currentRevision } from "../../support/plan";

const revision = currentRevision();
const geography = loadCounties();
const quota = (id: string): Quota => {
  const found = revision.quotas.find((q) => q.id === id);
  if (!found) throw new Error(`no quota ${id}`);
  return found;
};
const levelOf = (id: string): string => quota(id).level;
const idsOf = (quotas: Quota[]): string[] => quotas.map((q) => q.id);

describe("quota levels derived from the text", () => {
  test("a training count every city contributes to is contributed", () => {
    expect(levelOf("I01-先进制造业-每年")).toBe("contributed");
  });

  test("the Annex 1 quotas Annex 2 splits by city are split", () => {
    expect([levelOf("I08-技能型企业-2027"), levelOf("I11-技能型乡村-2027")]).toEqual(["split", "split"]);
  });

  test("在每个县(市、区)打造1个 is per-unit", () => {
    expect(levelOf("I09-行业技能生态圈-2027")).toBe("per-unit");
  });

  test.each([
    ["出台民办培训机构星级评定制度", "I05-民办培训机构星级评定制度-2025"],
    ["推出省级层面“技能共富保”", "I17-省级层面技能共富保-2025"],
    ["省属国有企业各层级子企业", "I16-薪酬分配制度修订-2027"],
    ["浙江大工匠", "I21-浙江大工匠-2025"],
    ["100场省级职工竞赛", "I18-省级职工职业技能竞赛-每年"],
    ["a pilot in 湖州市、绍兴市滨海新区、台州市椒江区", "I04-试点工作-2025"],
  ])("%s is province-only", (_what, id) => {
    expect(levelOf(id)).toBe("province-only");
  });

  test("every level is said by a rule of the table a person can read", () => {
    const rule = levelRule(quota("I05-民办培训机构星级评定制度-2025"), revision.quotas, revision.cities);
    expect(rule.says).toContain("出台");
    expect(LEVEL_RULES[LEVEL_RULES.length - 1]?.level).toBe("contributed");
  });

  test("a correction replaces the derived level of its quota only", () => {
    const corrected = withLevelCorrections(revision, [{ quotaId: "I01-先进制造业-每年", level: "province-only" }]);
    expect(corrected.quotas.find((q) => q.id === "I01-先进制造业-每年")?.level).toBe("province-only");
    expect(corrected.quotas.find((q) => q.id === "I01-数字经济-每年")?.level).toBe("contributed");
  });

  test("a quota split by provincial department has a whole: the sum of its parts, for cities", () => {
    const whole = quota("I01-低空经济-每年");
    expect([whole.target, whole.departmentParts]).toEqual([0.2, ["I01-低空经济-每年-省经信厅", "I01-低空经济-每年-省交通运输厅"]]);
    expect(quota("I01-低空经济-每年-省经信厅").departmentWhole).toBe(whole.id);
  });
});

describe("which quotas each scope reports", () => {
  const city = quotasInScope(revision, { kind: "city", city: "杭州市" }, geography);

  test("the province reports every Annex 1 quota once, department parts each on its own", () => {
    const province = idsOf(quotasInScope(revision, { kind: "province" }));
    expect(province).toContain("I01-低空经济-每年-省经信厅");
    expect(province).not.toContain("I01-低空经济-每年");
    expect(province.filter((id) => /杭州市/.test(id))).toEqual([]);
  });

  test("a city reports no province-only quota", () => {
    expect(city.filter((q) => q.level === "province-only")).toEqual([]);
    expect(idsOf(city)).not.toContain("I05-民办培训机构星级评定制度-2025");
  });

  test("a city reports a department split as one figure", () => {
    expect(idsOf(city).filter((id) => id.startsWith("I01-低空经济"))).toEqual(["I01-低空经济-每年"]);
    expect(idsOf(city).filter((id) => id.startsWith("I01-交通运输"))).toEqual(["I01-交通运输-每年"]);
  });

  test("a city reports a split quota once, not once more as its Annex 2 cell", () => {
    expect(idsOf(city).filter((id) => id.startsWith("I08-技能型企业"))).toEqual(["I08-技能型企业-2027"]);
  });

  test("a county reports what a city reports", () => {
    expect(idsOf(quotasInScope(revision, { kind: "county", county: "萧山区" }, geography))).toEqual(idsOf(city));
  });

  test("a unit reports the quotas it leads or shares", () => {
    const union = idsOf(quotasInScope(revision, { kind: "unit", unit: "省总工会" }));
    expect(union).toEqual(expect.arrayContaining(["I01-产业工人-每年", "I18-省级职工职业技能竞赛-每年", "I14-能级工资集体协商-2027"]));
    expect(union).not.toContain("I01-先进制造业-每年");
  });

  test.each([
    ["province", { kind: "province" }],
    ["city", { kind: "city", city: "杭州市" }],
    ["county", { kind: "county", county: "萧山区" }],
    ["unit", { kind: "unit", unit: "省人力社保厅" }],
  ] as const)("no quota appears twice on a %s sheet", (_level, scope) => {
    const ids = idsOf(quotasInScope(revision, scope, geography));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("county scopes", () => {
  test("county:萧山区 reads as a county", () => {
    expect(parseScope("county:萧山区", revision, geography)).toEqual({ kind: "county", county: "萧山区" });
  });

  test("a county not in the table is refused by name", () => {
    expect(() => parseScope("county:不存在县", revision, geography)).toThrow(InvalidScopeError);
    expect(() => parseScope("county:不存在县", revision, geography)).toThrow(/不存在县/);
  });
});
