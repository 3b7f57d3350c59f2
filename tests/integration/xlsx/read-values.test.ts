import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAt } from "../../../src/core/snapshot";
import { readCellLocks, readWorkbookFile } from "../../../src/xlsx/read";
import { NoSuchSheetError } from "../../../src/xlsx/errors";
import { present } from "../../support/present";

/**
 * How cell contents of any .xlsx (not only ours) become snapshot values, the same way Office.js
 * `range.values` / `range.formulas` give them. The files are written with ExcelJS directly, with
 * the cached results a spreadsheet program would have saved.
 */

async function fileWith(fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("数据");
  await fill(sheet, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const firstSheet = async (file: Uint8Array) => present((await readWorkbookFile(file)).sheets[0], "the file's first sheet");

describe("readWorkbookFile values", () => {
  test("a formula cell gives its cached result as the value and =formula as the formula", async () => {
    const sheet = await firstSheet(
      await fileWith((s) => {
        s.getCell("A1").value = 4;
        s.getCell("B1").value = { formula: "A1*2", result: 8 };
      }),
    );
    expect([sheet.values[0]?.[1], sheet.formulas[0]?.[1]]).toEqual([8, "=A1*2"]);
  });

  test("a shared formula reads as each cell's own formula", async () => {
    const sheet = await firstSheet(
      await fileWith((s) => {
        s.getCell("A1").value = 1;
        s.getCell("A2").value = 2;
        s.getCell("B1").value = { formula: "A1*10", result: 10, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellFormulaValue;
        s.getCell("B2").value = { sharedFormula: "B1", result: 20 };
      }),
    );
    expect([sheet.formulas[1]?.[1], sheet.values[1]?.[1]]).toEqual(["=A2*10", 20]);
  });

  test("the file really holds a shared formula for that test", async () => {
    const file = await fileWith((s) => {
      s.getCell("A1").value = 1;
      s.getCell("B1").value = { formula: "A1*10", result: 10, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellFormulaValue;
      s.getCell("B2").value = { sharedFormula: "B1", result: 20 };
    });
    const xml = await (await JSZip.loadAsync(file)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<f t="shared"/);
  });

  test("a formula without a cached result is computed when it safely can be, and marked so", async () => {
    const sheet = await firstSheet(
      await fileWith((s) => {
        s.getCell("A1").value = 40;
        s.getCell("B1").value = { formula: "SUM(A1,2)*(1+1)" };
        s.getCell("C1").value = { formula: "B1-$A$1" };
      }),
    );
    expect([sheet.values[0]?.[1], sheet.values[0]?.[2], sheet.types?.B1, sheet.types?.C1]).toEqual([84, 44, "evaluated-formula", "evaluated-formula"]);
  });

  test("a formula without a cached result that cannot be computed safely reads as empty, marked uncached", async () => {
    const sheet = await firstSheet(
      await fileWith((s) => {
        s.getCell("A1").value = { formula: "VLOOKUP(1,Sheet2!A:B,2,FALSE)" };
        s.getCell("B1").value = { formula: "C1+1" };
        s.getCell("C1").value = { formula: "B1+1" };
        s.getCell("D1").value = { formula: "1/0" };
      }),
    );
    expect([sheet.values[0]?.[0], sheet.formulas[0]?.[0], sheet.types?.A1]).toEqual(["", "=VLOOKUP(1,Sheet2!A:B,2,FALSE)", "uncached-formula"]);
    expect([sheet.types?.B1, sheet.types?.C1, sheet.types?.D1]).toEqual(["uncached-formula", "uncached-formula", "uncached-formula"]);
  });

  test("an error result reads as its code", async () => {
    const sheet = await firstSheet(await fileWith((s) => void (s.getCell("A1").value = { formula: "1/0", result: { error: "#DIV/0!" } })));
    expect(sheet.values[0]?.[0]).toBe("#DIV/0!");
  });

  test("rich text reads as its plain text", async () => {
    const sheet = await firstSheet(
      await fileWith((s) => void (s.getCell("A1").value = { richText: [{ text: "已", font: { bold: true } }, { text: "完成" }] })),
    );
    expect(sheet.values[0]?.[0]).toBe("已完成");
  });

  test("a hyperlink reads as its text", async () => {
    const sheet = await firstSheet(await fileWith((s) => void (s.getCell("A1").value = { text: "说明", hyperlink: "https://example.org/" })));
    expect(sheet.values[0]?.[0]).toBe("说明");
  });

  test("a date reads as its Excel serial number, as Office.js gives it", async () => {
    const sheet = await firstSheet(
      await fileWith((s) => {
        s.getCell("A1").value = new Date(Date.UTC(2025, 9, 31));
        s.getCell("A1").numFmt = "yyyy-mm-dd";
      }),
    );
    // 2025-10-31 is day 45961 counted from 1899-12-30.
    expect(sheet.values[0]?.[0]).toBe((Date.UTC(2025, 9, 31) - Date.UTC(1899, 11, 30)) / 86_400_000);
  });

  test("booleans stay booleans", async () => {
    const sheet = await firstSheet(await fileWith((s) => void (s.getCell("A1").value = true)));
    expect(sheet.values[0]?.[0]).toBe(true);
  });

  test("the cells a merge covers read as empty, as in Office.js", async () => {
    const sheet = await firstSheet(
      await fileWith((s) => {
        s.getCell("A1").value = "标题";
        s.mergeCells("A1:C1");
        s.getCell("D1").value = 5;
      }),
    );
    expect([sheet.values, sheet.merges]).toEqual([[["标题", "", "", 5]], ["A1:C1"]]);
  });

  test("the grid starts at A1 and ends at the last cell with a value", async () => {
    const sheet = await firstSheet(
      await fileWith((s) => {
        s.getCell("B2").value = 7;
        s.getCell("D5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
      }),
    );
    expect(sheet.values).toEqual([
      ["", ""],
      ["", 7],
    ]);
  });

  test("a sheet with nothing in it reads as an empty grid", async () => {
    const sheet = await firstSheet(await fileWith(() => undefined));
    expect([sheet.values, sheet.formulas]).toEqual([[], []]);
  });

  test("sheets come in tab order with their visibility", async () => {
    const file = await fileWith((s, workbook) => {
      s.getCell("A1").value = 1;
      workbook.addWorksheet("隐藏", { state: "hidden" });
      workbook.addWorksheet("深度隐藏", { state: "veryHidden" });
    });
    expect((await readWorkbookFile(file)).sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["数据", "Visible"],
      ["隐藏", "Hidden"],
      ["深度隐藏", "VeryHidden"],
    ]);
  });

  test("protection written as true/false (as LibreOffice does) is understood", async () => {
    const file = await fileWith(async (s) => {
      s.getCell("A1").value = 1;
      s.getCell("B1").protection = { locked: false };
      await s.protect("", {});
    });
    const zip = await JSZip.loadAsync(file);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const stylesXml = await zip.file("xl/styles.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", sheetXml.replace(/<sheetProtection sheet="1"/, '<sheetProtection sheet="true"'));
    zip.file("xl/styles.xml", stylesXml.replace(/<protection locked="0"/, '<protection locked="false"'));
    const relabelled = await zip.generateAsync({ type: "nodebuffer" });
    expect([(await firstSheet(relabelled)).protected, await readCellLocks(relabelled, "数据", ["A1", "B1"])]).toEqual([
      true,
      { A1: true, B1: false },
    ]);
  });

  test("asking for the locks of a sheet that is not there names it", async () => {
    const file = await fileWith((s) => void (s.getCell("A1").value = 1));
    await expect(readCellLocks(file, "杭州市 2026-10", ["A1"])).rejects.toThrow(new NoSuchSheetError("杭州市 2026-10"));
  });
});

/** A package written by hand, for what ExcelJS does not write: prefixed elements, inline strings, ISO dates, phonetic guides. */
async function handWritten(sheetXml: string, sharedStrings = "<sst/>", workbookXml = ""): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file(
    "xl/workbook.xml",
    `<x:workbook xmlns:x="urn:main" xmlns:rel="urn:rels"><x:sheets><x:sheet name="甲" sheetId="1" rel:id="rId1"/></x:sheets>${workbookXml}</x:workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>',
  );
  zip.file("xl/strings.xml", sharedStrings);
  zip.file("xl/worksheets/a.xml", `<x:worksheet xmlns:x="urn:main"><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("readWorkbookFile reads any writer's XML", () => {
  test("prefixed elements, inline strings, ISO dates, shared strings without their phonetic guide, cells and rows without addresses", async () => {
    const file = await handWritten(
      '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c t="d"><x:v>2025-10-31</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>' +
        '<x:row><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>',
      "<sst><si><r><t>杭州</t></r><r><t>市</t></r><rPh><t>ハンシュウ</t></rPh></si></sst>",
    );
    expect((await readWorkbookFile(file)).sheets).toEqual([
      {
        name: "甲",
        visibility: "Visible",
        protected: false,
        values: [
          ["内联", (Date.UTC(2025, 9, 31) - Date.UTC(1899, 11, 30)) / 86_400_000, "杭州市"],
          [false, "#N/A", ""],
        ],
        formulas: [
          ["内联", (Date.UTC(2025, 9, 31) - Date.UTC(1899, 11, 30)) / 86_400_000, "杭州市"],
          [false, "#N/A", ""],
        ],
        merges: [],
        types: { B1: "date", A2: "boolean", B2: "error" },
      },
    ]);
  });

  test("types tell dates (by number format), booleans, errors and formulas without a stored result from numbers and text", async () => {
    const sheet = await firstSheet(
      await fileWith((s) => {
        s.getCell("A1").value = new Date(Date.UTC(2025, 9, 31));
        s.getCell("A1").numFmt = 'yyyy"年"m"月"d"日"';
        s.getCell("B1").value = 45961;
        s.getCell("B1").numFmt = "0.0";
        s.getCell("C1").value = true;
        s.getCell("D1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
        s.getCell("E1").value = { formula: "120+35" };
        s.getCell("F1").value = { formula: "A1+1", result: new Date(Date.UTC(2025, 10, 1)) };
        s.getCell("F1").numFmt = "yyyy-mm-dd";
        s.getCell("G1").value = "文本";
      }),
    );
    // E1 has no stored result but is plain arithmetic: computed (core/snapshot/formula.ts), and marked so.
    expect(sheet.types).toEqual({ A1: "date", C1: "boolean", D1: "error", E1: "evaluated-formula", F1: "date" });
    expect(sheet.values[0]?.[4]).toBe(155);
  });

  test("an empty stored value (<v></v>, <v/>, as openpyxl writes formulas) is no stored value: computed where safe, else marked uncached", async () => {
    // As openpyxl saves `ws["B1"] = "=100+20"`: the formula with an empty <v>, no type.
    const file = await handWritten(
      '<x:row r="1"><x:c r="A1"><x:v>30</x:v></x:c><x:c r="B1"><x:f>100+20</x:f><x:v></x:v></x:c><x:c r="C1"><x:f>A1*2+B1</x:f><x:v/></x:c>' +
        '<x:c r="D1"><x:f>VLOOKUP(1,Sheet2!A:B,2,FALSE)</x:f><x:v></x:v></x:c><x:c r="E1" t="b"><x:f>A1&gt;1</x:f><x:v></x:v></x:c></x:row>',
    );
    const sheet = await firstSheet(file);
    expect(sheet.values[0]).toEqual([30, 120, 180, "", ""]);
    expect(sheet.types).toEqual({ B1: "evaluated-formula", C1: "evaluated-formula", D1: "uncached-formula", E1: "uncached-formula" });
  });

  test("an empty text result (t=\"str\", as Excel writes a formula's \"\") is a stored value; an empty <v> is never shared string 0 nor FALSE", async () => {
    const file = await handWritten(
      '<x:row r="1"><x:c r="A1" t="str"><x:f>IF(B1="","",B1)</x:f><x:v></x:v></x:c><x:c r="B1" t="s"><x:v></x:v></x:c><x:c r="C1" t="b"><x:v></x:v></x:c><x:c r="D1"><x:v>7</x:v></x:c></x:row>',
      "<sst><si><t>第一个共享字符串</t></si></sst>",
    );
    const sheet = await firstSheet(file);
    expect([sheet.values[0], sheet.types]).toEqual([["", "", "", 7], {}]);
  });

  test("where Excel calculates every formula on opening (fullCalcOnLoad, as XlsxWriter writes with a 0 for each), a formula computed without doubt reads as its value", async () => {
    const sheetXml =
      '<x:row r="1"><x:c r="A1"><x:v>30</x:v></x:c><x:c r="B1"><x:f>100+20</x:f><x:v>0</x:v></x:c><x:c r="C1"><x:f>B1*2</x:f><x:v>0</x:v></x:c>' +
      '<x:c r="D1"><x:f>VLOOKUP(1,Sheet2!A:B,2,FALSE)</x:f><x:v>7</x:v></x:c><x:c r="E1"><x:f>D1+1</x:f><x:v>8</x:v></x:c><x:c r="F1"><x:f>A1+0</x:f><x:v>30</x:v></x:c></x:row>';
    const recalculated = await firstSheet(await handWritten(sheetXml, "<sst/>", '<x:calcPr calcId="124519" fullCalcOnLoad="1"/>'));
    expect([recalculated.values[0], recalculated.types]).toEqual([[30, 120, 240, 7, 8, 30], { B1: "evaluated-formula", C1: "evaluated-formula" }]);
    // Without it the stored values are Excel's own results, read as they are.
    const stored = await firstSheet(await handWritten(sheetXml));
    expect([stored.values[0], stored.types]).toEqual([[30, 0, 0, 7, 8, 30], {}]);
  });

  test("a cell naming a shared string the file does not have is a damaged file, named, not a blank", async () => {
    const file = await handWritten('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>7</x:v></x:c></x:row>', "<sst><si><t>唯一</t></si></sst>");
    await expect(readWorkbookFile(file, { fileName: "杭州市.xlsx" })).rejects.toThrow(/杭州市\.xlsx[\s\S]*B1/);
  });

  test("a value in the sheet's last cell (XFD1048576) is read without filling the area up to it", async () => {
    const file = await handWritten('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="1048576"><x:c r="XFD1048576"><x:v>2</x:v></x:c></x:row>');
    const sheet = await firstSheet(file);
    expect({
      rows: sheet.values.length,
      corners: [cellAt(sheet.values, 0, 0), cellAt(sheet.values, 1_048_575, 16_383), cellAt(sheet.formulas, 1_048_575, 16_383)],
      between: cellAt(sheet.values, 500_000, 3),
      rowsHeld: Object.keys(sheet.values).length,
      cellsHeld: Object.keys(present(sheet.values[1_048_575], "the sheet's last row")).length,
    }).toEqual({ rows: 1_048_576, corners: [1, 2, 2], between: "", rowsHeld: 2, cellsHeld: 1 });
  });

  test("a workbook stored without compression reads as the compressed one does", async () => {
    const compressed = await fileWith((s) => {
      s.getCell("A1").value = "编号";
      s.getCell("B2").value = { formula: "1+1", result: 2 };
    });
    const stored = await (await JSZip.loadAsync(compressed)).generateAsync({ type: "nodebuffer", compression: "STORE" });
    expect(await readWorkbookFile(stored)).toEqual(await readWorkbookFile(compressed));
  });
});
