import { execFileSync } from "child_process";
import { mkdirSync, readdirSync, renameSync } from "fs";
import path from "path";
import { type SaveFormat, convertWithLibreOffice } from "./libreoffice";
import { matchGroup } from "../../src/core/shared";

/**
 * What a printed sheet looks like, read back from the PDF LibreOffice makes of it (poppler's
 * pdfinfo, pdftotext and pdftoppm — installed with LibreOffice's test dependencies, as CI does).
 */

export const PDF: SaveFormat = { extension: "pdf", filter: "calc_pdf_Export" };

/** Where tests leave PDFs and page images for a person to look at (not committed). */
export const ARTIFACTS_DIR = path.join(__dirname, "..", "..", "test-artifacts");

/** A4 and A3 in points, portrait. */
export const PAPER = { A4: { width: 595.3, height: 841.9 }, A3: { width: 841.9, height: 1190.6 } } as const;

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
  /** The page's text as pdftotext lays it out (rows of words in reading order). */
  text: string;
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Prints .xlsx files to PDF with LibreOffice (one process for all); returns the PDF paths in order. */
export async function printToPdf(xlsxPaths: string[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  return convertWithLibreOffice(xlsxPaths, outDir, PDF);
}

const decode = (text: string): string => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** Every page with its size, its words and their boxes, and its text. */
export function readPdf(pdfPath: string): PdfPage[] {
  const bbox = execFileSync("pdftotext", ["-bbox", pdfPath, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  const pageTag = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const match of bbox.matchAll(pageTag)) {
    const words = [...matchGroup(match, 3).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      (w): PdfWord => ({ xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: decode(matchGroup(w, 5)) }),
    );
    const number = pages.length + 1;
    const text = execFileSync("pdftotext", ["-layout", "-f", String(number), "-l", String(number), pdfPath, "-"], { encoding: "utf8" });
    pages.push({ width: Number(match[1]), height: Number(match[2]), words, text });
  }
  return pages;
}

/** True when the page is `paper` in the given orientation (within a point). */
export function isPaper(page: PdfPage, paper: keyof typeof PAPER, orientation: "Landscape" | "Portrait"): boolean {
  const { width, height } = PAPER[paper];
  const [w, h] = orientation === "Portrait" ? [width, height] : [height, width];
  return Math.abs(page.width - w) < 1 && Math.abs(page.height - h) < 1;
}

const HAN_ONLY = /^[\u4e00-\u9fff]{2,}$/;

/**
 * The size, in points, at which Chinese text is printed on the page: a Han character is one em
 * wide, so a word of n Han characters and nothing else is n × the printed font size wide. Returns
 * the smallest such size on the page (null when the page has no such word).
 */
export function smallestHanFontSize(page: PdfPage): number | null {
  const sizes = page.words.filter((w) => HAN_ONLY.test(w.text)).map((w) => (w.xMax - w.xMin) / [...w.text].length);
  return sizes.length === 0 ? null : Math.min(...sizes);
}

/** The whole document's text with all white space removed, for "does this text print whole" checks. */
export function compactText(pages: PdfPage[]): string {
  return pages.map((page) => page.words.map((w) => w.text).join("")).join("");
}

/**
 * Turns each page into a PNG under `outDir` (`<name>-1.png`, …) for a person to look at; returns
 * the paths in page order.
 */
export function pagesToPng(pdfPath: string, outDir: string, name: string, dpi = 80): string[] {
  mkdirSync(outDir, { recursive: true });
  const prefix = path.join(outDir, name);
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdfPath, prefix]);
  // pdftoppm pads the page number to the width of the page count: make the names plain.
  const made = readdirSync(outDir)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith(".png"))
    .map((file) => ({ file, page: Number(/-(\d+)\.png$/.exec(file)?.[1]) }))
    .sort((a, b) => a.page - b.page);
  return made.map(({ file, page }) => {
    const plain = path.join(outDir, `${name}-${page}.png`);
    if (path.join(outDir, file) !== plain) renameSync(path.join(outDir, file), plain);
    return plain;
  });
}

/**
 * The text printed in the column under a header word, page after page, top to bottom, with white
 * space removed: what a person reads down that column. The neighbouring header words on the same
 * line bound it (a header is centred in its column, so its neighbours' titles lie outside it).
 */
export function columnText(pages: PdfPage[], header: string): string {
  return pages
    .map((page) =>
      columnWords(page, header)
        .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
        .map((w) => w.text)
        .join(""),
    )
    .join("");
}

/** The words printed below a header word and between its neighbours on the header line. */
function columnWords(page: PdfPage, header: string): PdfWord[] {
  const title = page.words.find((w) => w.text === header);
  if (!title) return [];
  const sameLine = page.words.filter((w) => Math.abs(w.yMin - title.yMin) < 2 && w !== title);
  const left = Math.max(0, ...sameLine.filter((w) => w.xMax <= title.xMin).map((w) => w.xMax));
  const right = Math.min(page.width, ...sameLine.filter((w) => w.xMin >= title.xMax).map((w) => w.xMin));
  return page.words.filter((w) => w.yMin > title.yMax && w.xMin >= left && w.xMax <= right);
}

/**
 * How far apart the printer set the lines of wrapped text, as a multiple of the font size:
 * measured in the column under `header`, where a cell's lines start at the same left edge one
 * pitch apart (lines of different cells are further apart, by the cells' padding). The font size
 * is a Chinese character's printed width. Lines sit `pitch` apart whatever the page's scale, so
 * the ratio is the printer's own, for its fonts.
 */
export function printedLineSpacing(pages: PdfPage[], header: string): number {
  const ratios = pages.flatMap((page) => {
    const byLeft = new Map<number, PdfWord[]>();
    for (const w of columnWords(page, header)) byLeft.set(Math.round(w.xMin), [...(byLeft.get(Math.round(w.xMin)) ?? []), w]);
    return [...byLeft.values()].flatMap((column) => {
      const lines = column.sort((a, b) => a.yMin - b.yMin);
      // Sized by a line of Chinese only, whose characters are each one font size wide.
      return lines.flatMap((above, i) => {
        const below = lines[i + 1];
        if (!below) return [];
        return HAN_ONLY.test(above.text) ? [(below.yMin - above.yMin) / ((above.xMax - above.xMin) / [...above.text].length)] : [];
      });
    });
  });
  if (ratios.length === 0) throw new Error(`no wrapped text under ${header}`);
  return Math.min(...ratios);
}

/**
 * Whether `text` (white space ignored) is printed whole in `printed`: from where its beginning is
 * found, every further character follows in order within twice its length. A character of the
 * next column caught between two lines (a wrapped 责任单位's last character) is skipped; a line
 * that is cut off, or missing, is not.
 */
export function printedWhole(printed: string, text: string): boolean {
  const wanted = [...text.replace(/\s+/g, "")];
  const head = wanted.slice(0, 8).join("");
  for (let start = printed.indexOf(head); start !== -1; start = printed.indexOf(head, start + 1)) {
    const window = [...printed.slice(start, start + wanted.length * 2)];
    let at = 0;
    for (const ch of window) if (at < wanted.length && ch === wanted[at]) at++;
    if (at === wanted.length) return true;
  }
  return false;
}

/**
 * How many pixels of a page, rendered at `dpi`, have the colour `rgb` (within a small tolerance):
 * a drawn chart's bars are told apart from text and cells by a colour no cell uses.
 */
export function pixelsOfColour(pdfPath: string, page: number, rgb: [number, number, number], dpi = 50): number {
  const ppm = execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), pdfPath], { maxBuffer: 256 * 1024 * 1024 });
  // Binary PPM: "P6\n<width> <height>\n<max>\n" then width × height RGB triples.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a PPM image");
  const start = header[0].length;
  let count = 0;
  for (let i = start; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm.readUInt8(i) - rgb[0]) < 12 && Math.abs(ppm.readUInt8(i + 1) - rgb[1]) < 12 && Math.abs(ppm.readUInt8(i + 2) - rgb[2]) < 12) count++;
  }
  return count;
}
