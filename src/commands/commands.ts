/**
 * Ribbon functions. They run in the shared runtime (the task pane's page), so 校验 works with the
 * pane closed; each must call `event.completed()`. Excel has no notification API for add-ins, and
 * since February 2026 Office ignores `showAsTaskpane` for add-ins from its marketplace, so a
 * button's outcome is told without the pane: 校验 writes it in the first row of the 审核结果 sheet
 * and, where Office has the dialog API, shows it in a dialog with a button that opens the pane.
 * What the ribbon and the pane share (plans, the last audit) lives in src/addin/session.
 */
import { auditFailureVerdict } from "../core/checks";
import { showRibbonDialog } from "../addin/dialog";
import { createOfficeOperations } from "../addin/office-operations";
import { auditMessage, paneHelpMessage } from "../addin/ribbon-message";
import { lastAudit, openPane, planLibrary, type RibbonView, savedPassword, tellPane, trackPaneVisibility } from "../addin/session";
import { writeAuditNotice } from "../excel/audit";

async function validateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  const operations = createOfficeOperations(Excel.run);
  const password = savedPassword();
  const at = new Date();
  try {
    lastAudit.result = await operations.audit({ revisions: planLibrary().revisions(), password });
    lastAudit.error = null;
  } catch (error) {
    lastAudit.result = null;
    lastAudit.error = operations.describeError(error);
    // The sheet row is the outcome's one place that needs no pane and no dialog; a workbook that
    // cannot take even that line leaves the dialog (or the open pane) to tell it.
    await Excel.run((context) => writeAuditNotice(context, auditFailureVerdict(lastAudit.error ?? "", at.toISOString()), password)).catch(() => undefined);
  }
  lastAudit.at = at;
  try {
    // An open pane shows the audit at once; a hidden one shows it when it is next opened.
    tellPane("audit");
    await showRibbonDialog(auditMessage(lastAudit), (action) => {
      if (action === "openPane") void openPaneOrSayHow("audit");
    });
  } finally {
    event.completed();
  }
}

/**
 * 汇总 picks the returned files in the pane, so it opens the pane on its merge view. Where Office
 * will not (no SharedRuntime 1.1, the request refused, or ignored as for marketplace add-ins),
 * a dialog says how to open the pane by hand: 生成模板 is a ShowTaskpane button, which Office
 * always honours, and the pane has already been told to open on 汇总.
 */
async function openMergeView(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await openPaneOrSayHow("merge");
  } finally {
    event.completed();
  }
}

/** Opens the pane on a view; where Office does not, a dialog says how to open it by hand. */
async function openPaneOrSayHow(view: RibbonView): Promise<void> {
  const outcome = await openPane(view);
  if (!outcome.opened) await showRibbonDialog(paneHelpMessage(outcome.reason, view), () => undefined);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => {
    trackPaneVisibility();
    Office.actions.associate("validateWorkbook", (event: Office.AddinCommands.Event) => void validateWorkbook(event));
    Office.actions.associate("openMergeView", (event: Office.AddinCommands.Event) => void openMergeView(event));
  });
}
