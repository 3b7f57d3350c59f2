import { required } from "../../../../src/core/shared";
import { type Rect, RectList } from "../address";
import { FormatStore } from "../formats";
import type { WorkbookModel } from "./workbook";

/** A cell's key in a sheet's hyperlinks map, and the cell a key stands for. */
export function hyperlinkKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function hyperlinkCell(key: string): { row: number; col: number } {
  const [row, col] = key.split(",").map(Number);
  return { row: required(row, `the row of hyperlink key ${key}`), col: required(col, `the column of hyperlink key ${key}`) };
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export type ProtectionOptions = Required<Omit<Excel.WorksheetProtectionOptions, "selectionMode">> & {
  selectionMode: string;
};

/** `protect()` without options: Excel allows nothing but selecting cells. */
export function defaultProtectionOptions(): ProtectionOptions {
  return {
    allowAutoFilter: false,
    allowDeleteColumns: false,
    allowDeleteRows: false,
    allowEditObjects: false,
    allowEditScenarios: false,
    allowFormatCells: false,
    allowFormatColumns: false,
    allowFormatRows: false,
    allowInsertColumns: false,
    allowInsertHyperlinks: false,
    allowInsertRows: false,
    allowPivotTables: false,
    allowSort: false,
    selectionMode: "Normal",
  };
}

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface ValidationModel {
  rect: Rect;
  rule: Record<string, unknown>;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  type: string;
  areas: Rect[];
  /** Custom: `{ formula }`; CellValue: `{ formula1, formula2?, operator }`. */
  rule: Record<string, unknown>;
  format: { fontColor?: string | null; bold?: boolean | null; italic?: boolean | null; fill?: string | null; numberFormat?: string };
  priority: number;
  stopIfTrue: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  source: { sheetId: string; rect: Rect };
  seriesBy: string;
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  series: { name: string }[];
  axes: { value: { title: string; minimum: number | null; maximum: number | null }; category: { title: string } };
  top: number;
  left: number;
  width: number;
  height: number;
  deleted: boolean;
}

/** The six texts of one header/footer set, in Excel's format codes. */
export interface HeaderFooterTexts {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

const NO_HEADER_FOOTER: HeaderFooterTexts = { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" };

export interface PageLayoutModel {
  headersFooters: {
    state: string;
    useSheetMargins: boolean;
    useSheetScale: boolean;
    pages: Record<"defaultForAllPages" | "firstPage" | "evenPages" | "oddPages", HeaderFooterTexts>;
  };
  orientation: string;
  zoom: Excel.PageLayoutZoomOptions;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  paperSize: string;
  printComments: string;
  printErrors: string;
  printOrder: string;
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
}

function defaultPageLayout(): PageLayoutModel {
  return {
    headersFooters: {
      state: "Default",
      useSheetMargins: true,
      useSheetScale: true,
      pages: { defaultForAllPages: { ...NO_HEADER_FOOTER }, firstPage: { ...NO_HEADER_FOOTER }, evenPages: { ...NO_HEADER_FOOTER }, oddPages: { ...NO_HEADER_FOOTER } },
    },
    orientation: "Portrait",
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    paperSize: "Letter",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    printOrder: "DownThenOver",
    topMargin: 54,
    bottomMargin: 54,
    leftMargin: 50.4,
    rightMargin: 50.4,
    headerMargin: 21.6,
    footerMargin: 21.6,
  };
}

/** Excel's standard sizes, in points: 8.43 characters (64 px) wide, 15 points high. */
export const STANDARD_COLUMN_WIDTH = 48;
export const STANDARD_ROW_HEIGHT = 15;
/** Excel's largest number (its specifications and limits); a typed larger one is kept as text, a written one refused. */
export const EXCEL_MAX_NUMBER = 9.99999999999999e307;
/**
 * The most characters a cell holds (32,767: Planbook's core knows it too), and a formula may have
 * (Excel's specifications and limits: "Length of formula contents: 8,192 characters"). Excel
 * refuses longer contents rather than cutting them (as do the libraries that follow it: POI,
 * Syncfusion, Aspose throw); an add-in's write of them is InvalidArgument.
 */
export { EXCEL_CELL_CHARACTERS as EXCEL_MAX_CELL_CHARACTERS } from "../../../../src/core/snapshot";
export const EXCEL_MAX_FORMULA_CHARACTERS = 8_192;
/**
 * Excel's smallest positive number, 2^-1022 ("Office … has smallest positive value of 2^-1022 …
 * if the absolute value of the raw value is smaller than the smallest positive value … treat this
 * as equivalent to 0", MS-OI29500 2.1.871; the specifications' "2.2251E-308" is it rounded).
 * Anything nearer zero is stored as 0.
 */
export const EXCEL_MIN_NUMBER = 2 ** -1022;

export class SheetModel {
  visibility: SheetVisibility = "Visible";
  tabColor = "";
  showGridlines = true;
  protection: { protected: boolean; password: string | undefined; options: ProtectionOptions } = {
    protected: false,
    password: undefined,
    options: defaultProtectionOptions(),
  };
  formats = new FormatStore();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  rowOutline = new Map<number, number>();
  columnOutline = new Map<number, number>();
  merges: Rect[] = [];
  validations = new RectList<ValidationModel>();
  conditionalFormats: ConditionalFormatModel[] = [];
  hyperlinks = new Map<string, Hyperlink>();
  freeze: { rows: number; columns: number } | null = null;
  pageLayout = defaultPageLayout();
  /** Manual page breaks across the sheet (horizontalPageBreaks): the 0-based rows a new page starts at, in order. */
  rowBreaks: number[] = [];
  charts: ChartModel[] = [];
  selection: Rect = { row: 0, col: 0, rows: 1, cols: 1 };
  deleted = false;

  constructor(
    readonly book: WorkbookModel,
    readonly id: string,
    public name: string,
    readonly engineId: number,
  ) {}
}

export type ChangeType = "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted" | "CellInserted" | "CellDeleted";

/** One change Excel reports to `onChanged` handlers. */
export interface ChangeEvent {
  sheetId: string;
  rect: Rect;
  changeType: ChangeType;
  triggerSource: "ThisLocalAddin" | "Unknown";
  details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: string; valueTypeAfter: string };
}

export type Axis = "rows" | "columns";
