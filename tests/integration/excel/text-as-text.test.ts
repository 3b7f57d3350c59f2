import { createExcelHost } from "@planbook/excel-host";
import { writeSheets } from "../../../src/excel/write";
import { META_SHEET, metaSheetSpec } from "../../../src/core/template";

/** Strings Excel's typed-entry parsing turns into numbers or dates: an exponent, an accounting negative, dates in English and Chinese. */
const LOOKS_LIKE_NUMBERS = ["589216e2", "95342e86", "(5)", "Jan-5", "10月1日"];

describe("text and ids are written as text", () => {
  test.each(LOOKS_LIKE_NUMBERS)("%s is read back as the text that was written", async (text) => {
    const host = createExcelHost();
    await host.run((context) => writeSheets(context, [{ spec: metaSheetSpec([["fingerprint", text]], null), current: null }], { password: null }));
    expect(host.values(META_SHEET, "B1")[0]?.[0]).toBe(text);
  });
});
