import { parsePeriod, stageAt } from "../../../src/core/period";
import { currentRevision } from "../../support/plan";

const revision = currentRevision();
const quota = (id: string) => {
  const found = revision.quotas.find((q) => q.id === id);
  if (!found) throw new Error(`no quota ${id}`);
  return found;
};
const at = (id: string, period: string) => stageAt(quota(id), parsePeriod(period), revision);
const share = (id: string, period: string) => {
  const { progress } = at(id, period);
  return progress.expected / progress.of;
};

describe("the quota's path in a report period", () => {
  test("a 2027 quota seen in 2026-Q3 expects 68.75 % of 10000 (5000 by 2025, then 9 of 24 months)", () => {
    expect(at("I08-技能型企业-2027", "2026-Q3").progress).toEqual({ expected: 6875, of: 10000 });
  });

  test("before the first deadline the path starts from the city's stock: 杭州市 247 → 700 in 2025-Q3 expects 586.75", () => {
    expect(at("I08-技能型企业-2027-杭州市", "2025-Q3").progress).toEqual({ expected: 586.75, of: 700 });
  });

  test("before the first deadline the stage's target is the first point's", () => {
    expect(at("I08-技能型企业-2027", "2025-10").point?.target).toBe(5000);
  });

  test("after the first deadline the stage's target is the next point's", () => {
    expect(at("I08-技能型企业-2027", "2026-01").point?.target).toBe(10000);
  });

  test("a ratio's path runs 60 % by 2025 to 100 % by 2027: in 2026-Q3 it expects 75 % of 100 %", () => {
    expect(share("I14-能级工资集体协商-2027", "2026-Q3")).toBeCloseTo(0.75, 10);
  });

  test("an every-year quota in October is ten twelfths through its time", () => {
    expect(at("I01-先进制造业-每年", "2026-10").progress).toEqual({ expected: 10, of: 12 });
  });

  test("a milestone counts months from the plan's first January to its deadline", () => {
    expect(at("I03-社会化培训激励政策-2027", "2026-Q2").progress).toEqual({ expected: 18, of: 36 });
  });

  test("the report for a deadline's last month makes that stage final", () => {
    expect([at("I08-技能型企业-2027", "2025-12").final, at("I08-技能型企业-2027", "2025-Q4").final, at("I08-技能型企业-2027", "2025-11").final]).toEqual([true, true, false]);
  });

  test("a stage that is final is not closed while the quota runs on to a later deadline", () => {
    expect(at("I08-技能型企业-2027", "2025-12").closed).toBe(false);
  });

  test("after its last deadline a quota is closed", () => {
    expect([at("I03-一流技师学院-2025", "2026-01").closed, at("I03-一流技师学院-2025", "2025-12").closed]).toEqual([true, false]);
  });

  test("a biennial quota is due in the plan's last year and every second year before it", () => {
    expect([at("I18-浙江技能大赛-每两年", "2027-10").progress, at("I18-浙江技能大赛-每两年", "2025-10").progress]).toEqual([
      { expected: 10, of: 12 },
      { expected: 10, of: 12 },
    ]);
  });

  test("a biennial quota expects nothing in the year between", () => {
    expect(at("I18-浙江技能大赛-每两年", "2026-12")).toMatchObject({ progress: { expected: 0, of: 12 }, final: false });
  });

  test("an every-year quota's December report is final for the year", () => {
    expect([at("I01-先进制造业-每年", "2026-12").final, at("I01-先进制造业-每年", "2026-11").final]).toEqual([true, false]);
  });
});
