import { createExcelHost, type ExcelHost, LOWEST_EXCEL_API, NEWEST_EXCEL_API } from "@planbook/excel-host";
import { present } from "../../support/present";

/** Worksheet onChanged, as Excel reports changes to the add-in. */

async function listen(host: ExcelHost, sheet = "Sheet1"): Promise<Excel.WorksheetChangedEventArgs[]> {
  const seen: Excel.WorksheetChangedEventArgs[] = [];
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).onChanged.add(async (args) => {
      seen.push(args);
    });
    await context.sync();
  });
  return seen;
}

describe("changes made by a person", () => {
  test("typing one cell fires one event with the value before and after", async () => {
    // triggerSource is ExcelApi 1.14.
    const host = createExcelHost({ apiVersion: NEWEST_EXCEL_API });
    const seen = await listen(host);
    await host.userEdit("Sheet1", "B2", [[42]]);
    expect(seen).toEqual([
      expect.objectContaining({
        type: "WorksheetChanged",
        address: "B2",
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "Unknown",
        details: { valueBefore: "", valueAfter: 42, valueTypeBefore: "Empty", valueTypeAfter: "Double" },
      }),
    ]);
  });

  test("pasting a block fires a single event without details", async () => {
    const host = createExcelHost();
    const seen = await listen(host);
    await host.userEdit("Sheet1", "B2", [
      [1, 2],
      [3, 4],
    ], { paste: true });
    expect([seen.length, seen[0]?.address, "details" in present(seen[0], "an event")]).toEqual([1, "B2:C3", false]);
  });

  test("the event names the sheet by id, and its range can be loaded in a new batch", async () => {
    const host = createExcelHost();
    const seen = await listen(host);
    await host.userEdit("Sheet1", "C3", [["typed"]]);
    const address = await host.run(async (context) => {
      const range = present(seen[0], "an event").getRange(context).load("address");
      await context.sync();
      return range.address;
    });
    expect(address).toBe("Sheet1!C3");
  });

  test("a change on another sheet does not reach this sheet's handler", async () => {
    const host = createExcelHost({ sheets: ["A", "B"] });
    const seen = await listen(host, "A");
    await host.userEdit("B", "A1", [[1]]);
    expect(seen).toEqual([]);
  });

  test("inserting rows fires a RowInserted event", async () => {
    const host = createExcelHost();
    const seen = await listen(host);
    await host.userInsertRows("Sheet1", 4, 2);
    expect(seen).toEqual([expect.objectContaining({ address: "5:6", changeType: "RowInserted" })]);
  });

  // WorksheetChangedEventArgs.address is "the range address that represents the changed area": a
  // whole row or column is given as Excel writes it (60:60, C:C), never as a cell range.
  test.each([
    ["60:60", "a whole row"],
    ["3:5", "whole rows"],
    ["C:C", "a whole column"],
    ["B:D", "whole columns"],
  ])("clearing %s (%s) fires RangeEdited with that address", async (address) => {
    const host = createExcelHost();
    await host.userEdit("Sheet1", "A1", [[1, 2, 3, 4]]);
    await host.userEdit("Sheet1", "A60", [[5]]);
    await host.userEdit("Sheet1", "C3", [[6], [7], [8]]);
    const seen = await listen(host);
    await host.userClear("Sheet1", address);
    expect(seen.map((args) => [args.address, args.changeType, "details" in args])).toEqual([[address, "RangeEdited", false]]);
  });

  test.each([
    ["userDeleteRows", 4, 2, "5:6", "RowDeleted"],
    ["userInsertColumns", 2, 2, "C:D", "ColumnInserted"],
    ["userDeleteColumns", 1, 1, "B:B", "ColumnDeleted"],
  ] as const)("%s(%i, %i) fires %s as %s", async (action, index, count, address, changeType) => {
    const host = createExcelHost();
    await host.userEdit("Sheet1", "A1", [[1, 2, 3, 4]]);
    const seen = await listen(host);
    await host[action]("Sheet1", index, count);
    expect(seen.map((args) => [args.address, args.changeType])).toEqual([[address, changeType]]);
  });

  test("a removed handler hears nothing more", async () => {
    const host = createExcelHost();
    const seen: unknown[] = [];
    const registration = await host.run(async (context) => {
      const result = context.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
      return result;
    });
    await host.run(registration.context as Excel.RequestContext, async (context) => {
      registration.remove();
      await context.sync();
    });
    await host.userEdit("Sheet1", "A1", [[1]]);
    expect(seen).toEqual([]);
  });

  test("a handler removed through another request context stays registered, as Office.js documents", async () => {
    const host = createExcelHost();
    const seen: unknown[] = [];
    const registration = await host.run(async (context) => {
      const result = context.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
      return result;
    });
    await host.run(async (context) => {
      registration.remove();
      await context.sync();
    });
    await host.userEdit("Sheet1", "A1", [[1]]);
    expect(seen).toHaveLength(1);
  });

  test("a handler's error surfaces when the host settles", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => {
        throw new Error("handler broke");
      });
      await context.sync();
    });
    await expect(host.userEdit("Sheet1", "A1", [[1]])).rejects.toThrow("handler broke");
  });
});

describe("event fields by requirement set", () => {
  test("a typed cell's event carries details (values before and after) from ExcelApi 1.9, not at 1.8", async () => {
    const withDetails = async (apiVersion: string) => {
      const host = createExcelHost({ apiVersion });
      const seen = await listen(host);
      await host.userEdit("Sheet1", "A1", [[5]]);
      return "details" in (seen[0] as object);
    };
    expect([await withDetails("1.8"), await withDetails("1.9")]).toEqual([false, true]);
  });
});

describe("changes made by the add-in", () => {
  test(`below ExcelApi 1.14 (at ${LOWEST_EXCEL_API}) events carry no triggerSource`, async () => {
    const host = createExcelHost({ apiVersion: LOWEST_EXCEL_API });
    const seen = await listen(host);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    await host.settled();
    expect(seen.map((args) => "triggerSource" in (args as object))).toEqual([false]);
  });

  test("an add-in write fires an event marked ThisLocalAddin", async () => {
    const host = createExcelHost({ apiVersion: NEWEST_EXCEL_API });
    const seen = await listen(host);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[1, 2]];
      await context.sync();
    });
    await host.settled();
    expect(seen).toEqual([expect.objectContaining({ address: "A1:B1", triggerSource: "ThisLocalAddin" })]);
  });

  test("with events disabled the add-in's writes fire nothing", async () => {
    const host = createExcelHost();
    const seen = await listen(host);
    await host.run(async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    await host.settled();
    expect(seen).toEqual([]);
  });

  test("events stay off for the add-in across runs until switched on, also for a person's edits", async () => {
    const host = createExcelHost();
    const seen = await listen(host);
    await host.run(async (context) => {
      context.runtime.enableEvents = false;
      await context.sync();
    });
    await host.userEdit("Sheet1", "A1", [[1]]);
    expect(seen).toEqual([]);
  });

  test("writes after events are switched back on in the same batch fire again", async () => {
    const host = createExcelHost();
    const seen = await listen(host);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.runtime.enableEvents = false;
      sheet.getRange("A1").values = [["quiet"]];
      context.runtime.enableEvents = true;
      sheet.getRange("A2").values = [["heard"]];
      await context.sync();
    });
    await host.settled();
    expect(seen.map((e) => e.address)).toEqual(["A2"]);
  });

  test("a handler is registered only when its batch syncs", async () => {
    const host = createExcelHost();
    const seen: unknown[] = [];
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["before"]];
      sheet.onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    await host.settled();
    expect(seen).toEqual([]);
  });
});
