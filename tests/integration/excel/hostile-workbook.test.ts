/**
 * What people do to a workbook between generating and checking: each gets a clear finding from
 * 校验 (never a crash), and nothing they typed is changed by checking.
 */
import { createExcelHost } from "@planbook/excel-host";
import { generateTemplate } from "../../../src/excel/generate";
import { runAudit } from "../../../src/excel/audit";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN, META_SHEET } from "../../../src/core/template";
import { columnLetter } from "../../../src/core/snapshot";
import { currentRevision } from "../../support/plan";

const revision = currentRevision();
const SHEET = "杭州市 2026-10";
const QUOTA = "I08-技能型企业-2027";
const at = (key: keyof typeof COLUMN, row: number) => `${columnLetter(COLUMN[key])}${row}`;

async function generated(apiVersion?: string) {
  const host = createExcelHost(apiVersion ? { apiVersion } : {});
  await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10") }));
  const rowOf = () => host.values(SHEET, "A1:A200").findIndex((r) => r[0] === QUOTA) + 1;
  const audit = async () => (await host.run((context) => runAudit(context, { revisions: [revision] }))).findings.map((f) => [f.rule, f.quotaId ?? f.sheet]);
  return { host, rowOf, audit };
}

describe("a workbook people have handled", () => {
  test("rows inserted above by someone who unprotected the sheet: the quota is still found, nothing is reported", async () => {
    const { host, rowOf, audit } = await generated();
    host.userUnprotect(SHEET);
    await host.userInsertRows(SHEET, 5, 2);
    await host.userEdit(SHEET, at("cumulative", rowOf()), [[1200]]);
    expect(await audit()).toEqual([]);
  });

  test("a deleted quota row is reported by its id", async () => {
    const { host, rowOf, audit } = await generated();
    host.userUnprotect(SHEET);
    await host.userDeleteRows(SHEET, rowOf() - 1, 1);
    expect(await audit()).toContainEqual(["row-missing", QUOTA]);
  });

  test("a renamed Planbook sheet is reported as missing by its old name", async () => {
    const { host, audit } = await generated();
    host.userRenameSheet(SHEET, "我的报表");
    expect(await audit()).toEqual([["sheet-missing", SHEET]]);
  });

  test("a hidden Planbook sheet is still checked", async () => {
    const { host, rowOf, audit } = await generated();
    await host.userEdit(SHEET, at("cumulative", rowOf()), [["abc"]], { paste: true });
    host.userSetVisibility(SHEET, "Hidden");
    expect(await audit()).toEqual([["not-a-number", QUOTA]]);
  });

  test("removed metadata makes it a workbook Planbook cannot vouch for", async () => {
    const { host, audit } = await generated();
    host.userSetVisibility(META_SHEET, "Visible");
    host.userDeleteSheet(META_SHEET);
    expect(await audit()).toEqual([["meta-missing", ""]]);
  });

  test("a block pasted over the formulas is reported and left as it is", async () => {
    const { host, rowOf, audit } = await generated();
    host.userUnprotect(SHEET);
    const row = rowOf();
    await host.userEdit(SHEET, `${at("completion", row)}:${at("state", row)}`, [[1, 1, "已完成"]], { paste: true });
    expect(await audit()).toEqual([["formula-changed", QUOTA]]);
    expect(host.values(SHEET, `${at("completion", row)}:${at("state", row)}`)).toEqual([[1, 1, "已完成"]]);
  });

  test("an id and a target both typed over leave nothing to recognise the row by: it is reported missing at its id cell, and left as it is", async () => {
    const { host, rowOf } = await generated();
    host.userUnprotect(SHEET);
    const row = rowOf();
    await host.userEdit(SHEET, at("id", row), [["I08-改"]], { paste: true });
    await host.userEdit(SHEET, at("target", row), [[1]], { paste: true });
    const findings = (await host.run((context) => runAudit(context, { revisions: [revision] }))).findings;
    expect(findings.map((f) => [f.rule, f.quotaId, f.cell])).toEqual([["row-missing", QUOTA, at("id", row)]]);
    expect([host.values(SHEET, at("id", row))[0]?.[0], host.values(SHEET, at("target", row))[0]?.[0]]).toEqual(["I08-改", 1]);
  });

  test("an id typed over is reported as a changed id at its cell", async () => {
    const { host, rowOf, audit } = await generated();
    host.userUnprotect(SHEET);
    await host.userEdit(SHEET, at("id", rowOf()), [["I08-改"]], { paste: true });
    expect(await audit()).toEqual([["id-changed", QUOTA]]);
  });

  test("a column inserted inside the table: figures are read by their titles and no formula reads as changed", async () => {
    const { host, rowOf, audit } = await generated();
    host.userUnprotect(SHEET);
    await host.userInsertColumns(SHEET, COLUMN.period, 1);
    const shifted = (key: keyof typeof COLUMN, row: number) => `${columnLetter(COLUMN[key] + 1)}${row}`;
    await host.userEdit(SHEET, shifted("cumulative", rowOf()), [[1200]]);
    expect(await audit()).toEqual([]);
    // The 完成率 formula followed its columns: 1200 against the target.
    expect(host.values(SHEET, shifted("completion", rowOf()))[0]?.[0]).toBeGreaterThan(0);
  });

  test("a deleted column is reported at its header cell", async () => {
    const { host, audit } = await generated();
    host.userUnprotect(SHEET);
    await host.userDeleteColumns(SHEET, COLUMN.note, 1);
    expect(await audit()).toEqual([["column-missing", SHEET]]);
  });

  test("a deleted column the formulas use is reported, and so is every formula it broke", async () => {
    const { host, audit } = await generated();
    host.userUnprotect(SHEET);
    await host.userDeleteColumns(SHEET, COLUMN.cumulative, 1);
    const found = await audit();
    expect(found[0]).toEqual(["column-missing", SHEET]);
    expect(found.slice(1).every(([rule]) => rule === "formula-changed")).toBe(true);
  });

  test("cells merged over a row's inputs are reported at the merge; the first value stays as typed", async () => {
    // Listing merged areas is ExcelApi 1.13.
    const { host, rowOf, audit } = await generated("1.13");
    const row = rowOf();
    await host.userEdit(SHEET, `${at("period", row)}:${at("cumulative", row)}`, [[300, 1200]]);
    host.userUnprotect(SHEET);
    await host.userMerge(SHEET, `${at("period", row)}:${at("cumulative", row)}`);
    expect(await audit()).toEqual([["merged-cells", QUOTA]]);
    expect(host.values(SHEET, at("period", row))).toEqual([[300]]);
  });

  test("an Excel without ExcelApi 1.13 checks everything but merged cells, and does not ask for them", async () => {
    // The host refuses getMergedAreasOrNullObject below 1.13 (ApiNotFound, as Office.js does): the
    // audit must ask Office.context.requirements first, which the host answers for itself.
    const { host, rowOf, audit } = await generated("1.12");
    const row = rowOf();
    host.userUnprotect(SHEET);
    await host.userMerge(SHEET, `${at("period", row)}:${at("cumulative", row)}`);
    expect(await audit()).toEqual([]);
  });
});
