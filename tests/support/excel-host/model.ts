// HyperFormula is licensed GPL-3.0 (licenseKey "gpl-v3"): it is a devDependency used only by this
// test host to evaluate formulas, and is never bundled into the add-in.
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { columnIndex, columnLetter } from "../../../src/core/a1";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  RectList,
  boundingRect,
  cellCount,
  contains,
  containsRect,
  intersect,
  isEntireColumns,
  isEntireRows,
  isUnbounded,
  subtract,
} from "./address";
import { excelError } from "./errors";
import { DEFAULT_FORMAT, FormatStore, type FormatPatch, shiftIndex, shiftMap, shiftSpan } from "./formats";
import { formatText } from "./text";

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
/** Excel's smallest positive number; anything nearer zero is stored as 0. */
export const EXCEL_MIN_NUMBER = 2.2250738585072e-308;

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

/**
 * What a protected sheet still lets the add-in do, by kind of write, mirroring Excel's "Protect
 * Sheet" options: contents only in unlocked cells; cell formats (font, fill, number format,
 * alignment, borders, conditional formats) only with "Format cells"; widths/heights only with
 * "Format columns/rows"; rows in or out only with "Insert/Delete rows" (deleting also needs every
 * cell of the rows unlocked); locks, merges, data validation, outlines and shifted cells never.
 */
type ProtectedWrite =
  | "contents"
  | "formatCells"
  | "formatColumns"
  | "formatRows"
  | "lockCells"
  | "merge"
  | "validation"
  | "outline"
  | "shiftCells"
  | "insertRows"
  | "deleteRows"
  | "insertColumns"
  | "deleteColumns"
  | "hyperlink"
  | "objects";

const PROTECTION_RULES: Record<ProtectedWrite, { option?: keyof ProtectionOptions; needsUnlocked?: boolean }> = {
  contents: { needsUnlocked: true },
  formatCells: { option: "allowFormatCells" },
  formatColumns: { option: "allowFormatColumns" },
  formatRows: { option: "allowFormatRows" },
  lockCells: {},
  merge: {},
  validation: {},
  outline: {},
  shiftCells: {},
  insertRows: { option: "allowInsertRows" },
  deleteRows: { option: "allowDeleteRows", needsUnlocked: true },
  insertColumns: { option: "allowInsertColumns" },
  deleteColumns: { option: "allowDeleteColumns", needsUnlocked: true },
  hyperlink: { option: "allowInsertHyperlinks", needsUnlocked: true },
  objects: { option: "allowEditObjects" },
};

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;

const DATE_INPUT = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/;
const PERCENT_INPUT = /^[+-]?\d+(\.\d+)?%$/;

export type Axis = "rows" | "columns";

/**
 * The workbook's state: sheets in tab order, each with its formats, validation, layout and so on,
 * and one HyperFormula engine holding every sheet's contents so formulas (also across sheets)
 * evaluate as in Excel.
 */
export class WorkbookModel {
  readonly engine: HyperFormula;
  sheets: SheetModel[] = [];
  activeSheetId = "";
  /** `context.runtime.enableEvents`: per add-in, lasts across `Excel.run` calls. */
  enableEvents = true;
  calculationMode = "Automatic";
  settings = new Map<string, unknown>();
  /** Receives each change as it happens (the host hands it to the handlers registered at that moment). */
  onChange: (event: ChangeEvent) => void = () => undefined;
  private nextSheet = 1;
  private nextObject = 1;
  private chartCount = 0;

  constructor(sheetNames: string[]) {
    this.engine = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      // Excel treats an empty cell as 0 in arithmetic and as "" in comparisons.
      evaluateNullToZero: true,
      dateFormats: ["YYYY-MM-DD", "YYYY/MM/DD", "MM/DD/YYYY"],
    });
    // Excel's bare TRUE and FALSE in formulas; HyperFormula only knows the functions TRUE() and FALSE().
    this.engine.addNamedExpression("TRUE", "=TRUE()");
    this.engine.addNamedExpression("FALSE", "=FALSE()");
    for (const name of sheetNames) this.addSheet(name);
    if (this.sheets.length === 0) this.addSheet("Sheet1");
    this.activeSheetId = this.sheets[0].id;
  }

  newId(prefix: string): string {
    return `${prefix}${this.nextObject++}`;
  }

  // ---- sheets -------------------------------------------------------------------------------

  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  sheetByName(name: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`The in-memory workbook has no sheet named '${name}' (sheets: ${this.sheets.map((s) => s.name).join(", ")})`);
    return sheet;
  }

  get activeSheet(): SheetModel {
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0];
  }

  addSheet(name?: string, location = "WorksheetCollection.add"): SheetModel {
    const sheetName = name ?? this.freeSheetName();
    this.checkSheetName(sheetName, null, location);
    const engineName = this.engine.addSheet(sheetName);
    const number = this.nextSheet++;
    const id = `{${String(number).padStart(8, "0")}-0001-0000-0000-000000000000}`;
    const sheet = new SheetModel(this, id, sheetName, this.engine.getSheetId(engineName) as number);
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string, location = "Worksheet.name"): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet, location);
    this.engine.renameSheet(sheet.engineId, name);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel, location = "Worksheet.delete"): void {
    const visibleOthers = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
    if (visibleOthers.length === 0) throw excelError("InvalidOperation", location);
    this.touched();
    this.engine.removeSheet(sheet.engineId);
    sheet.deleted = true;
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) this.activeSheetId = visibleOthers[0].id;
  }

  setVisibility(sheet: SheetModel, visibility: string, location = "Worksheet.visibility"): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw excelError("InvalidArgument", location);
    if (visibility !== "Visible" && !this.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
      throw excelError("InvalidOperation", location);
    }
    sheet.visibility = visibility as SheetVisibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id) {
      this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")!.id;
    }
  }

  moveSheet(sheet: SheetModel, position: number, location = "Worksheet.position"): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw excelError("InvalidArgument", location);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  activate(sheet: SheetModel, location = "Worksheet.activate"): void {
    if (sheet.visibility !== "Visible") throw excelError("InvalidOperation", location);
    this.activeSheetId = sheet.id;
  }

  private freeSheetName(): string {
    for (let n = 1; ; n++) if (!this.findSheet(`Sheet${n}`)) return `Sheet${n}`;
  }

  private checkSheetName(name: string, renaming: SheetModel | null, location: string): void {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name) || /^'|'$/.test(name)) {
      throw excelError("InvalidArgument", location);
    }
    const other = this.findSheet(name);
    if (other && other !== renaming) throw excelError("ItemAlreadyExists", location);
  }

  // ---- protection ---------------------------------------------------------------------------

  assertAllowed(sheet: SheetModel, write: ProtectedWrite, rect: Rect, location: string): void {
    if (!sheet.protection.protected) return;
    const rule = PROTECTION_RULES[write];
    if (rule.option === undefined && !rule.needsUnlocked) throw excelError("AccessDenied", location);
    if (rule.option !== undefined && !sheet.protection.options[rule.option]) throw excelError("AccessDenied", location);
    if (rule.needsUnlocked && sheet.formats.distinct(rect, "locked").includes(true)) throw excelError("AccessDenied", location);
  }

  protect(sheet: SheetModel, options: Excel.WorksheetProtectionOptions | undefined, password: string | undefined, location: string): void {
    if (sheet.protection.protected) throw excelError("AccessDenied", location);
    const known = defaultProtectionOptions();
    for (const key of Object.keys(options ?? {})) {
      if (!(key in known)) throw excelError("InvalidArgument", location);
    }
    sheet.protection = { protected: true, password: password || undefined, options: { ...known, ...(options ?? {}) } };
  }

  unprotect(sheet: SheetModel, password: string | undefined, location: string): void {
    if (!sheet.protection.protected) throw excelError("AccessDenied", location);
    // Excel accepts any password for a sheet protected without one.
    if (sheet.protection.password !== undefined && sheet.protection.password !== password) throw excelError("InvalidArgument", location);
    sheet.protection = { protected: false, password: undefined, options: sheet.protection.options };
  }

  // ---- contents -----------------------------------------------------------------------------

  private address(sheet: SheetModel, row: number, col: number) {
    return { sheet: sheet.engineId, row, col };
  }

  /** Reads need evaluated formulas; writes of one sync suspend evaluation so it runs once. */
  private evaluated(): void {
    if (this.engine.isEvaluationSuspended()) this.engine.resumeEvaluation();
  }

  suspendEvaluation(): void {
    if (!this.engine.isEvaluationSuspended()) this.engine.suspendEvaluation();
  }

  resumeEvaluation(): void {
    this.evaluated();
  }

  /** A cell's value as `range.values` returns it: "" when empty, an error as its text ("#DIV/0!"). */
  value(sheet: SheetModel, row: number, col: number): string | number | boolean {
    this.evaluated();
    return toExcelValue(this.engine.getCellValue(this.address(sheet, row, col)));
  }

  valueGrid(sheet: SheetModel, rect: Rect): (string | number | boolean)[][] {
    this.evaluated();
    const values = this.engine.getRangeValues(this.simpleRange(sheet, rect));
    return values.map((row) => row.map(toExcelValue));
  }

  formulaGrid(sheet: SheetModel, rect: Rect): (string | number | boolean)[][] {
    this.evaluated();
    const formulas = this.engine.getRangeFormulas(this.simpleRange(sheet, rect));
    const values = this.valueGrid(sheet, rect);
    return values.map((row, r) => row.map((value, c) => formulas[r]?.[c] ?? value));
  }

  formula(sheet: SheetModel, row: number, col: number): string | null {
    this.evaluated();
    return this.engine.getCellFormula(this.address(sheet, row, col)) ?? null;
  }

  valueType(sheet: SheetModel, row: number, col: number): string {
    this.evaluated();
    const value = this.engine.getCellValue(this.address(sheet, row, col));
    if (value === null) return "Empty";
    if (value instanceof DetailedCellError) return "Error";
    if (typeof value === "number") return "Double";
    if (typeof value === "boolean") return "Boolean";
    return "String";
  }

  textGrid(sheet: SheetModel, rect: Rect): string[][] {
    const values = this.valueGrid(sheet, rect);
    return values.map((row, r) => row.map((value, c) => formatText(value, sheet.formats.at(rect.row + r, rect.col + c).numberFormat)));
  }

  /**
   * Writes `range.values` / `range.formulas` input: a 2-D array matching the range, or one value
   * for every cell. `null` leaves a cell as it is, "" empties it, a string starting with "=" is a
   * formula (Excel refuses one that does not parse), other strings are read as Excel reads typing.
   */
  writeContents(sheet: SheetModel, rect: Rect, input: unknown, location: string, trigger: ChangeEvent["triggerSource"]): void {
    if (input === null || input === undefined || isUnbounded(rect)) throw excelError("InvalidArgument", location);
    const grid = broadcast(input, rect, location);
    this.assertAllowed(sheet, "contents", rect, location);
    const single = rect.rows === 1 && rect.cols === 1;
    const before = single && this.enableEvents ? this.cellState(sheet, rect.row, rect.col) : null;
    const raw: RawCellContent[][] = [];
    let skips = false;
    const autoFormats: { row: number; col: number; format: string }[] = [];
    for (let r = 0; r < rect.rows; r++) {
      const line: RawCellContent[] = [];
      for (let c = 0; c < rect.cols; c++) {
        const entry = grid[r][c];
        if (entry === null || entry === undefined) {
          skips = true;
          line.push(undefined);
          continue;
        }
        const numberFormat = sheet.formats.at(rect.row + r, rect.col + c).numberFormat;
        line.push(this.toRaw(entry, numberFormat, location));
        if (typeof entry === "string" && numberFormat === "General") {
          if (DATE_INPUT.test(entry.trim())) autoFormats.push({ row: rect.row + r, col: rect.col + c, format: "yyyy-mm-dd" });
          if (PERCENT_INPUT.test(entry.trim())) autoFormats.push({ row: rect.row + r, col: rect.col + c, format: "0%" });
        }
      }
      raw.push(line);
    }
    this.suspendEvaluation();
    if (skips || raw.some((line) => line.some((content) => content === null))) this.touched(sheet);
    else this.grew(sheet, rect);
    if (skips) {
      raw.forEach((line, r) =>
        line.forEach((content, c) => {
          if (content !== undefined) this.engine.setCellContents(this.address(sheet, rect.row + r, rect.col + c), content);
        }),
      );
    } else {
      this.engine.setCellContents(this.address(sheet, rect.row, rect.col), raw);
    }
    for (const { row, col, format } of autoFormats) sheet.formats.apply({ row, col, rows: 1, cols: 1 }, { numberFormat: format });
    this.changed(sheet, rect, "RangeEdited", trigger, before);
  }

  private toRaw(entry: unknown, numberFormat: string, location: string): RawCellContent {
    if (typeof entry === "number") {
      if (!Number.isFinite(entry) || Math.abs(entry) > EXCEL_MAX_NUMBER) throw excelError("InvalidArgument", location);
      return Math.abs(entry) < EXCEL_MIN_NUMBER ? 0 : entry;
    }
    if (typeof entry === "boolean") return entry;
    if (typeof entry !== "string") throw excelError("InvalidArgument", location);
    if (entry === "") return null;
    // A Text-formatted cell keeps whatever is typed as text, formulas included.
    if (numberFormat === "@") return `'${entry}`;
    if (entry.startsWith("=")) {
      if (entry.length === 1 || !this.engine.validateFormula(entry)) throw excelError("InvalidArgument", location);
      return entry;
    }
    // Excel reads a numeric text as a number, unless the number is more than it can hold.
    const number = entry.trim() === "" ? NaN : Math.abs(Number(entry));
    if (number > EXCEL_MAX_NUMBER) return `'${entry}`;
    if (number > 0 && number < EXCEL_MIN_NUMBER) return 0;
    return entry;
  }

  clearContents(sheet: SheetModel, rect: Rect, location: string, trigger: ChangeEvent["triggerSource"]): void {
    this.assertAllowed(sheet, "contents", rect, location);
    const used = this.usedRect(sheet, true);
    const area = used && intersect(rect, used);
    if (!area) return;
    const before = cellCount(rect) === 1 && this.enableEvents ? this.cellState(sheet, rect.row, rect.col) : null;
    this.suspendEvaluation();
    this.touched(sheet);
    this.engine.setCellContents(
      this.address(sheet, area.row, area.col),
      Array.from({ length: area.rows }, () => Array<RawCellContent>(area.cols).fill(null)),
    );
    this.changed(sheet, rect, "RangeEdited", trigger, before);
  }

  private cellState(sheet: SheetModel, row: number, col: number): { value: unknown; type: string } {
    return { value: this.value(sheet, row, col), type: this.valueType(sheet, row, col) };
  }

  /** Queues an onChanged event while the add-in's events are on (`context.runtime.enableEvents`). */
  private changed(
    sheet: SheetModel,
    rect: Rect,
    changeType: ChangeType,
    triggerSource: ChangeEvent["triggerSource"],
    before: { value: unknown; type: string } | null,
  ): void {
    if (!this.enableEvents) return;
    const event: ChangeEvent = { sheetId: sheet.id, rect, changeType, triggerSource };
    if (before && cellCount(rect) === 1) {
      const after = this.cellState(sheet, rect.row, rect.col);
      event.details = { valueBefore: before.value, valueAfter: after.value, valueTypeBefore: before.type, valueTypeAfter: after.type };
    }
    this.onChange(event);
  }

  private isBlank(sheet: SheetModel, rect: Rect): boolean {
    for (let row = rect.row; row < rect.row + rect.rows; row++) {
      for (let col = rect.col; col < rect.col + rect.cols; col++) if (!this.engine.isCellEmpty(this.address(sheet, row, col))) return false;
    }
    return true;
  }

  /** Each sheet's contents bounding box, kept while writes only add to it; dropped when cells are emptied or moved. */
  private contentsCache = new Map<SheetModel, Rect | null>();

  private touched(sheet?: SheetModel): void {
    if (sheet) this.contentsCache.delete(sheet);
    else this.contentsCache.clear();
  }

  private grew(sheet: SheetModel, rect: Rect): void {
    if (!this.contentsCache.has(sheet)) return;
    const box = this.contentsCache.get(sheet) ?? null;
    this.contentsCache.set(sheet, box ? boundingRect(box, rect) : rect);
  }

  /** The smallest rectangle holding every value and formula of a sheet; null when it has none. */
  contentsRect(sheet: SheetModel): Rect | null {
    this.evaluated();
    const cached = this.contentsCache.get(sheet);
    if (cached !== undefined) return cached;
    // The engine's dimensions only bound the cells ever written; the exact box needs a look.
    const { width, height } = this.engine.getSheetDimensions(sheet.engineId);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        if (this.engine.isCellEmpty(this.address(sheet, row, col))) continue;
        top = Math.min(top, row);
        left = Math.min(left, col);
        bottom = Math.max(bottom, row);
        right = Math.max(right, col);
      }
    }
    const rect = bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
    this.contentsCache.set(sheet, rect);
    return rect;
  }

  /**
   * The used range: the smallest rectangle holding every value or formula, and (unless
   * `valuesOnly`) every cell with a format of its own. Null for a blank sheet.
   */
  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
    const contents = this.contentsRect(sheet);
    if (valuesOnly) return contents;
    const extra: Rect[] = [...sheet.merges, ...sheet.formats.formattedCells().map(({ row, col }) => ({ row, col, rows: 1, cols: 1 }))];
    return extra.reduce<Rect | null>((box, rect) => (box ? boundingRect(box, rect) : rect), contents);
  }


  // ---- formats and layout -------------------------------------------------------------------

  applyFormat(sheet: SheetModel, rect: Rect, patch: FormatPatch, location: string): void {
    const lockOnly = Object.keys(patch).every((key) => key === "locked" || key === "formulaHidden");
    this.assertAllowed(sheet, lockOnly ? "lockCells" : "formatCells", rect, location);
    sheet.formats.apply(rect, patch);
  }

  setNumberFormat(sheet: SheetModel, rect: Rect, input: unknown, location: string): void {
    if (input === null || input === undefined || isUnbounded(rect)) throw excelError("InvalidArgument", location);
    const grid = broadcast(input, rect, location);
    this.assertAllowed(sheet, "formatCells", rect, location);
    const first = grid[0][0];
    if (grid.every((line) => line.every((entry) => entry === first)) && first !== null) {
      sheet.formats.apply(rect, { numberFormat: numberFormatOf(first, location) });
      return;
    }
    grid.forEach((line, r) =>
      line.forEach((entry, c) => {
        if (entry !== null && entry !== undefined) {
          sheet.formats.apply({ row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 }, { numberFormat: numberFormatOf(entry, location) });
        }
      }),
    );
  }

  setColumnWidth(sheet: SheetModel, rect: Rect, width: unknown, location: string): void {
    if (typeof width !== "number" || width < 0 || width > 1638) throw excelError("InvalidArgument", location);
    this.assertAllowed(sheet, "formatColumns", rect, location);
    for (let col = rect.col; col < rect.col + rect.cols; col++) sheet.columnWidths.set(col, width);
  }

  setRowHeight(sheet: SheetModel, rect: Rect, height: unknown, location: string): void {
    if (typeof height !== "number" || height < 0 || height > 409) throw excelError("InvalidArgument", location);
    this.assertAllowed(sheet, "formatRows", rect, location);
    for (let row = rect.row; row < rect.row + rect.rows; row++) sheet.rowHeights.set(row, height);
  }

  setHidden(sheet: SheetModel, rect: Rect, axis: Axis, hidden: unknown, location: string): void {
    if (typeof hidden !== "boolean") throw excelError("InvalidArgument", location);
    this.assertAllowed(sheet, axis === "rows" ? "formatRows" : "formatColumns", rect, location);
    const set = axis === "rows" ? sheet.hiddenRows : sheet.hiddenColumns;
    const [start, length] = axis === "rows" ? [rect.row, rect.rows] : [rect.col, rect.cols];
    for (let i = start; i < start + length; i++) {
      if (hidden) set.add(i);
      else set.delete(i);
    }
  }

  columnWidth(sheet: SheetModel, col: number): number {
    return sheet.columnWidths.get(col) ?? STANDARD_COLUMN_WIDTH;
  }

  rowHeight(sheet: SheetModel, row: number): number {
    return sheet.rowHeights.get(row) ?? STANDARD_ROW_HEIGHT;
  }

  /** Autofit from the displayed text: about 7 points a character, 15 points a line. */
  autofit(sheet: SheetModel, rect: Rect, axis: Axis, location: string): void {
    this.assertAllowed(sheet, axis === "columns" ? "formatColumns" : "formatRows", rect, location);
    const used = this.usedRect(sheet, true);
    const area = used && intersect(rect, used);
    const text = area ? this.textGrid(sheet, area) : [];
    if (axis === "columns") {
      for (let col = rect.col; col < rect.col + rect.cols; col++) {
        const chars = area ? Math.max(0, ...text.map((line) => (line[col - area.col] ?? "").length)) : 0;
        sheet.columnWidths.set(col, chars === 0 ? STANDARD_COLUMN_WIDTH : Math.min(1638, Math.round(chars * 7 + 5)));
      }
    } else {
      for (let row = rect.row; row < rect.row + rect.rows; row++) {
        const line = area ? (text[row - area.row] ?? []) : [];
        const lines = Math.max(1, ...line.map((t) => t.split("\n").length));
        sheet.rowHeights.set(row, Math.min(409, lines * STANDARD_ROW_HEIGHT));
      }
    }
  }

  merge(sheet: SheetModel, rect: Rect, across: boolean, location: string): void {
    this.assertAllowed(sheet, "merge", rect, location);
    const areas = across
      ? Array.from({ length: rect.rows }, (_, r) => ({ row: rect.row + r, col: rect.col, rows: 1, cols: rect.cols }))
      : [rect];
    sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    for (const area of areas) {
      if (cellCount(area) < 2) continue;
      sheet.merges.push(area);
      // Merging keeps only the top-left cell's contents.
      const others = { row: area.row, col: area.col + 1, rows: 1, cols: area.cols - 1 };
      if (others.cols > 0) this.clearQuietly(sheet, others);
      if (area.rows > 1) this.clearQuietly(sheet, { row: area.row + 1, col: area.col, rows: area.rows - 1, cols: area.cols });
    }
  }

  private clearQuietly(sheet: SheetModel, rect: Rect): void {
    const used = this.usedRect(sheet, true);
    const area = used && intersect(rect, used);
    if (!area || this.isBlank(sheet, area)) return;
    this.suspendEvaluation();
    this.touched(sheet);
    this.engine.setCellContents(
      this.address(sheet, area.row, area.col),
      Array.from({ length: area.rows }, () => Array<RawCellContent>(area.cols).fill(null)),
    );
  }

  unmerge(sheet: SheetModel, rect: Rect, location: string): void {
    this.assertAllowed(sheet, "merge", rect, location);
    sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(sheet: SheetModel, row: number, col: number): Rect | undefined {
    return sheet.merges.find((m) => contains(m, row, col));
  }

  group(sheet: SheetModel, rect: Rect, axis: Axis, delta: 1 | -1, location: string): void {
    this.assertAllowed(sheet, "outline", rect, location);
    const levels = axis === "rows" ? sheet.rowOutline : sheet.columnOutline;
    const [start, length] = axis === "rows" ? [rect.row, rect.rows] : [rect.col, rect.cols];
    for (let i = start; i < start + length; i++) {
      const next = (levels.get(i) ?? 0) + delta;
      if (next > 7) throw excelError("InvalidOperation", location);
      if (next <= 0) levels.delete(i);
      else levels.set(i, next);
    }
  }

  setHyperlink(sheet: SheetModel, rect: Rect, link: unknown, location: string, trigger: ChangeEvent["triggerSource"]): void {
    if (link === null || typeof link !== "object") throw excelError("InvalidArgument", location);
    this.assertAllowed(sheet, "hyperlink", rect, location);
    const hyperlink = { ...(link as Hyperlink) };
    if (!hyperlink.address && !hyperlink.documentReference) throw excelError("InvalidArgument", location);
    for (let row = rect.row; row < rect.row + rect.rows; row++) {
      for (let col = rect.col; col < rect.col + rect.cols; col++) sheet.hyperlinks.set(`${row},${col}`, hyperlink);
    }
    if (hyperlink.textToDisplay !== undefined) {
      this.writeContents(sheet, { row: rect.row, col: rect.col, rows: 1, cols: 1 }, `'${hyperlink.textToDisplay}`, location, trigger);
    }
  }

  removeHyperlinks(sheet: SheetModel, rect: Rect): void {
    for (const key of [...sheet.hyperlinks.keys()]) {
      const [row, col] = key.split(",").map(Number);
      if (contains(rect, row, col)) sheet.hyperlinks.delete(key);
    }
  }

  /** `range.clear(applyTo)`: "All" (default), "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents". */
  clear(sheet: SheetModel, rect: Rect, applyTo: string, location: string, trigger: ChangeEvent["triggerSource"]): void {
    const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
    const formats = applyTo === "All" || applyTo === "Formats";
    const links = applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks";
    if (!contents && !formats && !links) throw excelError("InvalidArgument", location);
    if (contents) this.assertAllowed(sheet, "contents", rect, location);
    if (formats) this.assertAllowed(sheet, "formatCells", rect, location);
    if (contents) this.clearContents(sheet, rect, location, trigger);
    if (formats) {
      // Clearing formats returns cells to the Normal style: locked again, General, no fill or borders.
      sheet.formats.apply(rect, { ...DEFAULT_FORMAT });
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
      this.removeConditionalFormats(sheet, rect);
    }
    if (links) this.removeHyperlinks(sheet, rect);
  }

  // ---- data validation ----------------------------------------------------------------------

  validationAt(sheet: SheetModel, row: number, col: number): ValidationModel | undefined {
    return sheet.validations.touching({ row, col, rows: 1, cols: 1 })[0];
  }

  /** The validations covering a range; `mixed` when its cells do not all share one. */
  validationsOf(sheet: SheetModel, rect: Rect): { single: ValidationModel | null; mixed: boolean } {
    const touching = sheet.validations.touching(rect);
    if (touching.length === 0) return { single: null, mixed: false };
    if (touching.length === 1 && containsRect(touching[0].rect, rect)) return { single: touching[0], mixed: false };
    return { single: null, mixed: true };
  }

  /** Sets part of a range's data validation: the range gets one validation of its own. */
  updateValidation(sheet: SheetModel, rect: Rect, patch: Partial<Omit<ValidationModel, "rect">>, location: string): void {
    this.assertAllowed(sheet, "validation", rect, location);
    if (patch.rule !== undefined) checkValidationRule(patch.rule, location);
    const exact = sheet.validations
      .touching(rect)
      .find((v) => v.rect.row === rect.row && v.rect.col === rect.col && v.rect.rows === rect.rows && v.rect.cols === rect.cols);
    if (exact) {
      Object.assign(exact, patch);
      return;
    }
    const base = this.validationAt(sheet, rect.row, rect.col);
    this.removeValidation(sheet, rect);
    sheet.validations.add({
      rect,
      rule: base ? base.rule : {},
      prompt: base ? { ...base.prompt } : { showPrompt: true, title: "", message: "" },
      errorAlert: base ? { ...base.errorAlert } : { showAlert: true, style: "Stop", title: "", message: "" },
      ignoreBlanks: base ? base.ignoreBlanks : true,
      ...patch,
    });
  }

  clearValidation(sheet: SheetModel, rect: Rect, location: string): void {
    this.assertAllowed(sheet, "validation", rect, location);
    this.removeValidation(sheet, rect);
  }

  private removeValidation(sheet: SheetModel, rect: Rect): void {
    for (const cut of sheet.validations.touching(rect)) {
      sheet.validations.remove(cut);
      for (const piece of subtract(cut.rect, rect)) sheet.validations.add({ ...cut, rect: piece });
    }
  }

  /** Whether a value satisfies a cell's validation (`dataValidation.valid`, and a person typing). */
  satisfies(sheet: SheetModel, validation: ValidationModel, row: number, col: number, value: unknown): boolean {
    this.evaluated();
    if (value === "" || value === null) return validation.ignoreBlanks;
    const [kind, body] = Object.entries(validation.rule)[0] ?? [];
    if (!kind) return true;
    const spec = body as Record<string, unknown>;
    const dRow = row - validation.rect.row;
    const dCol = col - validation.rect.col;
    const bound = (formula: unknown) => this.evaluateCriterion(sheet, formula, dRow, dCol);
    switch (kind) {
      case "wholeNumber":
      case "decimal":
      case "date":
      case "time":
      case "textLength": {
        const subject = kind === "textLength" ? String(value).length : value;
        if (typeof subject !== "number") return false;
        if (kind === "wholeNumber" && !Number.isInteger(subject)) return false;
        return compare(subject, String(spec.operator), bound(spec.formula1), bound(spec.formula2));
      }
      case "list": {
        const source = spec.source;
        const items =
          typeof source === "string" && source.startsWith("=")
            ? flatValues(this.engine.calculateFormula(source, sheet.engineId))
            : String(source)
                .split(",")
                .map((item) => item.trim());
        return items.some((item) => String(item) === String(value));
      }
      case "custom": {
        // Excel judges the value being entered: the cell's own references read that value.
        const formula = withCellValue(shiftFormula(String(spec.formula), dRow, dCol), row, col, value);
        const result = this.engine.calculateFormula(formula, sheet.engineId);
        return result === true || (typeof result === "number" && result !== 0);
      }
      default:
        return true;
    }
  }

  private evaluateCriterion(sheet: SheetModel, formula: unknown, dRow: number, dCol: number): number {
    if (typeof formula === "number") return formula;
    if (formula === undefined || formula === null) return NaN;
    const text = String(formula);
    if (!text.startsWith("=")) return Number(text);
    this.evaluated();
    const result = this.engine.calculateFormula(shiftFormula(text, dRow, dCol), sheet.engineId);
    return typeof result === "number" ? result : NaN;
  }

  // ---- conditional formats ------------------------------------------------------------------

  addConditionalFormat(sheet: SheetModel, rect: Rect, type: string, location: string): ConditionalFormatModel {
    const known = ["Custom", "CellValue", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText"];
    if (!known.includes(type)) throw excelError("InvalidArgument", location);
    this.assertAllowed(sheet, "formatCells", rect, location);
    const model: ConditionalFormatModel = {
      id: this.newId("cf"),
      type,
      areas: [rect],
      rule: {},
      format: {},
      priority: 0,
      stopIfTrue: false,
    };
    for (const other of sheet.conditionalFormats) other.priority += 1;
    sheet.conditionalFormats.unshift(model);
    return model;
  }

  clearConditionalFormats(sheet: SheetModel, rect: Rect, location: string): void {
    this.assertAllowed(sheet, "formatCells", rect, location);
    this.removeConditionalFormats(sheet, rect);
  }

  private removeConditionalFormats(sheet: SheetModel, rect: Rect): void {
    for (const format of sheet.conditionalFormats) format.areas = format.areas.flatMap((area) => subtract(area, rect));
    sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.areas.length > 0);
    sheet.conditionalFormats.forEach((format, index) => (format.priority = index));
  }

  checkFormula(formula: unknown, location: string): string {
    if (typeof formula !== "string" || !formula.startsWith("=") || !this.engine.validateFormula(formula)) {
      throw excelError("InvalidArgument", location);
    }
    return formula;
  }

  // ---- charts -------------------------------------------------------------------------------

  addChart(sheet: SheetModel, type: string, source: { sheet: SheetModel; rect: Rect }, seriesBy: string, location: string): ChartModel {
    this.assertAllowed(sheet, "objects", source.rect, location);
    if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw excelError("InvalidArgument", location);
    const used = this.usedRect(source.sheet, true);
    const area = used && intersect(source.rect, used);
    if (!area) throw excelError("InvalidArgument", location);
    const grid = this.valueGrid(source.sheet, area);
    const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && area.rows >= area.cols);
    const lines = byColumns ? grid[0].map((_, c) => grid.map((line) => line[c])) : grid;
    const hasLabels = lines.length > 1 && lines[0].some((v) => typeof v === "string" && v !== "");
    const hasNames = lines.some((line) => typeof line[0] === "string" && line[0] !== "");
    const series = (hasLabels ? lines.slice(1) : lines).map((line, index) => ({
      name: hasNames ? String(line[0]) : `Series${index + 1}`,
    }));
    this.chartCount += 1;
    const chart: ChartModel = {
      id: this.newId("chart"),
      name: `Chart ${this.chartCount}`,
      chartType: type,
      source: { sheetId: source.sheet.id, rect: source.rect },
      seriesBy,
      title: { text: "", visible: false },
      legend: { visible: true, position: "Right" },
      series,
      axes: { value: { title: "", minimum: null, maximum: null }, category: { title: "" } },
      top: 0,
      left: 0,
      width: 360,
      height: 216,
      deleted: false,
    };
    sheet.charts.push(chart);
    return chart;
  }

  /** Points from the sheet's top-left corner to a cell's top-left corner. */
  offsetOf(sheet: SheetModel, row: number, col: number): { top: number; left: number } {
    let top = 0;
    for (let r = 0; r < row; r++) top += sheet.hiddenRows.has(r) ? 0 : this.rowHeight(sheet, r);
    let left = 0;
    for (let c = 0; c < col; c++) left += sheet.hiddenColumns.has(c) ? 0 : this.columnWidth(sheet, c);
    return { top, left };
  }

  // ---- inserting and deleting cells ---------------------------------------------------------

  /**
   * Inserts (count > 0) or deletes (count < 0) whole rows or columns at `at`, or — with `span` —
   * shifts only the cells of those rows/columns inside the span (Excel's "shift cells down/up").
   * Contents and formula references move in the engine; formats, merges, validation, conditional
   * formats, links, sizes and outlines move here.
   */
  shift(sheet: SheetModel, axis: Axis, at: number, count: number, span: { start: number; length: number } | null, location: string, trigger: ChangeEvent["triggerSource"]): void {
    const limit = axis === "rows" ? MAX_ROWS : MAX_COLUMNS;
    const affected: Rect =
      axis === "rows"
        ? { row: at, col: span ? span.start : 0, rows: Math.abs(count), cols: span ? span.length : MAX_COLUMNS }
        : { row: span ? span.start : 0, col: at, rows: span ? span.length : MAX_ROWS, cols: Math.abs(count) };
    const write: ProtectedWrite = span
      ? "shiftCells"
      : axis === "rows"
        ? count > 0
          ? "insertRows"
          : "deleteRows"
        : count > 0
          ? "insertColumns"
          : "deleteColumns";
    this.assertAllowed(sheet, write, affected, location);
    if (at < 0 || at + Math.abs(count) > limit) throw excelError("InvalidArgument", location);
    this.suspendEvaluation();
    this.touched(sheet);
    if (span) this.shiftCellsInEngine(sheet, axis, at, count, span);
    else if (axis === "rows") {
      if (count > 0) this.engine.addRows(sheet.engineId, [at, count]);
      else this.engine.removeRows(sheet.engineId, [at, -count]);
    } else if (count > 0) this.engine.addColumns(sheet.engineId, [at, count]);
    else this.engine.removeColumns(sheet.engineId, [at, -count]);

    const spanOnOtherAxis = span ? (axis === "rows" ? { col: span.start, cols: span.length } : { row: span.start, rows: span.length }) : undefined;
    if (axis === "rows") sheet.formats.shiftRows(at, count, spanOnOtherAxis as { col: number; cols: number } | undefined);
    else sheet.formats.shiftColumns(at, count, spanOnOtherAxis as { row: number; rows: number } | undefined);
    const move = (rect: Rect) => shiftRect(rect, axis, at, count, span);
    sheet.merges = sheet.merges.map(move).filter((r): r is Rect => r !== null);
    sheet.validations = new RectList(
      sheet.validations.all().flatMap((v) => {
        const rect = move(v.rect);
        return rect ? [{ ...v, rect }] : [];
      }),
    );
    for (const format of sheet.conditionalFormats) format.areas = format.areas.map(move).filter((r): r is Rect => r !== null);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.areas.length > 0);
    const links = new Map<string, Hyperlink>();
    for (const [key, link] of sheet.hyperlinks) {
      const [row, col] = key.split(",").map(Number);
      const moved = move({ row, col, rows: 1, cols: 1 });
      if (moved) links.set(`${moved.row},${moved.col}`, link);
    }
    sheet.hyperlinks = links;
    if (!span) {
      if (axis === "rows") {
        sheet.rowHeights = shiftMap(sheet.rowHeights, at, count, limit);
        sheet.rowOutline = shiftMap(sheet.rowOutline, at, count, limit);
        sheet.hiddenRows = new Set([...sheet.hiddenRows].map((i) => shiftIndex(i, at, count, limit)).filter((i): i is number => i !== null));
      } else {
        sheet.columnWidths = shiftMap(sheet.columnWidths, at, count, limit);
        sheet.columnOutline = shiftMap(sheet.columnOutline, at, count, limit);
        sheet.hiddenColumns = new Set([...sheet.hiddenColumns].map((i) => shiftIndex(i, at, count, limit)).filter((i): i is number => i !== null));
      }
    }
    const changeType: ChangeType = span
      ? count > 0
        ? "CellInserted"
        : "CellDeleted"
      : axis === "rows"
        ? count > 0
          ? "RowInserted"
          : "RowDeleted"
        : count > 0
          ? "ColumnInserted"
          : "ColumnDeleted";
    this.changed(sheet, affected, changeType, trigger, null);
  }

  private shiftCellsInEngine(sheet: SheetModel, axis: Axis, at: number, count: number, span: { start: number; length: number }): void {
    const dims = this.engine.getSheetDimensions(sheet.engineId);
    const last = axis === "rows" ? dims.height - 1 : dims.width - 1;
    const cell = (along: number, across: number) =>
      axis === "rows" ? this.address(sheet, along, across) : this.address(sheet, across, along);
    if (count > 0) {
      if (at > last) return;
      this.engine.moveCells({ start: cell(at, span.start), end: cell(last, span.start + span.length - 1) }, cell(at + count, span.start));
      return;
    }
    const removed = -count;
    const clearRect: Rect =
      axis === "rows"
        ? { row: at, col: span.start, rows: removed, cols: span.length }
        : { row: span.start, col: at, rows: span.length, cols: removed };
    this.clearQuietly(sheet, clearRect);
    if (at + removed > last) return;
    this.engine.moveCells({ start: cell(at + removed, span.start), end: cell(last, span.start + span.length - 1) }, cell(at, span.start));
  }

  private simpleRange(sheet: SheetModel, rect: Rect) {
    return {
      start: this.address(sheet, rect.row, rect.col),
      end: this.address(sheet, rect.row + rect.rows - 1, rect.col + rect.cols - 1),
    };
  }
}

/** A rectangle after a row/column insertion or deletion; a whole-column rectangle stays whole when rows move. */
export function shiftRect(rect: Rect, axis: Axis, at: number, count: number, span: { start: number; length: number } | null): Rect | null {
  if (axis === "rows") {
    if (isEntireColumns(rect)) return rect;
    if (span && (rect.col < span.start || rect.col + rect.cols > span.start + span.length)) return rect;
    const moved = shiftSpan(rect.row, rect.rows, at, count, MAX_ROWS);
    return moved && { ...rect, row: moved.start, rows: moved.length };
  }
  if (isEntireRows(rect)) return rect;
  if (span && (rect.row < span.start || rect.row + rect.rows > span.start + span.length)) return rect;
  const moved = shiftSpan(rect.col, rect.cols, at, count, MAX_COLUMNS);
  return moved && { ...rect, col: moved.start, cols: moved.length };
}

function toExcelValue(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** The 2-D input for a range: the array itself when it matches the range's shape, or one value repeated. */
function broadcast(input: unknown, rect: Rect, location: string): unknown[][] {
  if (!Array.isArray(input)) return Array.from({ length: rect.rows }, () => Array<unknown>(rect.cols).fill(input));
  const shapeOk = input.length === rect.rows && input.every((line) => Array.isArray(line) && line.length === rect.cols);
  if (!shapeOk) throw excelError("InvalidArgument", location);
  return input as unknown[][];
}

function numberFormatOf(entry: unknown, location: string): string {
  if (typeof entry !== "string") throw excelError("InvalidArgument", location);
  return entry === "" ? "General" : entry;
}

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

/** Excel's checks on `dataValidation.rule`: exactly one kind, an operator it knows, the bounds the operator needs. */
function checkValidationRule(rule: Record<string, unknown>, location: string): void {
  if (rule === null || typeof rule !== "object") throw excelError("InvalidArgument", location);
  const kinds = Object.keys(rule).filter((key) => rule[key] !== undefined && rule[key] !== null);
  if (kinds.length !== 1) throw excelError("InvalidArgument", location);
  const kind = kinds[0];
  const body = rule[kind] as Record<string, unknown>;
  if (body === null || typeof body !== "object") throw excelError("InvalidArgument", location);
  switch (kind) {
    case "wholeNumber":
    case "decimal":
    case "date":
    case "time":
    case "textLength": {
      if (!OPERATORS.includes(String(body.operator))) throw excelError("InvalidArgument", location);
      if (body.formula1 === undefined || body.formula1 === null || body.formula1 === "") throw excelError("InvalidArgument", location);
      const needsTwo = body.operator === "Between" || body.operator === "NotBetween";
      if (needsTwo && (body.formula2 === undefined || body.formula2 === null || body.formula2 === "")) throw excelError("InvalidArgument", location);
      return;
    }
    case "list":
      if (typeof body.source !== "string" || body.source === "") throw excelError("InvalidArgument", location);
      return;
    case "custom":
      if (typeof body.formula !== "string" || body.formula === "") throw excelError("InvalidArgument", location);
      return;
    default:
      throw excelError("InvalidArgument", location);
  }
}

function compare(value: number, operator: string, a: number, b: number): boolean {
  switch (operator) {
    case "Between":
      return value >= Math.min(a, b) && value <= Math.max(a, b);
    case "NotBetween":
      return value < Math.min(a, b) || value > Math.max(a, b);
    case "EqualTo":
      return value === a;
    case "NotEqualTo":
      return value !== a;
    case "GreaterThan":
      return value > a;
    case "LessThan":
      return value < a;
    case "GreaterThanOrEqualTo":
      return value >= a;
    case "LessThanOrEqualTo":
      return value <= a;
    default:
      return false;
  }
}

function flatValues(result: unknown): string[] {
  const values = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
  return values.map((v) => String(toExcelValue(v)));
}

const A1_REFERENCE = /(^|[^A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])/g;

/** Rewrites the A1 references outside string literals and quoted sheet names. */
function mapReferences(formula: string, map: (lead: string, colAbs: string, letters: string, rowAbs: string, digits: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(A1_REFERENCE, (_m, lead, colAbs, letters, rowAbs, digits) => map(lead, colAbs, letters, rowAbs, digits))))
    .join("");
}

/** Puts a literal in place of the references to one cell (for judging a value before it is stored). */
function withCellValue(formula: string, row: number, col: number, value: unknown): string {
  const literal = typeof value === "number" ? String(value) : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : `"${String(value).replace(/"/g, '""')}"`;
  return mapReferences(formula, (lead, colAbs, letters, rowAbs, digits) =>
    lead !== "!" && columnIndex(letters) === col && Number(digits) - 1 === row ? `${lead}${literal}` : `${lead}${colAbs}${letters}${rowAbs}${digits}`,
  );
}

/**
 * Moves a formula written for one cell to a cell `dRow`/`dCol` away, as Excel does for validation
 * and conditional formats: relative references move, `$`-anchored parts stay. String literals and
 * function names are left alone.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapReferences(formula, (lead, colAbs, letters, rowAbs, digits) => {
    const column = colAbs ? letters.toUpperCase() : columnLetter(columnIndex(letters) + dCol);
    const row = rowAbs ? Number(digits) : Number(digits) + dRow;
    return `${lead}${colAbs}${column}${rowAbs}${row}`;
  });
}

