import { RichApiError } from "./errors";
import type { WorkbookModel } from "./model";
import { type ChangeHandlerRegistry, type Op, type ProxyContext, type SyncRun, forRequest } from "./proxy";
import { WorkbookProxy, ApplicationProxy, RuntimeProxy } from "./workbook";

/** Counters a test reads to check how the adapter talks to Excel. */
export interface HostStats {
  /** `context.sync()` calls so far (plus the final sync `Excel.run` makes when commands are still queued). */
  syncs: number;
  /** The largest request of one sync: JSON bytes of its queued commands. */
  maxRequestBytes: number;
  /** The largest response of one sync: JSON bytes of what it loaded. */
  maxResponseBytes: number;
  /** All requests and all responses so far, JSON bytes (what a measurement moved in total). */
  requestBytes: number;
  responseBytes: number;
  /** Starts a new measurement: zeroes every counter. */
  resetSyncs(): void;
}

/** What a request context shares with the host it belongs to. */
export interface HostCore {
  readonly book: WorkbookModel;
  readonly apiVersion: string;
  readonly stats: HostStats;
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;
  /** How long a sync takes (0: the next turn of the event loop). */
  readonly syncDelayMs: number;
  readonly changeHandlers: ChangeHandlerRegistry;
  nextSyncNumber(): number;
  /** An add-in's command is being run: what it does to the person's undo stack (undo.ts). */
  addinCommand(location: string): void;
}

// TextEncoder rather than Buffer: the host also runs in the browser (the playground).
const utf8 = new TextEncoder();
const bytes = (value: unknown): number => utf8.encode(JSON.stringify(value) ?? "").length;

/**
 * `Excel.RequestContext`: commands queue here and run, in order, only at `sync()`. The sync runs
 * on a later turn of the event loop (like the round trip to Excel), so code that forgets `await`
 * reads state from before the sync. A failing command stops the sync: the commands before it
 * stay applied (Excel is not transactional), the ones after it are dropped, and nothing that was
 * loaded is delivered.
 */
export class RequestContextFake implements ProxyContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly runtime: RuntimeProxy;
  /** Objects live for the whole run in this host; tracking is accepted and has no effect. */
  readonly trackedObjects = { add: (_object: unknown) => undefined, remove: (_object: unknown) => undefined };
  private pending: Op[] = [];
  private running: SyncRun | null = null;
  private closed = false;

  constructor(private readonly host: HostCore) {
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
    this.runtime = new RuntimeProxy(this);
  }

  get book(): WorkbookModel {
    return this.host.book;
  }

  get apiVersion(): string {
    return this.host.apiVersion;
  }

  get changeHandlers(): ChangeHandlerRegistry {
    return this.host.changeHandlers;
  }

  enqueue(op: Op, options: { afterRun?: boolean } = {}): void {
    // Office.js invalidates a run's objects when the run ends; what is not an object of the run
    // (an event handler's removal) still queues, and waits for the context's next sync.
    if (this.closed && !options.afterRun) throw new RichApiError("InvalidObjectPath", op.location, op.path);
    this.pending.push(op);
  }

  belongsTo(host: HostCore): boolean {
    return this.host === host;
  }

  /** `Excel.run(context, batch)`: the context serves one more run. */
  reopen(): void {
    this.closed = false;
  }

  currentRun(): SyncRun {
    if (!this.running) throw new Error("excel-host: an object was resolved outside a sync (a bug in the fake host)");
    return this.running;
  }

  get hasPendingCommands(): boolean {
    return this.pending.length > 0;
  }

  close(): void {
    this.closed = true;
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.pending;
    this.pending = [];
    this.host.stats.syncs += 1;
    return new Promise<T>((resolve, reject) => {
      const execute = () => {
        try {
          this.execute(ops);
          resolve(passThroughValue as T);
        } catch (error) {
          reject(error);
        }
      };
      if (this.host.syncDelayMs > 0) setTimeout(execute, this.host.syncDelayMs);
      else setImmediate(execute);
    });
  }

  private execute(ops: Op[]): void {
    const { stats, book } = this.host;
    const requestBytes = bytes(ops.map((op) => ({ path: op.path, name: op.location, args: forRequest(op.args) })));
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    stats.requestBytes += requestBytes;
    if (requestBytes > this.host.requestLimitBytes) throw new RichApiError("RequestPayloadSizeLimitExceeded", "context.sync");
    const run: SyncRun = { number: this.host.nextSyncNumber(), commits: [], loaded: [] };
    this.running = run;
    // Wrapped, so that whatever an operation threw is passed on as it was.
    let failure: { error: unknown } | null = null;
    try {
      for (const op of ops) {
        this.host.addinCommand(op.location);
        op.run(run);
      }
    } catch (error) {
      failure = { error };
    } finally {
      this.running = null;
      book.cells.resumeEvaluation();
    }
    if (failure) throw failure.error;
    const responseBytes = bytes(run.loaded);
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    stats.responseBytes += responseBytes;
    if (responseBytes > this.host.responseLimitBytes) throw new RichApiError("ResponsePayloadSizeLimitExceeded", "context.sync");
    for (const commit of run.commits) commit();
  }
}
