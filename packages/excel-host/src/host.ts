import { columnLetter } from "../../../src/core/snapshot";
import { apiAtLeast, defaultApiVersion } from "./version";
// Office.js's requirement-set checks on every proxy: a member newer than the host's ExcelApi throws ApiNotFound.
import "./gates";
import { answerRequirementsFor } from "./office";
import { type Rect, cellCount, formatRect, intersect as intersectRects, parseAddress, qualifiedAddress, subtract as subtractRects } from "./address";
import { type HostCore, type HostStats, RequestContextFake } from "./context";
import { ExcelHostUnsupportedError, RichApiError, UserEditRefusedError } from "./errors";
import type { BorderFormat, CellFormat } from "./formats";
import { type UndoStep, undoEffect } from "./undo";
import { type ChangeEvent, EXCEL_MAX_NUMBER, type ProtectionOptions, type SheetModel, WorkbookModel, hyperlinkKey, protect, shiftLines, unprotect } from "./model";

export { LOWEST_EXCEL_API, NEWEST_EXCEL_API, apiAtLeast } from "./version";

/** Excel on the web's limit for one request and one response: 5 MB. */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface ExcelHostOptions {
  /** Sheet names of the new workbook, in tab order; `["Sheet1"]` by default. */
  sheets?: string[];
  /** Largest request one sync may send (JSON bytes of its commands); 5 MB by default, like Excel on the web. */
  requestLimitBytes?: number;
  /** Largest response one sync may receive (JSON bytes of what it loads); 5 MB by default. */
  responseLimitBytes?: number;
  /**
   * How long each sync takes, in milliseconds (0 by default): a slow Excel — on the web, with a
   * heavy file — that still completes every batch it was given. A batch cannot be cancelled.
   */
  syncDelayMs?: number;
  /**
   * The ExcelApi requirement set this Excel supports ("1.9" … "1.20"; PLANBOOK_EXCEL_API or the
   * newest by default). Below 1.14 change events carry no `triggerSource`.
   */
  apiVersion?: string;
}

/** One cell as a person would inspect it in Excel: contents, what it shows, and its format. */
export interface CellSnapshot {
  address: string;
  /** The computed value ("" when empty, "#DIV/0!" for an error). */
  value: unknown;
  /** The formula ("=…") or null for a constant or an empty cell. */
  formula: string | null;
  text: string;
  valueType: string;
  numberFormat: string;
  locked: boolean;
  formulaHidden: boolean;
  font: { bold: boolean; italic: boolean; underline: string; strikethrough: boolean; color: string; size: number; name: string };
  /** The fill color, or null for no fill. */
  fill: string | null;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  indentLevel: number;
  borders: { top: BorderFormat; bottom: BorderFormat; left: BorderFormat; right: BorderFormat };
  hyperlink: { address?: string; documentReference?: string; textToDisplay?: string; screenTip?: string } | null;
  /** The merged area the cell belongs to (`A1:C1`), or null. */
  mergedArea: string | null;
  /** The address of the data validation covering the cell, or null. */
  validation: string | null;
}

/** Everything the adapter can set on a sheet, as plain data (copies). */
export interface SheetSnapshot {
  name: string;
  id: string;
  position: number;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  showGridlines: boolean;
  active: boolean;
  protection: { protected: boolean; password?: string; options: ProtectionOptions };
  usedRange: string | null;
  dataValidations: {
    address: string;
    rule: Record<string, unknown>;
    prompt: { showPrompt: boolean; title: string; message: string };
    errorAlert: { showAlert: boolean; style: string; title: string; message: string };
    ignoreBlanks: boolean;
  }[];
  /** In priority order (first = highest). `rule` is `{ formula }` for Custom, `{ formula1, formula2?, operator }` for CellValue. */
  conditionalFormats: {
    address: string;
    type: string;
    rule: Record<string, unknown>;
    format: { fontColor?: string | null; bold?: boolean | null; italic?: boolean | null; fill?: string | null; numberFormat?: string };
    stopIfTrue: boolean;
  }[];
  /** Frozen rows and columns, or null. */
  freeze: { rows: number; columns: number } | null;
  pageLayout: WorkbookModel["sheets"][number]["pageLayout"];
  /** Manual page breaks: the 0-based rows a new page starts at. */
  rowBreaks: number[];
  charts: {
    name: string;
    chartType: string;
    source: string;
    seriesBy: string;
    title: { text: string; visible: boolean };
    legend: { visible: boolean; position: string };
    series: string[];
    axes: { value: { title: string; minimum: number | null; maximum: number | null }; category: { title: string } };
    top: number;
    left: number;
    width: number;
    height: number;
  }[];
  merges: string[];
  /** Outline levels by 1-based row number (only grouped rows). */
  rowOutlineLevels: Record<number, number>;
  /** Outline levels by column letter (only grouped columns). */
  columnOutlineLevels: Record<string, number>;
  /** Widths in points by column letter (only columns with their own width). */
  columnWidths: Record<string, number>;
  /** Heights in points by 1-based row number (only rows with their own height). */
  rowHeights: Record<number, number>;
  hiddenRows: number[];
  hiddenColumns: string[];
  selection: string;
}

/** The fake Excel a test drives, and the test's view of it. */
export interface ExcelHost {
  /**
   * Like `Excel.run`: a fresh request context — or, given one (`Excel.run(context, batch)`), that
   * context again, with whatever it still has queued — the batch, then a final sync of anything
   * still queued.
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly stats: HostStats;
  /** The ExcelApi version this host stands for. */
  readonly apiVersion: string;
  /** `Office.context.requirements.isSetSupported` of this host: ExcelApi up to its version. */
  isSetSupported(name: string, version?: string): boolean;
  /** Waits until every change handler called so far has finished; rethrows the first handler error. */
  settled(): Promise<void>;

  sheetNames(): string[];
  cell(sheet: string, address: string): CellSnapshot;
  /** Computed values, formulas evaluated ("" for empty cells). */
  values(sheet: string, address: string): unknown[][];
  /** Formulas where there are formulas, values elsewhere ("" for empty cells), as `range.formulas`. */
  formulas(sheet: string, address: string): unknown[][];
  /** What the cells display, as `range.text`. */
  texts(sheet: string, address: string): string[][];
  sheet(sheet: string): SheetSnapshot;

  /**
   * A person typing one value or pasting a block in Excel, not through the add-in. Refused
   * (`UserEditRefusedError`) for a locked cell on a protected sheet, and for a typed value that
   * breaks a Stop-style data validation (a paste skips validation, as in Excel). Fires the
   * sheet's onChanged handlers once (`details` only for a single cell) and waits for them.
   * `coauthor`: the edit comes from another person editing the same file; its event's `source`
   * is "Remote".
   */
  userEdit(sheet: string, address: string, values: unknown[][], options?: { paste?: boolean; coauthor?: boolean }): Promise<void>;
  /**
   * A person copying cells of this workbook (Ctrl+C) and pasting them (Ctrl+V, "Paste: All") at
   * `address`: the contents, the formats and the data validation of the source come along —
   * "copying a cell normally copies the cell's contents, any formatting … (including conditional
   * formatting and data validation)". A source cell with no validation takes the destination's
   * away. The paste is not checked against the destination's validation. Refused for locked cells
   * on a protected sheet (the cells' protection flags stay the destination's: the host does not
   * model them moving). One event without `details` (with, for one cell), as any paste. Only
   * constants are modelled: a source formula (whose references Excel would shift) is refused.
   */
  userPaste(sheet: string, address: string, from: { sheet: string; address: string }): Promise<void>;
  /**
   * A person selecting cells and pressing Delete: the contents go, formats and validation stay.
   * Any address a person can select — `B5:C6`, a whole row `60:60` or rows `3:5`, a whole column
   * `C:C` or columns `B:D` — and the event's `address` is in that same form (Excel reports a
   * whole-row change as `60:60`, not as a cell range). Refused for locked cells on a protected sheet.
   */
  userClear(sheet: string, address: string): Promise<void>;
  /**
   * The person's undo stack, newest last: their own edits and clears (which Ctrl+Z can undo), their
   * other actions, and from ExcelApi 1.20 the add-in's undoable writes. An add-in's write clears it
   * before ExcelApi 1.20, and from 1.20 an API the doc lists as not supporting undo does (undo.ts).
   */
  undoStack(): { by: "person" | "add-in"; action: string }[];
  /**
   * A person pressing Ctrl+Z: the newest step is undone — a typed, pasted or cleared block gets back
   * what it held (an event fires, as for any edit). Refused when the stack is empty ("Can't undo",
   * as Excel greys the button out); undoing other steps is not modelled (ExcelHostUnsupportedError).
   */
  userUndo(): Promise<void>;
  /** A person selecting cells (what `workbook.getSelectedRange()` returns). */
  userSelect(sheet: string, address: string): void;
  userProtect(sheet: string, password?: string, options?: Excel.WorksheetProtectionOptions): void;
  /** A person removing protection by hand; refused with a wrong password. */
  userUnprotect(sheet: string, password?: string): void;
  userRenameSheet(sheet: string, newName: string): void;
  userSetVisibility(sheet: string, visibility: "Visible" | "Hidden" | "VeryHidden"): void;
  userAddSheet(name: string): void;
  userDeleteSheet(sheet: string): void;
  /** Inserts `count` rows before the row at 0-based `rowIndex` (4 = before row 5), moving cells and formula references. */
  userInsertRows(sheet: string, rowIndex: number, count: number): Promise<void>;
  /** Deletes `count` rows from the row at 0-based `rowIndex`; references to them become #REF!. */
  userDeleteRows(sheet: string, rowIndex: number, count: number): Promise<void>;
  /** Inserts `count` columns before the column at 0-based `columnIndex` (2 = before C), moving cells and formula references. */
  userInsertColumns(sheet: string, columnIndex: number, count: number): Promise<void>;
  /** Deletes `count` columns from the column at 0-based `columnIndex`; references to them become #REF!. */
  userDeleteColumns(sheet: string, columnIndex: number, count: number): Promise<void>;
  /** Merge & Center: keeps only the top-left cell's contents, as Excel warns. Refused on a protected sheet. */
  userMerge(sheet: string, address: string): Promise<void>;
}

/** A user action Excel refuses surfaces as the reason a person would see. */
function asUserRefusal(error: unknown, reason: UserEditRefusedError["reason"], sheet: string, address: string): never {
  if (error instanceof RichApiError && error.code === "AccessDenied") throw new UserEditRefusedError(reason, sheet, address);
  throw error;
}

class ExcelHostFake implements ExcelHost, HostCore {
  readonly book: WorkbookModel;
  readonly stats: HostStats;
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  readonly syncDelayMs: number;
  readonly apiVersion: string;
  /** Set while a co-author's edit is applied: its events come with `source: "Remote"`. */
  private remoteEdit = false;
  readonly changeHandlers = {
    add: (sheetId: string | null, handler: (args: Excel.WorksheetChangedEventArgs) => unknown) => {
      const registration = { sheetId, handler };
      this.handlers.push(registration);
      return { remove: () => (this.handlers = this.handlers.filter((h) => h !== registration)) };
    },
  };
  private handlers: { sheetId: string | null; handler: (args: Excel.WorksheetChangedEventArgs) => unknown }[] = [];
  private running = new Set<Promise<void>>();
  private undo: UndoStep[] = [];
  private handlerErrors: unknown[] = [];
  private syncNumber = 0;

  constructor(options: ExcelHostOptions) {
    this.book = new WorkbookModel(options.sheets ?? ["Sheet1"]);
    this.requestLimitBytes = options.requestLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT_BYTES;
    this.responseLimitBytes = options.responseLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT_BYTES;
    this.syncDelayMs = options.syncDelayMs ?? 0;
    this.apiVersion = options.apiVersion ?? defaultApiVersion();
    if (!/^1\.\d+$/.test(this.apiVersion)) throw new Error(`apiVersion must look like "1.9" (got "${this.apiVersion}")`);
    const stats = {
      syncs: 0,
      maxRequestBytes: 0,
      maxResponseBytes: 0,
      requestBytes: 0,
      responseBytes: 0,
      resetSyncs: () => {
        stats.syncs = 0;
        stats.maxRequestBytes = 0;
        stats.maxResponseBytes = 0;
        stats.requestBytes = 0;
        stats.responseBytes = 0;
      },
    };
    this.stats = stats;
    this.book.onChange = (event) => this.dispatch(event);
  }

  isSetSupported(name: string, version = "1.1"): boolean {
    return name === "ExcelApi" && apiAtLeast(this.apiVersion, version);
  }

  nextSyncNumber(): number {
    return ++this.syncNumber;
  }

  addinCommand(location: string): void {
    const effect = undoEffect(location, this.apiVersion);
    if (effect === "clears") this.undo = [];
    if (effect === "undoable") this.undo.push({ by: "add-in", action: location });
  }

  undoStack(): { by: "person" | "add-in"; action: string }[] {
    return this.undo.map(({ by, action }) => ({ by, action }));
  }

  async userUndo(): Promise<void> {
    const step = this.undo.pop();
    if (!step) throw new Error("Excel cannot undo: the undo stack is empty");
    if (step.by !== "person" || !step.before) {
      this.undo.push(step);
      throw new ExcelHostUnsupportedError(`undoing ${step.action}`);
    }
    const sheet = this.book.sheets.find((s) => s.id === step.sheetId);
    if (!sheet) throw new Error("Excel cannot undo: the sheet is gone");
    try {
      this.book.cells.write(sheet, this.rectOf(step.address), step.before, "userUndo", "Unknown");
    } finally {
      this.book.cells.recalculate();
    }
    await this.settled();
  }

  /** A person's action Ctrl+Z could undo in Excel but the host does not model undoing: on the stack, so an undo after it is refused. */
  private personDid(action: string, sheet: SheetModel): void {
    this.undo.push({ by: "person", action, sheetId: sheet.id, address: "", before: null });
  }

  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  async run<T>(
    first: Excel.RequestContext | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    // Inside Excel, Office.context.requirements answers for this Excel.
    answerRequirementsFor(this);
    let context: RequestContextFake;
    let batch: (context: Excel.RequestContext) => Promise<T>;
    if (typeof first === "function") {
      context = new RequestContextFake(this);
      batch = first;
    } else {
      if (!(first instanceof RequestContextFake) || !first.belongsTo(this) || typeof second !== "function") throw new RichApiError("InvalidArgument", "Excel.run");
      context = first;
      batch = second;
      context.reopen();
    }
    try {
      // Typed as a promise, but a batch written in plain JavaScript may return anything: Excel refuses it.
      const pending: unknown = batch(context as unknown as Excel.RequestContext);
      if (!pending || typeof (pending as { then?: unknown }).then !== "function") throw new RichApiError("RunMustReturnPromise", "Excel.run");
      const result = await (pending as Promise<T>);
      // Excel.run syncs whatever the batch left queued.
      if (context.hasPendingCommands) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  /** Calls the handlers registered when the change happened, on a later turn (Excel's events arrive asynchronously). */
  private dispatch(event: ChangeEvent): void {
    for (const { sheetId, handler } of this.handlers) {
      if (sheetId !== null && sheetId !== event.sheetId) continue;
      const args = this.eventArgs(event);
      const call = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => handler(args))
        .then(
          () => undefined,
          (error: unknown) => {
            this.handlerErrors.push(error);
          },
        );
      this.running.add(call);
      void call.finally(() => this.running.delete(call));
    }
  }

  private eventArgs(event: ChangeEvent): Excel.WorksheetChangedEventArgs {
    const address = formatRect(event.rect);
    const args = {
      type: "WorksheetChanged",
      worksheetId: event.sheetId,
      address,
      changeType: event.changeType,
      source: this.remoteEdit ? "Remote" : "Local",
      triggerSource: event.triggerSource,
      details: event.details,
      getRange: (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(event.sheetId).getRange(address),
      getRangeOrNullObject: (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(event.sheetId).getRange(address),
    };
    // Fields of the event arguments come with their requirement sets (@types/office-js,
    // WorksheetChangedEventArgs): `details` is ExcelApi 1.9, `triggerSource` 1.14.
    if (!event.details || !apiAtLeast(this.apiVersion, "1.9")) delete (args as { details?: unknown }).details;
    if (!apiAtLeast(this.apiVersion, "1.14")) delete (args as { triggerSource?: unknown }).triggerSource;
    return args as unknown as Excel.WorksheetChangedEventArgs;
  }

  async settled(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.running.size > 0) await Promise.all([...this.running]);
    const errors = this.handlerErrors;
    this.handlerErrors = [];
    if (errors.length > 0) throw errors[0];
  }

  // ---- inspection ---------------------------------------------------------------------------

  sheetNames(): string[] {
    return this.book.sheets.map((sheet) => sheet.name);
  }

  private rectOf(address: string): Rect {
    return parseAddress(address);
  }

  cell(sheetName: string, address: string): CellSnapshot {
    const sheet = this.book.sheetByName(sheetName);
    const { row, col } = this.rectOf(address);
    const format: CellFormat = sheet.formats.at(row, col);
    const merge = this.book.layout.mergeAt(sheet, row, col);
    const validation = this.book.validations.at(sheet, row, col);
    const link = sheet.hyperlinks.get(hyperlinkKey(row, col));
    return {
      address: formatRect({ row, col, rows: 1, cols: 1 }),
      value: this.book.cells.value(sheet, row, col),
      formula: this.book.cells.formula(sheet, row, col),
      text: this.book.cells.text(sheet, row, col),
      valueType: this.book.cells.valueType(sheet, row, col),
      numberFormat: format.numberFormat,
      locked: format.locked,
      formulaHidden: format.formulaHidden,
      font: {
        bold: format.bold,
        italic: format.italic,
        underline: format.underline,
        strikethrough: format.strikethrough,
        color: format.fontColor,
        size: format.fontSize,
        name: format.fontName,
      },
      fill: format.fill,
      wrapText: format.wrapText,
      horizontalAlignment: format.horizontalAlignment,
      verticalAlignment: format.verticalAlignment,
      indentLevel: format.indentLevel,
      borders: { top: { ...format.borderTop }, bottom: { ...format.borderBottom }, left: { ...format.borderLeft }, right: { ...format.borderRight } },
      hyperlink: link ? { ...link } : null,
      mergedArea: merge ? formatRect(merge) : null,
      validation: validation ? formatRect(validation.rect) : null,
    };
  }

  values(sheetName: string, address: string): unknown[][] {
    return this.book.cells.valueGrid(this.book.sheetByName(sheetName), this.rectOf(address));
  }

  formulas(sheetName: string, address: string): unknown[][] {
    return this.book.cells.formulaGrid(this.book.sheetByName(sheetName), this.rectOf(address));
  }

  texts(sheetName: string, address: string): string[][] {
    return this.book.cells.textGrid(this.book.sheetByName(sheetName), this.rectOf(address));
  }

  sheet(sheetName: string): SheetSnapshot {
    const sheet = this.book.sheetByName(sheetName);
    const used = this.book.cells.usedRect(sheet, false);
    return structuredClone({
      name: sheet.name,
      id: sheet.id,
      position: this.book.sheets.indexOf(sheet),
      visibility: sheet.visibility,
      tabColor: sheet.tabColor,
      showGridlines: sheet.showGridlines,
      active: this.book.activeSheetId === sheet.id,
      protection: {
        protected: sheet.protection.protected,
        ...(sheet.protection.password !== undefined ? { password: sheet.protection.password } : {}),
        options: sheet.protection.options,
      },
      usedRange: used ? qualifiedAddress(sheet.name, used) : null,
      dataValidations: sheet.validations.all().map((v) => ({
        address: formatRect(v.rect),
        rule: v.rule,
        prompt: v.prompt,
        errorAlert: v.errorAlert,
        ignoreBlanks: v.ignoreBlanks,
      })),
      conditionalFormats: sheet.conditionalFormats.map((f) => ({
        address: f.areas.map(formatRect).join(","),
        type: f.type,
        rule: f.rule,
        format: f.format,
        stopIfTrue: f.stopIfTrue,
      })),
      freeze: sheet.freeze,
      pageLayout: sheet.pageLayout,
      rowBreaks: [...sheet.rowBreaks],
      charts: sheet.charts.map((c) => ({
        name: c.name,
        chartType: c.chartType,
        source: qualifiedAddress(this.book.findSheet(c.source.sheetId)?.name ?? "#REF", c.source.rect),
        seriesBy: c.seriesBy,
        title: c.title,
        legend: c.legend,
        series: c.series.map((s) => s.name),
        axes: c.axes,
        top: c.top,
        left: c.left,
        width: c.width,
        height: c.height,
      })),
      merges: sheet.merges.map(formatRect),
      rowOutlineLevels: Object.fromEntries([...sheet.rowOutline].map(([row, level]) => [row + 1, level])),
      columnOutlineLevels: Object.fromEntries([...sheet.columnOutline].map(([col, level]) => [columnLetter(col), level])),
      columnWidths: Object.fromEntries([...sheet.columnWidths].map(([col, width]) => [columnLetter(col), width])),
      rowHeights: Object.fromEntries([...sheet.rowHeights].map(([row, height]) => [row + 1, height])),
      hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b).map((row) => row + 1),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b).map(columnLetter),
      selection: formatRect(sheet.selection),
    });
  }

  // ---- a person at the keyboard -------------------------------------------------------------

  async userEdit(sheetName: string, address: string, values: unknown[][], options: { paste?: boolean; coauthor?: boolean } = {}): Promise<void> {
    const sheet = this.book.sheetByName(sheetName);
    const start = this.rectOf(address);
    const rect: Rect = { row: start.row, col: start.col, rows: values.length, cols: values[0]?.length ?? 0 };
    if (cellCount(rect) === 0) throw new Error("userEdit needs at least one value");
    if (!options.paste) this.checkTypedValues(sheet, rect, values);
    this.remoteEdit = options.coauthor === true;
    const before = this.book.cells.formulaGrid(sheet, rect);
    try {
      this.book.cells.write(sheet, rect, values.map((line) => line.map(asTyped)), "userEdit", "Unknown");
      // A co-author's edit is on their own undo stack, not this person's.
      if (!options.coauthor) this.undo.push({ by: "person", action: options.paste ? "paste" : "typing", sheetId: sheet.id, address: formatRect(rect), before });
    } catch (error) {
      asUserRefusal(error, "protected", sheetName, formatRect(rect));
    } finally {
      this.remoteEdit = false;
      this.book.cells.recalculate();
    }
    await this.settled();
  }

  async userPaste(sheetName: string, address: string, from: { sheet: string; address: string }): Promise<void> {
    const source = this.book.sheetByName(from.sheet);
    const sourceRect = this.rectOf(from.address);
    const contents = this.book.cells.formulaGrid(source, sourceRect);
    if (contents.some((line) => line.some((value) => typeof value === "string" && value.startsWith("=")))) {
      throw new ExcelHostUnsupportedError("pasting a formula (Excel shifts its references)");
    }
    const formats = Array.from({ length: sourceRect.rows }, (_, r) => Array.from({ length: sourceRect.cols }, (_, c) => ({ ...source.formats.at(sourceRect.row + r, sourceRect.col + c) })));
    const validations = Array.from({ length: sourceRect.rows }, (_, r) => Array.from({ length: sourceRect.cols }, (_, c) => this.book.validations.at(source, sourceRect.row + r, sourceRect.col + c)));
    const sheet = this.book.sheetByName(sheetName);
    const start = this.rectOf(address);
    const rect: Rect = { row: start.row, col: start.col, rows: sourceRect.rows, cols: sourceRect.cols };
    const before = this.book.cells.formulaGrid(sheet, rect);
    try {
      this.book.cells.write(sheet, rect, contents, "userPaste", "Unknown");
      this.undo.push({ by: "person", action: "paste", sheetId: sheet.id, address: formatRect(rect), before });
    } catch (error) {
      asUserRefusal(error, "protected", sheetName, formatRect(rect));
    } finally {
      this.book.cells.recalculate();
    }
    // What a person's paste brings, whatever the sheet's protection allows the add-in: formats and validation.
    formats.forEach((line, r) =>
      line.forEach((format, c) => {
        const cell = { row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 };
        const { locked: _locked, formulaHidden: _hidden, ...carried } = format;
        sheet.formats.apply(cell, carried);
        sheet.validations.touching(cell).forEach((v) => {
          sheet.validations.remove(v);
          for (const piece of subtractRects(v.rect, cell)) sheet.validations.add({ ...v, rect: piece });
        });
        const validation = validations[r]?.[c];
        if (validation) sheet.validations.add({ ...structuredClone({ ...validation, rect: cell }) });
      }),
    );
    await this.settled();
  }

  /** Excel checks what a person types against the cell's validation; only a Stop alert refuses it. */
  private checkTypedValues(sheet: SheetModel, rect: Rect, values: unknown[][]): void {
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        const row = rect.row + r;
        const col = rect.col + c;
        const validation = this.book.validations.at(sheet, row, col);
        if (!validation || !validation.errorAlert.showAlert || validation.errorAlert.style !== "Stop") return;
        if (!this.book.validations.satisfies(sheet, validation, row, col, typedValue(asTyped(value)))) {
          throw new UserEditRefusedError("validation", sheet.name, formatRect({ row, col, rows: 1, cols: 1 }));
        }
      }),
    );
  }

  async userClear(sheetName: string, address: string): Promise<void> {
    const sheet = this.book.sheetByName(sheetName);
    try {
      const rect = this.rectOf(address);
      const used = this.book.cells.usedRect(sheet, false);
      const part = used ? intersectRects(rect, used) : null;
      const before = part ? this.book.cells.formulaGrid(sheet, part) : null;
      this.book.cells.clear(sheet, rect, "userClear", "Unknown");
      if (part && before) this.undo.push({ by: "person", action: "clear", sheetId: sheet.id, address: formatRect(part), before });
    } catch (error) {
      asUserRefusal(error, "protected", sheetName, address);
    } finally {
      this.book.cells.recalculate();
    }
    await this.settled();
  }

  userSelect(sheetName: string, address: string): void {
    const sheet = this.book.sheetByName(sheetName);
    this.book.activate(sheet);
    sheet.selection = this.rectOf(address);
  }

  userProtect(sheetName: string, password?: string, options?: Excel.WorksheetProtectionOptions): void {
    protect(this.book.sheetByName(sheetName), options, password, "userProtect");
  }

  userUnprotect(sheetName: string, password?: string): void {
    const sheet = this.book.sheetByName(sheetName);
    if (!sheet.protection.protected) return;
    if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
      throw new UserEditRefusedError("password", sheetName, "");
    }
    unprotect(sheet, password, "userUnprotect");
  }

  userRenameSheet(sheetName: string, newName: string): void {
    this.book.renameSheet(this.book.sheetByName(sheetName), newName, "userRenameSheet");
  }

  userSetVisibility(sheetName: string, visibility: "Visible" | "Hidden" | "VeryHidden"): void {
    this.book.setVisibility(this.book.sheetByName(sheetName), visibility, "userSetVisibility");
  }

  userAddSheet(name: string): void {
    this.book.addSheet(name, "userAddSheet");
  }

  userDeleteSheet(sheetName: string): void {
    this.book.deleteSheet(this.book.sheetByName(sheetName), "userDeleteSheet");
  }

  async userInsertRows(sheetName: string, rowIndex: number, count: number): Promise<void> {
    await this.userShift(sheetName, "rows", rowIndex, count);
  }

  async userDeleteRows(sheetName: string, rowIndex: number, count: number): Promise<void> {
    await this.userShift(sheetName, "rows", rowIndex, -count);
  }

  async userInsertColumns(sheetName: string, columnIndex: number, count: number): Promise<void> {
    await this.userShift(sheetName, "columns", columnIndex, count);
  }

  async userDeleteColumns(sheetName: string, columnIndex: number, count: number): Promise<void> {
    await this.userShift(sheetName, "columns", columnIndex, -count);
  }

  async userMerge(sheetName: string, address: string): Promise<void> {
    const sheet = this.book.sheetByName(sheetName);
    try {
      this.book.layout.merge(sheet, this.rectOf(address), false, "userMerge");
      this.personDid("merge", sheet);
    } catch (error) {
      asUserRefusal(error, "protected", sheetName, address);
    } finally {
      this.book.cells.recalculate();
    }
    await this.settled();
  }

  private async userShift(sheetName: string, axis: "rows" | "columns", index: number, count: number): Promise<void> {
    const sheet = this.book.sheetByName(sheetName);
    const lines = axis === "rows" ? `${index + 1}:${index + Math.abs(count)}` : `${columnLetter(index)}:${columnLetter(index + Math.abs(count) - 1)}`;
    try {
      shiftLines(this.book, sheet, axis, index, count, null, `user${count > 0 ? "Insert" : "Delete"}${axis === "rows" ? "Rows" : "Columns"}`, "Unknown");
      this.personDid(`${count > 0 ? "insert" : "delete"} ${axis}`, sheet);
    } catch (error) {
      asUserRefusal(error, "protected", sheetName, lines);
    } finally {
      this.book.cells.recalculate();
    }
    await this.settled();
  }
}

/** A number Excel cannot hold (over 9.99999999999999E+307), typed or pasted, stays in the cell as its text. */
function asTyped(value: unknown): unknown {
  return typeof value === "number" && Math.abs(value) > EXCEL_MAX_NUMBER ? String(value) : value;
}

/** What a typed entry becomes before validation sees it: "12" is the number 12, as Excel reads typing. */
function typedValue(value: unknown): unknown {
  if (typeof value === "string" && value.trim() !== "" && !value.startsWith("'") && Math.abs(Number(value)) <= EXCEL_MAX_NUMBER) return Number(value);
  if (typeof value === "string" && value.startsWith("'")) return value.slice(1);
  return value;
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHostFake(options);
}
