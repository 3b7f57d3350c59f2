/**
 * What the ribbon and the task pane share. With a shared runtime both run in one page (one
 * webpack runtime makes this module a single instance), and they meet here rather than by
 * importing each other: the plan library, the last ribbon audit, the pane's listeners and the
 * protection password (kept on this computer, never in the workbook).
 */
import type { PlanLibrary } from "../core/plan";
import type { AuditResult } from "../excel/audit";
import { builtInPlanLibrary } from "./plans";

let library: PlanLibrary | null = null;

/** The page's plan revisions: built-in and imported in the pane. Parsed on first use. */
export function planLibrary(): PlanLibrary {
  library ??= builtInPlanLibrary();
  return library;
}

/** The last audit's outcome (or its error), for the task pane's audit view to show. */
export const lastAudit: { result: AuditResult | null; error: string | null; at: Date | null } = { result: null, error: null, at: null };

/** A task pane view a ribbon button opens. */
export type RibbonView = "audit" | "merge";

/**
 * The task pane's listeners. With a shared runtime the pane's page is loaded (hidden) before any
 * ribbon function runs, so the pane cannot read the view from its address: it is told here.
 */
export const paneListeners = new Set<(view: RibbonView) => void>();

/** Tells the pane (open or hidden) which view to show next. */
export function tellPane(view: RibbonView): void {
  for (const listener of paneListeners) listener(view);
}

/** Whether the task pane is showing, as Office last said (`Office.addin.onVisibilityModeChanged`); null before it has said. */
let paneVisibility: "Taskpane" | "Hidden" | null = null;
const visibilityWaiters = new Set<() => void>();

/** Listens to the pane's visibility from the start (SharedRuntime 1.1), so openPane can tell an ignored request. */
export function trackPaneVisibility(): void {
  if (typeof Office === "undefined" || typeof Office.addin?.onVisibilityModeChanged !== "function") return;
  void Office.addin
    .onVisibilityModeChanged((args) => {
      paneVisibility = String(args.visibilityMode) === "Taskpane" ? "Taskpane" : "Hidden";
      if (paneVisibility === "Taskpane") for (const waiter of visibilityWaiters) waiter();
    })
    .catch(() => undefined);
}

/** How long Office gets to show the pane after `showAsTaskpane` resolves before the request counts as ignored. */
export const PANE_OPEN_WAIT_MS = 1500;

export type PaneOutcome = { opened: true } | { opened: false; reason: string };

/**
 * Opens the task pane on a view, and says whether it did. `Office.addin.showAsTaskpane` is
 * SharedRuntime 1.1 ("Show or hide the task pane of your Office Add-in"): where the set is missing
 * or the call is refused, it rejects. Since February 2026 Office ignores it for add-ins from its
 * marketplace — it resolves and no pane opens — so a pane Office has not reported visible within
 * PANE_OPEN_WAIT_MS counts as not opened too (it may still have opened unseen: the caller's
 * message must say "if").
 */
export async function openPane(view: RibbonView): Promise<PaneOutcome> {
  tellPane(view);
  if (typeof Office === "undefined" || !Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1") || typeof Office.addin?.showAsTaskpane !== "function") {
    return { opened: false, reason: "此 Office 不能由加载项打开任务窗格（需要 SharedRuntime 1.1）/ this Office cannot open the task pane for an add-in (needs SharedRuntime 1.1)" };
  }
  let shown: () => void = () => undefined;
  const visible = new Promise<boolean>((resolve) => {
    shown = () => resolve(true);
    visibilityWaiters.add(shown);
    setTimeout(() => resolve(false), PANE_OPEN_WAIT_MS);
  });
  try {
    await Office.addin.showAsTaskpane();
    if (paneVisibility === "Taskpane" || (await visible)) return { opened: true };
    return { opened: false, reason: "Office 没有打开任务窗格 / Office did not open the task pane" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { opened: false, reason: `Office 拒绝打开任务窗格：${message} / Office refused to open the task pane: ${message}` };
  } finally {
    visibilityWaiters.delete(shown);
  }
}

/**
 * Where the sheet protection password is kept: on this computer (the add-in's local storage),
 * never in the workbook. Protection only keeps a person from changing a formula or a locked cell
 * by accident; what guards the figures is detection — 校验 finds a changed formula, a moved row
 * or a changed locked cell whatever the password — so the password is no secret worth keeping in
 * the file, where anyone who unzips it could read it. A workbook of an older Planbook kept it in its
 * document settings: it is taken from there once and removed, so the file holds it no more.
 */
export const PASSWORD_SETTING = "planbook.password";

function localStore(): Storage | null {
  try {
    return typeof localStorage !== "undefined" ? localStorage : null;
  } catch {
    // Storage refused (a sandboxed frame): the password lasts the session only.
    return null;
  }
}

let sessionPassword: string | null = null;

export function savedPassword(): string | null {
  const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  const inFile = (settings?.get(PASSWORD_SETTING) as string | null | undefined) ?? null;
  if (inFile !== null && settings) {
    savePassword(inFile);
    settings.remove(PASSWORD_SETTING);
    settings.saveAsync();
  }
  return inFile ?? localStore()?.getItem(PASSWORD_SETTING) ?? sessionPassword;
}

export function savePassword(password: string | null): void {
  sessionPassword = password;
  const store = localStore();
  if (!store) return;
  if (password) store.setItem(PASSWORD_SETTING, password);
  else store.removeItem(PASSWORD_SETTING);
}
