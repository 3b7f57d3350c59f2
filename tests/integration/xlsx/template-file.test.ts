import ExcelJS from "exceljs";
import { cellAddress, readWorkbook } from "../../../src/core/snapshot";
import { checkWorkbook } from "../../../src/core/checks";
import { parsePeriod } from "../../../src/core/period";
import { buildTemplate, type BuiltTemplate, COLUMN, EMPTY_META, HEADER_ROW, INSTRUCTIONS_SHEET, META_SHEET, withSheetRecords } from "../../../src/core/template";
import { readCellLocks, readWorkbookFile } from "../../../src/xlsx/read";
import { writeTemplateFile } from "../../../src/xlsx/render";
import { fixtureRevision } from "../../unit/merge/fixture";
import { cellsOf, element, elements, outerXml, partXml, sheetPartPath } from "./raw-xml";
import { gridRow, present } from "../../support/present";

/** A generated template file, read back by our reader and by its raw XML. */

const revision = fixtureRevision();
const build = (scope: Parameters<typeof buildTemplate>[0]["scope"]): BuiltTemplate =>
  buildTemplate({
    revision,
    scope,
    period: parsePeriod("2026-10"),
    generatedAt: "2026-11-02T08:00:00.000Z",
    password: "planbook",
  });

const province = build({ kind: "province" });
const firstRecord = present(province.rowRecords[0], "the province sheet's first quota row");
const city = build({ kind: "city", city: "杭州市" });
let provinceFile: Uint8Array;
let cityFile: Uint8Array;

beforeAll(async () => {
  provinceFile = await writeTemplateFile(province);
  cityFile = await writeTemplateFile(city);
});

const reportXml = async (file: Uint8Array, built: BuiltTemplate): Promise<string> =>
  partXml(file, await sheetPartPath(file, built.sheet.name));

describe("a template file read back", () => {
  test("the province sheet is found with every quota row at its generated row", async () => {
    const read = readWorkbook(await readWorkbookFile(provinceFile));
    expect(read.reports.map((r) => [r.name, r.rows.map((row) => [row.quotaId, row.row])])).toEqual([
      [province.sheet.name, province.rowRecords.map((record) => [record.quotaId, record.row])],
    ]);
  });

  test("the city sheet is found with its regional quotas", async () => {
    const read = readWorkbook(await readWorkbookFile(cityFile));
    expect(read.reports[0]?.rows.map((row) => row.quotaId)).toEqual(city.rowRecords.map((record) => record.quotaId));
    expect(read.reports[0]?.rows.map((row) => row.quotaId)).toContain("E27-杭州市");
  });

  test("reading finds no problem in a freshly generated file", async () => {
    expect(readWorkbook(await readWorkbookFile(provinceFile)).findings).toEqual([]);
  });

  test("the template's own merges read back, and none of them is a finding", async () => {
    const snapshot = await readWorkbookFile(provinceFile);
    expect(snapshot.sheets[0]?.merges?.sort()).toEqual([...province.sheet.merges].sort());
    expect(checkWorkbook(snapshot, { revisions: [revision] })).toEqual([]);
  });

  test("cells merged over a quota row's inputs in a file are a merged-cells finding at the merge", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(provinceFile) as unknown as ArrayBuffer);
    const row = firstRecord.row;
    const merged = `${cellAddress(row - 1, COLUMN.period)}:${cellAddress(row - 1, COLUMN.cumulative)}`;
    workbook.getWorksheet(province.sheet.name)!.mergeCells(merged);
    const findings = checkWorkbook(await readWorkbookFile(Buffer.from(await workbook.xlsx.writeBuffer())), { revisions: [revision] });
    expect(findings.map((f) => [f.rule, f.cell, f.quotaId])).toEqual([["merged-cells", cellAddress(row - 1, COLUMN.period), firstRecord.quotaId]]);
  });

  test("the metadata records read back equal the ones written", async () => {
    const read = readWorkbook(await readWorkbookFile(cityFile));
    expect(read.meta).toEqual(withSheetRecords(EMPTY_META, city.sheetRecord, city.rowRecords));
  });

  test("the metadata of other sheets given as existing records is kept", async () => {
    const file = await writeTemplateFile(city, withSheetRecords(EMPTY_META, province.sheetRecord, province.rowRecords));
    const read = readWorkbook(await readWorkbookFile(file));
    expect(read.meta.sheets.map((s) => s.sheet)).toEqual([province.sheet.name, city.sheet.name]);
  });

  test("formulas read back as the spec's formulas, with their leading =", async () => {
    const snapshot = await readWorkbookFile(provinceFile);
    const row = firstRecord.row;
    const expected = gridRow(province.sheet.cells, row - 1)[COLUMN.completion];
    expect(snapshot.sheets[0]?.formulas[row - 1]?.[COLUMN.completion]).toBe(expected && "formula" in expected ? expected.formula : null);
  });

  test("formula cells have no cached value until a spreadsheet program computes them", async () => {
    const snapshot = await readWorkbookFile(provinceFile);
    expect(snapshot.sheets[0]?.values[firstRecord.row - 1]?.[COLUMN.state]).toBe("");
  });

  test("the report and 填报说明 sheets are visible and protected, the metadata sheet very hidden and protected", async () => {
    const snapshot = await readWorkbookFile(provinceFile);
    expect(snapshot.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      [province.sheet.name, "Visible", true],
      [INSTRUCTIONS_SHEET, "Visible", true],
      [META_SHEET, "VeryHidden", true],
    ]);
  });

  test("targets and formulas are locked, input cells and the signature block unlocked", async () => {
    const row = firstRecord.row;
    const signatureRow = province.sheet.cells.length;
    const at = (key: keyof typeof COLUMN): string => cellAddress(row - 1, COLUMN[key]);
    const locks = await readCellLocks(provinceFile, province.sheet.name, [
      at("id"),
      at("target"),
      at("completion"),
      at("state"),
      at("cumulative"),
      at("note"),
      `B${signatureRow}`,
    ]);
    expect(locks).toEqual({
      [at("id")]: true,
      [at("target")]: true,
      [at("completion")]: true,
      [at("state")]: true,
      [at("cumulative")]: false,
      [at("note")]: false,
      [`B${signatureRow}`]: false,
    });
  });

  test("the sheet is protected with a hashed password, selection allowed and structure edits refused", async () => {
    const protection = element(await reportXml(provinceFile, province), "sheetProtection");
    expect(protection.attributes).toMatchObject({
      sheet: "1",
      algorithmName: "SHA-512",
      formatColumns: "0",
      formatRows: "0",
      autoFilter: "0",
    });
    expect(protection.attributes.hashValue).toMatch(/^[A-Za-z0-9+/=]{80,}$/);
    expect(protection.attributes).not.toHaveProperty("selectUnlockedCells");
    expect(protection.attributes).not.toHaveProperty("insertRows");
  });

  test("panes are frozen below the header and right of the id column", async () => {
    const pane = element(await reportXml(provinceFile, province), "pane");
    expect(pane.attributes).toMatchObject({ state: "frozen", ySplit: String(HEADER_ROW), xSplit: "1" });
  });

  test("the tab has the spec's colour", async () => {
    const tab = element(await reportXml(provinceFile, province), "tabColor");
    expect(tab.attributes.rgb).toBe(`FF${(province.sheet.tabColor ?? "").slice(1)}`);
  });

  test("every column has the spec's width, 9 included", async () => {
    const xml = await reportXml(provinceFile, province);
    const format = element(xml, "sheetFormatPr");
    const widths = province.sheet.columnWidths.map((_, index) => {
      const col = elements(xml, "col").find((c) => Number(c.attributes.min) <= index + 1 && index + 1 <= Number(c.attributes.max));
      return Number(col ? col.attributes.width : format.attributes.defaultColWidth);
    });
    expect(widths).toEqual(province.sheet.columnWidths);
  });

  test("the page is landscape, one page wide, with the header row repeated", async () => {
    const xml = await reportXml(provinceFile, province);
    expect(elements(xml, "pageSetup")[0]?.attributes).toMatchObject({ orientation: "landscape", fitToWidth: "1", fitToHeight: "0" });
    expect(elements(xml, "pageSetUpPr")[0]?.attributes.fitToPage).toBe("1");
    const titles = elements(await partXml(provinceFile, "xl/workbook.xml"), "definedName").find(
      (d) => d.attributes.name === "_xlnm.Print_Titles" && d.attributes.localSheetId === "0",
    );
    expect(titles?.element.textContent).toBe(`'${province.sheet.name}'!$${HEADER_ROW}:$${HEADER_ROW}`);
  });

  test("every merge of the spec is in the file", async () => {
    const merges = elements(await reportXml(provinceFile, province), "mergeCell").map((m) => m.attributes.ref);
    expect(merges.sort()).toEqual([...province.sheet.merges].sort());
  });

  test("every input cell carries its validation with prompt and stop alert", async () => {
    const rules = elements(await reportXml(provinceFile, province), "dataValidation");
    const byCell = Object.fromEntries(
      rules.flatMap((rule) =>
        cellsOf(present(rule.attributes.sqref, "a data validation's sqref")).map((cell) => [
          cell,
          [rule.attributes.type, rule.attributes.prompt, rule.attributes.showErrorMessage, rule.attributes.errorStyle ?? "stop"],
        ]),
      ),
    );
    const expected = Object.fromEntries(
      province.sheet.validations.flatMap((v) => cellsOf(v.range).map((cell) => [cell, [v.rule.type, v.prompt.message, "1", "stop"]])),
    );
    expect(byCell).toEqual(expected);
  });

  test("the status column has the three conditional formats, formulas without =", async () => {
    const rules = elements(await reportXml(provinceFile, province), "conditionalFormatting").map((cf) => [
      cf.attributes.sqref,
      element(outerXml(cf.element), "formula").element.textContent,
    ]);
    expect(rules).toEqual(province.sheet.conditionalFormats.map((f) => [f.range, f.formula.slice(1)]));
  });

  test("every font in the file names its typeface, so no reader has to guess one", async () => {
    const fonts = elements(await partXml(provinceFile, "xl/styles.xml"), "font").filter((f) => f.element.parentNode?.nodeName === "fonts");
    expect(fonts.map((f) => f.children.name !== undefined)).toEqual(fonts.map(() => true));
  });

  test("the workbook asks to be recalculated when opened", async () => {
    expect(elements(await partXml(provinceFile, "xl/workbook.xml"), "calcPr")[0]?.attributes.fullCalcOnLoad).toBe("1");
  });

  test("the workbook opens on the report sheet, not on the hidden metadata", async () => {
    expect(elements(await partXml(provinceFile, "xl/workbook.xml"), "workbookView")[0]?.attributes.activeTab).toBe("0");
  });
});
