/**
 * `planbook template --from`: a period's file made from the previous period's returned file, for an
 * official (one file) and for the aggregator (a folder of the cities' files). Real files: made by
 * the CLI, filled by another program (ExcelJS), recalculated by LibreOffice, checked by the CLI.
 */
import { mkdirSync, mkdtempSync, readFileSync, unlinkSync } from "fs";
import os from "os";
import path from "path";
import { columnLetter } from "../../../src/core/snapshot";
import { COLUMN, type ColumnKey } from "../../../src/core/template";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { quotasInScope } from "../../../src/core/plan";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { planbook } from "../../support/cli";
import { fill, rowsOf } from "../../support/fill";
import { currentRevision } from "../../support/plan";
import { gridRow, present } from "../../support/present";
import { firstReport } from "../../support/report";
import { CARRY } from "../../fixtures/part-carry-expectations";

const revision = currentRevision();
/** Quotas 杭州市 reports that are still open in 2027: a 每年 one counted in 万人次, a multi-year running total, a milestone. */
const onSheet = quotasInScope(revision, { kind: "city", city: "杭州市" });
const open = (q: (typeof revision.quotas)[number]) => q.year === null || q.year >= 2027;
const ANNUAL = onSheet.find((q) => q.kind === "annual" && q.cadence === "annual" && q.unit === "万人次" && open(q))!.id;
const RUNNING = onSheet.find((q) => q.kind === "cumulative" && q.cadence === "once" && open(q))!.id;
const MILESTONE = onSheet.find((q) => q.kind === "milestone" && open(q))!.id;

interface Report {
  findings: { file: string; rule: string; severity: string; cell: string | null; quotaId: string | null }[];
  errors: number;
}

const cellOf = (row: number, key: ColumnKey): string => `${columnLetter(COLUMN[key])}${row}`;

describe("planbook template --from, for an official", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-next-"));
  const september = path.join(dir, "杭州市 2026-09.xlsx");
  const october = path.join(dir, "杭州市 2026-10.xlsx");

  beforeAll(async () => {
    expect(planbook(["template", "--scope", "city:杭州市", "--period", "2026-09", "--out", september], dir).status).toBe(0);
    await fill(september, { [ANNUAL]: { period: 3, cumulative: 40.5 }, [RUNNING]: { period: 10, cumulative: 900 }, [MILESTONE]: { status: "推进中" } });
  });

  test("makes the next period (scope and period from the file) with 上期累计 and milestone states carried, and leaves the input as it was", async () => {
    const before = readFileSync(september);
    const result = planbook(["template", "--from", september, "--out", october], dir);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("city:杭州市 2026-10");
    const rows = await rowsOf(october);
    expect(rows.get(ANNUAL)?.values.previous).toBe(40.5);
    expect(rows.get(RUNNING)?.values.previous).toBe(900);
    expect(rows.get(MILESTONE)?.values.status).toBe("推进中");
    expect(rows.get(RUNNING)?.values.cumulative).toBe("");
    expect(readFileSync(september)).toEqual(before);
  });

  test("filled and recalculated by LibreOffice, a 累计 typed as 上期累计 + 本期 checks, and a 本期 that is not 累计 − 上期累计 is the one error", async () => {
    const rows = await rowsOf(october);
    const annual = rows.get(ANNUAL)!.row;
    const running = rows.get(RUNNING)!.row;
    await fill(october, {
      [ANNUAL]: { period: 4.25, cumulative: `=${cellOf(annual, "previous")}+${cellOf(annual, "period")}` },
      [RUNNING]: { period: 7, cumulative: 910 },
    });
    const out = path.join(dir, "recalculated");
    mkdirSync(out);
    const [recalculated] = await convertWithLibreOffice([october], out);
    const after = await rowsOf(recalculated);
    expect(after.get(ANNUAL)?.values.cumulative).toBe(44.75);
    const report = JSON.parse(planbook(["check", "--json", recalculated], dir).stdout) as Report;
    expect(report.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell, f.quotaId])).toEqual([
      ["period-not-difference", cellOf(running, "period"), RUNNING],
    ]);
  });

  test("is refused from a file of a later period, naming the file", () => {
    const result = planbook(["template", "--from", october, "--period", "2026-09", "--out", path.join(dir, "x.xlsx")], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(october);
    expect(result.stderr).toContain("2026-09");
  });
});

describe("the year boundary on real files", () => {
  test("2026-12 → 2027-01: the 每年 quota's 上期累计 is 0, the multi-year total's carries on", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-year-"));
    const december = path.join(dir, "12.xlsx");
    const january = path.join(dir, "01.xlsx");
    expect(planbook(["template", "--scope", "city:杭州市", "--period", "2026-12", "--out", december], dir).status).toBe(0);
    await fill(december, { [ANNUAL]: { cumulative: 48 }, [RUNNING]: { cumulative: 1200 } });
    expect(planbook(["template", "--from", december, "--period", "2027-01", "--out", january], dir).status).toBe(0);
    const rows = await rowsOf(january);
    expect([rows.get(ANNUAL)?.values.previous, rows.get(RUNNING)?.values.previous]).toEqual([0, 1200]);
  });
});

describe("a ratio's 分子 and 分母 carry into the next period (real files)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-parts-"));
  const september = path.join(dir, `杭州市 ${CARRY.from}.xlsx`);
  const october = path.join(dir, `杭州市 ${CARRY.to}.xlsx`);
  const fresh = path.join(dir, `杭州市 ${CARRY.to} 新建.xlsx`);
  const typedAfter = { [CARRY.numerator]: { cumulative: CARRY.after.numerator }, [CARRY.denominator]: { cumulative: CARRY.after.denominator } };
  const said = (report: Report) => report.findings.filter((f) => f.rule === "part-fell").map((f) => ({ rule: f.rule, quotaId: f.quotaId, severity: f.severity }));

  beforeAll(async () => {
    expect(planbook(["template", "--scope", "city:杭州市", "--period", CARRY.from, "--out", september], dir).status).toBe(0);
    await fill(september, { [CARRY.numerator]: { cumulative: CARRY.before.numerator }, [CARRY.denominator]: { cumulative: CARRY.before.denominator } });
    expect(planbook(["template", "--from", september, "--out", october], dir).status).toBe(0);
    expect(planbook(["template", "--scope", "city:杭州市", "--period", CARRY.to, "--out", fresh], dir).status).toBe(0);
    await fill(october, typedAfter);
    await fill(fresh, typedAfter);
  });

  test("template --from gives each figure last period's as its 上期累计", async () => {
    const rows = await rowsOf(october);
    expect({ numerator: rows.get(CARRY.numerator)?.values.previous, denominator: rows.get(CARRY.denominator)?.values.previous }).toEqual(CARRY.previous);
  });

  test("a figure below its 上期累计 is found by the sheet's own check", () => {
    expect(said(JSON.parse(planbook(["check", "--json", october], dir).stdout) as Report)).toEqual(CARRY.fell);
  });

  test("a figure that fell across files is found by check --previous, not by the later file alone", () => {
    expect(said(JSON.parse(planbook(["check", "--json", fresh], dir).stdout) as Report)).toEqual([]);
    expect(said(JSON.parse(planbook(["check", "--json", "--previous", september, fresh], dir).stdout) as Report)).toEqual(CARRY.fell);
  });
});

describe("planbook template --all-cities --from, for the aggregator", () => {
  test("each city's next file from its returned one; a city that returned none gets a template without 上期累计", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-next-cities-"));
    const returned = path.join(dir, "returned");
    expect(planbook(["template", "--all-cities", "--period", "2026-09", "--out", returned], dir).status).toBe(0);
    await fill(path.join(returned, "杭州市 2026-09.xlsx"), { [RUNNING]: { cumulative: 900 } });
    unlinkSync(path.join(returned, "宁波市 2026-09.xlsx"));
    const next = path.join(dir, "next");
    const result = planbook(["template", "--all-cities", "--from", returned, "--out", next], dir);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n").filter((line) => line.includes("无上期报表"))).toEqual([expect.stringContaining("宁波市 2026-10")]);
    expect((await rowsOf(path.join(next, "杭州市 2026-10.xlsx"))).get(RUNNING)?.values.previous).toBe(900);
    const ningbo = firstReport(await readWorkbookFile(readFileSync(path.join(next, "宁波市 2026-10.xlsx"))));
    expect(ningbo.record.previousPeriod).toBe("");
  });
});

describe("planbook merge --history, for the aggregator", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-history-"));
  const periods = ["2026-01", "2026-02", "2026-03"] as const;
  const folder = (period: string) => path.join(dir, "returned", period);
  /** 杭州市 and 宁波市 report each period, each from the last; 杭州市's running total stalls in March. */
  const typed: Record<"杭州市" | "宁波市", Record<(typeof periods)[number], number>> = {
    杭州市: { "2026-01": 100, "2026-02": 150, "2026-03": 150 },
    宁波市: { "2026-01": 40, "2026-02": 90, "2026-03": 130 },
  };
  const history = path.join(dir, "进度.xlsx");
  let merged: ReturnType<typeof planbook>;

  beforeAll(async () => {
    // Each period is made from the last one as returned (filled), then filled in.
    let previousPeriod: string | null = null;
    for (const period of periods) {
      const args = previousPeriod === null ? ["--period", period] : ["--from", folder(previousPeriod)];
      previousPeriod = period;
      expect(planbook(["template", "--all-cities", ...args, "--out", folder(period)], dir).status).toBe(0);
      for (const [name, values] of Object.entries(typed)) {
        const file = path.join(folder(period), `${name} ${period}.xlsx`);
        const previous = (await rowsOf(file)).get(RUNNING)?.values.previous;
        await fill(file, { [RUNNING]: { period: values[period] - (typeof previous === "number" ? previous : 0), cumulative: values[period] } });
      }
    }
    merged = planbook(["merge", "--history", path.join(dir, "returned"), "--json", "--chart-quota", RUNNING, "--out", history], dir);
  }, 300_000);

  test("each next period's 上期累计 is the last period's 累计", async () => {
    for (const [i, period] of periods.slice(1).entries()) {
      const rows = await rowsOf(path.join(folder(period), `杭州市 ${period}.xlsx`));
      expect([period, rows.get(RUNNING)?.values.previous]).toEqual([period, typed.杭州市[present(periods[i], "the period before")]]);
    }
  });

  test("gives one row per quota and scope, one column per period, reconciling with each period's own merge", async () => {
    const result = merged;
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { periods: string[]; lines: { quotaId: string; scope: string; values: unknown[] }[] };
    expect(report.periods).toEqual(periods);
    const line = (scope: string) => report.lines.find((l) => l.quotaId === RUNNING && l.scope === scope)?.values;
    expect(line("杭州市")).toEqual(periods.map((p) => typed.杭州市[p]));
    expect(line("全省")).toEqual(periods.map((p) => typed.杭州市[p] + typed.宁波市[p]));
    for (const [i, period] of periods.entries()) {
      const single = planbook(["merge", "--json", "--out", path.join(dir, `汇总 ${period}.xlsx`), ...["杭州市", "宁波市"].map((c) => path.join(folder(period), `${c} ${period}.xlsx`))], dir);
      const totals = (JSON.parse(single.stdout) as { totals: { quotaId: string; actual: number | null }[] }).totals;
      expect(totals.find((t) => t.quotaId === RUNNING)?.actual).toBe(line("全省")?.[i]);
    }
  });

  test("recalculated by LibreOffice, its 状态 per period is computed from the figures, and the line chart is in the file", async () => {
    const out = path.join(dir, "recalculated");
    mkdirSync(out);
    const [recalculated] = await convertWithLibreOffice([history], out);
    const sheet = (await readWorkbookFile(readFileSync(recalculated))).sheets.find((s) => s.name === "进度")!;
    const header = gridRow(sheet.values, 2).map(String);
    const provinceRow = sheet.values.findIndex((r) => r[0] === RUNNING && r[3] === "全省");
    const provinceStates = periods.map((p) => gridRow(sheet.values, provinceRow)[header.indexOf(`状态 ${p}`)]);
    // The province's target is 150 by 2027 (10 by 2025): January's 140 is 93% against 序时进度 (10 + 140 × 1/24) / 150,
    // so 正常; February's 240 reaches it (已完成), and March stays there.
    expect(revision.quotas.find((q) => q.id === RUNNING)?.path.map((p) => p.target)).toEqual([10, 150]);
    expect(provinceStates).toEqual(["正常", "已完成", "已完成"]);
    expect(periods.map((p) => sheet.values[provinceRow]?.[header.indexOf(p)])).toEqual([140, 240, 280]);
    const zip = readFileSync(history).toString("latin1");
    expect(zip).toContain("xl/charts/chart1.xml");
  });
});
