/** Templates at every level of the hierarchy, on the published plan: which rows, which targets, which words. */
import { buildTemplate, type BuiltTemplate, type CellValue, COLUMN, EMPTY_META, metaRows, NOT_ASSIGNED, parseMetaRows, parsePartId, type SplitRecord } from "../../../src/core/template";
import { loadCounties } from "../../../src/cli/io";
import { cityCountySplits, cityRollup, citySplits, countySplits, provinceRollup, summaryRows, unitRollup } from "../../../src/core/merge";
import { parsePeriod } from "../../../src/core/period";
import { type Scope, scopeLabel, unitsOf } from "../../../src/core/plan";
import { currentRevision } from "../../support/plan";
import { gridRow } from "../../support/present";

const revision = currentRevision();
const geography = loadCounties();

function build(scope: Scope, splits: SplitRecord[] = [], period = "2026-10"): BuiltTemplate {
  return buildTemplate({ revision, scope, period: parsePeriod(period), generatedAt: "2026-10-31T00:00:00.000Z", splits, geography });
}

/** The quotas a sheet has rows for (a ratio's numerator and denominator rows are its own, not quotas). */
const ids = (built: BuiltTemplate): string[] => built.rowRecords.map((r) => r.quotaId).filter((id) => parsePartId(id) === null);
const valueAt = (built: BuiltTemplate, quotaId: string, key: keyof typeof COLUMN): CellValue => {
  const record = built.rowRecords.find((r) => r.quotaId === quotaId);
  if (!record) throw new Error(`no row for ${quotaId}`);
  const cell = gridRow(built.sheet.cells, record.row - 1)[COLUMN[key]];
  return cell && "value" in cell ? cell.value : null;
};
const text = (built: BuiltTemplate, quotaId: string): string => String(valueAt(built, quotaId, "measure"));

const province = build({ kind: "province" });
const hangzhou = build({ kind: "city", city: "杭州市" });
const xiaoshan = build({ kind: "county", county: "萧山区" });
const union = build({ kind: "unit", unit: "省总工会" });
const levels = [
  ["province", province],
  ["unit", union],
  ["city", hangzhou],
  ["county", xiaoshan],
] as const;

describe("the province template", () => {
  test("has every Annex 1 quota, department parts each on a row, no city's Annex 2 cell", () => {
    expect(ids(province)).toHaveLength(revision.quotas.filter((q) => q.region === null && q.departmentParts === undefined).length);
    expect(ids(province).filter((id) => id.includes("杭州市"))).toEqual([]);
  });

  test("a split quota's target is Annex 1's figure for the period's deadline", () => {
    expect(valueAt(province, "I08-技能型企业-2027", "target")).toBe(10000);
    expect(valueAt(build({ kind: "province" }, [], "2025-10"), "I08-技能型企业-2027", "target")).toBe(5000);
  });

  test("a per-county quota asks for 全省覆盖县数 / 90", () => {
    expect(valueAt(province, "I09-行业技能生态圈-2027", "target")).toBe(90);
    expect(text(province, "I09-行业技能生态圈-2027")).toContain("全省覆盖县数 / 90");
  });

  test("where Annex 1 and Annex 2 disagree the row shows both figures", () => {
    const in2025 = build({ kind: "province" }, [], "2025-10");
    expect(valueAt(in2025, "I11-技能型乡村-2027", "target")).toBe(500);
    expect(text(in2025, "I11-技能型乡村-2027")).toMatch(/2025年：附件1 500个；附件2 各市合计 538个/);
    // The 2027 figures agree (1000 both): only the deadline that disagrees is named.
    expect(text(province, "I11-技能型乡村-2027")).not.toMatch(/2027年：附件1/);
  });
});

describe("a unit's template", () => {
  test("has the unit's own quotas only", () => {
    expect(ids(union)).toEqual(revision.quotas.filter((q) => q.region === null && q.departmentParts === undefined && q.units.includes("省总工会")).map((q) => q.id));
  });

  test("says whether the unit leads (牵头) or shares (配合) each quota", () => {
    expect(text(union, "I01-产业工人-每年")).toContain("本单位牵头");
    expect(text(union, "I14-能级工资集体协商-2027")).toContain("本单位配合（牵头单位：省人力社保厅）");
  });
});

describe("a city's template", () => {
  test("asks for no province-only act", () => {
    for (const id of ["I05-民办培训机构星级评定制度-2025", "I17-省级层面技能共富保-2025", "I16-薪酬分配制度修订-2027", "I21-浙江大工匠-2025", "I18-省级职工职业技能竞赛-每年", "I04-试点工作-2025"]) {
      expect(revision.quotas.some((q) => q.id === id)).toBe(true);
      expect(ids(hangzhou)).not.toContain(id);
    }
  });

  test("a split quota is one row whose target is the city's Annex 2 share", () => {
    const in2025 = build({ kind: "city", city: "杭州市" }, [], "2025-10");
    expect(ids(hangzhou).filter((id) => id.startsWith("I08-"))).toEqual(["I08-技能型企业-2027"]);
    expect([valueAt(in2025, "I08-技能型企业-2027", "target"), valueAt(hangzhou, "I08-技能型企业-2027", "target")]).toEqual([700, 1500]);
    expect(text(in2025, "I08-技能型企业-2027")).toContain("本市目标：到2025年底700家（附件2）");
    expect(text(hangzhou, "I08-技能型企业-2027")).toContain("本市目标：到2027年底1500家（附件2）");
  });

  test("a contributed count without a split asks for 本市贡献数 and has no target", () => {
    expect(valueAt(hangzhou, "I01-先进制造业-每年", "target")).toBe(NOT_ASSIGNED);
    expect(text(hangzhou, "I01-先进制造业-每年")).toContain("本市贡献数");
  });

  test("a split target's text is the city's own, not the province's", () => {
    const { records } = citySplits(revision, { kind: "equal" });
    const split = build({ kind: "city", city: "杭州市" }, records);
    const share = valueAt(split, "I01-先进制造业-每年", "target");
    expect(typeof share).toBe("number");
    expect(text(split, "I01-先进制造业-每年")).toContain(`本市目标：每年${String(share)}万人次`);
    expect(text(split, "I01-先进制造业-每年")).not.toContain("40万人次");
  });

  test("a department split is one city figure, with its parts' units", () => {
    expect(ids(hangzhou).filter((id) => id.startsWith("I01-低空经济"))).toEqual(["I01-低空经济-每年"]);
    expect(valueAt(hangzhou, "I01-低空经济-每年", "units")).toBe("省经信厅、省交通运输厅");
  });

  test("a per-county quota asks for 本市覆盖县数 / 13", () => {
    expect(valueAt(hangzhou, "I09-行业技能生态圈-2027", "target")).toBe(13);
    expect(text(hangzhou, "I09-行业技能生态圈-2027")).toContain("本市覆盖县数 / 13");
  });

  test("a ratio applies to the city as it stands", () => {
    expect(valueAt(build({ kind: "city", city: "杭州市" }, [], "2025-10"), "I14-能级工资集体协商-2027", "target")).toBe(0.6);
    expect(valueAt(hangzhou, "I14-能级工资集体协商-2027", "target")).toBe(1);
  });
});

describe("a county's template", () => {
  test("reports what a city reports, in a county's words", () => {
    expect(ids(xiaoshan)).toEqual(ids(hangzhou));
    expect(text(xiaoshan, "I01-先进制造业-每年")).toContain("本县贡献数");
    expect(valueAt(xiaoshan, "I09-行业技能生态圈-2027", "target")).toBe(1);
  });

  test("a county's share of the city's target is its target", () => {
    const counties = geography.counties.filter((c) => c.city === "杭州市").map((c) => c.name);
    const quota = revision.quotas.find((q) => q.id === "I08-技能型企业-2027");
    const { records } = countySplits([{ quota: quota!, target: 1500 }], counties, { kind: "equal" });
    const split = build({ kind: "county", county: "萧山区" }, records);
    const share = records.find((r) => r.city === "萧山区")?.target;
    expect(valueAt(split, "I08-技能型企业-2027", "target")).toBe(share);
    expect(records.reduce((sum, r) => sum + r.target, 0)).toBe(1500);
  });
});

describe("a split follows the quota's path, stage by stage", () => {
  // 新八级工: the province's 10 by 2025, 150 by 2027; 杭州市 takes 3 of 10 in weight.
  const cityWeights = Object.fromEntries(revision.cities.map((city) => [city, city === "杭州市" ? 3 : 0.7]));
  const cityRecords = citySplits(revision, { kind: "weights", weights: cityWeights }).records;
  const countyRecords = cityCountySplits(revision, geography, "杭州市", { kind: "equal" }, cityRecords).records;
  const target = (scope: Scope, period: string, quotaId: string): CellValue => valueAt(build(scope, [...cityRecords, ...countyRecords], period), quotaId, "target");

  test("a city's share of a contributed count is of the stage its period reports on", () => {
    expect(target({ kind: "city", city: "杭州市" }, "2025-Q3", "I07-新八级工制度企业-2027")).toBe(3);
    expect(target({ kind: "city", city: "杭州市" }, "2026-10", "I07-新八级工制度企业-2027")).toBe(45);
  });

  test("each stage's city shares add up to that stage's provincial target", () => {
    const stageSum = (year: number) => cityRecords.filter((r) => r.quotaId === "I07-新八级工制度企业-2027" && r.year === year).reduce((sum, r) => sum + r.target, 0);
    expect([stageSum(2025), stageSum(2027)]).toEqual([10, 150]);
  });

  test("a county's target in 2025 is its share of the city's 2025 figure, in 2026 and 2027 of its 2027 one", () => {
    const xiaoshanIn = (period: string) => target({ kind: "county", county: "萧山区" }, period, "I08-技能型企业-2027") as number;
    const shares = (year: number) => countyRecords.filter((r) => r.quotaId === "I08-技能型企业-2027" && r.year === year);
    expect(shares(2025).reduce((sum, r) => sum + r.target, 0)).toBe(700);
    expect(shares(2027).reduce((sum, r) => sum + r.target, 0)).toBe(1500);
    expect([xiaoshanIn("2025-Q3"), xiaoshanIn("2026-10"), xiaoshanIn("2027-12")].map((t) => Math.round(t / 10))).toEqual([5, 12, 12]);
  });

  test("a county's row says which deadline its target is for", () => {
    const sheet = build({ kind: "county", county: "萧山区" }, [...cityRecords, ...countyRecords], "2025-Q3");
    expect(text(sheet, "I08-技能型企业-2027")).toContain("到2025年底");
  });

  test("split records keep their deadline through the workbook's metadata", () => {
    const records = cityRecords.filter((r) => r.quotaId === "I07-新八级工制度企业-2027" && r.city === "杭州市");
    expect(parseMetaRows(metaRows({ ...EMPTY_META, splits: records })).splits).toEqual(records);
  });
});

describe.each(levels)("the %s template", (_level, built) => {
  test("has no quota twice", () => {
    expect(new Set(ids(built)).size).toBe(ids(built).length);
  });
});

describe("no quota appears twice on any sheet at any level", () => {
  /** The quotas a row stands for: itself, and on a city's sheet its Annex 2 share (which has no row of its own). */
  const standsFor = (quotaId: string, scope: Scope): string[] => {
    const quota = revision.quotas.find((q) => q.id === quotaId);
    if (!quota) return [quotaId];
    const share = scope.kind === "city" ? revision.quotas.find((q) => q.region === scope.city && q.key === `${quota.key}-累计` && q.item === quota.item) : undefined;
    return share ? [quotaId, share.id] : [quotaId];
  };
  const scopes: Scope[] = [
    { kind: "province" },
    ...unitsOf(revision).map((unit): Scope => ({ kind: "unit", unit })),
    ...revision.cities.map((city): Scope => ({ kind: "city", city })),
    ...geography.counties.map((county): Scope => ({ kind: "county", county: county.name })),
  ];

  test.each(["2025-Q3", "2026-10", "2027-12"])("on every template of %s: the province, each unit, each city and each of the 90 counties", (period) => {
    const twice = scopes.flatMap((scope) => {
      const rows = build(scope, [], period).rowRecords.flatMap((r) => standsFor(r.quotaId, scope));
      return rows.filter((id, i) => rows.indexOf(id) !== i).map((id) => `${scopeLabel(scope)}: ${id}`);
    });
    expect([scopes.length, twice]).toEqual([1 + unitsOf(revision).length + 11 + 90, []]);
  });

  test("on every summary: the province's, each city's of its counties, each lead unit's", () => {
    const rollups = [
      provinceRollup(revision),
      ...revision.cities.map((city) => cityRollup(city, geography)),
      ...unitsOf(revision).map((unit) => unitRollup(unit, revision)),
    ];
    const twice = rollups.flatMap((rollup) => {
      const rows = summaryRows(revision, parsePeriod("2026-10"), rollup, { geography });
      // Each quota is summed in one row only (a ratio's figure rows are its own, beside it), and each row has an id of its own.
      const members = rows.filter((row) => !row.part).flatMap((row) => [...new Set(Object.values(row.quotaByChild).map((q) => q.id))]);
      const ids = rows.map((row) => row.id);
      return [...members.filter((id, i) => members.indexOf(id) !== i), ...ids.filter((id, i) => ids.indexOf(id) !== i)].map((id) => `${scopeLabel(rollup.parent)}: ${id}`);
    });
    expect(twice).toEqual([]);
  });
});
