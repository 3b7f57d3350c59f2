/**
 * What the ribbon and the task pane share. With a shared runtime both run in one page (one
 * webpack runtime makes this module a single instance), and they meet here rather than by
 * importing each other: the plan library, the last ribbon audit, the pane's listeners and the
 * protection password kept in the document's settings.
 */
import type { PlanLibrary } from "../core/plan/library";
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

/** Tells the pane which view to show, then shows it. */
export async function showPane(view: RibbonView): Promise<void> {
  tellPane(view);
  await Office.addin.showAsTaskpane();
}

/** Where the sheet protection password is kept: the document's settings, so it travels with the workbook. */
export const PASSWORD_SETTING = "planbook.password";

export function savedPassword(): string | null {
  return typeof Office !== "undefined" ? ((Office.context?.document?.settings?.get(PASSWORD_SETTING) as string | null) ?? null) : null;
}

export function savePassword(password: string | null): void {
  const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  if (!settings) return;
  if (password) settings.set(PASSWORD_SETTING, password);
  else settings.remove(PASSWORD_SETTING);
  settings.saveAsync();
}
