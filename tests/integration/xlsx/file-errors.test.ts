import JSZip from "jszip";
import { WorkbookFileError, readWorkbookFile } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/render";
import type { SheetSpec } from "../../../src/core/template/spec";

/** Files people send that are not readable workbooks: each is refused with its own reason, before ExcelJS parses it. */

const MB = 1024 * 1024;

const tinySheet: SheetSpec = {
  name: "表1",
  cells: [[{ value: "编号" }, { value: 1 }]],
  columnWidths: [10, 10],
  numberFormats: [],
  styles: [],
  merges: [],
  unlocked: [],
  validations: [],
  conditionalFormats: [],
  freeze: { rows: 0, columns: 0 },
  print: { orientation: "Portrait", fitToPagesWide: 1, titleRows: "1:1" },
  protection: { password: null },
  visibility: "Visible",
  tabColor: null,
};

/** Deterministic noise (a linear congruential generator), so a failure can be reproduced. */
function noise(length: number): Uint8Array {
  const bytes = Buffer.alloc(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

async function refusal(data: Uint8Array, options: Parameters<typeof readWorkbookFile>[1] = {}): Promise<WorkbookFileError> {
  try {
    await readWorkbookFile(data, options);
  } catch (error) {
    if (error instanceof WorkbookFileError) return error;
    throw error;
  }
  throw new Error("the file was read without an error");
}

/** A zip of a long run of one character: a few kilobytes that expand to `size` bytes. */
async function zipOfZeros(size: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("xl/workbook.xml", "0".repeat(size));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Rewrites the uncompressed size an archive declares for every entry (local and central headers). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50) out.writeUInt32LE(size, i + 22);
    if (signature === 0x02014b50) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

describe("readWorkbookFile refuses what is not a readable .xlsx", () => {
  test("random bytes are not a zip", async () => {
    expect((await refusal(noise(4096))).reason).toBe("not-zip");
  });

  test("a workbook cut short is truncated", async () => {
    const whole = await writeWorkbook([tinySheet]);
    expect((await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).reason).toBe("truncated");
  });

  test("an empty file is truncated", async () => {
    expect((await refusal(Buffer.alloc(0))).reason).toBe("truncated");
  });

  test("a CSV renamed .xlsx is recognised as text", async () => {
    expect((await refusal(Buffer.from("编号,目标值,累计完成\nT-1,10,8\n", "utf8"))).reason).toBe("csv-or-text");
  });

  test("a CSV saved by Chinese Excel (GBK bytes) is recognised as text", async () => {
    // 编号,目标值 in GBK.
    const gbk = Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xc4, 0xbf, 0xb1, 0xea, 0xd6, 0xb5, 0x0d, 0x0a, 0x54, 0x2d, 0x31, 0x2c, 0x31, 0x30]);
    expect((await refusal(gbk)).reason).toBe("csv-or-text");
  });

  test("an OLE compound file (a password-protected .xlsx or an old .xls) is reported as encrypted", async () => {
    const compound = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(504)]);
    expect((await refusal(compound)).reason).toBe("encrypted");
  });

  test("a file over the size limit is too large", async () => {
    const file = await writeWorkbook([tinySheet]);
    expect((await refusal(file, { maxBytes: 1000 })).reason).toBe("too-large");
  });

  test("an archive that expands past the limit is a zip bomb", async () => {
    const bomb = await zipOfZeros(6 * MB);
    expect([bomb.length < 100_000, (await refusal(bomb, { maxUncompressedBytes: 5 * MB })).reason]).toEqual([true, "zip-bomb"]);
  });

  test("an archive that under-declares how far it expands is still a zip bomb", async () => {
    const liar = declareSize(await zipOfZeros(6 * MB), 100);
    expect((await refusal(liar, { maxUncompressedBytes: 5 * MB })).reason).toBe("zip-bomb");
  });

  test("a zip that is not a workbook is not an xlsx", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    expect((await refusal(await zip.generateAsync({ type: "nodebuffer" }))).reason).toBe("not-xlsx");
  });

  test("the message names the file, in Chinese then English", async () => {
    const error = await refusal(Buffer.from("a,b\n1,2\n"), { fileName: "杭州市.xlsx" });
    expect([error.name, error.fileName, error.message]).toEqual([
      "WorkbookFileError",
      "杭州市.xlsx",
      expect.stringMatching(/^文件「杭州市\.xlsx」.*CSV.* \/ file "杭州市\.xlsx" is text or CSV/),
    ]);
  });

  test("the size message gives the file's size and the limit", async () => {
    const file = await writeWorkbook([tinySheet]);
    const error = await refusal(Buffer.concat([file, Buffer.alloc(3 * MB)]), { maxBytes: 2 * MB, fileName: "a.xlsx" });
    expect(error.message).toContain("上限 2 MB");
  });

  test("a file within the limits is read", async () => {
    const file = await writeWorkbook([tinySheet]);
    const snapshot = await readWorkbookFile(file, { maxBytes: file.length, maxUncompressedBytes: 1 * MB });
    expect(snapshot.sheets[0].values).toEqual([["编号", 1]]);
  });
});
