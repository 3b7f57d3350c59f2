import { createExcelHost, type ExcelHost } from "@planbook/excel-host";

/** Formulas are evaluated (HyperFormula) and move with rows, sheets and renames as in Excel. */

async function write(host: ExcelHost, sheet: string, address: string, formulas: unknown[][]): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).formulas = formulas;
    await context.sync();
  });
}

const COMPLETION_RATE = '=IF(K5="","",K5/I5)';

describe("evaluation", () => {
  test("a completion-rate formula returns the ratio when the actual is filled", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "I5:L5", [[200, "", 50, COMPLETION_RATE]]);
    expect(host.values("Sheet1", "L5")).toEqual([[0.25]]);
  });

  test("a completion-rate formula returns an empty string while the actual is blank", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "I5:L5", [[200, "", "", COMPLETION_RATE]]);
    expect(host.cell("Sheet1", "L5")).toMatchObject({ value: "", valueType: "String", formula: COMPLETION_RATE });
  });

  test("the add-in reads computed values through range.values", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "A1:C1", [[3, 4, "=ROUND(SUMPRODUCT(A1:B1,A1:B1)/3,2)"]]);
    const values = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("C1").load("values,formulas");
      await context.sync();
      return [range.values, range.formulas];
    });
    expect(values).toEqual([[[8.33]], [["=ROUND(SUMPRODUCT(A1:B1,A1:B1)/3,2)"]]]);
  });

  test("a division by zero reads back as the error text", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "A1:B1", [[0, "=1/A1"]]);
    expect(host.cell("Sheet1", "B1")).toMatchObject({ value: "#DIV/0!", valueType: "Error" });
  });

  test("an empty cell reads as an empty string, and as zero in arithmetic", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "B1", [["=A1+1"]]);
    expect(host.values("Sheet1", "A1:B1")).toEqual([["", 1]]);
  });

  test("the checks a template uses evaluate as in Excel", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "A1:H1", [
      ["' 12 ", "=VALUE(TRIM(A1))", "=AND(ISNUMBER(B1),B1>=0)", "=OR(ISBLANK(Z1),FALSE)", '=COUNTIF(B1:C1,">10")', "=ABS(-3)", '=IFERROR(1/0,"n/a")', "=LEN(A1)"],
    ]);
    expect(host.values("Sheet1", "B1:H1")).toEqual([[12, true, true, 1, 3, "n/a", 4]]);
  });

  test("a formula refers to a cell of a sheet whose name needs quotes", async () => {
    const host = createExcelHost({ sheets: ["汇总", "杭州市 2026-10"] });
    await write(host, "杭州市 2026-10", "A1", [[40]]);
    await write(host, "汇总", "A1", [["='杭州市 2026-10'!A1*2"]]);
    expect(host.values("汇总", "A1")).toEqual([[80]]);
  });

  test("a formula that refers to another sheet follows that sheet's rename", async () => {
    const host = createExcelHost({ sheets: ["Summary", "Data"] });
    await write(host, "Data", "A1", [[1]]);
    await write(host, "Summary", "A1", [["=Data!A1"]]);
    host.userRenameSheet("Data", "Data 2026");
    expect(host.formulas("Summary", "A1")).toEqual([["='Data 2026'!A1"]]);
  });

  test("a formula that refers to a deleted sheet becomes #REF!", async () => {
    const host = createExcelHost({ sheets: ["Summary", "Data"] });
    await write(host, "Data", "A1", [[1]]);
    await write(host, "Summary", "A1", [["=Data!A1"]]);
    host.userDeleteSheet("Data");
    expect(host.values("Summary", "A1")).toEqual([["#REF!"]]);
  });

  test("writes of one sync are evaluated together at its end", async () => {
    const host = createExcelHost();
    const seen = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").formulas = [["=A1*10"]];
      sheet.getRange("A1").values = [[3]];
      const b1 = sheet.getRange("B1").load("values");
      await context.sync();
      return b1.values;
    });
    expect(seen).toEqual([[30]]);
  });

  test("text shows values under their number format", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.values = [[0.256, 1234567, 45658]];
      range.numberFormat = [["0.0%", "#,##0", "yyyy-mm-dd"]];
      await context.sync();
    });
    expect(host.texts("Sheet1", "A1:C1")).toEqual([["25.6%", "1,234,567", "2025-01-01"]]);
  });

  test("a Text-formatted cell keeps a typed formula as text", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.numberFormat = [["@"]];
      range.values = [["=1+1"]];
      await context.sync();
    });
    expect(host.cell("Sheet1", "A1")).toMatchObject({ value: "=1+1", formula: null });
  });
});

describe("rows moving under formulas", () => {
  test("inserting rows above a referenced cell shifts the formula's reference", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "A2:B2", [[5, "=A2*2"]]);
    await host.userInsertRows("Sheet1", 0, 3);
    expect(host.formulas("Sheet1", "B5")).toEqual([["=A5*2"]]);
  });

  test("inserting rows through the add-in shifts references on other sheets too", async () => {
    const host = createExcelHost({ sheets: ["Data", "Summary"] });
    await write(host, "Data", "A3", [[7]]);
    await write(host, "Summary", "A1", [["=SUM(Data!A1:A3)"]]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("1:2").insert("Down");
      await context.sync();
    });
    expect([host.formulas("Summary", "A1"), host.values("Summary", "A1")]).toEqual([[["=SUM(Data!A3:A5)"]], [[7]]]);
  });

  test("deleting a referenced row turns the reference into #REF!", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "A1:A2", [[5], ["=A1*2"]]);
    await host.userDeleteRows("Sheet1", 0, 1);
    expect(host.values("Sheet1", "A1")).toEqual([["#REF!"]]);
  });

  test("formats, validation and merges move down with inserted rows", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A2").format.fill.color = "#FFFF00";
      sheet.getRange("B2").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      sheet.getRange("C2:D2").merge();
      await context.sync();
    });
    await host.userInsertRows("Sheet1", 1, 2);
    const sheet = host.sheet("Sheet1");
    expect([host.cell("Sheet1", "A4").fill, sheet.dataValidations.map((v) => v.address), sheet.merges]).toEqual(["#FFFF00", ["B4"], ["C4:D4"]]);
  });

  test("a person inserting columns shifts references across them; deleting a referenced column makes #REF!", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "A1:C1", [[5, 7, "=A1+B1"]]);
    await host.userInsertColumns("Sheet1", 1, 2);
    expect([host.formulas("Sheet1", "E1"), host.values("Sheet1", "E1")]).toEqual([[["=A1+D1"]], [[12]]]);
    await host.userDeleteColumns("Sheet1", 3, 1);
    expect(host.values("Sheet1", "D1")).toEqual([["#REF!"]]);
  });

  test("a person cannot insert columns on a protected sheet", async () => {
    const host = createExcelHost();
    host.userProtect("Sheet1");
    await expect(host.userInsertColumns("Sheet1", 0, 1)).rejects.toMatchObject({ reason: "protected" });
  });

  test("deleting cells with shift up moves the cells below in that column only", async () => {
    const host = createExcelHost();
    await write(host, "Sheet1", "A1:B3", [
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").delete("Up");
      await context.sync();
    });
    expect(host.values("Sheet1", "A1:B3")).toEqual([
      [2, 10],
      [3, 20],
      ["", 30],
    ]);
  });
});

describe("calculation suspended by the API", () => {
  test("stays suspended after the sync: computed values are not there until application.calculate()", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").formulas = [[2, "=A1*3"]];
      await context.sync();
    });
    expect(() => host.values("Sheet1", "B1")).toThrow(/stale values/);
    await host.run(async (context) => {
      context.workbook.application.calculate("Recalculate");
      await context.sync();
    });
    expect(host.values("Sheet1", "B1")).toEqual([[6]]);
  });
});
