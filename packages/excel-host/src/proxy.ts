import { ExcelHostUnsupportedError, RichApiError, excelError, propertyNotLoaded } from "./errors";
import type { WorkbookModel } from "./model";

/** One queued command of a batch: a property set, a method call, a load or an object instantiation. */
export interface Op {
  /** Where Excel would report a failure: `Range.values`, `WorksheetProtection.protect`… */
  location: string;
  /** The object the command acts on, for the request-size estimate. */
  path: string;
  /** The command's arguments, as they travel in the request. */
  args: unknown;
  run(run: SyncRun): void;
}

/** What one `context.sync()` is doing while it executes its commands. */
export interface SyncRun {
  number: number;
  /** Applied to the proxies only if the whole sync succeeds (Office.js delivers no partial response). */
  commits: (() => void)[];
  /** Everything the response carries back, for the response-size estimate. */
  loaded: unknown[];
}

/** Where `onChanged.add` registers handlers: they outlive the `Excel.run` that added them, as in Excel. */
export interface ChangeHandlerRegistry {
  add(sheetId: string | null, handler: (args: Excel.WorksheetChangedEventArgs) => unknown): { remove(): void };
}

/** What proxies need of their request context (implemented by `RequestContextFake`). */
export interface ProxyContext {
  readonly book: WorkbookModel;
  /** The ExcelApi version of the Excel this context talks to: members of newer sets throw (api-sets.ts). */
  readonly apiVersion: string;
  readonly changeHandlers: ChangeHandlerRegistry;
  /** `afterRun`: the command may be queued after the run ended (it waits for the context's next sync). */
  enqueue(op: Op, options?: { afterRun?: boolean }): void;
  /** The sync now executing commands; commands only resolve their objects while one runs. */
  currentRun(): SyncRun;
}

/** Any proxy, whatever object it finds: what navigation and collections hold. */
export interface LoadableProxy {
  readonly objectPath: string;
  executeLoad(paths: string[], run: SyncRun): void;
  set(properties: Record<string, unknown>): void;
}

export type ScalarSpec<T> = {
  get?: (target: T) => unknown;
  set?: (target: T, value: unknown, location: string) => void;
};

/**
 * Arguments are copied when a command runs, so the workbook never shares arrays with the caller
 * (Office.js serializes them into the request). Proxies passed as arguments become their object.
 */
export function plainCopy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof ClientObjectProxy) return value;
  if (Array.isArray(value)) return value.map(plainCopy);
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) copy[key] = plainCopy(entry);
  return copy;
}

/** The arguments as JSON travels: proxies as their object paths. */
export function forRequest(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof ClientObjectProxy) return { path: value.objectPath };
  if (Array.isArray(value)) return value.map(forRequest);
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) copy[key] = forRequest(entry);
  return copy;
}

/**
 * Turns every form `load` takes into property paths: `"a, b/c"`, `["a", "b/c"]`,
 * `{ select: "a,b", expand: "c" }`, `{ a: true, b: { c: true } }`, or nothing (all scalars, "*").
 */
export function loadPaths(option: unknown): string[] {
  if (option === undefined || option === null) return ["*"];
  if (typeof option === "string") return splitPaths(option);
  if (Array.isArray(option)) return option.flatMap((item) => splitPaths(String(item)));
  if (typeof option === "object") {
    const record = option as Record<string, unknown>;
    if ("select" in record || "expand" in record) {
      const selected = typeof record.select === "string" ? splitPaths(record.select) : [];
      const expanded = typeof record.expand === "string" ? splitPaths(record.expand).map((path) => `${path}/*`) : [];
      const paths = [...selected, ...expanded];
      return paths.length > 0 ? paths : ["*"];
    }
    const paths: string[] = [];
    for (const [key, value] of Object.entries(record)) {
      if (key === "$all") {
        if (value) paths.push("*");
      } else if (value === true) {
        paths.push(key);
      } else if (value && typeof value === "object") {
        paths.push(...loadPaths(value).map((path) => `${key}/${path}`));
      }
    }
    return paths.length > 0 ? paths : ["*"];
  }
  throw excelError("InvalidArgument", "load");
}

function splitPaths(text: string): string[] {
  const paths = text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  return paths.length > 0 ? paths : ["*"];
}

/**
 * The base of every fake Office.js object. A proxy knows how to find its real object (resolved
 * when a command runs, as Excel resolves object paths on its side), keeps the property values
 * that were loaded (a snapshot taken when the sync ran) or set locally, and throws
 * `PropertyNotLoaded` for anything else.
 */
export abstract class ClientObjectProxy<T> implements LoadableProxy {
  protected readonly propertyValues = new Map<string, unknown>();
  private nullFlag: boolean | undefined;
  private memo: { sync: number; target: T | null } | undefined;
  private readonly children = new Map<string, LoadableProxy>();

  /**
   * @param stable true when the object stays the same object once found (a sheet, a chart);
   *   false when Excel finds it again for every request (a range: `getUsedRange` is re-evaluated).
   */
  constructor(
    readonly context: ProxyContext,
    readonly objectPath: string,
    private readonly resolver: () => T | null,
    private readonly stable: boolean,
  ) {}

  /** The Office.js class name, used in error locations (`Range`, `WorksheetProtection`). */
  protected abstract readonly entity: string;

  /** Scalar properties: how to read them for `load`, and how to apply a set. */
  protected abstract scalars(): Record<string, ScalarSpec<T>>;

  /** Navigation properties that `load("format/font/bold")` can walk through. */
  protected navigation(): Record<string, () => LoadableProxy> {
    return {};
  }

  /** True when the object this proxy found no longer exists (a deleted sheet). */
  protected isGone(_target: T): boolean {
    return false;
  }

  /**
   * Installs Office.js-style accessors on a proxy class's prototype: reading a property that was
   * neither loaded nor set throws `PropertyNotLoaded`; setting one queues the write.
   */
  static accessors(proxyClass: { prototype: object }, names: string[]): void {
    for (const name of names) {
      Object.defineProperty(proxyClass.prototype, name, {
        get(this: ClientObjectProxy<unknown>) {
          return this.read(name);
        },
        set(this: ClientObjectProxy<unknown>, value: unknown) {
          this.write(name, value);
        },
        configurable: true,
      });
    }
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw propertyNotLoaded(this.entity, "isNullObject");
    return this.nullFlag;
  }

  /** Finds the real object while a command runs; null for an *OrNullObject that found nothing. */
  resolve(): T | null {
    const run = this.context.currentRun();
    if (this.memo && (this.stable || this.memo.sync === run.number)) {
      if (this.memo.target !== null && this.isGone(this.memo.target)) throw excelError("ItemNotFound", this.entity);
      return this.memo.target;
    }
    const target = this.resolver();
    this.memo = { sync: run.number, target };
    run.commits.push(() => (this.nullFlag = target === null));
    return target;
  }

  /** The real object for a command; a null object cannot take commands. */
  protected target(location: string): T {
    const target = this.resolve();
    if (target === null) throw excelError("ItemNotFound", location);
    return target;
  }

  /** A child object reached through a navigation property (the same proxy every time, as in Office.js). */
  protected child<C extends LoadableProxy>(name: string, make: () => C): C {
    let existing = this.children.get(name);
    if (!existing) {
      existing = make();
      this.children.set(name, existing);
    }
    return existing as C;
  }

  protected read(name: string): unknown {
    if (this.propertyValues.has(name)) return this.propertyValues.get(name);
    if (this.nullFlag === true) return undefined;
    throw propertyNotLoaded(this.entity, name);
  }

  protected write(name: string, value: unknown): void {
    const spec = this.scalars()[name];
    if (!spec?.set) throw new ExcelHostUnsupportedError(`setting ${this.entity}.${name}`);
    const setter = spec.set;
    const location = `${this.entity}.${name}`;
    this.propertyValues.set(name, value);
    this.queue(location, value, (target) => setter(target, plainCopy(value), location));
  }

  /** Queues a command on this object; it runs at the next sync. */
  protected queue(location: string, args: unknown, apply: (target: T, run: SyncRun) => void): void {
    this.context.enqueue({ location, path: this.objectPath, args, run: (run) => apply(this.target(location), run) });
  }

  /** Queues the resolution of an *OrNullObject so that `isNullObject` is known after the sync. */
  instantiate(): this {
    this.context.enqueue({ location: `${this.entity}.instantiate`, path: this.objectPath, args: null, run: () => this.resolve() });
    return this;
  }

  /** Arguments that are proxies must belong to this request context, as Office.js checks at once. */
  protected sameContext(other: unknown): void {
    if (other instanceof ClientObjectProxy && other.context !== this.context) {
      throw new RichApiError("InvalidRequestContext", this.entity);
    }
  }

  load(option?: string | string[] | { select?: string; expand?: string } | Record<string, unknown>): this {
    const paths = loadPaths(option);
    this.context.enqueue({ location: `${this.entity}.load`, path: this.objectPath, args: paths, run: (run) => this.executeLoad(paths, run) });
    return this;
  }

  /** `set({ format: { font: { bold: true } } })`: assigns scalars and walks into navigation properties. */
  set(properties: Record<string, unknown>): void {
    const scalars = this.scalars();
    const navigation = this.navigation();
    for (const [key, value] of Object.entries(properties)) {
      if (scalars[key]?.set) this.write(key, value);
      else if (navigation[key] && value && typeof value === "object") navigation[key]().set(value as Record<string, unknown>);
      else throw excelError("InvalidArgument", `${this.entity}.set`);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.propertyValues);
  }

  /** Reads the requested properties now (inside a sync) and stages them for delivery. */
  executeLoad(paths: string[], run: SyncRun): void {
    const target = this.resolve();
    if (target === null) return;
    if (this.isGone(target)) throw excelError("ItemNotFound", `${this.entity}.load`);
    const scalars = this.scalars();
    const navigation = this.navigation();
    const own = new Map<string, ScalarSpec<T>>();
    const nested = new Map<string, { open: () => LoadableProxy; subpaths: string[] }>();
    const rest: string[] = [];
    for (const path of paths) {
      const slash = path.indexOf("/");
      const head = slash < 0 ? path : path.slice(0, slash);
      const subpath = slash < 0 ? "*" : path.slice(slash + 1);
      const scalar = scalars[head];
      const open = navigation[head];
      if (head === "*") {
        for (const [name, spec] of Object.entries(scalars)) if (spec.get) own.set(name, spec);
      } else if (scalar && slash < 0) {
        own.set(head, scalar);
      } else if (open !== undefined) {
        nested.set(head, { open, subpaths: [...(nested.get(head)?.subpaths ?? []), subpath] });
      } else {
        rest.push(path);
      }
    }
    if (rest.length > 0) this.loadOther(rest, target, run);
    for (const [name, spec] of own) {
      const getter = spec.get;
      if (!getter) throw excelError("InvalidArgument", `${this.entity}.load`);
      const value = plainCopy(getter(target));
      run.loaded.push(value);
      run.commits.push(() => this.propertyValues.set(name, value));
    }
    for (const { open, subpaths } of nested.values()) open().executeLoad(subpaths, run);
  }

  /** Paths that are neither scalars nor navigation: an unknown property (collections override this for items). */
  protected loadOther(paths: string[], _target: T, _run: SyncRun): void {
    throw new RichApiError("InvalidArgument", `${this.entity}.load`, paths[0]);
  }
}

/**
 * A collection (`worksheets`, `charts`, `conditionalFormats`…): `load("items/name")`, or just
 * `load("name")` as Office.js allows, fills `items` with proxies of the members found at sync time.
 */
export abstract class CollectionProxy<T, I extends LoadableProxy, M> extends ClientObjectProxy<T> {
  protected abstract members(target: T): M[];
  protected abstract itemProxy(member: M, index: number): I;

  get items(): I[] {
    return this.read("items") as I[];
  }

  override executeLoad(paths: string[], run: SyncRun): void {
    const mine = paths.filter((path) => path !== "*");
    if (mine.length === paths.length) {
      super.executeLoad(mine, run);
      return;
    }
    // A bare load() loads every member with all its scalars.
    super.executeLoad([...mine, "items/*"], run);
  }

  protected override loadOther(paths: string[], target: T, run: SyncRun): void {
    const subpaths = paths.map((path) => (path === "items" ? "*" : path.startsWith("items/") ? path.slice("items/".length) : path));
    const items = this.members(target).map((member, index) => this.itemProxy(member, index));
    for (const item of items) item.executeLoad(subpaths, run);
    run.commits.push(() => this.propertyValues.set("items", items));
  }
}

/** `OfficeExtension.ClientResult`: a method's return value, readable after the sync. */
export class ClientResultFake<V> {
  private loaded = false;
  private result: V | undefined;

  get value(): V {
    if (!this.loaded) throw new RichApiError("ValueNotLoaded", "ClientResult.value");
    return this.result as V;
  }

  /** Stages the value for delivery when the sync succeeds. */
  deliver(value: V, run: SyncRun): void {
    run.loaded.push(value);
    run.commits.push(() => {
      this.result = value;
      this.loaded = true;
    });
  }
}
