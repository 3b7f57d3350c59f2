import { createExcelHost } from "@planbook/excel-host";
import { columnLetter } from "../../../src/core/snapshot";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN, PART_KEYS, partId } from "../../../src/core/template";
import { generateTemplate } from "../../../src/excel/generate";
import { REPORTING_CASES, type ReportingCase, expectedShown, shown } from "../../fixtures/reporting-expectations";
import { currentRevision, provinceSplitRevision, quotaKindsRevision } from "../../support/plan";
import { gridRow } from "../../support/present";

/** The Office.js path: each case's template made in the strict in-memory Excel host, typed into, recalculated. */

const revisions = { seed: currentRevision(), "quota-kinds": quotaKindsRevision(), "province-split": provinceSplitRevision() };
const revisionOf = (c: ReportingCase) => revisions[c.plan ?? "seed"];
const at = (key: keyof typeof COLUMN, row: number) => `${columnLetter(COLUMN[key])}${row}`;

async function computed(c: ReportingCase): Promise<{ completion: unknown; progress: unknown; state: unknown; cumulative: unknown; progressFormula: unknown }> {
  const host = createExcelHost();
  const result = await host.run((context) => generateTemplate(context, { revision: revisionOf(c), scope: c.scope, period: parsePeriod(c.period) }));
  const ids = host.values(result.sheetName, "A1:A300").map((r) => r[0]);
  const rowOf = (id: string): number => {
    const row = ids.indexOf(id) + 1;
    if (row === 0) throw new Error(`no row for ${id}`);
    return row;
  };
  const row = rowOf(c.quotaId);
  if (c.typed.cumulative !== undefined) await host.userEdit(result.sheetName, at("cumulative", row), [[c.typed.cumulative]]);
  if (c.typed.status !== undefined) await host.userEdit(result.sheetName, at("status", row), [[c.typed.status]]);
  for (const key of PART_KEYS) {
    const figure = c.typed[key];
    if (figure !== undefined) await host.userEdit(result.sheetName, at("cumulative", rowOf(partId(c.quotaId, key))), [[figure]]);
  }
  const [completion, progress, state] = gridRow(host.values(result.sheetName, `${at("completion", row)}:${at("state", row)}`), 0);
  const [cumulative] = gridRow(host.values(result.sheetName, at("cumulative", row)), 0);
  const [progressFormula] = gridRow(host.formulas(result.sheetName, at("progress", row)), 0);
  return { completion, progress, state, cumulative, progressFormula };
}

describe("completion, 序时进度 and status computed by the in-memory Excel host", () => {
  test.each(REPORTING_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    expect(shown(await computed(c), c)).toEqual(expectedShown(c));
  });
});
