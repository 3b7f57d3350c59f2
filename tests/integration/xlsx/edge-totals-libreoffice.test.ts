/**
 * The file path of issue 26's edges: each case's returned files (templates written by the .xlsx
 * writer, filled by ExcelJS) merged as `planbook merge` does, the summary written as .xlsx,
 * recalculated by LibreOffice and read back — held to the same table as the in-memory host test.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { loadCounties } from "../../../src/cli/io";
import { type MergePlan, PROVINCE_SHEET, buildSummary, canMerge } from "../../../src/core/merge";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/render";
import { EDGE_TOTAL_CASES, type EdgeTotalCase, fileName, mergeSaid } from "../../fixtures/edge-totals-expectations";
import { type SummaryCase, summaryShown } from "../../fixtures/summary-expectations";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { currentRevision } from "../../support/plan";
import { present } from "../../support/present";
import { reportFile } from "../merge/files";

const revision = currentRevision();
const geography = loadCounties();
const computed = new Map<EdgeTotalCase, { line: SummaryCase["expected"]; plan: MergePlan }>();
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "planbook-edges-"));
  const inDir = path.join(workDir, "in");
  const outDir = path.join(workDir, "out");
  mkdirSync(inDir);
  mkdirSync(outDir);
  const plans: MergePlan[] = [];
  const inputs: string[] = [];
  for (const [index, c] of EDGE_TOTAL_CASES.entries()) {
    const files = await Promise.all(
      Object.entries(c.typed).map(([place, typed]) =>
        reportFile(fileName(place), revision, c.level === "city" ? { kind: "city", city: place } : { kind: "county", county: place }, typed, { period: c.period, geography }),
      ),
    );
    const plan = canMerge(await readMergeFiles(files), { revision, period: c.period, geography, acceptErrors: c.acceptErrors });
    const built = buildSummary(plan.accepted, { revision, period: c.period, geography, rollup: plan.rollup, mergedAt: "2026-11-05T09:00:00.000Z", rejected: plan.rejected });
    const file = path.join(inDir, `case-${index}.xlsx`);
    writeFileSync(file, await writeWorkbook(built.sheets, built.charts));
    inputs.push(file);
    plans.push(plan);
  }
  const outputs = await convertWithLibreOffice(inputs, outDir);
  for (const [index, c] of EDGE_TOTAL_CASES.entries()) {
    const sheet = (await readWorkbookFile(readFileSync(present(outputs[index], `the recalculated case ${index}`)))).sheets.find((s) => s.name === PROVINCE_SHEET);
    const line = sheet?.values.find((row) => row[0] === c.quotaId);
    if (!line) throw new Error(`no 汇总 row for ${c.quotaId} in case ${index}`);
    computed.set(c, { line: summaryShown(line), plan: present(plans[index], `the plan of case ${index}`) });
  }
}, 240_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("totals at the edges, recalculated by LibreOffice", () => {
  test.each(EDGE_TOTAL_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { line, plan } = present(computed.get(c), "the case's merge");
    expect({ line, ...mergeSaid(c, plan) }).toEqual({ line: summaryShown(["", "", "", "", c.expected.total, "", c.expected.completion, c.expected.progress, c.expected.state, c.expected.lagging]), findings: c.findings, rejected: c.rejected });
  });
});
