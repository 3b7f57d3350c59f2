import { EMPTY_FORM, EMPTY_META, formOf, metaRows, parseMetaRows, withFormSettings, withSheetRecords } from "../../../src/core/template";

const FORM = { formNumber: "浙技富表1号", authority: "浙江省人力资源和社会保障厅", approval: "浙统制〔2025〕12号", validUntil: "2027年12月", contact: "张三 0571-87000000" };

describe("form settings in the workbook's metadata", () => {
  test("travel through the metadata sheet's rows", () => {
    expect(formOf(parseMetaRows(metaRows(withFormSettings(EMPTY_META, FORM))))).toEqual(FORM);
  });

  test("a workbook without them reads as blank settings", () => {
    expect(formOf(parseMetaRows(metaRows(EMPTY_META)))).toEqual(EMPTY_FORM);
  });

  test("a setting left blank stays blank while the others are kept", () => {
    const partial = { ...FORM, approval: "" };
    expect(formOf(parseMetaRows(metaRows(withFormSettings(EMPTY_META, partial))))).toEqual(partial);
  });

  test("generating a sheet keeps the settings", () => {
    const sheet = { sheet: "杭州市 2026-10", plan: "p", revision: "r", scope: "city:杭州市", period: "2026-10", generatedAt: "", formatVersion: 1, previousPeriod: "" };
    expect(formOf(withSheetRecords(withFormSettings(EMPTY_META, FORM), sheet, []))).toEqual(FORM);
  });
});
