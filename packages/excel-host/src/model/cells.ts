// HyperFormula is licensed GPL-3.0 (licenseKey "gpl-v3"): this host evaluates formulas with it, and
// the host is never bundled into the add-in.
import { DetailedCellError, type RawCellContent } from "hyperformula";
import { matchGroup } from "../../../../src/core/shared";
import { type Rect, boundingRect, cellCount, intersect, isUnbounded } from "../address";
import { ExcelHostUnsupportedError, excelError } from "../errors";
import { formatText } from "../text";
import { type ChangeEvent, type ChangeType, EXCEL_MAX_CELL_CHARACTERS, EXCEL_MAX_FORMULA_CHARACTERS, EXCEL_MAX_NUMBER, EXCEL_MIN_NUMBER, type SheetModel } from "./sheet";
import { assertAllowed } from "./protection";
import type { WorkbookModel } from "./workbook";

const DATE_INPUT = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/;
const PERCENT_INPUT = /^[+-]?\d+(\.\d+)?%$/;
const ACCOUNTING_NEGATIVE = /^\((\d+(?:\.\d+)?)\)$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_DAY = /^([A-Za-z]{3})[- ](\d{1,2})$/;
const DAY_MONTH = /^(\d{1,2})[- ]([A-Za-z]{3})$/;
const CJK_MONTH_DAY = /^(\d{1,2})月(\d{1,2})日$/;

/** Excel's serial number of a date: days since 1899-12-30. */
function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * The typed-entry shapes Excel reads as numbers that HyperFormula keeps as text: "(5)" is −5 (an
 * accounting negative); "Jan-5", "5-Jan" and "10月1日" are dates of the current year (shown as
 * d-mmm and m月d日). (Exponents such as "589216e2" HyperFormula already reads as numbers, as Excel does.)
 */
export function excelTypedNumber(text: string): { value: number; format?: string } | null {
  const negative = ACCOUNTING_NEGATIVE.exec(text);
  if (negative) return { value: -Number(negative[1]) };
  const year = new Date().getFullYear();
  const valid = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  const named = MONTH_DAY.exec(text) ?? DAY_MONTH.exec(text);
  if (named) {
    const [monthName, dayText] = MONTH_DAY.test(text) ? [matchGroup(named, 1), matchGroup(named, 2)] : [matchGroup(named, 2), matchGroup(named, 1)];
    const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
    const day = Number(dayText);
    if (month > 0 && valid(month, day)) return { value: dateSerial(year, month, day), format: "d-mmm" };
  }
  const cjk = CJK_MONTH_DAY.exec(text);
  if (cjk && valid(Number(cjk[1]), Number(cjk[2]))) return { value: dateSerial(year, Number(cjk[1]), Number(cjk[2])), format: 'm"月"d"日"' };
  return null;
}

/** A cell of a sheet as the engine addresses it. */
export function cellAt(sheet: SheetModel, row: number, col: number) {
  return { sheet: sheet.engineId, row, col };
}

function rangeAt(sheet: SheetModel, rect: Rect) {
  return { start: cellAt(sheet, rect.row, rect.col), end: cellAt(sheet, rect.row + rect.rows - 1, rect.col + rect.cols - 1) };
}

/**
 * The cells' contents — values and formulas, held by the workbook's HyperFormula engine — as
 * `range.values`, `range.formulas` and `range.text` read and write them, the used range, and the
 * change events writes raise.
 */
export class CellContents {
  constructor(private readonly book: WorkbookModel) {}

  /** Each sheet's contents bounding box, kept while writes only add to it; dropped when cells are emptied or moved. */
  private contentsCache = new Map<SheetModel, Rect | null>();

  /**
   * Set by `application.suspendApiCalculationUntilNextSync()` and kept after that sync: Microsoft
   * documents that the caller must then recalculate, so formulas written meanwhile are not
   * propagated until `application.calculate()` (or a person's edit). Excel would return stale
   * values; this host refuses to read computed values instead, so a read that would be stale fails.
   */
  private calculationSuspendedByApi = false;

  /** Reads need evaluated formulas; writes of one sync suspend evaluation so it runs once. */
  private evaluated(): void {
    if (this.calculationSuspendedByApi) {
      throw new ExcelHostUnsupportedError(
        "reading computed values after suspendApiCalculationUntilNextSync() without recalculating (Excel would return stale values until application.calculate())",
      );
    }
    if (this.book.engine.isEvaluationSuspended()) this.book.engine.resumeEvaluation();
  }

  suspendEvaluation(): void {
    if (!this.book.engine.isEvaluationSuspended()) this.book.engine.suspendEvaluation();
  }

  /** The end of a sync (or of a person's action): formulas are evaluated, unless the API suspended calculation. */
  resumeEvaluation(): void {
    if (!this.calculationSuspendedByApi) this.evaluated();
  }

  suspendCalculationUntilRecalculated(): void {
    this.calculationSuspendedByApi = true;
    this.suspendEvaluation();
  }

  /** `application.calculate()`, or a person's edit: everything is evaluated again. */
  recalculate(): void {
    this.calculationSuspendedByApi = false;
    this.evaluated();
  }

  /** A cell's value as `range.values` returns it: "" when empty, an error as its text ("#DIV/0!"). */
  value(sheet: SheetModel, row: number, col: number): string | number | boolean {
    this.evaluated();
    return this.held(sheet, row, col, this.book.engine.getCellValue(cellAt(sheet, row, col)));
  }

  valueGrid(sheet: SheetModel, rect: Rect): (string | number | boolean)[][] {
    this.evaluated();
    const values = this.book.engine.getRangeValues(rangeAt(sheet, rect));
    return values.map((line, r) => line.map((value, c) => this.held(sheet, rect.row + r, rect.col + c, value)));
  }

  /**
   * The value Excel holds for what the engine returns. HyperFormula rounds every number it hands
   * out to 14 significant digits by multiplying with 10^(14 − exponent), which overflows for a
   * number nearer zero than about 1e-294 and gives NaN; Excel holds such a number as it is
   * (down to 2^-1022, below which it stores 0 — see toRaw). The constant is read back as stored.
   */
  private held(sheet: SheetModel, row: number, col: number, value: unknown): string | number | boolean {
    if (typeof value === "number" && Number.isNaN(value)) {
      const stored = this.book.engine.getCellSerialized(cellAt(sheet, row, col));
      if (typeof stored === "number") return stored;
    }
    return toExcelValue(value);
  }

  formulaGrid(sheet: SheetModel, rect: Rect): (string | number | boolean)[][] {
    this.evaluated();
    const formulas = this.book.engine.getRangeFormulas(rangeAt(sheet, rect));
    const values = this.valueGrid(sheet, rect);
    return values.map((row, r) => row.map((value, c) => formulas[r]?.[c] ?? value));
  }

  formula(sheet: SheetModel, row: number, col: number): string | null {
    this.evaluated();
    return this.book.engine.getCellFormula(cellAt(sheet, row, col)) ?? null;
  }

  valueType(sheet: SheetModel, row: number, col: number): string {
    this.evaluated();
    const value = this.book.engine.getCellValue(cellAt(sheet, row, col));
    if (value === null) return "Empty";
    if (value instanceof DetailedCellError) return "Error";
    if (typeof value === "number") return "Double";
    if (typeof value === "boolean") return "Boolean";
    return "String";
  }

  /** A cell's `range.text`: its value as its number format shows it. */
  text(sheet: SheetModel, row: number, col: number): string {
    return formatText(this.value(sheet, row, col), sheet.formats.at(row, col).numberFormat);
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
  write(sheet: SheetModel, rect: Rect, input: unknown, location: string, trigger: ChangeEvent["triggerSource"]): void {
    if (input === null || input === undefined || isUnbounded(rect)) throw excelError("InvalidArgument", location);
    const grid = broadcast(input, rect, location);
    assertAllowed(sheet, "contents", rect, location);
    const single = rect.rows === 1 && rect.cols === 1;
    const before = single && this.book.enableEvents ? this.cellState(sheet, rect.row, rect.col) : null;
    const raw: RawCellContent[][] = [];
    let skips = false;
    const autoFormats: { row: number; col: number; format: string }[] = [];
    // broadcast has checked the grid is the range's shape.
    for (const [r, entries] of grid.entries()) {
      const line: RawCellContent[] = [];
      for (const [c, entry] of entries.entries()) {
        if (entry === null || entry === undefined) {
          skips = true;
          line.push(undefined);
          continue;
        }
        const numberFormat = sheet.formats.at(rect.row + r, rect.col + c).numberFormat;
        line.push(this.toRaw(entry, numberFormat, location));
        if (typeof entry === "string" && numberFormat === "General") {
          const typedFormat = excelTypedNumber(entry.trim())?.format;
          if (typedFormat) autoFormats.push({ row: rect.row + r, col: rect.col + c, format: typedFormat });
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
          if (content !== undefined) this.book.engine.setCellContents(cellAt(sheet, rect.row + r, rect.col + c), content);
        }),
      );
    } else {
      this.book.engine.setCellContents(cellAt(sheet, rect.row, rect.col), raw);
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
    // Longer text or formulas than a cell holds are refused, never cut (a leading ' only marks text).
    const limit = entry.startsWith("=") && numberFormat !== "@" ? EXCEL_MAX_FORMULA_CHARACTERS : EXCEL_MAX_CELL_CHARACTERS;
    if (entry.replace(/^'/, "").length > limit) throw excelError("InvalidArgument", location);
    // A Text-formatted cell keeps whatever is typed as text, formulas included.
    if (numberFormat === "@") return `'${entry}`;
    if (entry.startsWith("=")) {
      if (entry.length === 1 || !this.book.engine.validateFormula(entry)) throw excelError("InvalidArgument", location);
      return entry;
    }
    if (entry.startsWith("'")) return entry;
    const typed = excelTypedNumber(entry.trim());
    if (typed) return typed.value;
    // Excel reads a numeric text as a number, unless the number is more than it can hold.
    const number = entry.trim() === "" ? NaN : Math.abs(Number(entry));
    if (number > EXCEL_MAX_NUMBER) return `'${entry}`;
    if (number > 0 && number < EXCEL_MIN_NUMBER) return 0;
    return entry;
  }

  clear(sheet: SheetModel, rect: Rect, location: string, trigger: ChangeEvent["triggerSource"]): void {
    assertAllowed(sheet, "contents", rect, location);
    const used = this.usedRect(sheet, true);
    const area = used && intersect(rect, used);
    if (!area) return;
    const before = cellCount(rect) === 1 && this.book.enableEvents ? this.cellState(sheet, rect.row, rect.col) : null;
    this.suspendEvaluation();
    this.touched(sheet);
    this.book.engine.setCellContents(
      cellAt(sheet, area.row, area.col),
      Array.from({ length: area.rows }, () => Array<RawCellContent>(area.cols).fill(null)),
    );
    this.changed(sheet, rect, "RangeEdited", trigger, before);
  }

  clearQuietly(sheet: SheetModel, rect: Rect): void {
    const used = this.usedRect(sheet, true);
    const area = used && intersect(rect, used);
    if (!area || this.isBlank(sheet, area)) return;
    this.suspendEvaluation();
    this.touched(sheet);
    this.book.engine.setCellContents(
      cellAt(sheet, area.row, area.col),
      Array.from({ length: area.rows }, () => Array<RawCellContent>(area.cols).fill(null)),
    );
  }

  checkFormula(formula: unknown, location: string): string {
    if (typeof formula !== "string" || !formula.startsWith("=") || !this.book.engine.validateFormula(formula)) {
      throw excelError("InvalidArgument", location);
    }
    return formula;
  }

  private cellState(sheet: SheetModel, row: number, col: number): { value: unknown; type: string } {
    return { value: this.value(sheet, row, col), type: this.valueType(sheet, row, col) };
  }

  /** Queues an onChanged event while the add-in's events are on (`context.runtime.enableEvents`). */
  changed(
    sheet: SheetModel,
    rect: Rect,
    changeType: ChangeType,
    triggerSource: ChangeEvent["triggerSource"],
    before: { value: unknown; type: string } | null,
  ): void {
    if (!this.book.enableEvents) return;
    const event: ChangeEvent = { sheetId: sheet.id, rect, changeType, triggerSource };
    if (before && cellCount(rect) === 1) {
      const after = this.cellState(sheet, rect.row, rect.col);
      event.details = { valueBefore: before.value, valueAfter: after.value, valueTypeBefore: before.type, valueTypeAfter: after.type };
    }
    this.book.onChange(event);
  }

  private isBlank(sheet: SheetModel, rect: Rect): boolean {
    for (let row = rect.row; row < rect.row + rect.rows; row++) {
      for (let col = rect.col; col < rect.col + rect.cols; col++) if (!this.book.engine.isCellEmpty(cellAt(sheet, row, col))) return false;
    }
    return true;
  }

  touched(sheet?: SheetModel): void {
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
    const cached = this.contentsCache.get(sheet);
    if (cached !== undefined) return cached;
    // The engine's dimensions only bound the cells ever written; the exact box needs a look.
    const { width, height } = this.book.engine.getSheetDimensions(sheet.engineId);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        if (this.book.engine.isCellEmpty(cellAt(sheet, row, col))) continue;
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
}

export function toExcelValue(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell's content of any kind reads as its text, as Excel coerces it
  return String(value);
}

/** The 2-D input for a range: the array itself when it matches the range's shape, or one value repeated. */
export function broadcast(input: unknown, rect: Rect, location: string): unknown[][] {
  if (!Array.isArray(input)) return Array.from({ length: rect.rows }, () => Array<unknown>(rect.cols).fill(input));
  const shapeOk = input.length === rect.rows && input.every((line) => Array.isArray(line) && line.length === rect.cols);
  if (!shapeOk) throw excelError("InvalidArgument", location);
  return input as unknown[][];
}
