import * as React from "react";
import { createRoot } from "react-dom/client";
import { Body1, FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { missingRequirements, type WorkbookRunner } from "../excel/run";
import { lastAudit, PASSWORD_SETTING } from "../commands/commands";
import { App, type View } from "./App";
import { builtInRevisions } from "./plans";
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
const excelRunner: WorkbookRunner = (batch) =>
  typeof Excel !== "undefined"
    ? Excel.run(batch)
    : Promise.reject(new Error("此页面需在 Excel 中打开 / This page must be opened inside Excel"));

// The add-in's settings live in the document, so the password travels with the workbook.

function savedPassword(): string | null {
  return typeof Office !== "undefined" ? ((Office.context?.document?.settings?.get(PASSWORD_SETTING) as string | null) ?? null) : null;
}

function savePassword(password: string | null): void {
  const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  if (!settings) return;
  if (password) settings.set(PASSWORD_SETTING, password);
  else settings.remove(PASSWORD_SETTING);
  settings.saveAsync();
}

function render(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const requirements = typeof Office !== "undefined" && Office.context?.requirements ? Office.context.requirements : null;
  const missing = requirements ? missingRequirements((name, version) => requirements.isSetSupported(name, version)) : [];
  createRoot(root).render(
    <FluentProvider theme={isDarkTheme() ? webDarkTheme : webLightTheme}>
      {missing.map((message) => (
        <Body1 key={message} role="alert">
          {message}
        </Body1>
      ))}
      <App
        runner={excelRunner}
        revisions={builtInRevisions()}
        language={languageOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : null)}
        liveChecking={typeof Excel !== "undefined"}
        initialView={(window.location.hash.slice(1) || "fill") as View}
        lastAudit={lastAudit.result}
        openWorkbook={typeof Excel !== "undefined" ? (base64) => Excel.createWorkbook(base64) : undefined}
        password={savedPassword()}
        onPasswordChange={savePassword}
      />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined") Office.onReady(() => render());
else render();
