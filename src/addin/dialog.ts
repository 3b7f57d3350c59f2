/**
 * Showing a ribbon button's outcome in an Office dialog (Office.context.ui.displayDialogAsync,
 * DialogApi 1.1) — the one way a function command can show a person something without the task
 * pane. The dialog page (src/dialog, dialog.html beside the task pane) is served from the add-in's
 * own origin, so no AppDomain is needed for it (Office requires the dialog's domain to be the host
 * page's: error 12004 otherwise).
 *
 * Why a call can fail, from "Handle errors and events in the Office dialog box": 12004/12005 a URL
 * not of the page's https origin, 12007 a dialog already open from this window (only one at a time:
 * ours is closed before another opens), 12009 the person chose to ignore it (Office on the web),
 * 12011 the browser blocks pop-ups. Then the caller falls back to what it can still do.
 *
 * `Dialog.close()` is asynchronous and cannot be awaited ("Best practices and rules for the Office
 * dialog API", "Opening another dialog immediately after closing one"): a second 校验 that closes
 * the first one's dialog may meet 12007 while it is still closing. As the doc suggests, opening is
 * tried again on 12007 — a little later each time, for a bounded while (DIALOG_RETRY_MS in all).
 */
import { dialogUrl, readAction, type RibbonAction, type RibbonMessage } from "./ribbon-message";

export type DialogOutcome = { shown: true } | { shown: false; reason: string };

const DIALOG_ERRORS: Record<number, string> = {
  12004: "对话框地址与加载项不同源 / the dialog's address is not the add-in's domain",
  12005: "对话框地址不是 https / the dialog's address is not https",
  12007: "已有一个对话框打开 / a dialog is already open",
  12009: "用户选择不显示对话框 / the person chose to ignore the dialog",
  12011: "浏览器阻止了弹出窗口 / the browser blocks pop-ups",
};

/** How long opening is retried while a closed dialog is still closing (12007), and the pause between tries. */
export const DIALOG_RETRY_MS = 3000;
const DIALOG_RETRY_STEP_MS = 50;

/** The dialog this page opened and has not closed (Office allows one at a time). */
let openDialog: Office.Dialog | null = null;

function dialogApi(): Office.UI | null {
  if (typeof Office === "undefined" || !Office.context?.requirements?.isSetSupported("DialogApi", "1.1")) return null;
  return typeof Office.context.ui?.displayDialogAsync === "function" ? Office.context.ui : null;
}

/**
 * Opens the dialog page showing `message`; `onAction` hears the button the person pressed (the
 * dialog is closed first). Resolves once Office has answered: shown, or why not.
 */
export function showRibbonDialog(message: RibbonMessage, onAction: (action: RibbonAction) => void, pageUrl: string = window.location.href): Promise<DialogOutcome> {
  const ui = dialogApi();
  if (!ui) return Promise.resolve({ shown: false, reason: "此 Office 不支持对话框（DialogApi 1.1）/ this Office has no dialog API (DialogApi 1.1)" });
  openDialog?.close();
  openDialog = null;
  const origin = new URL(pageUrl).origin;
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const attempt = (): void => {
      try {
        // displayInIframe: Office on the web shows it inside the page, with no pop-up for a browser to block.
        ui.displayDialogAsync(dialogUrl(pageUrl, message), { height: 50, width: 40, displayInIframe: true }, (result) => {
          if (result.status === Office.AsyncResultStatus.Failed) {
            // 12007 right after our close(): the last dialog is still closing; try again shortly.
            if (result.error.code === 12007 && Date.now() - startedAt < DIALOG_RETRY_MS) {
              setTimeout(attempt, DIALOG_RETRY_STEP_MS);
              return;
            }
            resolve({ shown: false, reason: DIALOG_ERRORS[result.error.code] ?? `${result.error.code} ${result.error.message}` });
            return;
          }
          const dialog = result.value;
          openDialog = dialog;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (args) => {
            // Only our own page speaks for the person (DialogApi 1.2 says where a message came from).
            if (!("message" in args) || ("origin" in args && args.origin !== undefined && args.origin !== origin)) return;
            const action = readAction(args.message);
            if (!action) return;
            dialog.close();
            if (openDialog === dialog) openDialog = null;
            onAction(action);
          });
          // The person closed it with its X (12006), or the page went away.
          dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
            if (openDialog === dialog) openDialog = null;
          });
          resolve({ shown: true });
        });
      } catch (error) {
        resolve({ shown: false, reason: error instanceof Error ? error.message : String(error) });
      }
    };
    attempt();
  });
}
