import { cityOfCounty, countiesOf, parseCounties } from "../../../src/core/plan";
import { loadCounties, loadSeed } from "../../../src/cli/io";
import { CountiesParseError } from "../../../src/core/shared";

const geography = loadCounties();

describe("Zhejiang's counties table", () => {
  it("has the 11 cities (设区市)", () => {
    expect(geography.cities).toHaveLength(11);
  });

  it("has 90 county-level divisions", () => {
    expect(geography.counties).toHaveLength(90);
  });

  it("gives 杭州市 its 13 counties, 临平区 and 钱塘区 among them", () => {
    const names = countiesOf(geography, "杭州市").map((county) => county.name);
    expect(names).toHaveLength(13);
    expect(names).toEqual(expect.arrayContaining(["临平区", "钱塘区", "建德市"]));
  });

  it("counts 37 districts, 33 counties and 20 county-level cities", () => {
    const byKind = (kind: string) => geography.counties.filter((county) => county.kind === kind).length;
    expect([byKind("区"), byKind("县"), byKind("市")]).toEqual([37, 33, 20]);
  });

  it("gives every county a unique name", () => {
    expect(new Set(geography.counties.map((county) => county.name)).size).toBe(90);
  });

  it("finds the city of a county, and null for a name that is not one", () => {
    expect([cityOfCounty(geography, "桐庐县"), cityOfCounty(geography, "杭州市")]).toEqual(["杭州市", null]);
  });

  it("refuses a malformed line, naming it", () => {
    expect(() => parseCounties("# comment\n杭州市\t上城区\t镇\n")).toThrow(CountiesParseError);
    expect(() => parseCounties("# comment\n杭州市\t上城区\t镇\n")).toThrow(/第 2 行/);
  });
});

describe("the counties table and the plan", () => {
  it("names the same cities as the plan's Annex 2", () => {
    expect([...loadSeed().revision.cities].sort()).toEqual([...geography.cities].sort());
  });
});
