/**
 * A person's Ctrl+C / Ctrl+V of cells: "copying a cell normally copies the cell's contents, any
 * formatting … (including conditional formatting and data validation)". The destination's format
 * and validation do not survive a paste of all.
 */
import { createExcelHost } from "@planbook/excel-host";

async function book() {
  const host = createExcelHost({ sheets: ["S"] });
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("S");
    sheet.getRange("A1").values = [[0.5]];
    sheet.getRange("A1").numberFormat = [["0.0%"]];
    sheet.getRange("A1").format.fill.color = "#FFFF00";
    sheet.getRange("B1").values = [["未开始"]];
    sheet.getRange("C1:C3").dataValidation.rule = { list: { inCellDropDown: true, source: "未开始,进行中,已完成" } };
    sheet.getRange("D1:D3").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
  });
  return host;
}

describe("a person's paste", () => {
  test("carries the source's number format and fill", async () => {
    const host = await book();
    await host.userPaste("S", "E5", { sheet: "S", address: "A1" });
    const cell = host.cell("S", "E5");
    expect([cell.value, cell.numberFormat, cell.fill, cell.text]).toEqual([0.5, "0.0%", "#FFFF00", "50.0%"]);
  });

  test("a source without validation takes the destination's away", async () => {
    const host = await book();
    await host.userPaste("S", "C2", { sheet: "S", address: "B1" });
    expect([host.values("S", "C2")[0]?.[0], host.cell("S", "C2").validation, host.cell("S", "C1").validation, host.cell("S", "C3").validation]).toEqual(["未开始", null, "C1", "C3"]);
  });

  test("a source's validation comes along in place of the destination's", async () => {
    const host = await book();
    await host.userPaste("S", "D2", { sheet: "S", address: "C1" });
    const pasted = host.sheet("S").dataValidations.find((v) => v.address === "D2");
    expect(pasted?.rule).toEqual({ list: { inCellDropDown: true, source: "未开始,进行中,已完成" } });
  });

  test("is refused on locked cells of a protected sheet", async () => {
    const host = await book();
    host.userProtect("S");
    await expect(host.userPaste("S", "E5", { sheet: "S", address: "A1" })).rejects.toMatchObject({ reason: "protected" });
  });
});
