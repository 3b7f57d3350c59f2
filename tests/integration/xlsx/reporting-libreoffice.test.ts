import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { parsePeriod } from "../../../src/core/period";
import { buildTemplate, COLUMN, PART_KEYS, partId } from "../../../src/core/template";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { writeTemplateFile } from "../../../src/xlsx/render";
import { REPORTING_CASES, type ReportingCase, expectedShown, shown } from "../../fixtures/reporting-expectations";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { currentRevision, provinceSplitRevision, quotaKindsRevision } from "../../support/plan";
import { firstReport } from "../../support/report";
import { gridRow, present } from "../../support/present";

/**
 * The file path: each case's template written as .xlsx with the case's figures typed in, opened,
 * recalculated and saved by LibreOffice, read back — and held to the same table as the host test.
 */

const revisions = { seed: currentRevision(), "quota-kinds": quotaKindsRevision(), "province-split": provinceSplitRevision() };
const revisionOf = (c: ReportingCase) => revisions[c.plan ?? "seed"];
const computed = new Map<ReportingCase, { completion: unknown; progress: unknown; state: unknown; cumulative: unknown; progressFormula: unknown }>();
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "planbook-path-"));
  const inDir = path.join(workDir, "in");
  mkdirSync(inDir);
  const inputs = await Promise.all(
    REPORTING_CASES.map(async (c, index) => {
      const built = buildTemplate({ revision: revisionOf(c), scope: c.scope, period: parsePeriod(c.period), generatedAt: "2026-01-01T00:00:00Z" });
      const rowOf = (id: string): number => {
        const row = built.rowRecords.find((r) => r.quotaId === id)?.row;
        if (row === undefined) throw new Error(`no row for ${id}`);
        return row;
      };
      const row = rowOf(c.quotaId);
      // Typed as a person would: constants in the input cells.
      if (c.typed.cumulative !== undefined) gridRow(built.sheet.cells, row - 1)[COLUMN.cumulative] = { value: c.typed.cumulative };
      if (c.typed.status !== undefined) gridRow(built.sheet.cells, row - 1)[COLUMN.status] = { value: c.typed.status };
      for (const key of PART_KEYS) {
        const figure = c.typed[key];
        if (figure !== undefined) gridRow(built.sheet.cells, rowOf(partId(c.quotaId, key)) - 1)[COLUMN.cumulative] = { value: figure };
      }
      const file = path.join(inDir, `case-${index}.xlsx`);
      writeFileSync(file, await writeTemplateFile(built));
      return file;
    }),
  );
  const outDir = path.join(workDir, "out");
  mkdirSync(outDir);
  const outputs = await convertWithLibreOffice(inputs, outDir);
  for (const [index, c] of REPORTING_CASES.entries()) {
    const report = firstReport(await readWorkbookFile(readFileSync(present(outputs[index], `the recalculated case ${index}`))));
    const row = report.rows.find((r) => r.quotaId === c.quotaId);
    const values = row?.values;
    computed.set(c, { completion: values?.completion, progress: values?.progress, state: values?.state, cumulative: values?.cumulative, progressFormula: row?.formulas.progress });
  }
}, 180_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("completion, 序时进度 and status recalculated by LibreOffice", () => {
  test.each(REPORTING_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { completion, progress, state, cumulative, progressFormula } = computed.get(c) ?? {};
    expect(shown({ completion, progress, state, cumulative, progressFormula }, c)).toEqual(expectedShown(c));
  });
});
