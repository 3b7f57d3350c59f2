import { createExcelHost } from "@planbook/excel-host";
import { columnLetter } from "../../../src/core/a1";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN } from "../../../src/core/template/columns";
import { generateTemplate } from "../../../src/excel/generate";
import { REPORTING_CASES, type ReportingCase } from "../../fixtures/reporting-expectations";
import { currentRevision, quotaKindsRevision } from "../../support/plan";

/** The Office.js path: each case's template made in the strict in-memory Excel host, typed into, recalculated. */

const revisions = { seed: currentRevision(), "quota-kinds": quotaKindsRevision() };
const revisionOf = (c: ReportingCase) => revisions[c.plan ?? "seed"];
const at = (key: keyof typeof COLUMN, row: number) => `${columnLetter(COLUMN[key])}${row}`;

async function computed(c: ReportingCase): Promise<{ completion: unknown; progress: unknown; state: unknown }> {
  const host = createExcelHost();
  const result = await host.run((context) => generateTemplate(context, { revision: revisionOf(c), scope: c.scope, period: parsePeriod(c.period) }));
  const row = host.values(result.sheetName, "A1:A200").map((r) => r[0]).indexOf(c.quotaId) + 1;
  if (row === 0) throw new Error(`no row for ${c.quotaId}`);
  if (c.typed.cumulative !== undefined) await host.userEdit(result.sheetName, at("cumulative", row), [[c.typed.cumulative]]);
  if (c.typed.status !== undefined) await host.userEdit(result.sheetName, at("status", row), [[c.typed.status]]);
  const [completion, progress, state] = host.values(result.sheetName, `${at("completion", row)}:${at("state", row)}`)[0];
  return { completion, progress, state };
}

describe("completion, 序时进度 and status computed by the in-memory Excel host", () => {
  test.each(REPORTING_CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { completion, progress, state } = await computed(c);
    expect({ state, completion: typeof completion === "number" ? Number(completion.toFixed(6)) : completion, progress: Number(Number(progress).toFixed(6)) }).toEqual({
      state: c.expected.state,
      completion: typeof c.expected.completion === "number" ? Number(c.expected.completion.toFixed(6)) : c.expected.completion,
      progress: Number(c.expected.progress.toFixed(6)),
    });
  });
});
