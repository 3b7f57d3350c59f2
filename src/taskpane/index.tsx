import { docxPlanText } from "../docx/plan-text";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { missingRequirements, type WorkbookRunner } from "../excel/run";
import { createOfficeOperations } from "../addin/office-operations";
import { fileDeliveryOf } from "../addin/file-delivery";
import { lastAudit, paneListeners, planLibrary, savedPassword, savePassword, type RibbonView } from "../addin/session";
import { App, type View } from "./App";
import { languageOf } from "./strings";

/** Office's theme is dark when its body background is dark. */
function isDarkTheme(): boolean {
  const background = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  if (!background) return false;
  const value = parseInt(background.replace("#", ""), 16);
  const luminance = 0.299 * ((value >> 16) & 255) + 0.587 * ((value >> 8) & 255) + 0.114 * (value & 255);
  return luminance < 128;
}

/** `Excel.run` when the page runs inside Excel; outside Excel every operation says so. */
function workbookRunner(inExcel: boolean): WorkbookRunner {
  return inExcel ? Excel.run : () => Promise.reject(new Error("此页面需在 Excel 中打开 / This page must be opened inside Excel"));
}

/** What the pane shows: its own first view, or the one a ribbon button asked for (with its error). */
interface Opened {
  view: View;
  /** Counts ribbon requests: each one opens a fresh App on the requested view. */
  request: number;
  ribbonError: string | null;
}

function TaskPane({ inExcel, missing }: { inExcel: boolean; missing: string[] }): React.JSX.Element {
  const [opened, setOpened] = React.useState<Opened>({ view: "fill", request: 0, ribbonError: null });
  React.useEffect(() => {
    const open = (view: RibbonView) =>
      setOpened((previous) => ({ view, request: previous.request + 1, ribbonError: view === "audit" ? lastAudit.error : null }));
    paneListeners.add(open);
    return () => void paneListeners.delete(open);
  }, []);
  const operations = React.useMemo(() => {
    const delivery = inExcel ? fileDeliveryOf({ platform: Office.context.platform, isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version) }) : null;
    return createOfficeOperations(workbookRunner(inExcel), {
      createWorkbook: delivery?.createWorkbook ? (base64) => Excel.createWorkbook(base64) : undefined,
      downloadBlocked: delivery?.downloadBlocked ?? null,
    });
  }, [inExcel]);
  return (
    <>
      {missing.map((message) => (
        <MessageBar key={message} intent="warning">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      ))}
      {opened.ribbonError && (
        <MessageBar intent="error">
          <MessageBarBody>功能区「校验」失败 / The ribbon's Validate failed: {opened.ribbonError}</MessageBarBody>
        </MessageBar>
      )}
      <App
        key={opened.request}
        operations={operations}
        plans={planLibrary()}
        language={languageOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : null)}
        liveChecking={inExcel}
        initialView={opened.view}
        lastAudit={opened.view === "audit" ? lastAudit.result : null}
        password={savedPassword()}
        readDocx={docxPlanText}
        onPasswordChange={savePassword}
      />
    </>
  );
}

function render(inExcel: boolean): void {
  const root = document.getElementById("root");
  if (!root) return;
  const requirements = inExcel ? Office.context.requirements : null;
  const missing = requirements ? missingRequirements((name, version) => requirements.isSetSupported(name, version)) : [];
  createRoot(root).render(
    <FluentProvider theme={isDarkTheme() ? webDarkTheme : webLightTheme}>
      <TaskPane inExcel={inExcel} missing={missing} />
    </FluentProvider>,
  );
}

// Opened in a plain browser the pane still renders; without office.js (offline) it does not wait for it.
if (typeof Office !== "undefined") void Office.onReady((info) => render(info.host === Office.HostType.Excel));
else render(false);
