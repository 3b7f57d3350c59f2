import { execFile } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { promisify } from "util";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/render";
import { sheetSpec, type SheetSpec } from "../../../src/core/template";
import { HOSTILE_FILES, fiftyMegabyteWorkbook, largerTemplate, legacyXls, passwordProtectedWorkbook, provinceTemplate } from "../../fixtures/hostile-files";
import { WorkbookFileError } from "../../../src/xlsx/errors";

/**
 * Files people send that are not readable workbooks (the corpus in tests/fixtures/hostile-files.ts):
 * each is refused with its own reason, before ExcelJS parses it or once reading takes too long, and
 * the message names the file.
 */

const MB = 1024 * 1024;

const tinySheet: SheetSpec = sheetSpec({
  name: "表1",
  cells: [[{ value: "编号" }, { value: 1 }]],
  columnWidths: [10, 10],
  freeze: { rows: 0, columns: 0 },
  titleRows: "1:1",
  orientation: "Portrait",
  password: null,
});

async function refusal(data: Uint8Array, options: Parameters<typeof readWorkbookFile>[1] = {}): Promise<WorkbookFileError> {
  try {
    await readWorkbookFile(data, options);
  } catch (error) {
    if (error instanceof WorkbookFileError) return error;
    throw error;
  }
  throw new Error("the file was read without an error");
}

const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Chinese first, then English, each naming the file. */
const namesTheFile = (fileName: string): RegExp => new RegExp(`^文件「${literally(fileName)}」.* / file "${literally(fileName)}"`);

const ROOT = path.join(__dirname, "..", "..", "..");

/**
 * Reads the file in a fresh Node process, where nothing else holds a timer (Jest does), and
 * returns how many timers that process still has pending afterwards.
 */
async function timersLeftAfterReading(file: Uint8Array): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), "timers-"));
  try {
    const input = path.join(dir, "input.xlsx");
    writeFileSync(input, file);
    // Exits once it has counted, so a timer left behind fails the test at once rather than after a minute.
    const script = `require("./src/xlsx/read.ts").readWorkbookFile(require("fs").readFileSync(process.argv[1])).then(() => {
      console.log(process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length);
      process.exit(0);
    })`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--require", "tsx/cjs", "--eval", script, input], { cwd: ROOT });
    return Number(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("readWorkbookFile refuses what is not a readable .xlsx", () => {
  test.each(HOSTILE_FILES)("$what is refused as $reason, and the message names $fileName", async ({ build, fileName, limits, reason }) => {
    const error = await refusal(await build(), { ...limits, fileName });
    expect({ reason: error.reason, fileName: error.fileName, message: error.message }).toEqual({
      reason,
      fileName,
      message: expect.stringMatching(namesTheFile(fileName)),
    });
  });
});

describe("a refusal tells the person what to do", () => {
  test("a CSV is named as text or CSV, in Chinese then English", async () => {
    const error = await refusal(Buffer.from("a,b\n1,2\n"), { fileName: "杭州市.xlsx" });
    expect([error.name, error.fileName, error.message]).toEqual([
      "WorkbookFileError",
      "杭州市.xlsx",
      expect.stringMatching(/^文件「杭州市\.xlsx」.*CSV.* \/ file "杭州市\.xlsx" is text or CSV/),
    ]);
  });

  test("an old .xls is to be saved as .xlsx", async () => {
    const error = await refusal(await legacyXls(), { fileName: "衢州市.xls" });
    expect(error.message).toMatch(/旧版.*另存为 \.xlsx.* \/ .*old Excel 97-2003 workbook.*save it as \.xlsx/);
  });

  test("a password-protected workbook is to have its password removed", async () => {
    const error = await refusal(await passwordProtectedWorkbook(), { fileName: "杭州市.xlsx" });
    expect(error.message).toMatch(/设有打开密码.*取消密码.* \/ .*is password-protected: remove the password/);
  });

  test("the size message gives the file's size and the limit", async () => {
    const file = await writeWorkbook([tinySheet]);
    const error = await refusal(Buffer.concat([file, Buffer.alloc(3 * MB)]), { maxBytes: 2 * MB, fileName: "a.xlsx" });
    expect(error.message).toContain("上限 2 MB");
  });

  test("a 50 MB workbook is refused for its size, before it is parsed, with its size and the default 20 MB limit", async () => {
    const error = await refusal(await fiftyMegabyteWorkbook(), { fileName: "全省汇总.xlsx" });
    expect([error.reason, error.message]).toEqual([
      "too-large",
      expect.stringMatching(/过大（50(\.\d)? MB，上限 20 MB）.* is too large \(50(\.\d)? MB; the limit is 20 MB\)/),
    ]);
  });

  test("the time message gives the limit in seconds", async () => {
    const error = await refusal(await largerTemplate(), { maxMilliseconds: 1, fileName: "全省.xlsx" });
    expect(error.message).toMatch(/读取超过 0\.001 秒.* took more than 0\.001 s to read/);
  });
});

describe("a readable file within the limits", () => {
  test("is read", async () => {
    const file = await writeWorkbook([tinySheet]);
    const snapshot = await readWorkbookFile(file, { maxBytes: file.length, maxUncompressedBytes: 1 * MB, maxMilliseconds: 60_000 });
    expect(snapshot.sheets[0]?.values).toEqual([["编号", 1]]);
  });

  test("leaves no timer behind once read, so Node can exit", async () => {
    expect(await timersLeftAfterReading(await provinceTemplate())).toBe(0);
  });

  test("is read under a time limit longer than a timer can hold (setTimeout would fire at once)", async () => {
    const snapshot = await readWorkbookFile(await largerTemplate(), { maxMilliseconds: Number.MAX_SAFE_INTEGER });
    // The report sheet, its 填报说明 and the metadata.
    expect(snapshot.sheets.length).toBe(3);
  });
});
