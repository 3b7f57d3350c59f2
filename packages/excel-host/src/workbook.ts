import { excelError } from "./errors";
import type { WorkbookModel } from "./model";
import { ClientObjectProxy, ClientResultFake, CollectionProxy, type LoadableProxy, type ProxyContext, type ScalarSpec } from "./proxy";
import { RangeProxy } from "./range";
import { WorksheetCollectionProxy } from "./worksheet";

const WORKBOOK_SCALARS: Record<string, ScalarSpec<WorkbookModel>> = {
  name: { get: () => "Book1.xlsx" },
};

export class WorkbookProxy extends ClientObjectProxy<WorkbookModel> implements Pick<Excel.Workbook, "name"> {
  protected readonly entity = "Workbook";
  declare readonly name: string;

  constructor(context: ProxyContext) {
    super(context, "workbook", () => context.book, true);
  }

  protected scalars(): Record<string, ScalarSpec<WorkbookModel>> {
    return WORKBOOK_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { worksheets: () => this.worksheets, application: () => this.application, settings: () => this.settings };
  }

  get worksheets(): WorksheetCollectionProxy {
    return this.child("worksheets", () => new WorksheetCollectionProxy(this.context, "workbook.worksheets"));
  }

  get application(): ApplicationProxy {
    return this.child("application", () => new ApplicationProxy(this.context));
  }

  get settings(): SettingCollectionProxy {
    return this.child("settings", () => new SettingCollectionProxy(this.context));
  }

  /** The selection of the active sheet (a person's click, or `range.select()`). */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, "workbook.getSelectedRange()", () => {
      const sheet = this.context.book.activeSheet;
      return { book: this.context.book, sheet, rect: sheet.selection };
    });
  }

}

ClientObjectProxy.accessors(WorkbookProxy, Object.keys(WORKBOOK_SCALARS));

const APPLICATION_SCALARS: Record<string, ScalarSpec<WorkbookModel>> = {
  calculationMode: {
    get: (book) => book.calculationMode,
    set: (book, value, location) => {
      if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(String(value))) throw excelError("InvalidArgument", location);
      book.calculationMode = String(value);
    },
  },
};

/**
 * `workbook.application`. The engine recalculates at the end of each sync — except after
 * `suspendApiCalculationUntilNextSync()`, until `calculate()` — so `calculationMode` is kept for
 * reading back but does not freeze values.
 */
export class ApplicationProxy
  extends ClientObjectProxy<WorkbookModel>
  implements Pick<Excel.Application, "calculationMode" | "calculate" | "suspendApiCalculationUntilNextSync">
{
  protected readonly entity = "Application";
  declare calculationMode: Excel.Application["calculationMode"];

  constructor(context: ProxyContext) {
    super(context, "workbook.application", () => context.book, true);
  }

  protected scalars(): Record<string, ScalarSpec<WorkbookModel>> {
    return APPLICATION_SCALARS;
  }

  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void {
    this.queue("Application.calculate", [calculationType], (book) => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType)) throw excelError("InvalidArgument", "Application.calculate");
      book.cells.recalculate();
    });
  }

  /** Calculation stops for this sync and stays stopped until `calculate()`: Microsoft leaves the recalculation to the caller. */
  suspendApiCalculationUntilNextSync(): void {
    this.queue("Application.suspendApiCalculationUntilNextSync", [], (book) => book.cells.suspendCalculationUntilRecalculated());
  }

}

ClientObjectProxy.accessors(ApplicationProxy, Object.keys(APPLICATION_SCALARS));

const RUNTIME_SCALARS: Record<string, ScalarSpec<WorkbookModel>> = {
  enableEvents: {
    get: (book) => book.enableEvents,
    set: (book, value, location) => {
      if (typeof value !== "boolean") throw excelError("InvalidArgument", location);
      book.enableEvents = value;
    },
  },
};

/** `context.runtime`: `enableEvents` switches off this add-in's events until switched on again (across runs). */
export class RuntimeProxy extends ClientObjectProxy<WorkbookModel> implements Pick<Excel.Runtime, "enableEvents"> {
  protected readonly entity = "Runtime";
  declare enableEvents: boolean;

  constructor(context: ProxyContext) {
    super(context, "runtime", () => context.book, true);
  }

  protected scalars(): Record<string, ScalarSpec<WorkbookModel>> {
    return RUNTIME_SCALARS;
  }
}

ClientObjectProxy.accessors(RuntimeProxy, Object.keys(RUNTIME_SCALARS));

// ---- settings -------------------------------------------------------------------------------

interface SettingTarget {
  book: WorkbookModel;
  key: string;
}

/** Settings are stored as JSON in the workbook, so only JSON survives (dates come back as strings). */
function asStored(value: unknown, location: string): unknown {
  if (value === undefined) throw excelError("InvalidArgument", location);
  return JSON.parse(JSON.stringify(value));
}

const SETTING_SCALARS: Record<string, ScalarSpec<SettingTarget>> = {
  key: { get: (t) => t.key },
  value: {
    get: (t) => t.book.settings.get(t.key),
    set: (t, value, location) => {
      t.book.settings.set(t.key, asStored(value, location));
    },
  },
};

export class SettingProxy extends ClientObjectProxy<SettingTarget> implements Pick<Excel.Setting, "key" | "value" | "delete"> {
  protected readonly entity = "Setting";
  declare readonly key: string;
  declare value: unknown;

  constructor(context: ProxyContext, objectPath: string, resolver: () => SettingTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<SettingTarget>> {
    return SETTING_SCALARS;
  }

  protected override isGone(target: SettingTarget): boolean {
    return !target.book.settings.has(target.key);
  }

  delete(): void {
    this.queue("Setting.delete", [], (t) => {
      t.book.settings.delete(t.key);
    });
  }
}

ClientObjectProxy.accessors(SettingProxy, Object.keys(SETTING_SCALARS));

export class SettingCollectionProxy extends CollectionProxy<WorkbookModel, SettingProxy, SettingTarget> {
  protected readonly entity = "SettingCollection";

  constructor(context: ProxyContext) {
    super(context, "workbook.settings", () => context.book, true);
  }

  protected scalars(): Record<string, ScalarSpec<WorkbookModel>> {
    return {};
  }

  protected members(book: WorkbookModel): SettingTarget[] {
    return [...book.settings.keys()].map((key) => ({ book, key }));
  }

  protected itemProxy(member: SettingTarget): SettingProxy {
    return new SettingProxy(this.context, `workbook.settings.getItem(${JSON.stringify(member.key)})`, () => member);
  }

  add(key: string, value: unknown): SettingProxy {
    this.queue("SettingCollection.add", [key, value], (book) => {
      if (typeof key !== "string" || key === "") throw excelError("InvalidArgument", "SettingCollection.add");
      book.settings.set(key, asStored(value, "SettingCollection.add"));
    });
    return new SettingProxy(this.context, `workbook.settings.add(${JSON.stringify(key)})`, () => ({ book: this.context.book, key }));
  }

  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, `workbook.settings.getItem(${JSON.stringify(key)})`, () => {
      if (!this.context.book.settings.has(key)) throw excelError("ItemNotFound", "SettingCollection.getItem");
      return { book: this.context.book, key };
    });
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, `workbook.settings.getItemOrNullObject(${JSON.stringify(key)})`, () =>
      this.context.book.settings.has(key) ? { book: this.context.book, key } : null,
    ).instantiate();
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("SettingCollection.getCount", [], (book, run) => result.deliver(book.settings.size, run));
    return result;
  }
}
