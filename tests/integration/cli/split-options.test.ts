/**
 * Hostile `--split` / `--all-counties` / `--scope county:` input: each is refused with exit 2, every
 * line Chinese first and English second, naming the file and line (or the argument) at fault, no
 * stack trace, and no template written — never a silently wrong split.
 */
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { planbook } from "../../support/cli";

const HANGZHOU_COUNTIES = ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市"];
const CITIES = ["杭州市", "宁波市", "温州市", "湖州市", "嘉兴市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"];
const lines = (names: string[], weight = "1"): string => names.map((name) => `${name}\t${weight}`).join("\n");

const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-split-options-"));
const file = (name: string, text: string): string => {
  writeFileSync(path.join(dir, name), text);
  return name;
};

/** Refused: exit 2, each stderr line Chinese then English, the named texts in it, nothing written. */
function expectRefused(args: string[], out: string, ...named: string[]): void {
  const result = planbook([...args, "--period", "2026-10", "--out", out], dir);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
  for (const line of result.stderr.trimEnd().split("\n")) {
    const [chinese, english] = line.split(" / ");
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(english).toMatch(/[a-z]{3}/);
  }
  for (const text of named) expect(result.stderr).toContain(text);
  expect(existsSync(path.join(dir, out))).toBe(false);
}

describe("planbook template: hostile split options", () => {
  test("a county weights file without some counties names them and says the rule (0 for no share)", () => {
    const weights = file("missing.tsv", lines(HANGZHOU_COUNTIES.slice(0, 11)));
    expectRefused(["template", "--all-counties", "杭州市", "--split", weights], "out-missing", "missing.tsv", "淳安县、建德市", "写 0", "write 0");
  });

  test("a city weights file without some cities names them", () => {
    const weights = file("cities-missing.tsv", lines(CITIES.slice(0, 9)));
    expectRefused(["template", "--all-cities", "--split", weights], "out-cities-missing", "cities-missing.tsv", "台州市、丽水市");
  });

  test("a negative weight is refused by line", () => {
    const weights = file("negative.tsv", `${lines(HANGZHOU_COUNTIES.slice(0, 12))}\n建德市\t-3`);
    expectRefused(["template", "--all-counties", "杭州市", "--split", weights], "out-negative", "negative.tsv", "第 13 行", "line 13");
  });

  test("a weight that is not a number is refused by line", () => {
    const weights = file("words.tsv", `# weights\n${lines(HANGZHOU_COUNTIES.slice(0, 12))}\n建德市\t三`);
    expectRefused(["template", "--all-counties", "杭州市", "--split", weights], "out-words", "words.tsv", "第 14 行", "line 14");
  });

  test("a name given twice is refused with both lines", () => {
    const weights = file("twice.tsv", `${lines(HANGZHOU_COUNTIES)}\n萧山区\t2`);
    expectRefused(["template", "--all-counties", "杭州市", "--split", weights], "out-twice", "twice.tsv", "第 14 行", "第 5 行");
  });

  test("weights that are all 0 are refused, naming the file", () => {
    const weights = file("zeros.tsv", lines(HANGZHOU_COUNTIES, "0"));
    expectRefused(["template", "--all-counties", "杭州市", "--split", weights], "out-zeros", "zeros.tsv", "权重之和为 0", "add up to 0");
  });

  test("an unknown name is refused by line", () => {
    const weights = file("unknown.tsv", `${lines(HANGZHOU_COUNTIES)}\n不存在区\t1`);
    expectRefused(["template", "--all-counties", "杭州市", "--split", weights], "out-unknown", "unknown.tsv", "第 14 行", "不存在区", "not a city or county of Zhejiang");
  });

  test("a county of another city among 杭州市's is refused, saying whose county it is", () => {
    const weights = file("other-city.tsv", `${lines(HANGZHOU_COUNTIES)}\n鄞州区\t1`);
    expectRefused(["template", "--all-counties", "杭州市", "--split", weights], "out-other-city", "other-city.tsv", "第 14 行", "鄞州区」是宁波市的县", "a county of 宁波市");
  });

  test("county weights given as city weights are refused", () => {
    const weights = file("counties-as-cities.tsv", lines(HANGZHOU_COUNTIES));
    expectRefused(["template", "--all-cities", "--split", weights], "out-as-cities", "counties-as-cities.tsv", "第 1 行", "not one of the plan's cities");
  });

  test("--all-counties with a county's name says to give its city", () => {
    expectRefused(["template", "--all-counties", "萧山区", "--split", "equal"], "out-county-name", "--all-counties 杭州市", "a county of 杭州市");
  });

  test("--all-counties with a name that is no city of the plan lists the cities", () => {
    expectRefused(["template", "--all-counties", "北京市", "--split", "equal"], "out-no-city", "北京市", "杭州市、宁波市");
  });

  test("--scope county: with an unknown county is refused by name", () => {
    expectRefused(["template", "--scope", "county:不存在县"], "out-no-county.xlsx", "county:不存在县", "no such county");
  });

  test("--scope county: with a city's name says to use city:", () => {
    expectRefused(["template", "--scope", "county:杭州市"], "out-city-as-county.xlsx", "city:杭州市");
  });

  test("--city-split without county templates is refused, not ignored", () => {
    expectRefused(["template", "--all-cities", "--city-split", "equal"], "out-city-split", "--city-split");
  });

  test("the plan split for counties is refused (the plan gives no county figures)", () => {
    expectRefused(["template", "--all-counties", "杭州市", "--split", "plan"], "out-plan", "--split equal");
  });
});
