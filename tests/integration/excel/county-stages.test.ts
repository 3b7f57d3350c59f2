/**
 * The Office.js path of the county-stage table: the splits the CLI makes (the same core functions)
 * saved in the workbook, 萧山区's sheet generated in the strict in-memory Excel host for each
 * period, typed into and recalculated — the same numbers as the LibreOffice test of CLI files.
 */
import { createExcelHost } from "@planbook/excel-host";
import { loadCounties } from "../../../src/cli/io";
import { parseWeights } from "../../../src/cli/template";
import { columnLetter } from "../../../src/core/snapshot";
import { cityCountySplits, citySplits } from "../../../src/core/merge";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN, partId } from "../../../src/core/template";
import { generateTemplate } from "../../../src/excel/generate";
import { saveSplit } from "../../../src/excel/merge";
import { CITY, CITY_WEIGHTS, COUNTY, COUNTY_STAGE_CASES, COUNTY_WEIGHTS, type CountyStageCase, shownCase } from "../../fixtures/county-stage-expectations";
import { currentRevision } from "../../support/plan";
import { gridRow } from "../../support/present";

const revision = currentRevision();
const geography = loadCounties();
const cityRecords = citySplits(revision, { kind: "weights", weights: parseWeights(CITY_WEIGHTS, "cities.tsv").weights }).records;
const countyRecords = cityCountySplits(revision, geography, CITY, { kind: "weights", weights: parseWeights(COUNTY_WEIGHTS, "counties.tsv").weights }, cityRecords).records;
const at = (key: keyof typeof COLUMN, row: number) => `${columnLetter(COLUMN[key])}${row}`;

async function computed(c: CountyStageCase): Promise<Record<string, unknown>> {
  const host = createExcelHost();
  await host.run((context) => saveSplit(context, [...cityRecords, ...countyRecords]));
  const result = await host.run((context) => generateTemplate(context, { revision, scope: { kind: "county", county: COUNTY }, period: parsePeriod(c.period), geography }));
  const ids = host.values(result.sheetName, "A1:A300").map((r) => r[0]);
  const rowOf = (id: string): number => {
    const row = ids.indexOf(id) + 1;
    if (row === 0) throw new Error(`no row for ${id}`);
    return row;
  };
  const typeAt = async (id: string, figure: number | undefined) => {
    if (figure !== undefined) await host.userEdit(result.sheetName, at("cumulative", rowOf(id)), [[figure]]);
  };
  await typeAt(c.quotaId, c.typed.cumulative);
  await typeAt(partId(c.quotaId, "numerator"), c.typed.numerator);
  await typeAt(partId(c.quotaId, "denominator"), c.typed.denominator);
  const row = rowOf(c.quotaId);
  const [target] = gridRow(host.values(result.sheetName, at("target", row)), 0);
  const [completion, progress, state] = gridRow(host.values(result.sheetName, `${at("completion", row)}:${at("state", row)}`), 0);
  return shownCase({ target, completion, progress, state });
}

describe("county sheets of a split city, by stage, in the in-memory Excel host", () => {
  test.each(COUNTY_STAGE_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    expect(await computed(c)).toEqual(shownCase(c.expected));
  });
});
