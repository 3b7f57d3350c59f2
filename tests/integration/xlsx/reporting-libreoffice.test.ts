import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { parsePeriod } from "../../../src/core/period";
import { readWorkbook } from "../../../src/core/read-sheets";
import { buildTemplate } from "../../../src/core/template/build";
import { COLUMN } from "../../../src/core/template/columns";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { writeTemplateFile } from "../../../src/xlsx/render";
import { REPORTING_CASES, type ReportingCase } from "../../fixtures/reporting-expectations";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { currentRevision, quotaKindsRevision } from "../../support/plan";

/**
 * The file path: each case's template written as .xlsx with the case's figures typed in, opened,
 * recalculated and saved by LibreOffice, read back — and held to the same table as the host test.
 */

const revisions = { seed: currentRevision(), "quota-kinds": quotaKindsRevision() };
const revisionOf = (c: ReportingCase) => revisions[c.plan ?? "seed"];
const computed = new Map<ReportingCase, { completion: unknown; progress: unknown; state: unknown }>();
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "planbook-path-"));
  const inDir = path.join(workDir, "in");
  mkdirSync(inDir);
  const inputs = await Promise.all(
    REPORTING_CASES.map(async (c, index) => {
      const built = buildTemplate({ revision: revisionOf(c), scope: c.scope, period: parsePeriod(c.period), generatedAt: "2026-01-01T00:00:00Z" });
      const row = built.rowRecords.find((r) => r.quotaId === c.quotaId)?.row;
      if (row === undefined) throw new Error(`no row for ${c.quotaId}`);
      // Typed as a person would: constants in the input cells.
      if (c.typed.cumulative !== undefined) built.sheet.cells[row - 1][COLUMN.cumulative] = { value: c.typed.cumulative };
      if (c.typed.status !== undefined) built.sheet.cells[row - 1][COLUMN.status] = { value: c.typed.status };
      const file = path.join(inDir, `case-${index}.xlsx`);
      writeFileSync(file, await writeTemplateFile(built));
      return file;
    }),
  );
  const outDir = path.join(workDir, "out");
  mkdirSync(outDir);
  const outputs = await convertWithLibreOffice(inputs, outDir);
  for (const [index, c] of REPORTING_CASES.entries()) {
    const report = readWorkbook(await readWorkbookFile(readFileSync(outputs[index]))).reports[0];
    const values = report.rows.find((r) => r.quotaId === c.quotaId)?.values;
    computed.set(c, { completion: values?.completion, progress: values?.progress, state: values?.state });
  }
}, 180_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("completion, 序时进度 and status recalculated by LibreOffice", () => {
  test.each(REPORTING_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { completion, progress, state } = computed.get(c) ?? {};
    expect({ state, completion: typeof completion === "number" ? Number(completion.toFixed(6)) : completion, progress: Number(Number(progress).toFixed(6)) }).toEqual({
      state: c.expected.state,
      completion: typeof c.expected.completion === "number" ? Number(c.expected.completion.toFixed(6)) : c.expected.completion,
      progress: Number(c.expected.progress.toFixed(6)),
    });
  });
});
