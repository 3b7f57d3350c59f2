/**
 * 各期进度 in the open workbook (the Office.js path on the strict in-memory host): the files of
 * several periods merged into the 进度 sheet by the same core as `planbook merge --history`, in a
 * fixed number of syncs whatever the files and rows, its 状态 computed by the host as the report's
 * own (the same expectations as the HyperFormula unit test), its line charts replaced, not added.
 */
import { createExcelHost } from "@planbook/excel-host";
import { LAG_TITLE, type MergeInputFile, PROGRESS_SHEET } from "../../../src/core/merge";
import type { PlanRevision } from "../../../src/core/plan";
import { writeHistory } from "../../../src/excel/progress";
import { HISTORY_CASES, STALL, caseFiles, caseScope, revisionOf, stallFiles } from "../../fixtures/history-cases";
import { currentRevision } from "../../support/plan";
import { cityWorkbook } from "../../unit/merge/fixture";

const revision = currentRevision();

/** The host's 进度 sheet as rows of values, and a line's cell under a column title. */
function progressOf(host: ReturnType<typeof createExcelHost>) {
  const used = host.sheet(PROGRESS_SHEET).usedRange ?? "A1";
  const rows = host.values(PROGRESS_SHEET, used.replace(/^.*!/, ""));
  const header = (rows[2] ?? []).map(String);
  return (quotaId: string, scope: string, title: string): unknown => rows.find((r) => r[0] === quotaId && r[3] === scope)?.[header.indexOf(title)];
}

async function written(files: MergeInputFile[], plan: PlanRevision = revision) {
  const host = createExcelHost();
  host.stats.resetSyncs();
  const result = await host.run((context) => writeHistory(context, { revision: plan, files }));
  return { host, result, syncs: host.stats.syncs };
}

describe("各期进度 on the in-memory host", () => {
  test("six periods of a city: two syncs, the host's states turn 滞后 in May and the lag column says so", async () => {
    const { host, result, syncs } = await written(stallFiles());
    expect([result.written, result.periods, syncs]).toEqual([true, Object.keys(STALL.figures), 2]);
    const at = progressOf(host);
    expect(Object.keys(STALL.figures).map((p) => at(STALL.quotaId, "杭州市", `状态 ${p}`))).toEqual(STALL.states);
    expect(at(STALL.quotaId, "杭州市", LAG_TITLE)).toBe(STALL.lagStart);
    expect(host.sheet(PROGRESS_SHEET).charts.length).toBeGreaterThan(0);
  });

  test("eleven cities over six periods take the same two syncs", async () => {
    const files = Object.keys(STALL.figures).flatMap((period) =>
      revision.cities.map((city) => ({ name: `${city} ${period}.xlsx`, snapshot: cityWorkbook(city, { [STALL.quotaId]: { cumulative: STALL.figures[period] } }, { revision, period }) })),
    );
    const { result, syncs } = await written(files);
    expect([result.written, Object.values(result.merged).map((cities) => cities.length), syncs]).toEqual([true, [11, 11, 11, 11, 11, 11], 2]);
  });

  test("made again, the 进度 sheet and its charts are replaced, not added", async () => {
    const { host } = await written(stallFiles());
    const charts = host.sheet(PROGRESS_SHEET).charts.length;
    await host.run((context) => writeHistory(context, { revision, files: stallFiles() }));
    expect([host.sheetNames().filter((name) => name.startsWith(PROGRESS_SHEET)), host.sheet(PROGRESS_SHEET).charts.length]).toEqual([[PROGRESS_SHEET], charts]);
  });

  test("a sheet of the aggregator's own named 进度 is never written over: nothing is written, and the finding says why", async () => {
    const host = createExcelHost();
    host.userAddSheet(PROGRESS_SHEET);
    await host.userEdit(PROGRESS_SHEET, "A1", [["我的进度笔记"]]);
    const result = await host.run((context) => writeHistory(context, { revision, files: stallFiles() }));
    expect([result.written, result.findings.map((f) => f.rule), host.values(PROGRESS_SHEET, "A1")]).toEqual([false, ["merge-sheet-taken"], [["我的进度笔记"]]]);
  });

  test("files it cannot take are refused by name and kept out of the totals", async () => {
    const damaged = { name: "损坏.xlsx", snapshot: null };
    const { result } = await written([...stallFiles(), damaged]);
    expect(result.rejected.map((r) => [r.file, r.reasons.map((f) => f.rule)])).toEqual([["损坏.xlsx", ["merge-unreadable"]]]);
  });
});

describe("进度's 状态 computed by the in-memory host is the report's, for every kind of quota", () => {
  test.each(HISTORY_CASES.map((c) => [`${caseScope(c)}: ${c.name}`, c] as const))("%s", async (_name, c) => {
    const host = createExcelHost();
    const result = await host.run((context) => writeHistory(context, { revision: revisionOf(c), files: caseFiles(c), acceptErrors: true }));
    expect(result.rejected).toEqual([]);
    expect(progressOf(host)(c.quotaId, caseScope(c), `状态 ${c.period}`)).toBe(c.expected.state);
  });
});
