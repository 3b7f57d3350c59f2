import { createExcelHost, type ExcelHost } from "@planbook/excel-host";
import { generateNextPeriod, generateTemplate } from "../../../src/excel/generate";
import { refreshPrevious } from "../../../src/excel/previous";
import { readWorkbookSnapshot } from "../../../src/excel/workbook";
import { CHANGE_LOG_SHEET, checkWorkbook } from "../../../src/core/checks";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN } from "../../../src/core/template";
import { columnLetter } from "../../../src/core/snapshot";
import { fixtureRevision, QUOTA } from "../../unit/merge/fixture";
import { runAudit } from "../../../src/excel/audit";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { CARRY } from "../../fixtures/part-carry-expectations";
import { currentRevision } from "../../support/plan";
import { reportFile } from "../merge/files";

/** 下一报告期 in the open workbook (the Office.js path on the in-memory host). */

const NOW = new Date("2027-01-05T08:00:00Z");
const revision = fixtureRevision();
const at = (key: keyof typeof COLUMN, row: number): string => `${columnLetter(COLUMN[key])}${row}`;

function rowOf(host: ExcelHost, sheet: string, quotaId: string): number {
  const index = host.values(sheet, "A1:A200").map((row) => row[0]).indexOf(quotaId);
  if (index === -1) throw new Error(`no row for ${quotaId}`);
  return index + 1;
}

/** A province workbook with December's sheet filled in and selected. */
async function december(): Promise<ExcelHost> {
  const host = createExcelHost();
  await host.run((context) => generateTemplate(context, { revision, scope: { kind: "province" }, period: parsePeriod("2026-12"), now: NOW }));
  const sheet = "全省 2026-12";
  await host.userEdit(sheet, at("cumulative", rowOf(host, sheet, QUOTA.training)), [[8.5]]);
  await host.userEdit(sheet, at("cumulative", rowOf(host, sheet, QUOTA.enterprises)), [[5000]]);
  host.userSelect(sheet, "A1");
  return host;
}

describe("下一报告期 in the open workbook", () => {
  test("makes the next period's sheet from the selected one in three syncs: the 每年 quota starts at 0 in January, the multi-year total carries on", async () => {
    const host = await december();
    host.stats.resetSyncs();
    const result = await host.run((context) => generateNextPeriod(context, { revision, now: NOW }));
    expect(host.stats.syncs).toBe(3);
    expect([result.sheetName, result.period, result.previousSheet, result.regenerated]).toEqual(["全省 2027-01", "2027-01", "全省 2026-12", false]);
    const sheet = "全省 2027-01";
    expect(host.values(sheet, at("previous", rowOf(host, sheet, QUOTA.training)))).toEqual([[0]]);
    expect(host.values(sheet, at("previous", rowOf(host, sheet, QUOTA.enterprises)))).toEqual([[5000]]);
    expect(host.values(sheet, at("cumulative", rowOf(host, sheet, QUOTA.enterprises)))).toEqual([[""]]);
  });

  test("上期累计 is locked: a person cannot type over it", async () => {
    const host = await december();
    await host.run((context) => generateNextPeriod(context, { revision, now: NOW }));
    const sheet = "全省 2027-01";
    await expect(host.userEdit(sheet, at("previous", rowOf(host, sheet, QUOTA.enterprises)), [[1]])).rejects.toThrow();
  });

  test("is refused on a sheet Planbook did not make, naming it", async () => {
    const host = await december();
    await host.run(async (context) => {
      context.workbook.worksheets.add("草稿").activate();
      await context.sync();
    });
    await expect(host.run((context) => generateNextPeriod(context, { revision, now: NOW }))).rejects.toThrow(/草稿.*不是 Planbook/);
  });

  test("made again from the previous sheet, keeps what was typed in the next one", async () => {
    const host = await december();
    await host.run((context) => generateNextPeriod(context, { revision, now: NOW }));
    const sheet = "全省 2027-01";
    await host.userEdit(sheet, at("cumulative", rowOf(host, sheet, QUOTA.enterprises)), [[5100]]);
    host.userSelect("全省 2026-12", "A1");
    const again = await host.run((context) => generateNextPeriod(context, { revision, now: NOW }));
    expect(again.regenerated).toBe(true);
    expect(host.values(sheet, at("cumulative", rowOf(host, sheet, QUOTA.enterprises)))).toEqual([[5100]]);
    expect(host.values(sheet, at("previous", rowOf(host, sheet, QUOTA.enterprises)))).toEqual([[5000]]);
  });
});

describe("passed periods stay put", () => {
  test("generating an earlier period's sheet again never changes a later one", async () => {
    const host = await december();
    await host.run((context) => generateNextPeriod(context, { revision, now: NOW }));
    const later = "全省 2027-01";
    await host.userEdit(later, at("cumulative", rowOf(host, later, QUOTA.enterprises)), [[5100]]);
    const before = host.values(later, "A1:Q80");
    // December corrected and generated again: January's 上期累计 is what January was made with.
    await host.userEdit("全省 2026-12", at("cumulative", rowOf(host, "全省 2026-12", QUOTA.enterprises)), [[4900]]);
    await host.run((context) => generateTemplate(context, { revision, scope: { kind: "province" }, period: parsePeriod("2026-12"), now: NOW }));
    expect(host.values(later, "A1:Q80")).toEqual(before);
  });
});

describe("更新上期累计 after last period's sheet was corrected", () => {
  async function corrected(): Promise<{ host: ExcelHost; row: number }> {
    const host = await december();
    await host.run((context) => generateNextPeriod(context, { revision, now: NOW }));
    // December's figure corrected (as typed with the pane open, or by planbook correct).
    await host.userEdit("全省 2026-12", at("cumulative", rowOf(host, "全省 2026-12", QUOTA.enterprises)), [[5050]]);
    host.userSelect("全省 2027-01", "A1");
    return { host, row: rowOf(host, "全省 2027-01", QUOTA.enterprises) };
  }

  test("brings January's 上期累计 in line in three syncs and logs the change with both values", async () => {
    const { host, row } = await corrected();
    host.stats.resetSyncs();
    const result = await host.run((context) => refreshPrevious(context, { now: NOW }));
    expect([host.stats.syncs, result.changes.map((c) => [c.cell, c.before, c.after])]).toEqual([3, [[at("previous", row), 5000, 5050]]]);
    expect(host.values("全省 2027-01", at("previous", row))).toEqual([[5050]]);
    expect(host.values(CHANGE_LOG_SHEET, "B2:G2")).toEqual([["全省 2027-01", at("previous", row), QUOTA.enterprises, 5000, 5050, "上期报表已更正 previous report corrected"]]);
    expect(host.sheet("全省 2027-01").protection.protected).toBe(true);
  });

  test("a second correction is appended below the first, under the sheets' password: one header, the log hidden and protected with it again, three syncs", async () => {
    const host = createExcelHost();
    const password = "口令";
    await host.run((context) => generateTemplate(context, { revision, scope: { kind: "province" }, period: parsePeriod("2026-12"), now: NOW, password }));
    const december = "全省 2026-12";
    const enterprises = at("cumulative", rowOf(host, december, QUOTA.enterprises));
    await host.userEdit(december, enterprises, [[5000]]);
    host.userSelect(december, "A1");
    await host.run((context) => generateNextPeriod(context, { revision, now: NOW, password }));
    const row = rowOf(host, "全省 2027-01", QUOTA.enterprises);
    for (const figure of [5050, 5080]) {
      await host.userEdit(december, enterprises, [[figure]]);
      host.userSelect("全省 2027-01", "A1");
      host.stats.resetSyncs();
      const result = await host.run((context) => refreshPrevious(context, { now: NOW, password }));
      expect([host.stats.syncs, result.changes.length]).toEqual([3, 1]);
    }
    expect(host.values(CHANGE_LOG_SHEET, "A1:G3").map((line) => line.slice(1))).toEqual([
      ["工作表 / Sheet", "单元格 / Cell", "编号 / Quota", "修改前 / Before", "修改后 / After", "原因 / Reason"],
      ["全省 2027-01", at("previous", row), QUOTA.enterprises, 5000, 5050, "上期报表已更正 previous report corrected"],
      ["全省 2027-01", at("previous", row), QUOTA.enterprises, 5050, 5080, "上期报表已更正 previous report corrected"],
    ]);
    const log = host.sheet(CHANGE_LOG_SHEET);
    expect([log.visibility, log.protection.protected, log.protection.password, host.sheet("全省 2027-01").protection.password]).toEqual(["Hidden", true, password, password]);
  });

  test("the logged 上期累计 passes January's own check (no previous-changed)", async () => {
    const { host } = await corrected();
    await host.run((context) => refreshPrevious(context, { now: NOW }));
    const snapshot = await host.run(readWorkbookSnapshot);
    expect(checkWorkbook(snapshot, { revisions: [revision] }).filter((f) => f.rule === "previous-changed")).toEqual([]);
  });

  test("with nothing corrected it changes nothing and logs nothing", async () => {
    const host = await december();
    await host.run((context) => generateNextPeriod(context, { revision, now: NOW }));
    host.userSelect("全省 2027-01", "A1");
    const result = await host.run((context) => refreshPrevious(context, { now: NOW }));
    expect([result.changes, host.sheetNames().includes(CHANGE_LOG_SHEET)]).toEqual([[], false]);
  });
});

describe("a ratio's 分子 and 分母 carry into 下一报告期 (the in-memory host)", () => {
  const seed = currentRevision();
  const sheetOf = (period: string): string => `杭州市 ${period}`;
  const said = (findings: { rule: string; quotaId: string | null; severity: string }[]) =>
    findings.filter((f) => f.rule === "part-fell").map((f) => ({ rule: f.rule, quotaId: f.quotaId, severity: f.severity }));
  const typeFigures = async (host: ExcelHost, sheet: string, figures: { numerator: number; denominator: number }): Promise<void> => {
    await host.userEdit(sheet, at("cumulative", rowOf(host, sheet, CARRY.numerator)), [[figures.numerator]]);
    await host.userEdit(sheet, at("cumulative", rowOf(host, sheet, CARRY.denominator)), [[figures.denominator]]);
  };

  async function october(): Promise<ExcelHost> {
    const host = createExcelHost();
    await host.run((context) => generateTemplate(context, { revision: seed, scope: CARRY.scope, period: parsePeriod(CARRY.from), now: NOW }));
    await typeFigures(host, sheetOf(CARRY.from), CARRY.before);
    host.userSelect(sheetOf(CARRY.from), "A1");
    await host.run((context) => generateNextPeriod(context, { revision: seed, now: NOW }));
    return host;
  }

  test("下一报告期 gives each figure last period's as its 上期累计", async () => {
    const host = await october();
    const sheet = sheetOf(CARRY.to);
    const previousOf = (id: string): unknown => host.values(sheet, at("previous", rowOf(host, sheet, id)))[0]?.[0];
    const [numerator, denominator] = [previousOf(CARRY.numerator), previousOf(CARRY.denominator)];
    expect({ numerator, denominator }).toEqual(CARRY.previous);
  });

  test("a figure below its 上期累计 is found by 校验", async () => {
    const host = await october();
    await typeFigures(host, sheetOf(CARRY.to), CARRY.after);
    const result = await host.run((context) => runAudit(context, { revisions: [seed], now: NOW }));
    expect(said(result.findings.filter((f) => f.sheet === sheetOf(CARRY.to)))).toEqual(CARRY.fell);
  });

  test("a figure that fell across files is found by 校验 with last period's file, not by the sheet alone", async () => {
    const [september] = await readMergeFiles([
      await reportFile(`${sheetOf(CARRY.from)}.xlsx`, seed, CARRY.scope, { [CARRY.numerator]: { cumulative: CARRY.before.numerator }, [CARRY.denominator]: { cumulative: CARRY.before.denominator } }, { period: CARRY.from }),
    ]);
    const host = createExcelHost();
    await host.run((context) => generateTemplate(context, { revision: seed, scope: CARRY.scope, period: parsePeriod(CARRY.to), now: NOW }));
    await typeFigures(host, sheetOf(CARRY.to), CARRY.after);
    const alone = await host.run((context) => runAudit(context, { revisions: [seed], now: NOW }));
    const snapshot = september?.snapshot;
    if (!snapshot) throw new Error("September's file could not be read");
    const across = await host.run((context) => runAudit(context, { revisions: [seed], now: NOW, previous: { name: "杭州市 2026-09.xlsx", snapshot } }));
    expect([said(alone.findings), said(across.findings)]).toEqual([[], CARRY.fell]);
  });
});
