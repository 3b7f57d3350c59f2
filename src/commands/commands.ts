/**
 * Ribbon functions. They run in the shared runtime (the task pane's page), so 校验 works with the
 * pane closed; each must call `event.completed()`. Excel has no notification API for add-ins, so
 * the outcome is told in the task pane, opened on the audit view.
 */
import { runAudit, type AuditResult } from "../excel/audit";
import { describeError, runWithRetry } from "../excel/run";
import { builtInRevisions } from "../taskpane/plans";

/** Where the task pane keeps the sheet protection password (document settings). */
export const PASSWORD_SETTING = "planbook.password";

/** The last audit's outcome (or its error), for the task pane's audit view to show. */
export const lastAudit: { result: AuditResult | null; error: string | null; at: Date | null } = { result: null, error: null, at: null };

/** Listeners the task pane registers to hear about a ribbon audit. */
export const auditListeners = new Set<() => void>();

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
    for (const listener of auditListeners) listener();
    window.location.hash = "#audit";
    await Office.addin.showAsTaskpane().catch(() => undefined);
    event.completed();
  }
}

async function openMergeView(event: Office.AddinCommands.Event): Promise<void> {
  try {
    window.location.hash = "#merge";
    await Office.addin.showAsTaskpane();
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
