import { mkdirSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { runMergeCommand } from "../../../src/cli/merge";
import { cityFile, typicalInputs } from "../merge/files";
import path from "path";
import { auditSheetSpec } from "../../../src/core/checks";
import { type Finding, finding, findingMessage } from "../../../src/core/findings";
import { parsePeriod } from "../../../src/core/period";
import { buildTemplate, type CellSpec, COLUMN, instructionsSheetSpec } from "../../../src/core/template";
import { writeTemplateFile, writeWorkbook } from "../../../src/xlsx/render";
import { currentRevision } from "../../support/plan";
import { ARTIFACTS_DIR, type PdfPage, columnText, compactText, isPaper, pagesToPng, pixelsOfColour, printToPdf, printedLineSpacing, printedWhole, readPdf, smallestHanFontSize } from "../../support/pdf";
import { summaryRows } from "../../../src/core/merge";

const valueOf = (cell: CellSpec | null): unknown => (cell !== null && "value" in cell ? cell.value : "");
import { rowsTooShort } from "./forms";
import { present } from "../../support/present";

/**
 * The forms as a person gets them on paper: each document is written as a file, printed to PDF by
 * LibreOffice, and the PDF is read back — paper, orientation, one page wide, the header row on
 * every page, header and footer, text that prints whole, type no smaller than 9 pt. The pages are
 * left as PNGs under test-artifacts/print/ for a person to look at.
 */

const revision = currentRevision();
const period = parsePeriod("2026-10");
const FORM = {
  formNumber: "浙技富表1号",
  authority: "浙江省人力资源和社会保障厅",
  approval: "浙统制〔2025〕12号",
  validUntil: "2027年12月",
  contact: "省人力社保厅职业能力建设处 张三 0571-87000000",
};
const OUT = path.join(ARTIFACTS_DIR, "print");
const MIN_PRINTED_POINTS = 9;

const findings: Finding[] = Array.from({ length: 40 }, (_, i) => {
  const where = { sheet: "杭州市 2026-10", cell: `K${12 + i}`, quotaId: `I${String((i % 21) + 1).padStart(2, "0")}-技能型企业-累计-2027-杭州市` };
  return i % 3 === 0
    ? finding("behind-schedule", where, { completion: 0.2, timeProgress: 0.688 }, 120)
    : finding("not-a-number", where, { kind: "cumulative", unit: "家", found: "1,5OO", plausible: true, suggestion: null }, "1,5OO");
});

interface Document {
  name: string;
  file: Uint8Array;
  sheets: { sheet: string; paper: "A4" | "A3"; orientation: "Landscape" | "Portrait"; header: string; titleRow: string }[];
  pages: PdfPage[];
}

const documents: Record<string, Document> = {};
let summaryPdf = "";

/** The 11 cities' returned files merged by `planbook merge`, as the aggregator does it. */
async function mergedSummary(): Promise<Uint8Array> {
  const dir = path.join(OUT, "returned");
  mkdirSync(dir, { recursive: true });
  const files = await Promise.all(
    revision.cities.map(async (city) => {
      const file = await cityFile(`${city}.xlsx`, revision, city, typicalInputs(revision, city));
      const at = path.join(dir, file.name);
      writeFileSync(at, file.data);
      return at;
    }),
  );
  const out = path.join(dir, "summary.xlsx");
  const silent = { out: () => undefined, err: () => undefined };
  const code = await runMergeCommand(["--out", out, ...files], silent, new Date("2026-11-29T13:09:00Z"));
  if (code !== 0) throw new Error(`planbook merge exited ${code}`);
  return new Uint8Array(readFileSync(out));
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const made: Omit<Document, "pages">[] = [
    {
      name: "audit",
      file: await writeWorkbook([auditSheetSpec({ findings, revision: revision.label, ranAt: "2026-11-29T13:09:02.840Z", password: null })]),
      sheets: [{ sheet: "审核结果", paper: "A4", orientation: "Landscape", header: "审核结果", titleRow: "问题说明" }],
    },
    {
      name: "city-template",
      file: await writeTemplateFile(buildTemplate({ revision, scope: { kind: "city", city: "杭州市" }, period, generatedAt: "2026-10-30T01:00:00Z", form: FORM })),
      sheets: [{ sheet: "杭州市 2026-10", paper: "A4", orientation: "Landscape", header: "工作进展报表", titleRow: "工作举措/指标" }],
    },
    {
      name: "province-template",
      file: await writeTemplateFile(buildTemplate({ revision, scope: { kind: "province" }, period, generatedAt: "2026-10-30T01:00:00Z", form: FORM })),
      sheets: [{ sheet: "全省 2026-10", paper: "A4", orientation: "Landscape", header: "工作进展报表", titleRow: "工作举措/指标" }],
    },
    {
      name: "summary",
      file: await mergedSummary(),
      sheets: [{ sheet: "汇总", paper: "A3", orientation: "Landscape", header: "全省汇总表", titleRow: "全省目标" }],
    },
    {
      name: "instructions",
      file: await writeWorkbook([instructionsSheetSpec({ revision, scope: { kind: "city", city: "杭州市" }, period, form: FORM })]),
      sheets: [{ sheet: "填报说明", paper: "A4", orientation: "Portrait", header: "填报说明", titleRow: "填报范围" }],
    },
  ];
  const inputs = made.map((document) => {
    const file = path.join(OUT, `${document.name}.xlsx`);
    writeFileSync(file, document.file);
    return file;
  });
  const pdfs = await printToPdf(inputs, OUT);
  made.forEach((document, index) => {
    const pdf = present(pdfs[index], `the PDF of ${document.name}`);
    documents[document.name] = { ...document, pages: readPdf(pdf) };
    if (document.name === "summary") summaryPdf = pdf;
    pagesToPng(pdf, OUT, document.name);
  });
}, 180_000);

/** A document printed in beforeAll, by name. */
const printed = (name: string): Document => present(documents[name], `the printed ${name}`);

const NAMES = ["audit", "city-template", "province-template", "summary", "instructions"];

/** The pages of a document's first sheet: a template file prints its 填报说明 after it. */
const firstSheetPages = (document: Document): PdfPage[] => {
  if (document.name === "instructions") return document.pages;
  // A template prints its 填报说明 after it; the summary's 汇总 is followed by 各市完成率.
  const next = document.name === "summary" ? (page: PdfPage) => page.words.some((w) => w.text === "各市完成率") : (page: PdfPage) => /填报说明（/.test(page.text.replace(/\s+/g, ""));
  const end = document.pages.findIndex(next);
  return end === -1 ? document.pages : document.pages.slice(0, end);
};

describe.each(NAMES)("the printed %s", (name) => {
  const doc = (): Document => printed(name);
  const firstSheet = () => present(doc().sheets[0], `the first sheet of ${name}`);

  test("every page is on the form's paper, in its orientation", () => {
    const { paper, orientation } = firstSheet();
    const pages = firstSheetPages(doc());
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((page) => !isPaper(page, paper, orientation))).toEqual([]);
  });

  test("each page carries the form's title at the top and 第 n 页 共 N 页 at the foot", () => {
    const pages = firstSheetPages(doc());
    const headers = pages.map((page) => page.words.filter((w) => w.yMax < 40).map((w) => w.text).join(""));
    const footers = pages.map((page) => page.words.filter((w) => w.yMin > page.height - 40).map((w) => w.text).join(""));
    expect(headers.every((text) => text.includes(firstSheet().header))).toBe(true);
    // LibreOffice numbers the pages of the whole file; every page of the sheet has its number and the count.
    expect(footers.every((text) => /第\d+页共\d+页/.test(text))).toBe(true);
  });

  test("the header row is printed again at the top of every page", () => {
    const pages = firstSheetPages(doc());
    expect(pages.filter((page) => !page.text.includes(firstSheet().titleRow))).toEqual([]);
  });

  test("no number prints as ### (every column is wide enough for its figures)", () => {
    expect(doc().pages.flatMap((page, i) => (page.text.includes("###") ? [i + 1] : []))).toEqual([]);
  });

  test("Chinese text prints at 9 pt or larger", () => {
    const sizes = doc().pages.map(smallestHanFontSize).filter((size): size is number => size !== null);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
  });

  test("no wrapped cell has a row too short for its text, at the line spacing LibreOffice printed", async () => {
    const spacing = printedLineSpacing(firstSheetPages(printed("city-template")), "工作举措/指标");
    expect(await rowsTooShort(doc().file, firstSheet().sheet, spacing)).toEqual([]);
  });
});

test("the audit sheet prints every finding's message whole, one page wide", () => {
  const text = columnText(printed("audit").pages, "问题说明");
  expect(findings.filter((f) => !printedWhole(text, findingMessage(f)))).toEqual([]);
});

describe.each(["city-template", "province-template"])("the printed %s", (name) => {
  test("shows the form's frame: 表号, 制表机关, 批准文号/备案号, 有效期至, 填报单位（盖章）and 报告期", () => {
    const first = compactText(printed(name).pages.slice(0, 1));
    const expected = [`表号：${FORM.formNumber}`, `制表机关：${FORM.authority}`, `批准文号/备案号：${FORM.approval}`, `有效期至：${FORM.validUntil}`, "填报单位（盖章）：", "报告期：2026年10月"];
    expect(expected.filter((text) => !first.includes(text))).toEqual([]);
  });

  test("ends with the statistical form's sign-off", () => {
    const text = compactText(firstSheetPages(printed(name)));
    expect(["单位负责人：", "统计负责人：", "填表人：", "联系电话：", "报出日期："].filter((label) => !text.includes(label))).toEqual([]);
  });

  test("prints every quota's text and target whole", () => {
    const built = buildTemplate({ revision, scope: name === "city-template" ? { kind: "city", city: "杭州市" } : { kind: "province" }, period, generatedAt: "" });
    const column = columnText(firstSheetPages(printed(name)), "工作举措/指标");
    const texts = built.rowRecords.map((record) => String(valueOf(present(built.sheet.cells[record.row - 1]?.[COLUMN.measure], `the measure cell of row ${record.row}`))));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((text) => !printedWhole(column, text))).toEqual([]);
  });

  test("is followed by its 填报说明, on A4 portrait", () => {
    const rest = printed(name).pages.slice(firstSheetPages(printed(name)).length);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((page) => isPaper(page, "A4", "Portrait") && page.text.includes("填报说明"))).toBe(true);
  });
});

describe("the 11-city summary written by planbook merge", () => {
  test("every sheet of it prints at 9 pt or larger, the city detail included", () => {
    const sizes = printed("summary").pages.map(smallestHanFontSize).filter((size): size is number => size !== null);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
  });

  test("has the province view, the city matrix, the ranking and the 通报 list", async () => {
    const workbook = await JSZip.loadAsync(printed("summary").file);
    const xml = await (workbook.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
    const names = [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(["汇总", "各市完成率", "排名", "通报", "各市明细", "来源"]);
  });

  test("holds its two charts as chart parts, drawn on the sheets that show them", async () => {
    const zip = await JSZip.loadAsync(printed("summary").file);
    const charts = zip.file(/^xl\/charts\/chart\d+\.xml$/).map((file) => file.name);
    const drawingRels = await Promise.all(zip.file(/^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/).map((file) => file.async("string")));
    expect([charts.length, drawingRels.filter((rels) => rels.includes("relationships/drawing")).length]).toEqual([2, 2]);
  });

  test("LibreOffice draws the key work item chart whole on the 汇总 page that starts with its table", () => {
    const pages = printed("summary").pages;
    const page = pages.findIndex((p) => p.words.some((w) => w.text === "各重点工作完成率")) + 1;
    expect(page).toBeGreaterThan(0);
    expect(pages[page - 1]?.words.some((w) => w.text === "重点工作")).toBe(true);
    // The bars are Office's first accent colour (#4472C4), which no cell is filled with.
    expect(pixelsOfColour(summaryPdf, page, [0x44, 0x72, 0xc4])).toBeGreaterThan(200);
  });

  test("LibreOffice draws the chosen quota's completion by city on the 排名 page", () => {
    const pages = printed("summary").pages;
    const page = pages.findIndex((p) => p.words.some((w) => w.text.startsWith("各市完成率："))) + 1;
    expect(page).toBeGreaterThan(0);
    expect(pixelsOfColour(summaryPdf, page, [0x44, 0x72, 0xc4])).toBeGreaterThan(200);
  });

  test("no sheet of it has a wrapped cell whose row is too short for its text", async () => {
    const spacing = printedLineSpacing(firstSheetPages(printed("city-template")), "工作举措/指标");
    const sheets = ["汇总", "各市完成率", "排名", "通报", "各市明细", "来源"];
    const short = await Promise.all(sheets.map(async (sheet) => (await rowsTooShort(printed("summary").file, sheet, spacing)).map((cell) => `${sheet}!${cell}`)));
    expect(short.flat()).toEqual([]);
  });

  test("the city detail prints every row's 编号 and 工作举措/指标 whole, on each page across", () => {
    const detailPages = printed("summary").pages.filter((page) => page.words.some((w) => w.yMax < 40 && w.text.startsWith("各市明细")));
    const ids = columnText(detailPages, "编号");
    const labels = columnText(detailPages, "工作举措/指标");
    const rows = summaryRows(revision, period);
    expect([detailPages.length > 1, rows.filter((row) => !printedWhole(ids, row.id) || !printedWhole(labels, row.label)).map((row) => row.id)]).toEqual([true, []]);
  });

  test("shows when it was merged in China Standard Time", () => {
    expect(compactText(printed("summary").pages.slice(0, 1))).toContain("汇总时间：2026-11-2921:09");
  });
});

test("the instructions name whom to contact", () => {
  expect(compactText(printed("instructions").pages)).toContain(FORM.contact.replace(/\s+/g, ""));
});
