/**
 * Ribbon functions. They run in the shared runtime (the task pane's page), so 校验 works with the
 * pane closed; each must call `event.completed()`. Excel has no notification API for add-ins, so
 * the outcome is told in the task pane, opened on the view the button is about. What the ribbon
 * and the pane share (plans, the last audit) lives in src/addin/session.
 */
import { createOfficeOperations } from "../addin/office-operations";
import { lastAudit, planLibrary, savedPassword, showPane } from "../addin/session";

async function validateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  const operations = createOfficeOperations(Excel.run);
  try {
    lastAudit.result = await operations.audit({ revisions: planLibrary().revisions(), password: savedPassword() });
    lastAudit.error = null;
  } catch (error) {
    lastAudit.result = null;
    lastAudit.error = operations.describeError(error);
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
  void Office.onReady(() => {
    Office.actions.associate("validateWorkbook", (event: Office.AddinCommands.Event) => void validateWorkbook(event));
    Office.actions.associate("openMergeView", (event: Office.AddinCommands.Event) => void openMergeView(event));
  });
}
