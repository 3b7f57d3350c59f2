/**
 * The dialog page a ribbon button opens (src/addin/dialog): it shows the message carried in its
 * address and answers with the button the person pressed. Plain DOM and text nodes only — a
 * finding's text comes from cells people typed, so nothing here is parsed as HTML.
 */
import { actionMessage, readDialogMessage, SEVERITY_LABELS, type RibbonAction, type RibbonMessage } from "../addin/ribbon-message";

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Tells the ribbon what the person chose; outside Office (a plain browser) there is no one to tell. */
function answer(action: RibbonAction): void {
  if (typeof Office !== "undefined" && typeof Office.context?.ui?.messageParent === "function") Office.context.ui.messageParent(actionMessage(action));
}

export function renderDialog(root: HTMLElement, message: RibbonMessage | null): void {
  root.replaceChildren();
  if (!message) {
    root.append(element("p", "没有要显示的内容 / Nothing to show"));
    return;
  }
  root.className = message.intent;
  root.append(element("h1", message.title));
  for (const line of message.lines) root.append(element("p", line));
  if (message.findings.length > 0) {
    const list = element("ul");
    list.setAttribute("aria-label", "前几项问题 / First findings");
    for (const finding of message.findings) {
      const item = element("li");
      item.append(element("span", `[${SEVERITY_LABELS[finding.severity]}]`), document.createTextNode(finding.text));
      (item.firstChild as HTMLElement).className = "severity";
      list.append(item);
    }
    root.append(list);
    if (message.more > 0) root.append(element("p", `另有 ${message.more} 项 / ${message.more} more`));
  }
  const buttons = element("div");
  buttons.className = "buttons";
  if (message.openPane) {
    const open = element("button", "打开任务窗格 / Open the task pane");
    open.addEventListener("click", () => answer("openPane"));
    buttons.append(open);
  }
  const close = element("button", "关闭 / Close");
  close.addEventListener("click", () => answer("close"));
  buttons.append(close);
  root.append(buttons);
}

function start(): void {
  const root = document.getElementById("root");
  if (root) renderDialog(root, readDialogMessage(window.location.search));
}

// Opened outside Office (or offline, without office.js) the page still shows its message.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") void Office.onReady(start);
else start();
