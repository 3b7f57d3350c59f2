/** Reading a sheet in blocks: the first rows with the caller's sync, the rest only when there is a rest. */
import { queueSheetRead, syncSheetReads } from "../../../src/excel/workbook";
import { createExcelHost, type ExcelHost } from "@planbook/excel-host";
import { SheetReadIncompleteError } from "../../../src/excel/errors";

const ROWS = Array.from({ length: 10 }, (_, i) => [`id-${i + 1}`, i + 1]);

async function sheetOfTenRows(): Promise<ExcelHost> {
  const host = createExcelHost();
  await host.run(async (context) => {
    context.workbook.worksheets.add("S").getRange("B3:C12").values = ROWS;
  });
  host.stats.resetSyncs();
  return host;
}

describe("queueSheetRead and syncSheetReads", () => {
  test("a sheet within its first rows is read in the caller's one sync", async () => {
    const host = await sheetOfTenRows();
    const values = await host.run(async (context) => {
      const read = queueSheetRead(context.workbook.worksheets.getItem("S"));
      await syncSheetReads(context, [read]);
      return read.result()?.values;
    });
    expect([values?.slice(2).map((row) => row.slice(1)), host.stats.syncs]).toEqual([ROWS, 1]);
  });

  test("a longer sheet is completed in further syncs, rows in order, padded from A1", async () => {
    const host = await sheetOfTenRows();
    const values = await host.run(async (context) => {
      const read = queueSheetRead(context.workbook.worksheets.getItem("S"), { firstRows: 4 });
      await syncSheetReads(context, [read]);
      return read.result()?.values;
    });
    expect([values?.[0], values?.slice(2).map((row) => row.slice(1)), host.stats.syncs]).toEqual([["", "", ""], ROWS, 2]);
  });

  test("asking for the result before completing a longer sheet is a caller's error, not a short sheet", async () => {
    const host = await sheetOfTenRows();
    const asked = host.run(async (context) => {
      const read = queueSheetRead(context.workbook.worksheets.getItem("S"), { firstRows: 4 });
      await context.sync();
      return read.result();
    });
    await expect(asked).rejects.toBeInstanceOf(SheetReadIncompleteError);
  });

  test("an extent-only read loads no cells but knows how far the sheet goes", async () => {
    const host = await sheetOfTenRows();
    const read = await host.run(async (context) => {
      const pending = queueSheetRead(context.workbook.worksheets.getItem("S"), { cells: false });
      await context.sync();
      return { extent: pending.extent(), values: pending.result()?.values };
    });
    expect([read.extent, read.values, host.stats.maxResponseBytes < 1000]).toEqual([{ rows: 12, columns: 3 }, [], true]);
  });
});
