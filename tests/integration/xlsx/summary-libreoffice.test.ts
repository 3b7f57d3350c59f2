/**
 * The file path: each case's city returns merged as `planbook merge` does (the summary written as
 * .xlsx), opened, recalculated and saved by LibreOffice, read back — and 汇总 held to the same
 * table as the in-memory host test.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { buildSummary, canMerge, PROVINCE_SHEET } from "../../../src/core/merge";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/render";
import { SUMMARY_CASES, type SummaryCase, summaryExpected, summaryShown } from "../../fixtures/summary-expectations";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { provinceSplitRevision } from "../../support/plan";
import { cityFile } from "../merge/files";
import { present } from "../../support/present";

const revision = provinceSplitRevision();
const computed = new Map<SummaryCase, SummaryCase["expected"]>();
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "planbook-summary-"));
  const inDir = path.join(workDir, "in");
  const outDir = path.join(workDir, "out");
  mkdirSync(inDir);
  mkdirSync(outDir);
  const inputs: string[] = [];
  for (const [index, c] of SUMMARY_CASES.entries()) {
    const files = await Promise.all(Object.entries(c.typed).map(([city, typed]) => cityFile(`${city}.xlsx`, revision, city, typed, { period: c.period })));
    const plan = canMerge(await readMergeFiles(files), { revision, period: c.period });
    const built = buildSummary(plan.accepted, { revision, period: c.period, mergedAt: "2026-11-05T09:00:00.000Z", rejected: plan.rejected });
    const file = path.join(inDir, `case-${index}.xlsx`);
    writeFileSync(file, await writeWorkbook(built.sheets, built.charts));
    inputs.push(file);
  }
  const outputs = await convertWithLibreOffice(inputs, outDir);
  for (const [index, c] of SUMMARY_CASES.entries()) {
    const sheet = (await readWorkbookFile(readFileSync(present(outputs[index], `the recalculated case ${index}`)))).sheets.find((s) => s.name === PROVINCE_SHEET);
    const line = sheet?.values.find((row) => row[0] === c.quotaId);
    if (!line) throw new Error(`no 汇总 row for ${c.quotaId} in case ${index}`);
    computed.set(c, summaryShown(line));
  }
}, 240_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("汇总 recalculated by LibreOffice", () => {
  test.each(SUMMARY_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(computed.get(c)).toEqual(summaryExpected(c));
  });
});
