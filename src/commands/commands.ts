/**
 * Ribbon functions. They run in the shared runtime (the task pane's page), so 校验 works with the
 * pane closed; each must call `event.completed()`. Excel has no notification API for add-ins, so
 * the outcome is told in the task pane, opened on the view the button is about.
 */
import { runAudit, type AuditResult } from "../excel/audit";
import { describeError, runWithRetry } from "../excel/run";
import { builtInRevisions } from "../taskpane/plans";

/** Where the task pane keeps the sheet protection password (document settings). */
export const PASSWORD_SETTING = "planbook.password";

/** The last audit's outcome (or its error), for the task pane's audit view to show. */
export const lastAudit: { result: AuditResult | null; error: string | null; at: Date | null } = { result: null, error: null, at: null };

/** A task pane view a ribbon button opens. */
export type RibbonView = "audit" | "merge";

/**
 * The task pane's listeners. With a shared runtime the pane's page is loaded (hidden) before any
 * ribbon function runs, so the pane cannot read the view from its address: it is told here.
 */
export const paneListeners = new Set<(view: RibbonView) => void>();

async function showPane(view: RibbonView): Promise<void> {
  for (const listener of paneListeners) listener(view);
  await Office.addin.showAsTaskpane();
}

async function validateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const password = (Office.context.document.settings.get(PASSWORD_SETTING) as string | null) ?? null;
    lastAudit.result = await runWithRetry(Excel.run, (context) => runAudit(context, { revisions: builtInRevisions(), password }));
    lastAudit.error = null;
  } catch (error) {
    lastAudit.result = null;
    lastAudit.error = describeError(error);
  } finally {
    lastAudit.at = new Date();
    await showPane("audit").catch(() => undefined);
    event.completed();
  }
}

async function openMergeView(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await showPane("merge");
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("validateWorkbook", validateWorkbook);
    Office.actions.associate("openMergeView", openMergeView);
  });
}
