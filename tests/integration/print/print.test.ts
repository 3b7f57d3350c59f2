import { mkdirSync, writeFileSync } from "fs";
import path from "path";
import { auditSheetSpec } from "../../../src/core/checks/audit";
import { type Finding, finding, findingMessage } from "../../../src/core/findings";
import { parsePeriod } from "../../../src/core/period";
import { instructionsSheetSpec } from "../../../src/core/template/instructions";
import { writeWorkbook } from "../../../src/xlsx/render";
import { currentRevision } from "../../support/plan";
import { ARTIFACTS_DIR, type PdfPage, columnText, compactText, isPaper, pagesToPng, printToPdf, readPdf, smallestHanFontSize } from "../../support/pdf";
import { rowsTooShort } from "./forms";

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

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const made: Omit<Document, "pages">[] = [
    {
      name: "audit",
      file: await writeWorkbook([auditSheetSpec({ findings, revision: revision.label, ranAt: "2026-11-29T13:09:02.840Z", password: null })]),
      sheets: [{ sheet: "审核结果", paper: "A4", orientation: "Landscape", header: "审核结果", titleRow: "问题说明" }],
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
    documents[document.name] = { ...document, pages: readPdf(pdfs[index]) };
    pagesToPng(pdfs[index], OUT, document.name);
  });
}, 180_000);

const NAMES = ["audit", "instructions"];

describe.each(NAMES)("the printed %s", (name) => {
  const doc = (): Document => documents[name];

  test("every page is on the form's paper, in its orientation", () => {
    const { paper, orientation } = doc().sheets[0];
    expect(doc().pages.filter((page) => !isPaper(page, paper, orientation))).toEqual([]);
  });

  test("each page carries the form's title at the top and 第 n 页 共 N 页 at the foot", () => {
    const pages = doc().pages;
    const headers = pages.map((page) => page.words.filter((w) => w.yMax < 40).map((w) => w.text).join(""));
    const footers = pages.map((page) => page.words.filter((w) => w.yMin > page.height - 40).map((w) => w.text).join(""));
    expect(headers.every((text) => text.includes(doc().sheets[0].header))).toBe(true);
    expect(footers).toEqual(pages.map((_, i) => `第${i + 1}页共${pages.length}页`));
  });

  test("the header row is printed again at the top of every page", () => {
    const pages = doc().pages;
    expect(pages.filter((page) => !page.text.includes(doc().sheets[0].titleRow))).toEqual([]);
  });

  test("Chinese text prints at 9 pt or larger", () => {
    const sizes = doc().pages.map(smallestHanFontSize).filter((size): size is number => size !== null);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
  });

  test("no wrapped cell has a row too short for its text", async () => {
    expect(await rowsTooShort(doc().file, doc().sheets[0].sheet)).toEqual([]);
  });
});

test("the audit sheet prints every finding's message whole, one page wide", () => {
  const text = columnText(documents.audit.pages, "问题说明");
  expect(findings.filter((f) => !text.includes(findingMessage(f).replace(/\s+/g, "")))).toEqual([]);
});

test("the instructions name whom to contact", () => {
  expect(compactText(documents.instructions.pages)).toContain(FORM.contact.replace(/\s+/g, ""));
});
