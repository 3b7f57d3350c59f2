import { columnLetter } from "../../../src/core/snapshot";
import { MAX_COLUMNS, MAX_ROWS, type Rect, isEntireColumns, isEntireRows, parseAddress } from "./address";
import { ChartCollectionProxy } from "./chart";
import { excelError } from "./errors";
import { HeaderFooterGroupProxy } from "./headers";
import { normalizeColor } from "./formats";
import { type SheetModel, type WorkbookModel, defaultProtectionOptions, protect, unprotect } from "./model";
import { ClientObjectProxy, ClientResultFake, CollectionProxy, type LoadableProxy, type ProxyContext, type ScalarSpec } from "./proxy";
import { RangeProxy, rangeArgument, rectOnSheet } from "./range";

/**
 * `EventHandlerResult`: what `onChanged.add` returns. As Office.js documents, the handler can only
 * be removed through the request context it was added in: `remove()` is a command of that context
 * and takes effect when it syncs (`Excel.run(result.context, …)`); a sync of any other context
 * leaves the handler registered.
 */
export class EventHandlerResultFake {
  registration: { remove(): void } | null = null;
  constructor(readonly context: ProxyContext) {}

  remove(): void {
    const removal = {
      location: "EventHandlerResult.remove",
      path: "eventHandlerResult",
      args: null,
      run: () => {
        this.registration?.remove();
        this.registration = null;
      },
    };
    this.context.enqueue(removal, { afterRun: true });
  }
}

/** `onChanged.add(handler)`: the handler is registered when the batch syncs, as in Excel. */
function changedEvent(context: ProxyContext, register: (handler: (args: Excel.WorksheetChangedEventArgs) => unknown, result: EventHandlerResultFake) => void) {
  return {
    add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): EventHandlerResultFake {
      const result = new EventHandlerResultFake(context);
      register(handler, result);
      return result;
    },
  };
}

const WORKSHEET_SCALARS: Record<string, ScalarSpec<SheetModel>> = {
  name: { get: (t) => t.name, set: (t, v, location) => t.book.renameSheet(t, v as string, location) },
  id: { get: (t) => t.id },
  position: { get: (t) => t.book.sheets.indexOf(t), set: (t, v, location) => t.book.moveSheet(t, v as number, location) },
  visibility: { get: (t) => t.visibility, set: (t, v, location) => t.book.setVisibility(t, v as string, location) },
  tabColor: {
    get: (t) => t.tabColor,
    set: (t, v, location) => {
      if (v === "") {
        t.tabColor = "";
        return;
      }
      const color = normalizeColor(v);
      if (!color) throw excelError("InvalidArgument", location);
      t.tabColor = color;
    },
  },
  showGridlines: {
    get: (t) => t.showGridlines,
    set: (t, v, location) => {
      if (typeof v !== "boolean") throw excelError("InvalidArgument", location);
      t.showGridlines = v;
    },
  },
  standardWidth: { get: () => 8.43 },
  standardHeight: { get: () => 15 },
};

export class WorksheetProxy
  extends ClientObjectProxy<SheetModel>
  implements Pick<Excel.Worksheet, "name" | "id" | "position" | "visibility" | "tabColor" | "showGridlines" | "standardHeight" | "activate" | "delete">
{
  protected readonly entity = "Worksheet";
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: Excel.Worksheet["visibility"];
  declare tabColor: string;
  declare showGridlines: boolean;
  declare readonly standardHeight: number;
  declare readonly standardWidth: number;

  constructor(context: ProxyContext, objectPath: string, resolver: () => SheetModel | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<SheetModel>> {
    return WORKSHEET_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return {
      protection: () => this.protection,
      freezePanes: () => this.freezePanes,
      pageLayout: () => this.pageLayout,
      charts: () => this.charts,
      horizontalPageBreaks: () => this.horizontalPageBreaks,
    };
  }

  protected override isGone(target: SheetModel): boolean {
    return target.deleted;
  }

  get protection(): WorksheetProtectionProxy {
    return this.child("protection", () => new WorksheetProtectionProxy(this.context, `${this.objectPath}.protection`, () => this.resolve()));
  }

  get freezePanes(): FreezePanesProxy {
    return this.child("freezePanes", () => new FreezePanesProxy(this.context, `${this.objectPath}.freezePanes`, () => this.resolve()));
  }

  get pageLayout(): PageLayoutProxy {
    return this.child("pageLayout", () => new PageLayoutProxy(this.context, `${this.objectPath}.pageLayout`, () => this.resolve()));
  }

  get charts(): ChartCollectionProxy {
    return this.child("charts", () => new ChartCollectionProxy(this.context, `${this.objectPath}.charts`, () => this.resolve()));
  }

  get horizontalPageBreaks(): PageBreakCollectionProxy {
    return this.child("horizontalPageBreaks", () => new PageBreakCollectionProxy(this.context, `${this.objectPath}.horizontalPageBreaks`, () => this.resolve()));
  }

  get onChanged() {
    return changedEvent(this.context, (handler, result) =>
      this.queue("Worksheet.onChanged.add", [], (sheet) => {
        result.registration = this.context.changeHandlers.add(sheet.id, handler);
      }),
    );
  }

  /** A range on this sheet, found when a command needs it. */
  private range(path: string, location: string, rect: (sheet: SheetModel) => Rect | null, orNull = false): RangeProxy {
    const proxy = new RangeProxy(this.context, `${this.objectPath}.${path}`, () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      const found = rect(sheet);
      if (!found) {
        if (orNull) return null;
        throw excelError("ItemNotFound", location);
      }
      return { book: sheet.book, sheet, rect: found };
    });
    return orNull ? proxy.instantiate() : proxy;
  }

  /** `getRange()` without an address is the whole sheet. */
  getRange(address?: string): RangeProxy {
    return this.range(`getRange(${JSON.stringify(address ?? "")})`, "Worksheet.getRange", (sheet) =>
      address === undefined || address === "" ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS } : rectOnSheet(sheet, address, "Worksheet.getRange"),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this.range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, "Worksheet.getRangeByIndexes", () => {
      const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
      const valid = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && startRow >= 0 && startColumn >= 0 && rowCount >= 1 && columnCount >= 1 && startRow + rowCount <= MAX_ROWS && startColumn + columnCount <= MAX_COLUMNS;
      if (!valid) throw excelError("InvalidArgument", "Worksheet.getRangeByIndexes");
      return rect;
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range(`getUsedRangeOrNullObject(${valuesOnly})`, "Worksheet.getUsedRangeOrNullObject", (sheet) => sheet.book.cells.usedRect(sheet, valuesOnly), true);
  }

  activate(): void {
    this.queue("Worksheet.activate", [], (sheet) => sheet.book.activate(sheet));
  }

  delete(): void {
    this.queue("Worksheet.delete", [], (sheet) => sheet.book.deleteSheet(sheet));
  }

}

ClientObjectProxy.accessors(WorksheetProxy, Object.keys(WORKSHEET_SCALARS));

// ---- the collection -------------------------------------------------------------------------

export class WorksheetCollectionProxy extends CollectionProxy<WorkbookModel, WorksheetProxy, SheetModel> {
  protected readonly entity = "WorksheetCollection";

  constructor(context: ProxyContext, objectPath: string) {
    super(context, objectPath, () => context.book, true);
  }

  protected scalars(): Record<string, ScalarSpec<WorkbookModel>> {
    return {};
  }

  protected members(book: WorkbookModel): SheetModel[] {
    return book.sheets;
  }

  protected itemProxy(sheet: SheetModel): WorksheetProxy {
    return new WorksheetProxy(this.context, `worksheets.getItem(${JSON.stringify(sheet.id)})`, () => sheet);
  }

  /** By name (case-insensitive, as Excel) or id. */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, `worksheets.getItem(${JSON.stringify(key)})`, () => {
      const sheet = this.context.book.findSheet(key);
      if (!sheet) throw excelError("ItemNotFound", "WorksheetCollection.getItem");
      return sheet;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, `worksheets.getItemOrNullObject(${JSON.stringify(key)})`, () => this.context.book.findSheet(key) ?? null);
    return proxy.instantiate();
  }

  /** The sheet active when the batch runs (ExcelApi 1.1). */
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, "worksheets.getActiveWorksheet()", () => this.context.book.activeSheet);
  }

  /** Adds a sheet at the end (not activated, as Office.js does); without a name Excel picks "SheetN". */
  add(name?: string): WorksheetProxy {
    let created: SheetModel | null = null;
    this.queue("WorksheetCollection.add", [name ?? null], (book) => {
      created = book.addSheet(name);
    });
    return new WorksheetProxy(this.context, `worksheets.add(${JSON.stringify(name ?? "")})`, () => {
      if (!created) throw excelError("ItemNotFound", "WorksheetCollection.add");
      return created;
    });
  }

  getCount(visibleOnly = false): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("WorksheetCollection.getCount", [visibleOnly], (book, run) =>
      result.deliver(book.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length, run),
    );
    return result;
  }

  /** Changes on any sheet. */
  get onChanged() {
    return changedEvent(this.context, (handler, result) =>
      this.queue("WorksheetCollection.onChanged.add", [], () => {
        result.registration = this.context.changeHandlers.add(null, handler);
      }),
    );
  }
}

// ---- protection -----------------------------------------------------------------------------

const PROTECTION_SCALARS: Record<string, ScalarSpec<SheetModel>> = {
  protected: { get: (t) => t.protection.protected },
  options: { get: (t) => (t.protection.protected ? t.protection.options : defaultProtectionOptions()) },
  isPasswordProtected: { get: (t) => t.protection.protected && t.protection.password !== undefined },
};

export class WorksheetProtectionProxy
  extends ClientObjectProxy<SheetModel>
  implements Pick<Excel.WorksheetProtection, "protected" | "options" | "isPasswordProtected" | "protect" | "unprotect">
{
  protected readonly entity = "WorksheetProtection";
  declare readonly protected: boolean;
  declare readonly options: Excel.WorksheetProtectionOptions;
  declare readonly isPasswordProtected: boolean;

  constructor(context: ProxyContext, objectPath: string, resolver: () => SheetModel | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<SheetModel>> {
    return PROTECTION_SCALARS;
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    // The password travels in the request but is not echoed in the payload estimate's clear text.
    this.queue("WorksheetProtection.protect", [options ?? null, password === undefined ? null : "***"], (sheet) =>
      protect(sheet, options ? { ...options } : undefined, password, "WorksheetProtection.protect"),
    );
  }

  unprotect(password?: string): void {
    this.queue("WorksheetProtection.unprotect", [password === undefined ? null : "***"], (sheet) =>
      unprotect(sheet, password, "WorksheetProtection.unprotect"),
    );
  }

}

ClientObjectProxy.accessors(WorksheetProtectionProxy, Object.keys(PROTECTION_SCALARS));

// ---- freeze panes ---------------------------------------------------------------------------

export class FreezePanesProxy extends ClientObjectProxy<SheetModel> implements Pick<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "unfreeze"> {
  protected readonly entity = "WorksheetFreezePanes";

  constructor(context: ProxyContext, objectPath: string, resolver: () => SheetModel | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<SheetModel>> {
    return {};
  }

  freezeRows(count = 1): void {
    this.queue("WorksheetFreezePanes.freezeRows", [count], (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw excelError("InvalidArgument", "WorksheetFreezePanes.freezeRows");
      sheet.freeze = count === 0 ? null : { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.queue("WorksheetFreezePanes.freezeColumns", [count], (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLUMNS) throw excelError("InvalidArgument", "WorksheetFreezePanes.freezeColumns");
      sheet.freeze = count === 0 ? null : { rows: 0, columns: count };
    });
  }

  /** The given range is the frozen top-left pane: everything above and left of its far corner stays. */
  freezeAt(frozenRange: RangeProxy | string): void {
    this.sameContext(frozenRange);
    this.queue("WorksheetFreezePanes.freezeAt", [frozenRange], (sheet) => {
      const rect = rangeArgument(frozenRange, sheet, "WorksheetFreezePanes.freezeAt");
      sheet.freeze = {
        rows: isEntireColumns(rect) ? 0 : rect.row + rect.rows,
        columns: isEntireRows(rect) ? 0 : rect.col + rect.cols,
      };
    });
  }

  unfreeze(): void {
    this.queue("WorksheetFreezePanes.unfreeze", [], (sheet) => {
      sheet.freeze = null;
    });
  }

  private location(orNull: boolean): RangeProxy {
    const name = orNull ? "getLocationOrNullObject" : "getLocation";
    const proxy = new RangeProxy(this.context, `${this.objectPath}.${name}()`, () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      if (!sheet.freeze) {
        if (orNull) return null;
        throw excelError("ItemNotFound", `WorksheetFreezePanes.${name}`);
      }
      const { rows, columns } = sheet.freeze;
      const rect: Rect =
        columns === 0
          ? { row: 0, col: 0, rows, cols: MAX_COLUMNS }
          : rows === 0
            ? { row: 0, col: 0, rows: MAX_ROWS, cols: columns }
            : { row: 0, col: 0, rows, cols: columns };
      return { book: sheet.book, sheet, rect };
    });
    return orNull ? proxy.instantiate() : proxy;
  }

  getLocationOrNullObject(): RangeProxy {
    return this.location(true);
  }
}

/** An absolute local address (`$A$1:$D$20`), as Excel reports a print area. */
function absoluteAddress(rect: Rect): string {
  const corner = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  return `${corner(rect.row, rect.col)}:${corner(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

// ---- page layout ----------------------------------------------------------------------------

type PageLayoutKey = keyof SheetModel["pageLayout"];

function layoutScalar(key: PageLayoutKey, check: (value: unknown) => boolean): ScalarSpec<SheetModel> {
  return {
    get: (t) => t.pageLayout[key],
    set: (t, value, location) => {
      if (!check(value)) throw excelError("InvalidArgument", location);
      (t.pageLayout as unknown as Record<string, unknown>)[key] = value;
    },
  };
}

const isBool = (v: unknown) => typeof v === "boolean";
const isMargin = (v: unknown) => typeof v === "number" && v >= 0;
const among =
  (...allowed: string[]) =>
  (v: unknown) =>
    typeof v === "string" && allowed.includes(v);

/** `zoom` must be one object: a scale of 10–400 %, or fit-to-pages counts (Excel refuses a mix). */
function validZoom(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  const zoom = value as Excel.PageLayoutZoomOptions;
  const keys = Object.keys(zoom).filter((key) => (zoom as Record<string, unknown>)[key] !== undefined);
  if (keys.some((key) => !["scale", "horizontalFitToPages", "verticalFitToPages"].includes(key)) || keys.length === 0) return false;
  if (zoom.scale !== undefined) return keys.length === 1 && typeof zoom.scale === "number" && zoom.scale >= 10 && zoom.scale <= 400;
  return [zoom.horizontalFitToPages, zoom.verticalFitToPages].every((n) => n === undefined || (Number.isInteger(n) && n >= 0));
}

const PAGE_LAYOUT_SCALARS: Record<string, ScalarSpec<SheetModel>> = {
  orientation: layoutScalar("orientation", among("Portrait", "Landscape")),
  zoom: layoutScalar("zoom", validZoom),
  centerHorizontally: layoutScalar("centerHorizontally", isBool),
  centerVertically: layoutScalar("centerVertically", isBool),
  printGridlines: layoutScalar("printGridlines", isBool),
  printHeadings: layoutScalar("printHeadings", isBool),
  blackAndWhite: layoutScalar("blackAndWhite", isBool),
  draftMode: layoutScalar("draftMode", isBool),
  paperSize: layoutScalar("paperSize", (v) => typeof v === "string"),
  printComments: layoutScalar("printComments", among("NoComments", "EndSheet", "InPlace")),
  printErrors: layoutScalar("printErrors", among("AsDisplayed", "Blank", "Dash", "NotAvailable")),
  printOrder: layoutScalar("printOrder", among("DownThenOver", "OverThenDown")),
  topMargin: layoutScalar("topMargin", isMargin),
  bottomMargin: layoutScalar("bottomMargin", isMargin),
  leftMargin: layoutScalar("leftMargin", isMargin),
  rightMargin: layoutScalar("rightMargin", isMargin),
  headerMargin: layoutScalar("headerMargin", isMargin),
  footerMargin: layoutScalar("footerMargin", isMargin),
};

/** Print titles are whole rows (`$1:$3`) or whole columns (`$A:$B`); a partial range counts for its rows/columns. */
function printTitles(value: unknown, sheet: SheetModel, axis: "rows" | "columns", location: string): string {
  const rect = typeof value === "string" ? parseAddress(value.replace(/^.*!/, "")) : rangeArgument(value, sheet, location);
  if (axis === "rows") return `$${rect.row + 1}:$${rect.row + rect.rows}`;
  return `$${columnLetter(rect.col)}:$${columnLetter(rect.col + rect.cols - 1)}`;
}

export class PageLayoutProxy
  extends ClientObjectProxy<SheetModel>
  implements
    Pick<
      Excel.PageLayout,
      | "orientation"
      | "zoom"
      | "centerHorizontally"
      | "centerVertically"
      | "printGridlines"
      | "printHeadings"
      | "blackAndWhite"
      | "draftMode"
      | "printComments"
      | "printErrors"
      | "printOrder"
      | "topMargin"
      | "bottomMargin"
      | "leftMargin"
      | "rightMargin"
      | "headerMargin"
      | "footerMargin"
    >
{
  protected readonly entity = "PageLayout";
  declare orientation: Excel.PageLayout["orientation"];
  declare zoom: Excel.PageLayoutZoomOptions;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare printGridlines: boolean;
  declare printHeadings: boolean;
  declare blackAndWhite: boolean;
  declare draftMode: boolean;
  declare paperSize: Excel.PageLayout["paperSize"];
  declare printComments: Excel.PageLayout["printComments"];
  declare printErrors: Excel.PageLayout["printErrors"];
  declare printOrder: Excel.PageLayout["printOrder"];
  declare topMargin: number;
  declare bottomMargin: number;
  declare leftMargin: number;
  declare rightMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;

  constructor(context: ProxyContext, objectPath: string, resolver: () => SheetModel | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<SheetModel>> {
    return PAGE_LAYOUT_SCALARS;
  }

  get headersFooters(): HeaderFooterGroupProxy {
    return this.child("headersFooters", () => new HeaderFooterGroupProxy(this.context, `${this.objectPath}.headersFooters`, () => this.resolve()));
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { headersFooters: () => this.headersFooters };
  }

  setPrintArea(printArea: RangeProxy | string): void {
    this.sameContext(printArea);
    this.queue("PageLayout.setPrintArea", [printArea], (sheet) => {
      const rect = rangeArgument(printArea, sheet, "PageLayout.setPrintArea");
      sheet.pageLayout.printArea = absoluteAddress(rect);
    });
  }


  setPrintTitleRows(printTitleRows: RangeProxy | string): void {
    this.sameContext(printTitleRows);
    this.queue("PageLayout.setPrintTitleRows", [printTitleRows], (sheet) => {
      sheet.pageLayout.printTitleRows = printTitles(printTitleRows, sheet, "rows", "PageLayout.setPrintTitleRows");
    });
  }

  setPrintTitleColumns(printTitleColumns: RangeProxy | string): void {
    this.sameContext(printTitleColumns);
    this.queue("PageLayout.setPrintTitleColumns", [printTitleColumns], (sheet) => {
      sheet.pageLayout.printTitleColumns = printTitles(printTitleColumns, sheet, "columns", "PageLayout.setPrintTitleColumns");
    });
  }

}

ClientObjectProxy.accessors(PageLayoutProxy, Object.keys(PAGE_LAYOUT_SCALARS));

/**
 * `worksheet.horizontalPageBreaks` (ExcelApi 1.9): manual breaks between rows. `add` puts a break
 * before the top-left cell of its range (an address off the sheet is InvalidArgument, as for any
 * range argument); `removePageBreaks` resets them all.
 */
export class PageBreakCollectionProxy extends ClientObjectProxy<SheetModel> implements Pick<Excel.PageBreakCollection, "removePageBreaks"> {
  protected readonly entity = "PageBreakCollection";

  constructor(context: ProxyContext, objectPath: string, resolver: () => SheetModel | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<SheetModel>> {
    return {};
  }

  add(pageBreakRange: RangeProxy | string): void {
    this.sameContext(pageBreakRange);
    this.queue("PageBreakCollection.add", [pageBreakRange], (sheet) => {
      const { row } = rangeArgument(pageBreakRange, sheet, "PageBreakCollection.add");
      if (!sheet.rowBreaks.includes(row)) sheet.rowBreaks = [...sheet.rowBreaks, row].sort((a, b) => a - b);
    });
  }

  removePageBreaks(): void {
    this.queue("PageBreakCollection.removePageBreaks", [], (sheet) => {
      sheet.rowBreaks = [];
    });
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("PageBreakCollection.getCount", [], (sheet, run) => result.deliver(sheet.rowBreaks.length, run));
    return result;
  }
}
