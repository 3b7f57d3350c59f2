/**
 * What a ribbon button tells the person when it cannot count on the task pane: the content of the
 * small dialog page (src/dialog), carried in the dialog's address, and the answer the page sends
 * back. Plain data both ways — no Office here — so the ribbon, the dialog page and the tests share it.
 */
import { auditVerdict, AUDIT_SHEET } from "../core/checks";
import { findingMessage, type Finding, type Severity } from "../core/findings";

/** What the person can ask for from the dialog. */
export type RibbonAction = "openPane" | "close";

export interface RibbonMessage {
  title: string;
  intent: "success" | "warning" | "error";
  /** Sentences, Chinese first then English. */
  lines: string[];
  /** The first findings, most severe first. */
  findings: { severity: Severity; text: string }[];
  /** Findings not listed. */
  more: number;
  /** Whether to offer a button that opens the task pane. */
  openPane: boolean;
}

/** Findings a dialog lists; the rest are in the 审核结果 sheet. */
export const DIALOG_FINDINGS = 5;
/** A finding's text in the dialog is cut here: the address carries the message, and stays short. */
const FINDING_CHARS = 160;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** The ribbon's 校验, said in a dialog: counts by severity and the first findings, or why it failed. */
export function auditMessage(outcome: { result: { findings: Finding[]; counts: Record<Severity, number>; sheets: number } | null; error: string | null }): RibbonMessage {
  const { result, error } = outcome;
  if (!result) {
    return {
      title: "校验未完成 / Validation did not finish",
      intent: "error",
      lines: [error ?? "未知错误 / Unknown error", `原因也已写入「${AUDIT_SHEET}」表第一行 / The reason is also in the first row of the ${AUDIT_SHEET} sheet`],
      findings: [],
      more: 0,
      openPane: true,
    };
  }
  const { counts } = result;
  const ordered = [...result.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const shown = ordered.slice(0, DIALOG_FINDINGS).map((f) => {
    const text = `${f.sheet ? `${f.sheet} ` : ""}${findingMessage(f, "zh")}`;
    return { severity: f.severity, text: text.length > FINDING_CHARS ? `${text.slice(0, FINDING_CHARS - 1)}…` : text };
  });
  return {
    title: "校验完成 / Validation finished",
    intent: counts.error > 0 ? "error" : counts.warning > 0 ? "warning" : "success",
    lines: [
      auditVerdict(counts),
      `检查了 ${result.sheets} 张填报表 / ${result.sheets} reporting sheet(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s)`,
      `明细与单元格链接见「${AUDIT_SHEET}」表 / Every finding, with a link to its cell, is in the ${AUDIT_SHEET} sheet`,
    ],
    findings: shown,
    more: result.findings.length - shown.length,
    openPane: true,
  };
}

/** The dialog page's address with the message in its query (the dialog API's way to hand a page data). */
export function dialogUrl(pageUrl: string, message: RibbonMessage): string {
  const url = new URL("dialog.html", pageUrl);
  url.search = `m=${encodeURIComponent(JSON.stringify(message))}`;
  return url.href;
}

/** The message from the dialog page's query, or null when it is missing or not a message. */
export function readDialogMessage(search: string): RibbonMessage | null {
  const raw = new URLSearchParams(search).get("m");
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<RibbonMessage>;
    if (typeof value.title !== "string" || !Array.isArray(value.lines) || !Array.isArray(value.findings)) return null;
    return {
      title: value.title,
      intent: value.intent === "error" || value.intent === "warning" ? value.intent : "success",
      lines: value.lines.map(String),
      findings: value.findings.map((f) => ({ severity: f.severity in SEVERITY_ORDER ? f.severity : "info", text: String(f.text) })),
      more: typeof value.more === "number" ? value.more : 0,
      openPane: value.openPane === true,
    };
  } catch {
    return null;
  }
}

/** What the dialog page sends the ribbon (`Office.context.ui.messageParent`). */
export function actionMessage(action: RibbonAction): string {
  return JSON.stringify({ action });
}

/** The action in a message from the dialog page, or null for anything else. */
export function readAction(message: string): RibbonAction | null {
  try {
    const value = JSON.parse(message) as { action?: unknown };
    return value.action === "openPane" || value.action === "close" ? value.action : null;
  } catch {
    return null;
  }
}

/** The task pane's views a ribbon button opens, as the pane names them. */
const VIEW_NAMES = { audit: { zh: "审核", en: "audit" }, merge: { zh: "汇总", en: "merge" } } as const;

/**
 * When Office did not open the pane for a ribbon button: what to do instead. 汇总 needs the pane
 * (the returned files are picked there); 校验's full list is there too.
 */
export function paneHelpMessage(reason: string, view: keyof typeof VIEW_NAMES): RibbonMessage {
  const name = VIEW_NAMES[view];
  return {
    title: `请打开任务窗格 / Open the task pane`,
    intent: "warning",
    lines: [
      reason,
      `如果任务窗格没有出现：请点击功能区「计划填报」选项卡上的「生成模板」按钮，任务窗格会打开到「${name.zh}」页${view === "merge" ? "，在那里选择各市报回的文件并合并" : ""}。/ If the task pane did not appear, press 生成模板 (Generate) on the 计划填报 tab: the pane opens on its ${name.zh} (${name.en}) view${view === "merge" ? ", where you pick the returned city files and merge them" : ""}.`,
    ],
    findings: [],
    more: 0,
    openPane: false,
  };
}
