/** `planbook plan` run as a user runs it: the installed bin, over the bundle built from this checkout. */
import { ROOT, planbook } from "../../support/cli";

describe("planbook plan, from the bin", () => {
  test("npx planbook plan --json prints one object a quota, from the installed bin", () => {
    const { stdout } = planbook(["plan", "--json"], ROOT);
    const quotas = JSON.parse(stdout) as Record<string, unknown>[];
    expect(quotas.find((q) => q.id === "I08-技能型企业-2027")).toEqual({
      id: "I08-技能型企业-2027",
      action: 2,
      item: 8,
      measure: "建立健全行业涉企政策与企业技能人才队伍建设关联机制,建立技能型企业激励机制,择优确定一批技能型企业典型案例。",
      subject: "技能型企业",
      units: ["省人力社保厅"],
      kind: "cumulative",
      comparator: ">=",
      target: 10000,
      pending: false,
      unit: "家",
      year: 2027,
      region: null,
      text: "到2025年底,累计培育技能型企业5000家；到2027年底,累计培育技能型企业10000家",
      baseline: 2022,
      path: [
        { year: 2025, target: 5000, comparator: ">=" },
        { year: 2027, target: 10000, comparator: ">=" },
      ],
      cadence: "once",
      level: "split",
      numerator: null,
      denominator: null,
      perUnit: null,
      formerIds: ["I08-技能型企业-2027"],
    });
  });

  test("plan --json gives a ratio its numerator and denominator", () => {
    const { stdout } = planbook(["plan", "--json"], ROOT);
    const quotas = JSON.parse(stdout) as Record<string, unknown>[];
    expect(quotas.find((q) => q.id === "I14-能级工资集体协商-2027")).toMatchObject({ numerator: "开展能级工资集体协商企业数", denominator: "已建会规上企业数" });
  });

  test("a missing seed file exits 2 naming the file", () => {
    const result = planbook(["plan", "--revision", "no-such-seed.txt"], ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no-such-seed.txt");
  });
});
