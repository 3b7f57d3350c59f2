import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  intersect,
  isEntireColumns,
  isEntireRows,
  isUnbounded,
  parseAddress,
  qualifiedAddress,
  splitSheetPrefix,
} from "./address";
import { ConditionalFormatCollectionProxy } from "./conditional";
import { excelError } from "./errors";
import { type BorderFormat, type FormatKey, normalizeColor } from "./formats";
import { type SheetModel, type ValidationModel, type WorkbookModel, assertAllowed, hyperlinkKey, shiftLines } from "./model";
import { ClientObjectProxy, type LoadableProxy, type ProxyContext, type ScalarSpec } from "./proxy";
import { WorksheetProxy } from "./worksheet";

/** What a range proxy finds: a rectangle on a sheet. */
export interface RangeTarget {
  book: WorkbookModel;
  sheet: SheetModel;
  rect: Rect;
}

const ADDIN = "ThisLocalAddin" as const;

function grid<V>(rect: Rect, cell: (row: number, col: number) => V): V[][] {
  return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => cell(rect.row + r, rect.col + c)));
}

function checkedRect(rect: Rect, location: string): Rect {
  const valid =
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    Number.isInteger(rect.rows) &&
    Number.isInteger(rect.cols) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLUMNS;
  if (!valid) throw excelError("InvalidArgument", location);
  return rect;
}

/** An address given to `getRange`, `freezeAt`, `getIntersection`…, which may name its own sheet. */
export function rectOnSheet(sheet: SheetModel, address: string, location: string): Rect {
  const { sheet: named, local } = splitSheetPrefix(address);
  if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) throw excelError("InvalidArgument", location);
  return parseAddress(local);
}

/** A Range or an address string, as many Excel methods accept, resolved while a command runs. */
export function rangeArgument(value: unknown, sheet: SheetModel, location: string): Rect {
  if (value instanceof RangeProxy) {
    const target = value.resolve();
    if (!target) throw excelError("ItemNotFound", location);
    if (target.sheet !== sheet) throw excelError("InvalidArgument", location);
    return target.rect;
  }
  if (typeof value === "string") return rectOnSheet(sheet, value, location);
  throw excelError("InvalidArgument", location);
}

/** Whether all, none (false) or only some (null) of the indexes in a span are in a set. */
function allSomeNone(set: Set<number>, start: number, length: number): boolean | null {
  let inside = 0;
  for (const index of set) if (index >= start && index < start + length) inside++;
  return inside === 0 ? false : inside === length ? true : null;
}

const RANGE_SCALARS: Record<string, ScalarSpec<RangeTarget>> = {
  address: { get: (t) => qualifiedAddress(t.sheet.name, t.rect) },
  addressLocal: { get: (t) => qualifiedAddress(t.sheet.name, t.rect) },
  rowCount: { get: (t) => t.rect.rows },
  columnCount: { get: (t) => t.rect.cols },
  rowIndex: { get: (t) => t.rect.row },
  columnIndex: { get: (t) => t.rect.col },
  cellCount: { get: (t) => t.rect.rows * t.rect.cols },
  isEntireRow: { get: (t) => isEntireRows(t.rect) },
  isEntireColumn: { get: (t) => isEntireColumns(t.rect) },
  // Excel returns null for cell-level properties of whole rows or columns.
  values: {
    get: (t) => (isUnbounded(t.rect) ? null : t.book.cells.valueGrid(t.sheet, t.rect)),
    set: (t, v, location) => t.book.cells.write(t.sheet, t.rect, v, location, ADDIN),
  },
  formulas: {
    get: (t) => (isUnbounded(t.rect) ? null : t.book.cells.formulaGrid(t.sheet, t.rect)),
    set: (t, v, location) => t.book.cells.write(t.sheet, t.rect, v, location, ADDIN),
  },
  formulasLocal: {
    get: (t) => (isUnbounded(t.rect) ? null : t.book.cells.formulaGrid(t.sheet, t.rect)),
    set: (t, v, location) => t.book.cells.write(t.sheet, t.rect, v, location, ADDIN),
  },
  numberFormat: {
    get: (t) => (isUnbounded(t.rect) ? null : grid(t.rect, (r, c) => t.sheet.formats.at(r, c).numberFormat)),
    set: (t, v, location) => t.book.formatting.setNumberFormat(t.sheet, t.rect, v, location),
  },
  numberFormatLocal: {
    get: (t) => (isUnbounded(t.rect) ? null : grid(t.rect, (r, c) => t.sheet.formats.at(r, c).numberFormat)),
    set: (t, v, location) => t.book.formatting.setNumberFormat(t.sheet, t.rect, v, location),
  },
  text: { get: (t) => (isUnbounded(t.rect) ? null : t.book.cells.textGrid(t.sheet, t.rect)) },
  valueTypes: { get: (t) => (isUnbounded(t.rect) ? null : grid(t.rect, (r, c) => t.book.cells.valueType(t.sheet, r, c))) },
  rowHidden: {
    get: (t) => allSomeNone(t.sheet.hiddenRows, t.rect.row, t.rect.rows),
    set: (t, v, location) => t.book.layout.setHidden(t.sheet, t.rect, "rows", v, location),
  },
  columnHidden: {
    get: (t) => allSomeNone(t.sheet.hiddenColumns, t.rect.col, t.rect.cols),
    set: (t, v, location) => t.book.layout.setHidden(t.sheet, t.rect, "columns", v, location),
  },
  hidden: {
    get: (t) => allSomeNone(t.sheet.hiddenRows, t.rect.row, t.rect.rows) === true || allSomeNone(t.sheet.hiddenColumns, t.rect.col, t.rect.cols) === true,
  },
  hyperlink: {
    get: (t) => t.sheet.hyperlinks.get(hyperlinkKey(t.rect.row, t.rect.col)) ?? null,
    set: (t, v, location) => t.book.formatting.setHyperlink(t.sheet, t.rect, v, location, ADDIN),
  },
  top: { get: (t) => t.book.layout.offsetOf(t.sheet, t.rect.row, t.rect.col).top },
  left: { get: (t) => t.book.layout.offsetOf(t.sheet, t.rect.row, t.rect.col).left },
  height: {
    get: (t) => {
      let height = 0;
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) height += t.sheet.hiddenRows.has(r) ? 0 : t.book.layout.rowHeight(t.sheet, r);
      return height;
    },
  },
  width: {
    get: (t) => {
      let width = 0;
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) width += t.sheet.hiddenColumns.has(c) ? 0 : t.book.layout.columnWidth(t.sheet, c);
      return width;
    },
  },
};

type RangeScalarNames =
  | "address"
  | "addressLocal"
  | "rowCount"
  | "columnCount"
  | "rowIndex"
  | "columnIndex"
  | "cellCount"
  | "isEntireRow"
  | "isEntireColumn"
  | "values"
  | "formulas"
  | "formulasLocal"
  | "numberFormat"
  | "numberFormatLocal"
  | "text"
  | "valueTypes"
  | "rowHidden"
  | "columnHidden"
  | "hidden"
  | "hyperlink"
  | "top"
  | "left"
  | "height"
  | "width";

export class RangeProxy
  extends ClientObjectProxy<RangeTarget>
  implements
    Pick<Excel.Range, RangeScalarNames | "clear" | "delete" | "merge" | "unmerge" | "select" | "group">
{
  protected readonly entity = "Range";
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly cellCount: number;
  declare readonly isEntireRow: boolean;
  declare readonly isEntireColumn: boolean;
  declare values: Excel.Range["values"];
  declare formulas: Excel.Range["formulas"];
  declare formulasLocal: Excel.Range["formulasLocal"];
  declare numberFormat: Excel.Range["numberFormat"];
  declare numberFormatLocal: Excel.Range["numberFormatLocal"];
  declare readonly text: string[][];
  declare readonly valueTypes: Excel.RangeValueType[][];
  declare rowHidden: boolean;
  declare columnHidden: boolean;
  declare readonly hidden: boolean;
  declare hyperlink: Excel.RangeHyperlink;
  declare readonly top: number;
  declare readonly left: number;
  declare readonly height: number;
  declare readonly width: number;

  constructor(context: ProxyContext, objectPath: string, resolver: () => RangeTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return RANGE_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return {
      format: () => this.format,
      dataValidation: () => this.dataValidation,
      conditionalFormats: () => this.conditionalFormats,
      worksheet: () => this.worksheet,
    };
  }

  protected override isGone(target: RangeTarget): boolean {
    return target.sheet.deleted;
  }

  get format(): RangeFormatProxy {
    return this.child("format", () => new RangeFormatProxy(this.context, `${this.objectPath}.format`, () => this.resolve()));
  }

  get dataValidation(): DataValidationProxy {
    return this.child("dataValidation", () => new DataValidationProxy(this.context, `${this.objectPath}.dataValidation`, () => this.resolve()));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child(
      "conditionalFormats",
      () => new ConditionalFormatCollectionProxy(this.context, `${this.objectPath}.conditionalFormats`, () => this.resolve()),
    );
  }

  get worksheet(): WorksheetProxy {
    return this.child("worksheet", () => new WorksheetProxy(this.context, `${this.objectPath}.worksheet`, () => this.resolve()?.sheet ?? null));
  }

  // ---- navigation to other ranges -----------------------------------------------------------

  /** A range computed from this one when a command needs it; `orNull` ranges report `isNullObject`. */
  private derive(name: string, args: unknown[], compute: (t: RangeTarget) => Rect | null, orNull = false): RangeProxy {
    const location = `Range.${name}`;
    const path = `${this.objectPath}.${name}(${args.map((a) => (a instanceof RangeProxy ? a.objectPath : JSON.stringify(a))).join(",")})`;
    for (const arg of args) this.sameContext(arg);
    const proxy = new RangeProxy(this.context, path, () => {
      const target = this.resolve();
      if (!target) return null;
      const rect = compute(target);
      if (rect === null) {
        if (orNull) return null;
        throw excelError("ItemNotFound", location);
      }
      return { ...target, rect: checkedRect(rect, location) };
    });
    return orNull ? proxy.instantiate() : proxy;
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derive("getCell", [row, column], (t) => ({ row: t.rect.row + row, col: t.rect.col + column, rows: 1, cols: 1 }));
  }

  getColumn(column: number): RangeProxy {
    return this.derive("getColumn", [column], (t) => ({ ...t.rect, col: t.rect.col + column, cols: 1 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derive("getResizedRange", [deltaRows, deltaColumns], (t) => ({ ...t.rect, rows: t.rect.rows + deltaRows, cols: t.rect.cols + deltaColumns }));
  }

  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return this.derive(
      "getIntersectionOrNullObject",
      [anotherRange],
      (t) => intersect(t.rect, rangeArgument(anotherRange, t.sheet, "Range.getIntersectionOrNullObject")),
      true,
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.derive(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (t) => {
        const used = t.book.cells.usedRect(t.sheet, valuesOnly);
        return used && intersect(t.rect, used);
      },
      true,
    );
  }

  /**
   * The merged areas that meet this range, whole (ExcelApi 1.13); a null object when there are none.
   * Excel refuses to list more than 512 areas.
   */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    const proxy = new RangeAreasProxy(this.context, `${this.objectPath}.getMergedAreasOrNullObject()`, () => {
      const target = this.resolve();
      if (!target) return null;
      const rects = target.sheet.merges.filter((merge) => intersect(merge, target.rect) !== null);
      if (rects.length > 512) throw excelError("InvalidOperation", "Range.getMergedAreasOrNullObject");
      return rects.length === 0 ? null : { book: target.book, sheet: target.sheet, rects };
    });
    return proxy.instantiate();
  }

  // ---- commands -----------------------------------------------------------------------------

  clear(applyTo: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents" = "All"): void {
    this.queue("Range.clear", [applyTo], (t) => t.book.formatting.clear(t.sheet, t.rect, applyTo, "Range.clear", ADDIN));
  }

  delete(shift: Excel.DeleteShiftDirection | "Up" | "Left"): void {
    this.queue("Range.delete", [shift], (t) => shiftCells(t, shift === "Left" ? "columns" : "rows", -1, "Range.delete"));
  }

  /** Inserts cells of this range's size here, pushing the others down or right; returns the new cells. */
  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): RangeProxy {
    this.queue("Range.insert", [shift], (t) => shiftCells(t, shift === "Right" ? "columns" : "rows", 1, "Range.insert"));
    return this.derive("insert", [shift], (t) => t.rect);
  }

  merge(across = false): void {
    this.queue("Range.merge", [across], (t) => t.book.layout.merge(t.sheet, t.rect, across, "Range.merge"));
  }

  unmerge(): void {
    this.queue("Range.unmerge", [], (t) => t.book.layout.unmerge(t.sheet, t.rect, "Range.unmerge"));
  }

  group(groupOption: Excel.GroupOption | "ByRows" | "ByColumns"): void {
    this.queue("Range.group", [groupOption], (t) => t.book.layout.group(t.sheet, t.rect, groupOption === "ByColumns" ? "columns" : "rows", 1, "Range.group"));
  }

  select(): void {
    this.queue("Range.select", [], (t) => {
      t.book.activate(t.sheet, "Range.select");
      t.sheet.selection = t.rect;
    });
  }

}

ClientObjectProxy.accessors(RangeProxy, Object.keys(RANGE_SCALARS));

/** What a RangeAreas proxy finds: rectangles on one sheet. */
export interface RangeAreasTarget {
  book: WorkbookModel;
  sheet: SheetModel;
  rects: Rect[];
}

const RANGE_AREAS_SCALARS: Record<string, ScalarSpec<RangeAreasTarget>> = {
  // As Excel writes it: every area with its sheet, separated by ", " ("Sheet1!A1:B4, Sheet1!D1:D4").
  address: { get: (t) => t.rects.map((rect) => qualifiedAddress(t.sheet.name, rect)).join(", ") },
  addressLocal: { get: (t) => t.rects.map((rect) => qualifiedAddress(t.sheet.name, rect)).join(", ") },
  areaCount: { get: (t) => t.rects.length },
  cellCount: { get: (t) => t.rects.reduce((sum, rect) => sum + rect.rows * rect.cols, 0) },
};

/** `Excel.RangeAreas`, read-only: what `getMergedAreasOrNullObject` returns. */
export class RangeAreasProxy extends ClientObjectProxy<RangeAreasTarget> implements Pick<Excel.RangeAreas, "address" | "addressLocal" | "areaCount" | "cellCount"> {
  protected readonly entity = "RangeAreas";
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;

  constructor(context: ProxyContext, objectPath: string, resolver: () => RangeAreasTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<RangeAreasTarget>> {
    return RANGE_AREAS_SCALARS;
  }

  protected override isGone(target: RangeAreasTarget): boolean {
    return target.sheet.deleted;
  }
}

ClientObjectProxy.accessors(RangeAreasProxy, Object.keys(RANGE_AREAS_SCALARS));

/** Whole rows/columns insert or delete lines; a partial range shifts only its own cells. */
function shiftCells(t: RangeTarget, axis: "rows" | "columns", sign: 1 | -1, location: string): void {
  const { rect } = t;
  if (isEntireRows(rect)) {
    shiftLines(t.book, t.sheet, "rows", rect.row, sign * rect.rows, null, location, ADDIN);
  } else if (isEntireColumns(rect)) {
    shiftLines(t.book, t.sheet, "columns", rect.col, sign * rect.cols, null, location, ADDIN);
  } else if (axis === "rows") {
    shiftLines(t.book, t.sheet, "rows", rect.row, sign * rect.rows, { start: rect.col, length: rect.cols }, location, ADDIN);
  } else {
    shiftLines(t.book, t.sheet, "columns", rect.col, sign * rect.cols, { start: rect.row, length: rect.rows }, location, ADDIN);
  }
}

// ---- formats --------------------------------------------------------------------------------

/** A scalar that reads one cell-format key (null when the cells differ) and writes it as a format patch. */
function formatScalar(key: FormatKey, check?: (value: unknown) => unknown): ScalarSpec<RangeTarget> {
  return {
    get: (t) => t.sheet.formats.uniform(t.rect, key),
    set: (t, value, location) => {
      const checked = check ? check(value) : value;
      if (checked === undefined || checked === null) throw excelError("InvalidArgument", location);
      t.book.formatting.applyFormat(t.sheet, t.rect, { [key]: checked }, location);
    },
  };
}

const isBoolean = (value: unknown) => (typeof value === "boolean" ? value : undefined);
const isPositive = (value: unknown) => (typeof value === "number" && value > 0 ? value : undefined);
const isText = (value: unknown) => (typeof value === "string" ? value : undefined);
const oneOf =
  (...allowed: string[]) =>
  (value: unknown) =>
    typeof value === "string" && allowed.includes(value) ? value : undefined;

const RANGE_FORMAT_SCALARS: Record<string, ScalarSpec<RangeTarget>> = {
  columnWidth: {
    get: (t) => {
      const widths = new Set<number>();
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols && widths.size < 2; c++) widths.add(t.book.layout.columnWidth(t.sheet, c));
      return widths.size === 1 ? [...widths][0] : null;
    },
    set: (t, v, location) => t.book.layout.setColumnWidth(t.sheet, t.rect, v, location),
  },
  rowHeight: {
    get: (t) => {
      const heights = new Set<number>();
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows && heights.size < 2; r++) heights.add(t.book.layout.rowHeight(t.sheet, r));
      return heights.size === 1 ? [...heights][0] : null;
    },
    set: (t, v, location) => t.book.layout.setRowHeight(t.sheet, t.rect, v, location),
  },
  wrapText: formatScalar("wrapText", isBoolean),
  horizontalAlignment: formatScalar(
    "horizontalAlignment",
    oneOf("General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"),
  ),
  verticalAlignment: formatScalar("verticalAlignment", oneOf("Top", "Center", "Bottom", "Justify", "Distributed")),
  indentLevel: formatScalar("indentLevel", (v) => (typeof v === "number" && v >= 0 && v <= 250 ? v : undefined)),
};

export class RangeFormatProxy
  extends ClientObjectProxy<RangeTarget>
  implements Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment" | "verticalAlignment" | "indentLevel">
{
  protected readonly entity = "RangeFormat";
  declare columnWidth: number;
  declare rowHeight: number;
  declare wrapText: boolean;
  declare horizontalAlignment: Excel.RangeFormat["horizontalAlignment"];
  declare verticalAlignment: Excel.RangeFormat["verticalAlignment"];
  declare indentLevel: number;

  constructor(context: ProxyContext, objectPath: string, resolver: () => RangeTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return RANGE_FORMAT_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { font: () => this.font, fill: () => this.fill, protection: () => this.protection, borders: () => this.borders };
  }

  get font(): RangeFontProxy {
    return this.child("font", () => new RangeFontProxy(this.context, `${this.objectPath}.font`, () => this.resolve()));
  }

  get fill(): RangeFillProxy {
    return this.child("fill", () => new RangeFillProxy(this.context, `${this.objectPath}.fill`, () => this.resolve()));
  }

  get protection(): FormatProtectionProxy {
    return this.child("protection", () => new FormatProtectionProxy(this.context, `${this.objectPath}.protection`, () => this.resolve()));
  }

  get borders(): RangeBordersProxy {
    return this.child("borders", () => new RangeBordersProxy(this.context, `${this.objectPath}.borders`, () => this.resolve()));
  }

}

ClientObjectProxy.accessors(RangeFormatProxy, Object.keys(RANGE_FORMAT_SCALARS));

/** Colors: `null` is refused (Excel's documented rule), "" resets, anything else must be a color. */
function colorInput(reset: string | null) {
  return (value: unknown): unknown => {
    if (value === "") return reset ?? "";
    return normalizeColor(value) ?? undefined;
  };
}

const FONT_SCALARS: Record<string, ScalarSpec<RangeTarget>> = {
  bold: formatScalar("bold", isBoolean),
  italic: formatScalar("italic", isBoolean),
  strikethrough: formatScalar("strikethrough", isBoolean),
  underline: formatScalar("underline", oneOf("None", "Single", "Double", "SingleAccountant", "DoubleAccountant")),
  color: formatScalar("fontColor", colorInput("#000000")),
  size: formatScalar("fontSize", isPositive),
  name: formatScalar("fontName", isText),
};

export class RangeFontProxy
  extends ClientObjectProxy<RangeTarget>
  implements Pick<Excel.RangeFont, "bold" | "italic" | "strikethrough" | "underline" | "color" | "size" | "name">
{
  protected readonly entity = "RangeFont";
  declare bold: boolean;
  declare italic: boolean;
  declare strikethrough: boolean;
  declare underline: Excel.RangeFont["underline"];
  declare color: string;
  declare size: number;
  declare name: string;

  constructor(context: ProxyContext, objectPath: string, resolver: () => RangeTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return FONT_SCALARS;
  }
}

ClientObjectProxy.accessors(RangeFontProxy, Object.keys(FONT_SCALARS));

const FILL_SCALARS: Record<string, ScalarSpec<RangeTarget>> = {
  color: {
    get: (t) => {
      const fill = t.sheet.formats.uniform(t.rect, "fill");
      const mixed = t.sheet.formats.distinct(t.rect, "fill").length > 1;
      return mixed ? null : (fill ?? "#FFFFFF");
    },
    set: (t, value, location) => {
      if (value === "") {
        t.book.formatting.applyFormat(t.sheet, t.rect, { fill: null }, location);
        return;
      }
      const color = normalizeColor(value);
      if (!color) throw excelError("InvalidArgument", location);
      t.book.formatting.applyFormat(t.sheet, t.rect, { fill: color }, location);
    },
  },
};

export class RangeFillProxy extends ClientObjectProxy<RangeTarget> implements Pick<Excel.RangeFill, "color" | "clear"> {
  protected readonly entity = "RangeFill";
  declare color: string;

  constructor(context: ProxyContext, objectPath: string, resolver: () => RangeTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return FILL_SCALARS;
  }

  clear(): void {
    this.queue("RangeFill.clear", [], (t) => t.book.formatting.applyFormat(t.sheet, t.rect, { fill: null }, "RangeFill.clear"));
  }
}

ClientObjectProxy.accessors(RangeFillProxy, Object.keys(FILL_SCALARS));

const PROTECTION_SCALARS: Record<string, ScalarSpec<RangeTarget>> = {
  locked: formatScalar("locked", isBoolean),
  formulaHidden: formatScalar("formulaHidden", isBoolean),
};

export class FormatProtectionProxy extends ClientObjectProxy<RangeTarget> implements Pick<Excel.FormatProtection, "locked" | "formulaHidden"> {
  protected readonly entity = "FormatProtection";
  declare locked: boolean;
  declare formulaHidden: boolean;

  constructor(context: ProxyContext, objectPath: string, resolver: () => RangeTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return PROTECTION_SCALARS;
  }
}

ClientObjectProxy.accessors(FormatProtectionProxy, Object.keys(PROTECTION_SCALARS));

type BorderSide = "borderTop" | "borderBottom" | "borderLeft" | "borderRight";

/** Which cell sides an Excel border index paints: the outer edges of the range, or the lines between its cells. */
function borderParts(index: string, rect: Rect): { rect: Rect; side: BorderSide }[] {
  const lastRow = rect.row + rect.rows - 1;
  const lastCol = rect.col + rect.cols - 1;
  switch (index) {
    case "EdgeTop":
      return [{ rect: { ...rect, rows: 1 }, side: "borderTop" }];
    case "EdgeBottom":
      return [{ rect: { ...rect, row: lastRow, rows: 1 }, side: "borderBottom" }];
    case "EdgeLeft":
      return [{ rect: { ...rect, cols: 1 }, side: "borderLeft" }];
    case "EdgeRight":
      return [{ rect: { ...rect, col: lastCol, cols: 1 }, side: "borderRight" }];
    case "InsideHorizontal":
      return rect.rows < 2
        ? []
        : [
            { rect: { ...rect, row: rect.row + 1, rows: rect.rows - 1 }, side: "borderTop" },
            { rect: { ...rect, rows: rect.rows - 1 }, side: "borderBottom" },
          ];
    case "InsideVertical":
      return rect.cols < 2
        ? []
        : [
            { rect: { ...rect, col: rect.col + 1, cols: rect.cols - 1 }, side: "borderLeft" },
            { rect: { ...rect, cols: rect.cols - 1 }, side: "borderRight" },
          ];
    default:
      throw excelError("InvalidArgument", "RangeBorderCollection.getItem");
  }
}

interface BorderTarget extends RangeTarget {
  index: string;
}

function borderScalar(field: keyof BorderFormat, check: (value: unknown) => unknown): ScalarSpec<BorderTarget> {
  return {
    get: (t) => {
      const seen = new Set<string>();
      for (const part of borderParts(t.index, t.rect)) for (const border of t.sheet.formats.distinct(part.rect, part.side)) seen.add(border[field]);
      return seen.size === 1 ? [...seen][0] : null;
    },
    set: (t, value, location) => {
      const checked = check(value);
      if (checked === undefined) throw excelError("InvalidArgument", location);
      assertAllowed(t.sheet, "formatCells", t.rect, location);
      for (const part of borderParts(t.index, t.rect)) {
        t.sheet.formats.apply(part.rect, { [part.side]: { [field]: checked } });
      }
    },
  };
}

const BORDER_SCALARS: Record<string, ScalarSpec<BorderTarget>> = {
  sideIndex: { get: (t) => t.index },
  style: borderScalar("style", oneOf("None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot")),
  color: borderScalar("color", (v) => normalizeColor(v) ?? undefined),
  weight: borderScalar("weight", oneOf("Hairline", "Thin", "Medium", "Thick")),
};

export class RangeBorderProxy extends ClientObjectProxy<BorderTarget> implements Pick<Excel.RangeBorder, "sideIndex" | "style" | "color" | "weight"> {
  protected readonly entity = "RangeBorder";
  declare readonly sideIndex: Excel.RangeBorder["sideIndex"];
  declare style: Excel.RangeBorder["style"];
  declare color: string;
  declare weight: Excel.RangeBorder["weight"];

  constructor(context: ProxyContext, objectPath: string, resolver: () => BorderTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<BorderTarget>> {
    return BORDER_SCALARS;
  }
}

ClientObjectProxy.accessors(RangeBorderProxy, Object.keys(BORDER_SCALARS));

export class RangeBordersProxy extends ClientObjectProxy<RangeTarget> {
  protected readonly entity = "RangeBorderCollection";

  constructor(context: ProxyContext, objectPath: string, resolver: () => RangeTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return {};
  }

  getItem(index: Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp"): RangeBorderProxy {
    return this.child(`item:${index}`, () => new RangeBorderProxy(this.context, `${this.objectPath}.getItem(${index})`, () => {
      const target = this.resolve();
      if (!target) return null;
      borderParts(index, target.rect);
      return { ...target, index };
    }));
  }
}

// ---- data validation ------------------------------------------------------------------------

const DEFAULT_PROMPT = { showPrompt: true, title: "", message: "" };
const DEFAULT_ALERT = { showAlert: true, style: "Stop", title: "", message: "" };

const VALIDATION_TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

/** Range arguments inside a rule (`list.source`, `formula1`) travel as absolute references. */
function ruleWithReferences(rule: unknown, t: RangeTarget, location: string): Record<string, unknown> {
  if (rule === null || typeof rule !== "object") throw excelError("InvalidArgument", location);
  const out: Record<string, unknown> = {};
  for (const [kind, body] of Object.entries(rule as Record<string, unknown>)) {
    if (body === null || typeof body !== "object") {
      out[kind] = body;
      continue;
    }
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (value instanceof RangeProxy) {
        const range = value.resolve();
        if (!range) throw excelError("ItemNotFound", location);
        const absolute = qualifiedAddress(range.sheet.name, range.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
        copy[key] = `=${range.sheet === t.sheet ? absolute.slice(absolute.indexOf("!") + 1) : absolute}`;
      } else {
        copy[key] = value;
      }
    }
    out[kind] = copy;
  }
  return out;
}

function singleValidation(t: RangeTarget): ValidationModel | null {
  return t.book.validations.of(t.sheet, t.rect).single;
}

const VALIDATION_SCALARS: Record<string, ScalarSpec<RangeTarget>> = {
  rule: {
    get: (t) => {
      const { single, mixed } = t.book.validations.of(t.sheet, t.rect);
      return mixed ? null : (single?.rule ?? {});
    },
    set: (t, value, location) => t.book.validations.update(t.sheet, t.rect, { rule: ruleWithReferences(value, t, location) }, location),
  },
  prompt: {
    get: (t) => singleValidation(t)?.prompt ?? DEFAULT_PROMPT,
    set: (t, value, location) => {
      if (value === null || typeof value !== "object") throw excelError("InvalidArgument", location);
      t.book.validations.update(t.sheet, t.rect, { prompt: { ...DEFAULT_PROMPT, ...value } }, location);
    },
  },
  errorAlert: {
    get: (t) => singleValidation(t)?.errorAlert ?? DEFAULT_ALERT,
    set: (t, value, location) => {
      if (value === null || typeof value !== "object") throw excelError("InvalidArgument", location);
      const alert = { ...DEFAULT_ALERT, ...value };
      if (!["Stop", "Warning", "Information"].includes(alert.style)) throw excelError("InvalidArgument", location);
      t.book.validations.update(t.sheet, t.rect, { errorAlert: alert }, location);
    },
  },
  ignoreBlanks: {
    get: (t) => singleValidation(t)?.ignoreBlanks ?? true,
    set: (t, value, location) => {
      if (typeof value !== "boolean") throw excelError("InvalidArgument", location);
      t.book.validations.update(t.sheet, t.rect, { ignoreBlanks: value }, location);
    },
  },
  type: {
    get: (t) => {
      const { single, mixed } = t.book.validations.of(t.sheet, t.rect);
      if (mixed) return "Inconsistent";
      const kind = single ? Object.keys(single.rule)[0] : undefined;
      return kind ? VALIDATION_TYPES[kind] : "None";
    },
  },
  // true when every cell passes, false when every cell fails, null when both.
  valid: {
    get: (t) => {
      const used = t.book.cells.usedRect(t.sheet, true);
      const area = isUnbounded(t.rect) ? (used && intersect(t.rect, used)) : t.rect;
      if (!area) return true;
      let passed = 0;
      let failed = 0;
      for (let r = area.row; r < area.row + area.rows; r++) {
        for (let c = area.col; c < area.col + area.cols; c++) {
          const validation = t.book.validations.at(t.sheet, r, c);
          if (!validation || t.book.validations.satisfies(t.sheet, validation, r, c, t.book.cells.value(t.sheet, r, c))) passed++;
          else failed++;
        }
      }
      return failed === 0 ? true : passed === 0 ? false : null;
    },
  },
};

export class DataValidationProxy
  extends ClientObjectProxy<RangeTarget>
  implements Pick<Excel.DataValidation, "rule" | "prompt" | "errorAlert" | "ignoreBlanks" | "type" | "valid" | "clear">
{
  protected readonly entity = "DataValidation";
  declare rule: Excel.DataValidationRule;
  declare prompt: Excel.DataValidationPrompt;
  declare errorAlert: Excel.DataValidationErrorAlert;
  declare ignoreBlanks: boolean;
  declare readonly type: Excel.DataValidation["type"];
  declare readonly valid: boolean;

  constructor(context: ProxyContext, objectPath: string, resolver: () => RangeTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return VALIDATION_SCALARS;
  }

  clear(): void {
    this.queue("DataValidation.clear", [], (t) => t.book.validations.clear(t.sheet, t.rect, "DataValidation.clear"));
  }
}

ClientObjectProxy.accessors(DataValidationProxy, Object.keys(VALIDATION_SCALARS));
