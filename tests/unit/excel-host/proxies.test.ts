import { createExcelHost } from "@planbook/excel-host";

/** The Office.js proxy rules: nothing is readable before load + sync, writes wait for the sync. */

describe("reading properties", () => {
  test("reading a property that was never loaded throws PropertyNotLoaded with Excel's message", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        await context.sync();
        return range.values;
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "RichApi.Error",
      code: "PropertyNotLoaded",
      message:
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
    });
  });

  test("a loaded property is still unreadable until the sync has run", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        range.load("values");
        return range.values;
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("a sync that is not awaited has not run yet", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        range.load("address");
        void context.sync();
        return range.address;
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("comma-separated, array and select forms of load all load their properties", async () => {
    const host = createExcelHost();
    const loaded = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const a = sheet.getRange("B2:C3").load("address, rowCount");
      const b = sheet.getRange("B2:C3").load(["columnCount", "rowIndex"]);
      const c = sheet.getRange("B2:C3").load({ select: "columnIndex" });
      await context.sync();
      return [a.address, a.rowCount, b.columnCount, b.rowIndex, c.columnIndex];
    });
    expect(loaded).toEqual(["Sheet1!B2:C3", 2, 2, 1, 1]);
  });

  test("a navigation path loads a property of a child object", async () => {
    const host = createExcelHost();
    const bold = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.format.font.bold = true;
      await context.sync();
      const again = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      again.load("format/font/bold");
      await context.sync();
      return again.format.font.bold;
    });
    expect(bold).toBe(true);
  });

  test("loading items/name on the worksheet collection lists every sheet", async () => {
    const host = createExcelHost({ sheets: ["汇总", "杭州市 2026-10"] });
    const names = await host.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/position");
      await context.sync();
      return sheets.items.map((s) => `${s.position}:${s.name}`);
    });
    expect(names).toEqual(["0:汇总", "1:杭州市 2026-10"]);
  });

  test("a collection's items are not readable without a load", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        const sheets = context.workbook.worksheets;
        await context.sync();
        return sheets.items;
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PropertyNotLoaded", debugInfo: { errorLocation: "WorksheetCollection.items" } });
  });

  test("loaded values are a snapshot taken when the sync ran", async () => {
    const host = createExcelHost();
    const snapshot = await host.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      cell.values = [[1]];
      await context.sync();
      cell.load("values");
      await context.sync();
      await host.userEdit("Sheet1", "A1", [[2]]);
      return cell.values;
    });
    expect(snapshot).toEqual([[1]]);
  });

  test("a value read back after a load reflects the workbook, not an earlier local set", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[5]];
      await context.sync();
    });
    const value = await host.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      return cell.values;
    });
    expect(value).toEqual([[5]]);
  });
});

describe("writes", () => {
  test("a write is not in the workbook before the sync", async () => {
    const host = createExcelHost();
    const before = await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      const seen = host.values("Sheet1", "A1");
      await context.sync();
      return seen;
    });
    expect(before).toEqual([[""]]);
  });

  test("a write is in the workbook after the sync", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["x", 3]];
      await context.sync();
    });
    expect(host.values("Sheet1", "A1:B1")).toEqual([["x", 3]]);
  });

  test("Excel.run syncs the commands a batch leaves queued", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["left queued"]];
    });
    expect(host.values("Sheet1", "A1")).toEqual([["left queued"]]);
  });

  test("a batch that throws has its queued commands dropped", async () => {
    const host = createExcelHost();
    await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["never"]];
        throw new Error("batch failed");
      })
      .catch(() => undefined);
    expect(host.values("Sheet1", "A1")).toEqual([[""]]);
  });

  test("one value set on a range fills every cell", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = 7 as unknown as unknown[][];
      await context.sync();
    });
    expect(host.values("Sheet1", "A1:B2")).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  test("null inside a 2-D array leaves that cell as it was", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [["keep", "old"]];
      await context.sync();
      range.values = [[null, "new"]];
      await context.sync();
    });
    expect(host.values("Sheet1", "A1:B1")).toEqual([["keep", "new"]]);
  });

  test("an empty string clears a cell", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["x"]];
      await context.sync();
      range.values = [[""]];
      await context.sync();
    });
    expect(host.cell("Sheet1", "A1").valueType).toBe("Empty");
  });

  test("text after an apostrophe stays text even when it looks like a number", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["'0012", "0012"]];
      await context.sync();
    });
    expect(host.values("Sheet1", "A1:B1")).toEqual([["0012", 12]]);
  });

  test("objects of a finished run cannot take new commands", async () => {
    const host = createExcelHost();
    const range = await host.run(async (context) => context.workbook.worksheets.getItem("Sheet1").getRange("A1"));
    expect(() => {
      range.values = [[1]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  test("a batch that returns no promise is refused", async () => {
    const host = createExcelHost();
    const error = await host.run((() => undefined) as unknown as (c: Excel.RequestContext) => Promise<void>).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RunMustReturnPromise" });
  });
});

describe("null objects", () => {
  test("getItemOrNullObject of a missing sheet is a null object after the sync, without a load", async () => {
    const host = createExcelHost();
    const isNull = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Data");
      await context.sync();
      return sheet.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  test("getItemOrNullObject of an existing sheet is not a null object", async () => {
    const host = createExcelHost({ sheets: ["Data"] });
    const isNull = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("data");
      await context.sync();
      return sheet.isNullObject;
    });
    expect(isNull).toBe(false);
  });

  test("isNullObject is unknown before the sync", async () => {
    const host = createExcelHost();
    const error = await host
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject("Data");
        return sheet.isNullObject;
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("a property loaded on a null object reads as undefined", async () => {
    const host = createExcelHost();
    const name = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Data").load("name");
      await context.sync();
      return sheet.name;
    });
    expect(name).toBeUndefined();
  });

  test("the used range of a blank sheet is a null object", async () => {
    const host = createExcelHost();
    const isNull = await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true);
      await context.sync();
      return used.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  test("the used range covers the cells holding values", async () => {
    const host = createExcelHost();
    const address = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B3").values = [[1]];
      sheet.getRange("D5").formulas = [["=B3*2"]];
      const used = sheet.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      return used.address;
    });
    expect(address).toBe("Sheet1!B3:D5");
  });
});

describe("the active worksheet", () => {
  test("getActiveWorksheet is the sheet active when the batch runs, its name readable after load and sync", async () => {
    const host = createExcelHost();
    const names = await host.run(async (context) => {
      context.workbook.worksheets.add("Data").activate();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return active.name;
    });
    expect(names).toBe("Data");
  });
});
