/**
 * The Office common API around the in-memory Excel, as a shared runtime sees it: ribbon actions,
 * requirement sets, the task pane (`Office.addin`), the dialog API (`Office.context.ui`) and the
 * document's settings. A test (or the playground) installs it as the global `Office` and `Excel`.
 *
 * How each part fails is taken from Microsoft's documentation, not guessed:
 * - `displayDialogAsync` ("Handle errors and events in the Office dialog box",
 *   learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events): the callback gets
 *   `status: "failed"` with error 12004 (a URL not of the host page's domain), 12005 (an http URL),
 *   12007 (a dialog is already open from this host window: one at a time), 12009 (the user chose to
 *   ignore the dialog, Office on the web) or 12011 (the browser blocks pop-ups); a dialog the user
 *   closes raises DialogEventReceived with 12006. `Office.context.ui` is DialogApi 1.1.
 *   `Dialog.close()` is asynchronous ("Best practices and rules for the Office dialog API":
 *   "Opening another dialog immediately after closing one"): it returns at once, the dialog closes
 *   on a later turn, and a `displayDialogAsync` before then fails with 12007.
 * - `Office.addin.showAsTaskpane` is SharedRuntime 1.1 ("Show or hide the task pane of your Office
 *   Add-in"; the SharedRuntime requirement-set table). Office.js always has the method (it is one
 *   request to the app runtime service, office-js dist `addin._setState`); on an Office without the
 *   set that request fails, so the promise rejects with `ApiNotFound`. And since February 2026 Office
 *   ignores the call for add-ins from Microsoft's marketplace: it resolves and no pane opens
 *   (`taskpane: "ignored"`).
 */
import type { ExcelHost } from "./host";
import { apiAtLeast } from "./version";

/** How `Office.addin.showAsTaskpane` behaves: opens the pane, is ignored (marketplace policy), or rejects. */
export type TaskpaneBehaviour = "opens" | "ignored" | "rejects";

export interface OfficeRuntimeOptions {
  /** Requirement sets other than ExcelApi (which the host answers for): SharedRuntime 1.1 and DialogApi 1.2 by default. */
  sets?: Record<string, string>;
  /** The page the runtime runs in: the dialog's URL must share its origin. */
  pageUrl?: string;
  /** How long a dialog takes to close after `close()` (asynchronous, as in Office): 5 ms by default. */
  dialogCloseMs?: number;
  /** A dialog error code every `displayDialogAsync` call gets (12009: the user ignored it; 12011: pop-ups blocked). */
  dialogError?: number;
  taskpane?: TaskpaneBehaviour;
  /** Office's UI language (`Office.context.displayLanguage`). */
  displayLanguage?: string;
}

/** A dialog the add-in opened, and what the person does in it. */
export interface DialogFake {
  readonly url: string;
  readonly options: unknown;
  /** Whether the dialog has closed: some milliseconds after `close()` (asynchronous), at once when the person closes it. */
  closed: boolean;
  /** The dialog page calling `Office.context.ui.messageParent(message)`. */
  messageParent(message: string): void;
  /** The person closing the dialog with its X (DialogEventReceived, 12006). */
  userClose(): void;
}

export interface OfficeRuntimeFake {
  /** The `Office` global as the shared runtime has it. */
  readonly office: typeof Office;
  /** The ribbon's functions, by the names `Office.actions.associate` gave them. */
  readonly actions: Map<string, (event: Office.AddinCommands.Event) => void>;
  /** Every dialog opened, in order. */
  readonly dialogs: DialogFake[];
  /** Whether the task pane is showing. */
  paneVisible: boolean;
  /** A person opening the pane themselves (a ShowTaskpane button such as 生成模板), or closing it. */
  userSetPaneVisible(visible: boolean): void;
  /** The document settings (`Office.context.document.settings`). */
  readonly settings: Map<string, unknown>;
  /** Sets `Office` and `Excel` (`Excel.run` on the host) as globals. */
  install(): void;
  /** Runs a ribbon function as Office does, resolving when it calls `event.completed()`. */
  press(action: string): Promise<void>;
  /**
   * Waits until Office has given every answer it owes (a dialog opened, the pane shown, a
   * visibility change told) and the workbook's handlers have finished: what a test awaits instead
   * of sleeping after something that Office answers on a later turn.
   */
  settled(): Promise<void>;
}

const DIALOG_MESSAGES: Record<number, string> = {
  12004: "The domain of the URL is not included in your AppDomains element.",
  12005: "The URL passed to displayDialogAsync uses the HTTP protocol. HTTPS is required.",
  12007: "A dialog box is already opened from this host window.",
  12009: "The user chose to ignore the dialog box.",
  12011: "The user's browser is configured in a way that blocks popups.",
};

/** Office's requirement-set check for a host and the other sets given: version strings compare as Office compares them. */
function setSupport(host: ExcelHost, sets: Record<string, string>): (name: string, version?: string) => boolean {
  return (name, version = "1.1") => {
    if (name === "ExcelApi") return host.isSetSupported(name, version);
    const have = sets[name];
    return have !== undefined && apiAtLeast(have, version);
  };
}

/** Marks an `Office` global the host put there (and may therefore replace), as opposed to a real one or a test's. */
const HOST_OFFICE = Symbol.for("@planbook/excel-host office");

/**
 * Makes `Office.context.requirements.isSetSupported` answer for this host, as Excel's does for
 * itself — so code that asks before using a newer member (and Office.js's own check, which asks
 * the same) sees the host's ExcelApi version. Called by every `host.run`. Where there is no
 * `Office` global a minimal one is put there; one the host put there before is pointed at this
 * host; any other `Office` (a test's own, `createOfficeRuntime`'s, a real one) is left alone.
 */
export function answerRequirementsFor(host: Pick<ExcelHost, "isSetSupported">): void {
  const scope = globalThis as { Office?: unknown };
  const current = scope.Office as { [HOST_OFFICE]?: boolean } | undefined;
  if (current !== undefined && !current[HOST_OFFICE]) return;
  scope.Office = { [HOST_OFFICE]: true, context: { requirements: { isSetSupported: (name: string, version?: string) => host.isSetSupported(name, version) } } };
}

export function createOfficeRuntime(host: ExcelHost, options: OfficeRuntimeOptions = {}): OfficeRuntimeFake {
  const sets = options.sets ?? { SharedRuntime: "1.1", DialogApi: "1.2" };
  const isSetSupported = setSupport(host, sets);
  const pageUrl = new URL(options.pageUrl ?? "https://localhost:3000/taskpane.html");
  const actions = new Map<string, (event: Office.AddinCommands.Event) => void>();
  const dialogs: DialogFake[] = [];
  const settings = new Map<string, unknown>();
  // Office answers on a later turn, never inside the call; the answers not given yet are counted, for `settled`.
  let owed = 0;
  const later = (answer: () => void): void => {
    owed++;
    setTimeout(() => {
      owed--;
      answer();
    }, 0);
  };

  const displayDialogAsync = (url: string, ...rest: unknown[]): void => {
    const callback = rest.find((arg): arg is (result: unknown) => void => typeof arg === "function");
    const dialogOptions = rest.find((arg) => typeof arg === "object") ?? {};
    const target = new URL(url, pageUrl);
    const open = dialogs.find((dialog) => !dialog.closed);
    const code =
      target.protocol !== "https:" ? 12005 : target.origin !== pageUrl.origin ? 12004 : open ? 12007 : (options.dialogError ?? null);
    later(() => {
      if (code !== null) {
        callback?.({ status: "failed", error: { code, message: DIALOG_MESSAGES[code] ?? "The operation failed.", name: "Dialog" } });
        return;
      }
      const handlers = new Map<string, ((args: unknown) => void)[]>();
      const raise = (type: string, args: unknown) => (handlers.get(type) ?? []).forEach((handler) => handler(args));
      const dialog: DialogFake & { close(): void; addEventHandler(type: string, handler: (args: unknown) => void): void } = {
        url: target.href,
        options: dialogOptions,
        closed: false,
        close() {
          // Office closes it later: until then it is still this window's open dialog (12007).
          setTimeout(() => {
            dialog.closed = true;
          }, options.dialogCloseMs ?? 5);
        },
        addEventHandler(type, handler) {
          handlers.set(type, [...(handlers.get(type) ?? []), handler]);
        },
        messageParent(message) {
          if (dialog.closed) throw new Error("the dialog is closed");
          raise("dialogMessageReceived", { type: "dialogMessageReceived", message, origin: target.origin });
        },
        userClose() {
          dialog.closed = true;
          raise("dialogEventReceived", { type: "dialogEventReceived", error: 12006 });
        },
      };
      dialogs.push(dialog);
      callback?.({ status: "succeeded", value: dialog });
    });
  };

  const runtime: OfficeRuntimeFake = {
    actions,
    dialogs,
    settings,
    paneVisible: false,
    userSetPaneVisible: (visible) => setPaneVisible(visible),
    office: undefined as unknown as typeof Office,
    install() {
      Object.assign(globalThis, { Office: runtime.office, Excel: { run: host.run.bind(host) } });
    },
    press(action) {
      const run = actions.get(action);
      if (!run) return Promise.reject(new Error(`no ribbon function is associated with "${action}"`));
      return new Promise<void>((completed) => run({ completed, source: { id: action } } as unknown as Office.AddinCommands.Event));
    },
    async settled() {
      // A turn lets what the last answer set off ask again before the count is read.
      do await new Promise<void>((resolve) => setImmediate(resolve));
      while (owed > 0);
      await host.settled();
    },
  };

  const visibilityListeners = new Set<(args: { visibilityMode: string }) => void>();
  const setPaneVisible = (visible: boolean): void => {
    if (runtime.paneVisible === visible) return;
    runtime.paneVisible = visible;
    // Office tells the runtime on a later turn.
    later(() => visibilityListeners.forEach((listener) => listener({ visibilityMode: visible ? "Taskpane" : "Hidden" })));
  };
  const showAsTaskpane = async (): Promise<void> => {
    await new Promise<void>((resolve) => later(resolve));
    if (!isSetSupported("SharedRuntime", "1.1") || options.taskpane === "rejects") {
      throw Object.assign(new Error("The requested API is not supported (SharedRuntime 1.1)."), { name: "RichApi.Error", code: "ApiNotFound" });
    }
    if (options.taskpane !== "ignored") setPaneVisible(true);
  };

  const office = {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "PC" };
      callback?.(info);
      return Promise.resolve(info);
    },
    actions: { associate: (name: string, action: (event: Office.AddinCommands.Event) => void) => void actions.set(name, action) },
    addin: {
      showAsTaskpane,
      hide: async () => setPaneVisible(false),
      // SharedRuntime 1.1: resolves to the function that removes the handler.
      onVisibilityModeChanged: async (listener: (args: { visibilityMode: string }) => void) => {
        visibilityListeners.add(listener);
        return async () => void visibilityListeners.delete(listener);
      },
    },
    context: {
      displayLanguage: options.displayLanguage ?? "zh-CN",
      requirements: { isSetSupported },
      document: {
        settings: {
          get: (name: string) => settings.get(name) ?? null,
          set: (name: string, value: unknown) => void settings.set(name, value),
          remove: (name: string) => void settings.delete(name),
          saveAsync: (callback?: (result: unknown) => void) => callback?.({ status: "succeeded" }),
        },
      },
      // The dialog API is there only where DialogApi 1.1 is.
      ...(isSetSupported("DialogApi", "1.1") ? { ui: { displayDialogAsync } } : {}),
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    HostType: { Excel: "Excel" },
  };
  (runtime as { office: unknown }).office = office;
  return runtime;
}
