/**
 * Roll-ups at two levels with real .xlsx files: Hangzhou's 13 county files → the city summary
 * (with the city's own return) → merged with the other 10 city files into the province. Every
 * total equals the sum of what the counties and cities typed, over random fills.
 */
import fc from "fast-check";
import { loadCounties } from "../../../src/cli/io";
import { SOURCES_SHEET, sourceRows } from "../../../src/core/merge";
import { countiesOf, formatScope, isCountUnit, type Quota, quotasInScope } from "../../../src/core/plan";
import { type SheetSpec } from "../../../src/core/template";
import { type MergeOutcome, NEW_WORKBOOK, mergeInto, parentReturnName } from "../../../src/core/usecases";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { writeWorkbook } from "../../../src/xlsx/render";
import { currentRevision } from "../../support/plan";
import { specSnapshot } from "../../../scripts/workloads";
import { type Typed, inputOf, inputsOf, reportFile } from "./files";
import { present } from "../../support/present";

const revision = currentRevision();
const geography = loadCounties();
const period = "2026-10";
const mergedAt = "2026-11-05T09:00:00.000Z";
const CITY = "杭州市";
const counties = countiesOf(geography, CITY).map((c) => c.name);
const others = revision.cities.filter((city) => city !== CITY);
/** Counts every level adds up: the rows whose totals are sums (ratios and milestones are not). */
const counted = quotasInScope(revision, { kind: "city", city: CITY }, geography).filter((q) => q.kind === "annual" || q.kind === "cumulative");

/** A figure for a place: coverage (每个县…) is a county's count of things (0–3) or a city's covered counties (at most its own). */
function entry(quota: Quota, place: string): fc.Arbitrary<Typed[string]> {
  const coverage = quota.level === "per-unit" ? (others.includes(place) ? countiesOf(geography, place).length : 3) : null;
  const amount =
    coverage !== null ? fc.integer({ min: 0, max: coverage }) : isCountUnit(quota.unit) ? fc.integer({ min: 0, max: 5_000 }) : fc.integer({ min: 0, max: 50_000 }).map((n) => n / 100);
  return fc.tuple(amount, amount).map(([a, b]) => ({ period: Math.min(a, b), cumulative: Math.max(a, b) }));
}
const fills = (names: string[]): fc.Arbitrary<Record<string, Typed>> =>
  fc.record(Object.fromEntries(names.map((name) => [name, fc.record(Object.fromEntries(counted.map((q) => [q.id, entry(q, name)])))])));

interface TwoLevels {
  city: MergeOutcome;
  province: MergeOutcome;
}

/** Each level merged as `planbook merge` merges it (`mergeInto` into a new file), the city's summary written as the file it sends up. */
async function rollUp(countyFills: Record<string, Typed>, cityFills: Record<string, Typed>): Promise<TwoLevels> {
  const countyFiles = await Promise.all(counties.map((county) => reportFile(`${county}.xlsx`, revision, { kind: "county", county }, inputsOf(countyFills, county), { geography })));
  const countyInputs = await readMergeFiles(countyFiles);
  const city = mergeInto(countyInputs, NEW_WORKBOOK, { revision, period, geography, mergedAt });
  const own = parentReturnName(countyInputs, revision, period, geography);
  if (own === null || !city.sheets.some((sheet) => sheet.name === own)) throw new Error("a city summary carries the city's return");
  // Written and read back as the file the city sends up, exactly as `planbook merge` writes it.
  const summaryFile = await writeWorkbook(city.sheets, city.charts);
  const cityFiles = await Promise.all(others.map((name) => reportFile(`${name}.xlsx`, revision, { kind: "city", city: name }, inputsOf(cityFills, name), { geography })));
  const provinceInputs = await readMergeFiles([{ name: `${CITY}汇总.xlsx`, data: summaryFile }, ...cityFiles]);
  const province = mergeInto(provinceInputs, NEW_WORKBOOK, { revision, period, geography, mergedAt });
  return { city, province };
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const totalOf = (outcome: MergeOutcome, id: string): number | null => outcome.totals.find((t) => t.quotaId === id)?.actual ?? null;
const sheetOf = (outcome: MergeOutcome, name: string): SheetSpec => present(outcome.sheets.find((sheet) => sheet.name === name), `the ${name} sheet`);

describe("counties → city → province, with real files", () => {
  let fixed: TwoLevels;
  let fixedCounties: Record<string, Typed>;
  let fixedCities: Record<string, Typed>;

  beforeAll(async () => {
    [fixedCounties, fixedCities] = present(fc.sample(fc.tuple(fills(counties), fills(others)), { numRuns: 1, seed: 15 })[0], "a sampled set of inputs");
    fixed = await rollUp(fixedCounties, fixedCities);
  }, 120_000);

  test("the county files make the city's summary: the level comes from the files", () => {
    expect([formatScope(fixed.city.plan.rollup.parent), fixed.city.plan.accepted.length, fixed.city.plan.rejected.length]).toEqual(["city:杭州市", 13, 0]);
  });

  test("the city summary is itself a city return the province merge accepts", () => {
    expect(fixed.province.plan.accepted.map((a) => [a.child, a.record.scope])).toContainEqual([CITY, "city:杭州市"]);
    expect([formatScope(fixed.province.plan.rollup.parent), fixed.province.plan.accepted.length, fixed.province.plan.rejected.length]).toEqual(["province", 11, 0]);
  });

  test("the province's 来源 lists Hangzhou's counties, through the city's file", () => {
    const lines = sourceRows(specSnapshot(sheetOf(fixed.province, SOURCES_SHEET)));
    expect(lines.filter((line) => line.scope.startsWith("county:")).map((line) => line.scope)).toEqual(counties.map((county) => `county:${county}`));
    expect(lines.find((line) => line.scope === "county:萧山区")?.file).toBe(`${CITY}汇总.xlsx › 萧山区.xlsx`);
  });

  test("every total is the sum of the county and city inputs (coverage: the counties covered), over random fills", async () => {
    await fc.assert(
      fc.asyncProperty(fills(counties), fills(others), async (countyFills, cityFills) => {
        const { city, province } = await rollUp(countyFills, cityFills);
        for (const quota of counted) {
          const figures = counties.map((county) => inputOf(inputsOf(countyFills, county), quota.id).cumulative as number);
          // A city covers a county that has at least one; the cities' coverage adds up.
          const hangzhou = quota.level === "per-unit" ? figures.filter((f) => f >= 1).length : sum(figures);
          expect(totalOf(city, quota.id)).toBeCloseTo(hangzhou, 6);
          expect(totalOf(province, quota.id)).toBeCloseTo(hangzhou + sum(others.map((c) => inputOf(inputsOf(cityFills, c), quota.id).cumulative as number)), 6);
        }
      }),
      { numRuns: 2, seed: 1515 },
    );
  }, 600_000);
});
