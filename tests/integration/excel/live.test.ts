import { createExcelHost, type ExcelHostOptions, LOWEST_EXCEL_API } from "@planbook/excel-host";
import { startLiveChecking } from "../../../src/excel/live";
import { generateTemplate } from "../../../src/excel/generate";
import { CHANGE_LOG_SHEET } from "../../../src/core/checks";
import type { Finding } from "../../../src/core/findings";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN } from "../../../src/core/template";
import { columnLetter } from "../../../src/core/snapshot";
import { currentRevision } from "../../support/plan";

const revision = currentRevision();
const SHEET = "杭州市 2026-10";
const at = (key: keyof typeof COLUMN, row: number) => `${columnLetter(COLUMN[key])}${row}`;

async function watched(hostOptions: ExcelHostOptions = {}) {
  const host = createExcelHost(hostOptions);
  await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10") }));
  const ids = host.values(SHEET, "A1:A200").map((r) => r[0]);
  const rowOf = (id: string) => ids.indexOf(id) + 1;
  const reports: { rows: number[]; findings: Finding[] }[] = [];
  const errors: unknown[] = [];
  const live = await startLiveChecking(host.run.bind(host), {
    revisions: [revision],
    onFindings: (_sheet, rows, findings) => reports.push({ rows, findings }),
    onError: (error) => errors.push(error),
    now: () => new Date("2026-10-20T09:00:00Z"),
  });
  const type = async (address: string, values: unknown[][], paste = false, coauthor = false) => {
    await host.userEdit(SHEET, address, values, { paste, coauthor });
    await host.settled();
    await live.idle();
  };
  return { host, rowOf, reports, errors, live, type };
}

describe("checking as officials type", () => {
  test("a pasted bad value is reported at once with its cell", async () => {
    const { rowOf, reports, type } = await watched();
    const row = rowOf("I08-技能型企业-2027");
    await type(at("cumulative", row), [["1,500"]], true);
    expect(reports.at(-1)?.findings.map((f) => [f.rule, f.cell])).toEqual([["not-a-number", at("cumulative", row)]]);
  });

  test("fixing the value clears the finding", async () => {
    const { rowOf, reports, type } = await watched();
    const cell = at("cumulative", rowOf("I08-技能型企业-2027"));
    await type(cell, [["abc"]], true);
    await type(cell, [[1400]]);
    expect(reports.at(-1)?.findings).toEqual([]);
  });

  test("a pasted block is one event and one check", async () => {
    const { rowOf, reports, type } = await watched();
    // Three every-year training quotas in a row: open in every period.
    const first = rowOf("I01-先进制造业-每年");
    await type(`${at("cumulative", first)}:${at("cumulative", first + 2)}`, [[-1], [-2], [-3]], true);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.findings.map((f) => f.rule)).toEqual(["negative", "negative", "negative"]);
  });

  test("every change to an input is logged with before and after, and nothing typed is changed", async () => {
    const { host, rowOf, type } = await watched();
    const cell = at("cumulative", rowOf("I08-技能型企业-2027"));
    await type(cell, [[100]]);
    await type(cell, [['=HYPERLINK("http://example.invalid","点我")']], true);
    const log = host.values(CHANGE_LOG_SHEET, "A1:F3");
    expect(log[1]).toEqual(["2026-10-20T09:00:00.000Z", SHEET, cell, "I08-技能型企业-2027", "", 100]);
    expect(log[2]?.slice(4)).toEqual([100, "点我"]);
    // The log keeps what the cell showed, never the formula a person typed.
    expect(host.formulas(CHANGE_LOG_SHEET, "F3")[0]?.[0]).toBe("点我");
    expect(host.formulas(SHEET, cell)[0]?.[0]).toBe('=HYPERLINK("http://example.invalid","点我")');
    expect(host.sheet(CHANGE_LOG_SHEET).protection.protected).toBe(true);
    expect(host.sheet(CHANGE_LOG_SHEET).visibility).toBe("Hidden");
  });

  test(`on ExcelApi ${LOWEST_EXCEL_API}, where events carry no triggerSource, appending to the log starts no further check: two syncs per change`, async () => {
    const { host, rowOf, reports, type } = await watched({ apiVersion: LOWEST_EXCEL_API });
    host.stats.resetSyncs();
    await type(at("cumulative", rowOf("I08-技能型企业-2027")), [[100]]);
    await host.settled();
    expect(reports).toHaveLength(1);
    expect(host.stats.syncs).toBe(2);
  });

  test("a co-author's edit (source Remote) is checked but not logged: their own Excel logs it", async () => {
    const { host, rowOf, reports, type } = await watched();
    await type(at("cumulative", rowOf("I08-技能型企业-2027")), [["abc"]], true, true);
    expect(reports.at(-1)?.findings.map((f) => f.rule)).toEqual(["not-a-number"]);
    expect(host.sheetNames()).not.toContain(CHANGE_LOG_SHEET);
  });

  test("stopping live checking removes its handler: restarted three times, one edit is logged once", async () => {
    const { host, rowOf, live } = await watched();
    await live.stop();
    for (let restart = 0; restart < 2; restart++) {
      const again = await startLiveChecking(host.run.bind(host), { revisions: [revision], onFindings: () => undefined, onError: (error) => { throw error; } });
      await again.stop();
    }
    const last = await startLiveChecking(host.run.bind(host), { revisions: [revision], onFindings: () => undefined, onError: (error) => { throw error; }, now: () => new Date("2026-10-20T09:00:00Z") });
    await host.userEdit(SHEET, at("cumulative", rowOf("I08-技能型企业-2027")), [[100]]);
    await host.settled();
    await last.idle();
    expect(host.values(CHANGE_LOG_SHEET, "A1:F4").filter((row) => row[0] !== "")).toHaveLength(2);
  });

  test("the add-in's own writes do not trigger a check", async () => {
    const { host, reports, live } = await watched();
    await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10") }));
    await host.settled();
    await live.idle();
    expect(reports).toEqual([]);
  });
});
