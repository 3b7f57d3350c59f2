/**
 * County templates made by `planbook template --all-counties 杭州市 --split <weights>` follow the
 * quota's path stage by stage: for 2025-Q3, 2026-10 and 2027-12 each county's target is its share of
 * 杭州市's target of the stage that period reports on, the 13 shares add up to it, and the files,
 * typed into as another program would and recalculated by LibreOffice, compute the table's numbers.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { loadCounties } from "../../../src/cli/io";
import { parseWeights } from "../../../src/cli/template";
import { citySplits } from "../../../src/core/merge";
import { countiesOf } from "../../../src/core/plan";
import { parsePeriod } from "../../../src/core/period";
import { type ReportSheet } from "../../../src/core/snapshot";
import { buildTemplate, COLUMN, partId } from "../../../src/core/template";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { CITY, CITY_WEIGHTS, COUNTY, COUNTY_STAGE_CASES, COUNTY_WEIGHTS, PERIODS, shownCase } from "../../fixtures/county-stage-expectations";
import { planbook } from "../../support/cli";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { currentRevision } from "../../support/plan";
import { present } from "../../support/present";
import { firstReport } from "../../support/report";

const revision = currentRevision();
const geography = loadCounties();
const counties = countiesOf(geography, CITY).map((c) => c.name);
let workDir: string;
const reports = new Map<string, ReportSheet>();
const recalculated = new Map<(typeof COUNTY_STAGE_CASES)[number], ReportSheet>();

const folderOf = (period: string): string => path.join(workDir, `counties-${period}`);

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "planbook-county-stages-"));
  writeFileSync(path.join(workDir, "cities.tsv"), CITY_WEIGHTS);
  writeFileSync(path.join(workDir, "counties.tsv"), COUNTY_WEIGHTS);
  for (const period of PERIODS) {
    const result = planbook(
      ["template", "--all-counties", CITY, "--split", "counties.tsv", "--city-split", "cities.tsv", "--period", period, "--out", `counties-${period}`],
      workDir,
    );
    if (result.status !== 0) throw new Error(result.stderr);
    for (const file of readdirSync(folderOf(period))) {
      reports.set(`${period} ${file}`, firstReport(await readWorkbookFile(readFileSync(path.join(folderOf(period), file)))));
    }
  }
  // Each case's county file typed into with ExcelJS (as another program would), then recalculated by LibreOffice.
  const typedDir = path.join(workDir, "typed");
  mkdirSync(typedDir);
  const inputs = await Promise.all(
    COUNTY_STAGE_CASES.map(async (c, index) => {
      const source = path.join(folderOf(c.period), `${COUNTY} ${c.period}.xlsx`);
      const report = reports.get(`${c.period} ${COUNTY} ${c.period}.xlsx`) as ReportSheet;
      const rowOf = (id: string): number => {
        const row = report.rows.find((r) => r.quotaId === id)?.row;
        if (row === undefined) throw new Error(`no row for ${id}`);
        return row;
      };
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(source) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(report.name) as ExcelJS.Worksheet;
      const typeAt = (id: string, figure: number | undefined) => {
        if (figure !== undefined) sheet.getCell(rowOf(id), COLUMN.cumulative + 1).value = figure;
      };
      typeAt(c.quotaId, c.typed.cumulative);
      typeAt(partId(c.quotaId, "numerator"), c.typed.numerator);
      typeAt(partId(c.quotaId, "denominator"), c.typed.denominator);
      const file = path.join(typedDir, `case-${index}.xlsx`);
      writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
      return file;
    }),
  );
  const outDir = path.join(workDir, "recalculated");
  mkdirSync(outDir);
  const outputs = await convertWithLibreOffice(inputs, outDir);
  for (const [index, c] of COUNTY_STAGE_CASES.entries()) {
    recalculated.set(c, firstReport(await readWorkbookFile(readFileSync(present(outputs[index], `the recalculated case ${index}`)))));
  }
}, 300_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("county templates of a split city, by stage, recalculated by LibreOffice", () => {
  test.each(COUNTY_STAGE_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const values = recalculated.get(c)?.rows.find((r) => r.quotaId === c.quotaId)?.values;
    expect(shownCase({ target: values?.target, completion: values?.completion, progress: values?.progress, state: values?.state })).toEqual(shownCase(c.expected));
  });

  test.each(PERIODS.map((p) => [p]))("in %s the 13 counties' targets add up to 杭州市's target of the same stage, quota by quota", (period) => {
    const { records } = citySplits(revision, { kind: "weights", weights: parseWeights(CITY_WEIGHTS, "cities.tsv").weights });
    const city = buildTemplate({ revision, scope: { kind: "city", city: CITY }, period: parsePeriod(period), generatedAt: "2026-01-01T00:00:00Z", splits: records, geography });
    const cityReport = city.rowRecords.filter((r) => typeof r.target === "number" && Number.isInteger(r.target) && r.target > 1);
    const countyTargets = (quotaId: string) =>
      counties.map((county) => reports.get(`${period} ${county} ${period}.xlsx`)?.rows.find((r) => r.quotaId === quotaId)?.values.target);
    const sums = Object.fromEntries(
      cityReport.map((r) => [r.quotaId, Number(countyTargets(r.quotaId).reduce<number>((sum, t) => sum + (typeof t === "number" ? t : NaN), 0).toFixed(10))]),
    );
    expect(Object.keys(sums).length).toBeGreaterThanOrEqual(5);
    expect(sums).toEqual(Object.fromEntries(cityReport.map((r) => [r.quotaId, r.target])));
  });
});
