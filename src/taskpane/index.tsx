import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

/** Office's theme is dark when its body background is dark. */
function isDarkTheme(): boolean {
  const background = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  if (!background) return false;
  const value = parseInt(background.replace("#", ""), 16);
  const luminance = 0.299 * ((value >> 16) & 255) + 0.587 * ((value >> 8) & 255) + 0.114 * (value & 255);
  return luminance < 128;
}

function render(): void {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={isDarkTheme() ? webDarkTheme : webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined") Office.onReady(() => render());
else render();
