import { createExcelHost } from "@planbook/excel-host";

/** Failing syncs: Excel's codes, the error's shape, and what of the batch stays applied. */

describe("a failing sync", () => {
  test("rejects with an OfficeExtension.Error-shaped object naming the code and where it failed", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "RichApi.Error",
      code: "ItemNotFound",
      message: "The requested resource doesn't exist.",
      debugInfo: { code: "ItemNotFound", message: "The requested resource doesn't exist.", errorLocation: "WorksheetCollection.getItem" },
    });
  });

  test("keeps the commands before the failing one applied", async () => {
    const host = createExcelHost();
    await host
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["before"]];
        sheet.protection.protect();
        sheet.getRange("A2").values = [["locked"]];
        await context.sync();
      })
      .catch(() => undefined);
    expect(host.values("Sheet1", "A1")).toEqual([["before"]]);
  });

  test("drops the commands after the failing one", async () => {
    const host = createExcelHost();
    await host
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.protection.protect();
        sheet.getRange("A2").values = [["locked"]];
        sheet.tabColor = "#FF0000";
        await context.sync();
      })
      .catch(() => undefined);
    expect(host.sheet("Sheet1").tabColor).toBe("");
  });

  test("delivers none of the loads of the failed sync", async () => {
    const host = createExcelHost();
    const readName = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1").load("name");
      context.workbook.worksheets.getItem("Nope").load("name");
      await context.sync().catch(() => undefined);
      return () => sheet.name;
    });
    expect(readName).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

describe("Excel's error codes", () => {
  test("adding a sheet whose name exists (in any case) is ItemAlreadyExists", async () => {
    const host = createExcelHost({ sheets: ["Data"] });
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.add("DATA");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("renaming a sheet to another sheet's name is ItemAlreadyExists", async () => {
    const host = createExcelHost({ sheets: ["A", "B"] });
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("B").name = "a";
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("a sheet name with a character Excel forbids is InvalidArgument", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.add("2026/10");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  test("an address that is not an address is InvalidArgument", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B").load("address");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  test("a cell past the last column XFD is InvalidArgument", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("XFE1").load("address");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  test("values whose shape differs from the range are InvalidArgument", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument", debugInfo: { errorLocation: "Range.values" } });
  });

  test("values set to null are InvalidArgument", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = null as unknown as unknown[][];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  test("cell values cannot be written to whole columns", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A:B").values = "Due Date" as unknown as unknown[][];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  test("a formula that does not parse is InvalidArgument", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=SUM(1,"]];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  test("protecting a protected sheet is AccessDenied at WorksheetProtection.protect", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.protection.protect();
        sheet.protection.protect();
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AccessDenied", debugInfo: { errorLocation: "WorksheetProtection.protect" } });
  });

  test("unprotecting an unprotected sheet is AccessDenied at WorksheetProtection.unprotect", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").protection.unprotect();
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AccessDenied", debugInfo: { errorLocation: "WorksheetProtection.unprotect" } });
  });

  test("unprotecting with a wrong password fails and leaves the sheet protected", async () => {
    const host = createExcelHost();
    host.userProtect("Sheet1", "secret");
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").protection.unprotect("guess");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect([error, host.sheet("Sheet1").protection.protected]).toEqual([expect.objectContaining({ code: "InvalidArgument" }), true]);
  });

  test("unprotecting with the right password works", async () => {
    const host = createExcelHost();
    host.userProtect("Sheet1", "secret");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").protection.unprotect("secret");
      await context.sync();
    });
    expect(host.sheet("Sheet1").protection.protected).toBe(false);
  });

  test("hiding the only visible sheet is refused", async () => {
    const host = createExcelHost({ sheets: ["Only"] });
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Only").visibility = "Hidden";
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidOperation" });
  });

  test("an invalid data validation rule is InvalidArgument", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          decimal: { formula1: 0, operator: "Between" },
        };
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidArgument", debugInfo: { errorLocation: "DataValidation.rule" } });
  });
});
