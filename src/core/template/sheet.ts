import { cellAddress, rangeAddress } from "../snapshot/a1";
import { META_SHEET } from "./meta";
import { type CellValue, PAGE_NUMBER, type PageText, type SheetSpec } from "./spec";

/** What a builder says about its sheet; everything else takes Planbook's defaults. */
export interface SheetParts extends Partial<Omit<SheetSpec, "print" | "protection">> {
  name: string;
  cells: SheetSpec["cells"];
  columnWidths: number[];
  freeze: SheetSpec["freeze"];
  /** Rows repeated on every printed page, e.g. `3:3`. */
  titleRows: string;
  /** The sheet's protection password; null protects without one. */
  password: string | null;
  orientation?: SheetSpec["print"]["orientation"];
  /** A4 unless told. */
  paper?: SheetSpec["print"]["paper"];
  /** The page header: the form's title, by default nothing. */
  header?: PageText;
  /** The page footer; `第 &P 页 共 &N 页` at the centre unless told. */
  footer?: PageText;
  /** Pages across (1 unless told), and the columns repeated on each when more than one. */
  pagesWide?: number;
  titleColumns?: string;
  /** 1-based rows that start a new page. */
  pageBreaks?: number[];
}

/**
 * The one place a sheet spec is put together: visible, protected, printed on A4 one page wide in
 * landscape with page numbers at the foot, with nothing unlocked, merged, validated or formatted
 * unless the builder says so.
 */
export function sheetSpec(parts: SheetParts): SheetSpec {
  const { titleRows, password, orientation, paper, header, footer, pagesWide, titleColumns, pageBreaks, ...given } = parts;
  return {
    numberFormats: [],
    styles: [],
    merges: [],
    unlocked: [],
    validations: [],
    conditionalFormats: [],
    visibility: "Visible",
    tabColor: null,
    ...given,
    print: {
      paper: paper ?? "A4",
      orientation: orientation ?? "Landscape",
      fitToPagesWide: pagesWide ?? 1,
      titleRows,
      ...(titleColumns ? { titleColumns } : {}),
      ...(pageBreaks && pageBreaks.length > 0 ? { pageBreaks } : {}),
      ...(header ? { header } : {}),
      footer: footer ?? { center: PAGE_NUMBER },
    },
    protection: { password },
  };
}

/** The very hidden, protected metadata sheet as a spec, so both renderers write it like any sheet. */
export function metaSheetSpec(rows: CellValue[][], password: string | null): SheetSpec {
  const width = Math.max(...rows.map((row) => row.length));
  return sheetSpec({
    name: META_SHEET,
    cells: rows.map((row) => Array.from({ length: width }, (_, i) => (row[i] === undefined || row[i] === null ? null : { value: row[i] }))),
    columnWidths: Array<number>(width).fill(14),
    numberFormats: [{ range: rangeAddress(0, 0, rows.length, width), format: "@" }],
    styles: [{ range: `${cellAddress(0, 0)}:${cellAddress(0, width - 1)}`, bold: true }],
    freeze: { rows: 1, columns: 0 },
    titleRows: "1:1",
    orientation: "Portrait",
    password,
    visibility: "VeryHidden",
  });
}
