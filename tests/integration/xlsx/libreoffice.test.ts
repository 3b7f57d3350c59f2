import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAddress, readMeta, type ReportSheet, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { parsePeriod } from "../../../src/core/period";
import { buildTemplate, type BuiltTemplate, type CarriedRow, type CellValue, COLUMN, type ColumnKey, EMPTY_META, HEADER_ROW, META_SHEET, STATES, withSheetRecords } from "../../../src/core/template";
import { readCellLocks, readWorkbookFile } from "../../../src/xlsx/read";
import { writeTemplateFile } from "../../../src/xlsx/render";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { QUOTA, fixtureRevision } from "../../unit/merge/fixture";
import { cellsOf, element, elements, outerXml, partXml, sheetPartPath } from "./raw-xml";
import { firstReport } from "../../support/report";
import { gridRow, present } from "../../support/present";

/**
 * Our files through a real spreadsheet engine: inputs are typed by a different writer than ours
 * (the sheet XML edited directly, as another program would save it), then LibreOffice opens each
 * file, recalculates it and saves it again. What comes back must still be a working Planbook
 * sheet: computed completion and status, locks, protection, rules and metadata.
 */

const revision = fixtureRevision();
const period = parsePeriod("2026-10");
const generatedAt = "2026-11-02T08:00:00.000Z";

/** Text a person typed that a spreadsheet would take for a formula or a number if it were parsed. */
const FORMULA_LIKE_NOTES: Record<string, string> = {
  [QUOTA.training]: "=1+1",
  [QUOTA.enterprises]: "+86 571 8888",
  [QUOTA.ratio]: "-5",
  [QUOTA.milestone]: "@所有人",
};

const carriedNote = (quotaId: string, note: string): CarriedRow => ({
  quotaId,
  period: null,
  cumulative: null,
  status: null,
  note,
  measure: null,
  target: null,
  unit: null,
  previous: null,
});

const province = buildTemplate({
  revision,
  scope: { kind: "province" },
  period,
  generatedAt,
  password: "planbook",
  carried: { rows: Object.entries(FORMULA_LIKE_NOTES).map(([id, note]) => carriedNote(id, note)), signature: {} },
});
const city = buildTemplate({ revision, scope: { kind: "city", city: "杭州市" }, period, generatedAt, password: "planbook" });

const rowOf = (built: BuiltTemplate, quotaId: string): number => {
  const record = built.rowRecords.find((r) => r.quotaId === quotaId);
  if (!record) throw new Error(`no row for ${quotaId}`);
  return record.row;
};
const addressOf = (built: BuiltTemplate, quotaId: string, key: ColumnKey): string => cellAddress(rowOf(built, quotaId) - 1, COLUMN[key]);

/** What is typed, by quota id: the cumulative figure, or a milestone's status. */
const PROVINCE_INPUTS: Record<string, { cumulative?: number; status?: string }> = {
  // 8 of 10 at 10/12 of the year: behind time by less than 10 points → 正常.
  [QUOTA.training]: { cumulative: 8 },
  // 2000 of 10000 at 22/36 of the plan → 滞后.
  [QUOTA.enterprises]: { cumulative: 2000 },
  // 60% of 60% → 已完成.
  [QUOTA.ratio]: { cumulative: 0.6 },
  [QUOTA.milestone]: { status: "已完成" },
  // A figure for an undecided target: no rate, no status.
  [QUOTA.pending]: { cumulative: 3 },
};
const CITY_INPUTS: Record<string, { cumulative?: number; status?: string }> = {
  "E27-杭州市": { cumulative: 1500 },
  // Province-wide target not split to the city (未分解): no rate.
  [QUOTA.training]: { cumulative: 5 },
};

/** Types values into a file by editing its sheet XML, as a program other than ExcelJS would save them. */
async function typeInto(file: Uint8Array, built: BuiltTemplate, inputs: typeof PROVINCE_INPUTS): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(file);
  const partPath = await sheetPartPath(file, built.sheet.name);
  let xml = await zip.file(partPath)!.async("string");
  const put = (address: string, content: (style: string) => string): void => {
    const empty = new RegExp(`<c r="${address}"( s="\\d+")?\\s*/>`);
    if (!empty.test(xml)) throw new Error(`no empty cell ${address} in ${partPath}`);
    xml = xml.replace(empty, (_, style: string | undefined) => content(style ?? ""));
  };
  for (const [quotaId, input] of Object.entries(inputs)) {
    if (input.cumulative !== undefined) {
      put(addressOf(built, quotaId, "cumulative"), (s) => `<c r="${addressOf(built, quotaId, "cumulative")}"${s}><v>${input.cumulative}</v></c>`);
    }
    if (input.status !== undefined) {
      put(addressOf(built, quotaId, "status"), (s) => `<c r="${addressOf(built, quotaId, "status")}"${s} t="inlineStr"><is><t>${input.status}</t></is></c>`);
    }
  }
  zip.file(partPath, xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A formula whose cached result is wrong, as a file edited by a program that does not recalculate would hold. */
/** ExcelJS's view of a file, for the formatting Planbook's reader does not read (fonts, fills, borders, number formats). */
async function openWithExcelJs(file: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its Buffer as an ArrayBuffer; at run time it takes the bytes JSZip takes.
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

async function staleResultFile(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("stale");
  sheet.getCell("A1").value = 2;
  sheet.getCell("B1").value = { formula: "A1*3", result: 999 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let workDir: string;
let provinceOut: Uint8Array;
let cityOut: Uint8Array;
let staleOut: Uint8Array;
let provinceSnapshot: WorkbookSnapshot;
let provinceReport: ReportSheet;
let cityReport: ReportSheet;
let conversionMs: number;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "planbook-lo-"));
  const inDir = path.join(workDir, "in");
  const outDir = path.join(workDir, "out");
  mkdirSync(inDir);
  mkdirSync(outDir);
  const provinceIn = path.join(inDir, "province.xlsx");
  const cityIn = path.join(inDir, "city.xlsx");
  writeFileSync(provinceIn, await typeInto(await writeTemplateFile(province), province, PROVINCE_INPUTS));
  writeFileSync(cityIn, await typeInto(await writeTemplateFile(city), city, CITY_INPUTS));
  const staleIn = path.join(inDir, "stale.xlsx");
  writeFileSync(staleIn, await staleResultFile());
  const started = Date.now();
  const [provincePath, cityPath, stalePath] = await convertWithLibreOffice([provinceIn, cityIn, staleIn], outDir);
  conversionMs = Date.now() - started;
  provinceOut = readFileSync(provincePath);
  cityOut = readFileSync(cityPath);
  staleOut = readFileSync(stalePath);
  provinceSnapshot = await readWorkbookFile(provinceOut);
  provinceReport = firstReport(provinceSnapshot);
  cityReport = firstReport(await readWorkbookFile(cityOut));
}, 120_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const rowValues = (report: ReportSheet, quotaId: string, keys: ColumnKey[]): CellValue[] => {
  const row = report.rows.find((r) => r.quotaId === quotaId);
  if (!row) throw new Error(`no row ${quotaId} in ${report.name}`);
  return keys.map((key) => row.values[key]);
};

describe("a template after LibreOffice opened, recalculated and saved it", () => {
  test("LibreOffice converts all files in one run within the time budget", () => {
    expect(conversionMs).toBeLessThan(60_000);
  });

  test("LibreOffice recomputes formulas rather than keeping the results a file cached", async () => {
    expect((await readWorkbookFile(staleOut)).sheets[0]?.values[0]).toEqual([2, 6]);
  });

  test("every quota row is still found by id", () => {
    expect(provinceReport.rows.map((r) => r.quotaId)).toEqual(province.rowRecords.map((r) => r.quotaId));
  });

  test("an annual figure slightly behind the year's time is 正常 with its completion rate", () => {
    const [completion, state] = rowValues(provinceReport, QUOTA.training, ["completion", "state"]);
    expect(completion).toBeCloseTo(8 / 10, 10);
    expect(state).toBe(STATES.onTrack);
  });

  test("a cumulative figure well behind the plan's time is 滞后", () => {
    const [completion, progress, state] = rowValues(provinceReport, QUOTA.enterprises, ["completion", "progress", "state"]);
    expect(completion).toBeCloseTo(2000 / 10000, 10);
    expect(progress).toBeCloseTo(22 / 36, 10);
    expect(state).toBe(STATES.behind);
  });

  test("a ratio at its target is 已完成", () => {
    const [completion, state] = rowValues(provinceReport, QUOTA.ratio, ["completion", "state"]);
    expect(completion).toBeCloseTo(1, 10);
    expect(state).toBe(STATES.done);
  });

  test("a milestone marked 已完成 is complete", () => {
    expect(rowValues(provinceReport, QUOTA.milestone, ["completion", "state"])).toEqual([1, STATES.done]);
  });

  test("a figure for an undecided target gets no rate and no status", () => {
    expect(rowValues(provinceReport, QUOTA.pending, ["target", "cumulative", "completion", "state"])).toEqual(["待定", 3, "", ""]);
  });

  test("a row nobody typed in stays blank", () => {
    expect(rowValues(cityReport, "E25-杭州市", ["completion", "progress", "state"])).toEqual(["", "", ""]);
  });

  test("a city's regional quota at its target is 已完成", () => {
    expect(rowValues(cityReport, "E27-杭州市", ["target", "completion", "state"])).toEqual([1500, 1, STATES.done]);
  });

  test("a province-wide quota not split to the city gets no rate", () => {
    expect(rowValues(cityReport, QUOTA.training, ["target", "cumulative", "completion"])).toEqual(["未分解", 5, ""]);
  });

  test("formulas are still the generated formulas", () => {
    const row = provinceReport.rows.find((r) => r.quotaId === QUOTA.enterprises)!;
    const spec = gridRow(province.sheet.cells, row.row - 1);
    expect([row.formulas.completion, row.formulas.progress, row.formulas.state]).toEqual(
      (["completion", "progress", "state"] as const).map((key) => {
        const cell = spec[COLUMN[key]];
        return cell && "formula" in cell ? cell.formula : null;
      }),
    );
  });

  test("text written by us that starts with = + - @ is still text", () => {
    const notes = Object.fromEntries(Object.keys(FORMULA_LIKE_NOTES).map((id) => [id, rowValues(provinceReport, id, ["note"])[0]]));
    expect(notes).toEqual(FORMULA_LIKE_NOTES);
  });

  test("the cell holding =1+1 as text has no formula in the saved file", async () => {
    const xml = await partXml(provinceOut, await sheetPartPath(provinceOut, province.sheet.name));
    const cell = elements(xml, "c").find((c) => c.attributes.r === addressOf(province, QUOTA.training, "note"));
    expect(cell?.children.f).toBeUndefined();
  });

  test("targets, ids and formulas are still locked; inputs still unlocked", async () => {
    const id = QUOTA.enterprises;
    const addresses = {
      id: addressOf(province, id, "id"),
      target: addressOf(province, id, "target"),
      completion: addressOf(province, id, "completion"),
      state: addressOf(province, id, "state"),
      period: addressOf(province, id, "period"),
      cumulative: addressOf(province, id, "cumulative"),
      note: addressOf(province, id, "note"),
    };
    const locks = await readCellLocks(provinceOut, province.sheet.name, Object.values(addresses));
    expect(Object.fromEntries(Object.entries(addresses).map(([key, address]) => [key, locks[address]]))).toEqual({
      id: true,
      target: true,
      completion: true,
      state: true,
      period: false,
      cumulative: false,
      note: false,
    });
  });

  test("the report sheet is still protected", () => {
    expect(provinceSnapshot.sheets.find((s) => s.name === province.sheet.name)?.protected).toBe(true);
  });

  test("the sheet protection keeps its SHA-512 password hash", async () => {
    const xml = await partXml(provinceOut, await sheetPartPath(provinceOut, province.sheet.name));
    expect(elements(xml, "sheetProtection")[0]?.attributes).toMatchObject({ algorithmName: "SHA-512", spinCount: "100000" });
  });

  // LibreOffice 7.x has no "very hidden" state: it saves the metadata sheet as merely hidden.
  test("the metadata sheet is still hidden and protected", () => {
    const meta = provinceSnapshot.sheets.find((s) => s.name === META_SHEET);
    expect([meta?.visibility === "Hidden" || meta?.visibility === "VeryHidden", meta?.protected]).toEqual([true, true]);
  });

  test("the metadata records are intact", () => {
    expect(readMeta(provinceSnapshot)).toEqual(withSheetRecords(EMPTY_META, province.sheetRecord, province.rowRecords));
  });

  test("every input cell still has its validation rule, prompt and error message", async () => {
    const xml = await partXml(provinceOut, await sheetPartPath(provinceOut, province.sheet.name));
    const byCell = Object.fromEntries(
      elements(xml, "dataValidation").flatMap((rule) =>
        cellsOf(present(rule.attributes.sqref, "a data validation's sqref")).map((cell) => [
          cell,
          { type: rule.attributes.type, prompt: rule.attributes.prompt, error: rule.attributes.error, formula1: rule.children.formula1?.[0] },
        ]),
      ),
    );
    const expected = Object.fromEntries(
      province.sheet.validations.flatMap((v) =>
        cellsOf(v.range).map((cell) => [
          cell,
          {
            type: v.rule.type,
            prompt: v.prompt.message,
            error: v.error.message,
            formula1: v.rule.type === "list" ? `"${v.rule.items.join(",")}"` : String(v.rule.min),
          },
        ]),
      ),
    );
    expect(byCell).toEqual(expected);
  });

  test("the status column's conditional formats keep their formulas and colours", async () => {
    const xml = await partXml(provinceOut, await sheetPartPath(provinceOut, province.sheet.name));
    const dxfs = elements(await partXml(provinceOut, "xl/styles.xml"), "dxf").map((dxf) => {
      const colours = (name: string): string | undefined =>
        elements(outerXml(dxf.element), name)
          .flatMap((e) => elements(outerXml(e.element), name === "font" ? "color" : "bgColor"))
          .map((c) => c.attributes.rgb)[0];
      return { fill: colours("fill"), font: colours("font") };
    });
    const rules = elements(xml, "conditionalFormatting").flatMap((cf) =>
      elements(outerXml(cf.element), "cfRule").map((rule) => ({
        range: cf.attributes.sqref,
        formula: rule.children.formula?.[0],
        ...dxfs[Number(rule.attributes.dxfId)],
      })),
    );
    expect(rules).toEqual(
      province.sheet.conditionalFormats.map((f) => ({
        range: f.range,
        formula: f.formula.slice(1),
        fill: `FF${f.fill.slice(1)}`,
        font: `FF${f.fontColor.slice(1)}`,
      })),
    );
  });

  test("the header's bold and fill and the input cells' fill and borders survive", async () => {
    const worksheet = (await openWithExcelJs(provinceOut)).getWorksheet(province.sheet.name)!;
    const header = worksheet.getCell(HEADER_ROW, 1);
    const input = worksheet.getCell(addressOf(province, QUOTA.training, "cumulative"));
    const fillOf = (cell: ExcelJS.Cell): string | undefined => (cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined);
    // The last style of the spec that fills a cell is the one it shows.
    const specFill = (address: string): string =>
      `FF${province.sheet.styles.filter((style) => style.fill && cellsOf(style.range).includes(address)).pop()?.fill?.slice(1)}`;
    expect([header.font.bold, fillOf(header), fillOf(input), input.border.top?.style]).toEqual([
      true,
      specFill(header.address),
      specFill(input.address),
      "thin",
    ]);
  });

  test("merges survive", async () => {
    const xml = await partXml(provinceOut, await sheetPartPath(provinceOut, province.sheet.name));
    expect(elements(xml, "mergeCell").map((m) => m.attributes.ref).sort()).toEqual([...province.sheet.merges].sort());
  });

  test("number formats survive: rates as percentages", async () => {
    const worksheet = (await openWithExcelJs(provinceOut)).getWorksheet(province.sheet.name)!;
    const row = rowOf(province, QUOTA.training);
    expect([worksheet.getCell(row, COLUMN.completion + 1).numFmt, worksheet.getCell(row, COLUMN.progress + 1).numFmt]).toEqual([
      "0.0%",
      "0.0%",
    ]);
  });

  test("column widths survive", async () => {
    const xml = await partXml(provinceOut, await sheetPartPath(provinceOut, province.sheet.name));
    const format = element(xml, "sheetFormatPr");
    const widths = province.sheet.columnWidths.map((_, index) => {
      const col = elements(xml, "col").find((c) => Number(c.attributes.min) <= index + 1 && index + 1 <= Number(c.attributes.max));
      return Math.round(Number(col ? col.attributes.width : format.attributes.defaultColWidth));
    });
    expect(widths).toEqual(province.sheet.columnWidths);
  });

  test("the page setup survives: landscape, one page wide, header row repeated", async () => {
    const xml = await partXml(provinceOut, await sheetPartPath(provinceOut, province.sheet.name));
    const setup = element(xml, "pageSetup").attributes;
    const titles = elements(await partXml(provinceOut, "xl/workbook.xml"), "definedName").find(
      (d) => d.attributes.name === "_xlnm.Print_Titles" && d.attributes.localSheetId === "0",
    );
    expect([setup.orientation, setup.fitToWidth, setup.fitToHeight, titles?.element.textContent]).toEqual([
      "landscape",
      "1",
      "0",
      `'${province.sheet.name}'!$${HEADER_ROW}:$${HEADER_ROW}`,
    ]);
  });
});
