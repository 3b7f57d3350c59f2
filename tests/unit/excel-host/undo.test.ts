/**
 * The person's undo stack, as "Undo support with the Excel JavaScript API" and office-js #3788 /
 * #6170 describe what an add-in does to it: before ExcelApi 1.20 every write clears it; from 1.20 a
 * write is an undoable step of its own, and the APIs the doc lists as not supporting undo
 * (protect, unprotect, a sheet's visibility, name, position, delete…) clear it.
 */
import { createExcelHost } from "@planbook/excel-host";

async function typed(apiVersion: string) {
  const host = createExcelHost({ sheets: ["S", "T"], apiVersion });
  await host.userEdit("S", "B2", [[1]]);
  await host.userEdit("S", "B2", [[2]]);
  return host;
}

describe("a person's undo stack", () => {
  test("Ctrl+Z undoes typing: the cell gets back what it held, newest first", async () => {
    const host = await typed("1.20");
    await host.userUndo();
    const once = host.values("S", "B2")[0]?.[0];
    await host.userUndo();
    expect([once, host.values("S", "B2")[0]?.[0], host.undoStack()]).toEqual([1, "", []]);
    await expect(host.userUndo()).rejects.toThrow(/cannot undo/);
  });

  test("Ctrl+Z undoes a cleared whole row", async () => {
    const host = await typed("1.20");
    await host.userClear("S", "2:2");
    await host.userUndo();
    expect(host.values("S", "B2")).toEqual([[2]]);
  });

  test.each(["1.9", "1.19"])("at ExcelApi %s an add-in's write clears it", async (apiVersion) => {
    const host = await typed(apiVersion);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("T").getRange("A1").values = [[1]];
    });
    expect(host.undoStack()).toEqual([]);
  });

  test.each(["1.9", "1.20"])("at ExcelApi %s reading, switching events and activating a sheet leave it", async (apiVersion) => {
    const host = await typed(apiVersion);
    await host.run(async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("S").getRange("B2").load("values");
      context.workbook.worksheets.getItem("T").getUsedRangeOrNullObject().load("address");
      context.workbook.worksheets.getItem("T").activate();
      context.runtime.enableEvents = true;
      await context.sync();
    });
    expect(host.undoStack().map((step) => step.by)).toEqual(["person", "person"]);
  });

  test("at ExcelApi 1.20 an add-in's range write goes on it as the add-in's step", async () => {
    const host = await typed("1.20");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("T").getRange("A1").values = [[1]];
    });
    expect(host.undoStack()).toEqual([
      { by: "person", action: "typing" },
      { by: "person", action: "typing" },
      { by: "add-in", action: "Range.values" },
    ]);
  });

  test.each([
    ["WorksheetProtection.protect", (sheet: Excel.Worksheet) => sheet.protection.protect()],
    ["Worksheet.visibility", (sheet: Excel.Worksheet) => void (sheet.visibility = "Hidden")],
    ["Worksheet.name", (sheet: Excel.Worksheet) => void (sheet.name = "U")],
    ["Worksheet.position", (sheet: Excel.Worksheet) => void (sheet.position = 0)],
    ["Worksheet.delete", (sheet: Excel.Worksheet) => sheet.delete()],
  ])("at ExcelApi 1.20 %s, which the doc lists as not supporting undo, clears it", async (_api, act) => {
    const host = await typed("1.20");
    await host.run(async (context) => {
      act(context.workbook.worksheets.getItem("T"));
    });
    expect(host.undoStack()).toEqual([]);
  });

  test("at ExcelApi 1.20 unprotecting clears it too", async () => {
    const host = await typed("1.20");
    host.userProtect("T");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("T").protection.unprotect();
    });
    expect(host.undoStack()).toEqual([]);
  });
});
