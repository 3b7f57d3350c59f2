import { createExcelHost, type ExcelHost } from "@planbook/excel-host";
import { generateTemplate, type GenerateOptions } from "../../../src/excel/generate";
import { parsePeriod } from "../../../src/core/period";
import { buildTemplate, COLUMN, META_SHEET } from "../../../src/core/template";
import { columnLetter, parseRange } from "../../../src/core/snapshot";
import { fixtureRevision, QUOTA } from "../../unit/merge/fixture";
import { chunkRows, layoutBytes, REQUEST_BUDGET_BYTES } from "../../../src/excel/render";
import { currentRevision, previousRevision } from "../../support/plan";
import { scaledRevision } from "../../../scripts/workloads";
import { present } from "../../support/present";

const NOW = new Date("2026-10-31T08:00:00Z");
const at = (key: keyof typeof COLUMN, row: number): string => `${columnLetter(COLUMN[key])}${row}`;

function options(overrides: Partial<GenerateOptions> = {}): GenerateOptions {
  return { revision: fixtureRevision(), scope: { kind: "province" }, period: parsePeriod("2026-10"), now: NOW, ...overrides };
}

async function generate(host: ExcelHost, overrides: Partial<GenerateOptions> = {}) {
  return host.run((context) => generateTemplate(context, options(overrides)));
}

/** The row a quota id sits on, found the way a person would: in the 编号 column. */
function rowOf(host: ExcelHost, sheet: string, quotaId: string): number {
  const ids = host.values(sheet, `A1:A200`).map((row) => row[0]);
  const index = ids.indexOf(quotaId);
  if (index === -1) throw new Error(`no row for ${quotaId}`);
  return index + 1;
}

describe("generating the template in the open workbook", () => {
  test("a province sheet appears, protected, beside a very hidden metadata sheet", async () => {
    const host = createExcelHost();
    const result = await generate(host);
    expect(result.sheetName).toBe("全省 2026-10");
    expect(host.sheet("全省 2026-10").protection.protected).toBe(true);
    expect(host.sheet(META_SHEET).visibility).toBe("VeryHidden");
  });

  // The file path writes the spec's widths in characters; Excel shows w characters (Calibri 11, 7 px
  // a digit) as trunc((256w + trunc(128/7)) / 256 × 7) px = 0.75 pt a pixel (ECMA-376 18.3.1.13).
  // At 7.5 pt a character the add-in's columns came out 30–45 % wider than the same file's.
  test("each column is as wide in points as the same template's file shows it: 13 characters = 91 px = 68.25 pt", async () => {
    const host = createExcelHost();
    await generate(host);
    const spec = buildTemplate({ revision: fixtureRevision(), scope: { kind: "province" }, period: parsePeriod("2026-10"), generatedAt: NOW.toISOString() });
    const excelPoints = (chars: number) => Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7) * 0.75;
    const widths = host.sheet("全省 2026-10").columnWidths;
    expect([widths.A, spec.sheet.columnWidths.map((chars, i) => widths[columnLetter(i)] === excelPoints(chars)).every(Boolean)]).toEqual([68.25, true]);
  });

  test("completion is computed by the workbook from what is typed", async () => {
    const host = createExcelHost();
    await generate(host);
    const row = rowOf(host, "全省 2026-10", QUOTA.training);
    await host.userEdit("全省 2026-10", at("cumulative", row), [[8]]);
    expect(host.values("全省 2026-10", at("completion", row))).toEqual([[0.8]]);
    expect(host.values("全省 2026-10", at("state", row))).toEqual([["正常"]]);
  });

  test("completion and status stay blank while the inputs are blank", async () => {
    const host = createExcelHost();
    await generate(host);
    const row = rowOf(host, "全省 2026-10", QUOTA.training);
    expect(host.values("全省 2026-10", `${at("completion", row)}:${at("state", row)}`)).toEqual([["", "", ""]]);
  });

  test("a count far behind time-progress is 滞后", async () => {
    const host = createExcelHost();
    await generate(host);
    const row = rowOf(host, "全省 2026-10", QUOTA.enterprises);
    await host.userEdit("全省 2026-10", at("cumulative", row), [[3000]]);
    expect(host.values("全省 2026-10", at("state", row))).toEqual([["滞后"]]);
  });

  test("a person cannot type over a target", async () => {
    const host = createExcelHost();
    await generate(host);
    const row = rowOf(host, "全省 2026-10", QUOTA.training);
    await expect(host.userEdit("全省 2026-10", at("target", row), [[1]])).rejects.toThrow();
  });

  test("an add-in write to a target on the protected sheet fails as in Excel", async () => {
    const host = createExcelHost();
    await generate(host);
    const row = rowOf(host, "全省 2026-10", QUOTA.training);
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("全省 2026-10").getRange(at("target", row)).values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("a city sheet validates whole numbers for enterprises", async () => {
    const host = createExcelHost();
    await generate(host, { scope: { kind: "city", city: "杭州市" } });
    const row = rowOf(host, "杭州市 2026-10", "E27-杭州市");
    const column = COLUMN.cumulative;
    const validation = host.sheet("杭州市 2026-10").dataValidations.find((v) => {
      const { start, end } = parseRange(v.address);
      return start.col <= column && column <= end.col && start.row < row && row <= end.row + 1;
    });
    expect(validation?.rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
  });

  test("generating again keeps every typed value and note", async () => {
    const host = createExcelHost();
    await generate(host);
    const row = rowOf(host, "全省 2026-10", QUOTA.training);
    await host.userEdit("全省 2026-10", `${at("period", row)}:${at("cumulative", row)}`, [[1.5, 8]]);
    await host.userEdit("全省 2026-10", at("note", row), [["按计划推进"]]);
    const result = await generate(host);
    expect(result.regenerated).toBe(true);
    const again = rowOf(host, "全省 2026-10", QUOTA.training);
    expect(host.values("全省 2026-10", `${at("period", again)}:${at("cumulative", again)}`)).toEqual([[1.5, 8]]);
    expect(host.values("全省 2026-10", at("note", again))).toEqual([["按计划推进"]]);
  });

  test("a newer revision that drops a quota with data archives it", async () => {
    const host = createExcelHost();
    await generate(host);
    const row = rowOf(host, "全省 2026-10", QUOTA.ratio);
    await host.userEdit("全省 2026-10", at("cumulative", row), [[0.5]]);
    const newer = fixtureRevision("rev-next");
    newer.quotas = newer.quotas.filter((q) => q.id !== QUOTA.ratio);
    const result = await generate(host, { revision: newer });
    expect(result.archived).toEqual([QUOTA.ratio]);
    const archivedRow = rowOf(host, "全省 2026-10", QUOTA.ratio);
    expect(host.values("全省 2026-10", at("cumulative", archivedRow))).toEqual([[0.5]]);
  });

  test("a sheet Planbook did not make is never overwritten", async () => {
    const host = createExcelHost({ sheets: ["全省 2026-10"] });
    await host.userEdit("全省 2026-10", "A1", [["我的数据"]]);
    const result = await generate(host);
    expect(result.sheetName).toBe("全省 2026-10 (2)");
    expect(result.nameTakenBy).toBe("全省 2026-10");
    expect(host.values("全省 2026-10", "A1")).toEqual([["我的数据"]]);
  });

  test("generating again keeps what was typed outside the template: an inserted column, beside the table, an inserted row", async () => {
    const host = createExcelHost();
    const sheet = "全省 2026-10";
    await generate(host);
    const row = rowOf(host, sheet, QUOTA.training);
    await host.userEdit(sheet, at("cumulative", row), [[8]]);
    host.userUnprotect(sheet);
    await host.userInsertColumns(sheet, COLUMN.period, 1);
    const inserted = columnLetter(COLUMN.period);
    await host.userEdit(sheet, `${inserted}3`, [["备注"]]);
    await host.userEdit(sheet, `${inserted}${row}`, [["=1+1"]]);
    await host.userEdit(sheet, `T${row + 1}`, [["草稿：待核实"]]);
    await host.userInsertRows(sheet, row, 1);
    await host.userEdit(sheet, `B${row + 1}`, [["其中：杭州 3 万"]]);

    const result = await generate(host);
    expect(result.keptCells).toBe(4);
    const again = rowOf(host, sheet, QUOTA.training);
    expect(host.values(sheet, at("cumulative", again))).toEqual([[8]]);
    const kept = () =>
      host
        .values(sheet, `A1:${columnLetter(COLUMN.measure)}200`)
        .filter((line) => String(line[0]).startsWith("原单元格"))
        .map((line) => [line[0], line[COLUMN.measure]]);
    // The typed formula is kept as its text, never evaluated.
    expect(kept()).toEqual([
      [`原单元格 ${inserted}3`, "备注"],
      [`原单元格 ${inserted}${row}`, "=1+1"],
      [`原单元格 B${row + 1}`, "其中：杭州 3 万"],
      [`原单元格 T${row + 2}`, "草稿：待核实"],
    ]);
    // Generating once more keeps them once, where they first were.
    expect((await generate(host)).keptCells).toBe(4);
    expect(kept()).toHaveLength(4);
    expect(host.values(sheet, "T1:T200").flat().every((v) => v === "")).toBe(true);
  });

  test("generating again over cells someone merged unmerges them and keeps the first value", async () => {
    const host = createExcelHost();
    const sheet = "全省 2026-10";
    await generate(host);
    const row = rowOf(host, sheet, QUOTA.training);
    await host.userEdit(sheet, `${at("period", row)}:${at("cumulative", row)}`, [[1.5, 8]]);
    host.userUnprotect(sheet);
    await host.userMerge(sheet, `${at("period", row)}:${at("cumulative", row)}`);
    const result = await generate(host);
    expect(result.keptCells).toBe(0);
    expect(host.sheet(sheet).merges.some((merge) => parseRange(merge).start.row === row - 1)).toBe(false);
    expect(host.values(sheet, `${at("period", row)}:${at("cumulative", row)}`)).toEqual([[1.5, ""]]);
  });

  test("a new sheet takes two syncs and a regenerated one three", async () => {
    const host = createExcelHost();
    await generate(host);
    const first = host.stats.syncs;
    host.stats.resetSyncs();
    await generate(host);
    expect([first, host.stats.syncs]).toEqual([2, 3]);
  });
});

describe("generating from the published plan", () => {
  const revision = currentRevision();

  test("the province sheet has a row for every province-wide quota", async () => {
    const host = createExcelHost();
    const result = await host.run((context) => generateTemplate(context, options({ revision })));
    // A department split's whole is a city's row; the province reports its parts.
    expect(result.quotaRows).toBe(revision.quotas.filter((q) => q.region === null && q.departmentParts === undefined).length);
  });

  test("a unit's sheet has only the quotas it shares", async () => {
    const host = createExcelHost();
    const result = await host.run((context) => generateTemplate(context, options({ revision, scope: { kind: "unit", unit: "省总工会" } })));
    expect(result.quotaRows).toBe(revision.quotas.filter((q) => q.units.includes("省总工会")).length);
    expect(host.values(result.sheetName, "A1:A200").flat()).toContain("I18-省级职工职业技能竞赛-每年");
  });

  test("a city's sheet shows its own Annex 2 target, locked", async () => {
    const host = createExcelHost();
    const result = await host.run((context) => generateTemplate(context, options({ revision, scope: { kind: "city", city: "舟山市" } })));
    const row = rowOf(host, result.sheetName, "I08-技能型企业-2027");
    expect(host.values(result.sheetName, at("target", row))).toEqual([[75]]);
    expect(host.cell(result.sheetName, at("target", row)).locked).toBe(true);
  });

  test("upgrading a sheet from the earlier revision keeps every typed value", async () => {
    const host = createExcelHost();
    await host.run((context) => generateTemplate(context, options({ revision: previousRevision() })));
    const row = rowOf(host, "全省 2026-10", "I01-家政服务-每年");
    await host.userEdit("全省 2026-10", at("cumulative", row), [[1.8]]);
    await host.run((context) => generateTemplate(context, options({ revision })));
    const upgraded = rowOf(host, "全省 2026-10", "I01-家政服务-每年");
    expect((["target", "period", "cumulative"] as const).map((key) => host.values("全省 2026-10", at(key, upgraded))[0]?.[0])).toEqual([5, "", 1.8]);
  });

  test("at 100 times the province's rows it syncs once per 4 MB, never per row", async () => {
    const host = createExcelHost();
    const big = scaledRevision(revision, 100);
    const result = await host.run((context) => generateTemplate(context, options({ revision: big })));
    expect(result.quotaRows).toBe(100 * revision.quotas.filter((q) => q.region === null && q.departmentParts === undefined).length);
    // One read, then one write sync per request-sized block of the ~9 MB written.
    const built = buildTemplate({ revision: big, scope: { kind: "province" }, period: parsePeriod("2026-10"), generatedAt: "" });
    const bytes = present(chunkRows(built.sheet.cells, Infinity, built.sheet.rowHeights)[0], "the one chunk").bytes + layoutBytes(built.sheet);
    expect(host.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(bytes / REQUEST_BUDGET_BYTES));
    expect(host.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});
