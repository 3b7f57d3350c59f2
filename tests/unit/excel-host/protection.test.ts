import { createExcelHost, type ExcelHost } from "@planbook/excel-host";

/** Sheet protection as Excel enforces it on the add-in and on a person. */

/** A protected sheet whose B2:B3 are unlocked input cells. */
async function protectedSheet(options?: Excel.WorksheetProtectionOptions, apiVersion?: string): Promise<ExcelHost> {
  const host = createExcelHost({ sheets: ["Report"], ...(apiVersion ? { apiVersion } : {}) });
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Report");
    sheet.getRange("A1:C3").values = [
      ["id", "actual", "rate"],
      ["q1", 5, "=B2/10"],
      ["q2", 6, "=B3/10"],
    ];
    sheet.getRange("B2:B3").format.protection.locked = false;
    sheet.protection.protect(options, "pw");
    await context.sync();
  });
  return host;
}

async function attempt(host: ExcelHost, write: (sheet: Excel.Worksheet) => void): Promise<unknown> {
  return host
    .run(async (context) => {
      write(context.workbook.worksheets.getItem("Report"));
      await context.sync();
      return "applied";
    })
    .catch((e: unknown) => e);
}

describe("the add-in writing to a protected sheet", () => {
  test("a value written to a locked cell is refused with AccessDenied at Range.values", async () => {
    const host = await protectedSheet();
    const outcome = await attempt(host, (sheet) => {
      sheet.getRange("C2").values = [[1]];
    });
    expect(outcome).toMatchObject({ code: "AccessDenied", debugInfo: { errorLocation: "Range.values" } });
  });

  test("a block touching one locked cell is refused whole", async () => {
    const host = await protectedSheet();
    await attempt(host, (sheet) => {
      sheet.getRange("B2:C2").values = [[9, 9]];
    });
    expect(host.values("Report", "B2:C2")).toEqual([[5, 0.5]]);
  });

  test("unlocked cells take values", async () => {
    const host = await protectedSheet();
    await attempt(host, (sheet) => {
      sheet.getRange("B2:B3").values = [[7], [8]];
    });
    expect(host.values("Report", "C2:C3")).toEqual([[0.7], [0.8]]);
  });

  test("cells are locked unless unlocked: a new cell far away is locked", async () => {
    const host = await protectedSheet();
    const outcome = await attempt(host, (sheet) => {
      sheet.getRange("Z100").values = [["x"]];
    });
    expect(outcome).toMatchObject({ code: "AccessDenied" });
  });

  test("changing a cell's lock on a protected sheet is refused", async () => {
    const host = await protectedSheet();
    const outcome = await attempt(host, (sheet) => {
      sheet.getRange("B2").format.protection.locked = true;
    });
    expect(outcome).toMatchObject({ code: "AccessDenied", debugInfo: { errorLocation: "FormatProtection.locked" } });
  });

  test("formatting is refused without the Format cells permission", async () => {
    const host = await protectedSheet();
    const outcome = await attempt(host, (sheet) => {
      sheet.getRange("B2").format.fill.color = "#FFFF00";
    });
    expect(outcome).toMatchObject({ code: "AccessDenied" });
  });

  test("formatting is allowed with the Format cells permission", async () => {
    const host = await protectedSheet({ allowFormatCells: true });
    await attempt(host, (sheet) => {
      sheet.getRange("A1").format.font.bold = true;
    });
    expect(host.cell("Report", "A1").font.bold).toBe(true);
  });

  test("column widths follow the Format columns permission", async () => {
    const host = await protectedSheet({ allowFormatColumns: true });
    await attempt(host, (sheet) => {
      sheet.getRange("A:A").format.columnWidth = 120;
    });
    expect(host.sheet("Report").columnWidths).toEqual({ A: 120 });
  });

  test("data validation cannot be changed on a protected sheet, even on unlocked cells", async () => {
    const host = await protectedSheet();
    const outcome = await attempt(host, (sheet) => {
      sheet.getRange("B2").dataValidation.clear();
    });
    expect(outcome).toMatchObject({ code: "AccessDenied" });
  });

  test("merging is refused on a protected sheet", async () => {
    const host = await protectedSheet();
    const outcome = await attempt(host, (sheet) => {
      sheet.getRange("B2:B3").merge();
    });
    expect(outcome).toMatchObject({ code: "AccessDenied" });
  });

  test("inserting rows is refused without the Insert rows permission", async () => {
    const host = await protectedSheet();
    const outcome = await attempt(host, (sheet) => {
      sheet.getRange("2:2").insert("Down");
    });
    expect(outcome).toMatchObject({ code: "AccessDenied" });
  });

  test("grouping rows is refused on a protected sheet", async () => {
    // Range.group is ExcelApi 1.10.
    const host = await protectedSheet(undefined, "1.10");
    const outcome = await attempt(host, (sheet) => {
      sheet.getRange("2:3").group("ByRows");
    });
    expect(outcome).toMatchObject({ code: "AccessDenied" });
  });

  test("renaming a protected sheet works", async () => {
    const host = await protectedSheet();
    await attempt(host, (sheet) => {
      sheet.name = "Renamed";
    });
    expect(host.sheetNames()).toEqual(["Renamed"]);
  });

  test("hiding a protected sheet works", async () => {
    const host = await protectedSheet();
    host.userAddSheet("Other");
    await attempt(host, (sheet) => {
      sheet.visibility = "VeryHidden";
    });
    expect(host.sheet("Report").visibility).toBe("VeryHidden");
  });

  test("the protection state, options and password are kept for inspection", async () => {
    const host = await protectedSheet({ allowFormatColumns: true, allowAutoFilter: true });
    expect(host.sheet("Report").protection).toMatchObject({
      protected: true,
      password: "pw",
      options: { allowFormatColumns: true, allowAutoFilter: true, allowFormatCells: false, allowInsertRows: false },
    });
  });

  test("the add-in reads the protection state after loading it", async () => {
    const host = await protectedSheet();
    const state = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Report");
      sheet.load("protection/protected");
      await context.sync();
      return sheet.protection.protected;
    });
    expect(state).toBe(true);
  });
});

describe("a person editing a protected sheet", () => {
  test("typing into a locked cell is refused", async () => {
    const host = await protectedSheet();
    await expect(host.userEdit("Report", "A2", [["changed"]])).rejects.toMatchObject({ name: "UserEditRefusedError", reason: "protected" });
  });

  test("typing into an unlocked cell works and formulas follow", async () => {
    const host = await protectedSheet();
    await host.userEdit("Report", "B2", [[40]]);
    expect(host.values("Report", "C2")).toEqual([[4]]);
  });

  test("removing protection by hand needs the password", () => {
    const host = createExcelHost();
    host.userProtect("Sheet1", "pw");
    expect(() => host.userUnprotect("Sheet1", "wrong")).toThrow(expect.objectContaining({ reason: "password" }));
  });

  test("after a person removes protection, locked cells can be typed over", async () => {
    const host = await protectedSheet();
    host.userUnprotect("Report", "pw");
    await host.userEdit("Report", "C2", [[123]]);
    expect(host.cell("Report", "C2")).toMatchObject({ value: 123, formula: null });
  });
});
