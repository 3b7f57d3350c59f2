import * as React from "react";
import { FluentProvider, RendererProvider, createDOMRenderer, webLightTheme } from "@fluentui/react-components";
import { configure, getConfig } from "@testing-library/react";

/**
 * The pane's theme as the add-in gives it (FluentProvider, light), with Fluent's style rules
 * filtered down to those that decide what a person can see: `display` and `visibility`.
 *
 * Why: Testing Library's role queries ask jsdom for every element's computed style, to leave out
 * what is hidden, and jsdom matches each element against every rule in the document — with the
 * thousands of atomic rules Fluent inserts, one `getByRole` cost seconds. jsdom has no layout, so
 * colours, sizes and spacing never change what a query finds; `display: none` and
 * `visibility: hidden` do, and those rules are all kept.
 */
const renderer = createDOMRenderer(document, { unstable_filterCSSRule: (rule) => /(^|[;{\s])(display|visibility):/.test(rule) });

/**
 * Empties the theme rule FluentProvider writes into its own `<style>` tag (past the renderer, so
 * the filter above never sees it) once it is there: the theme's ~400 tokens as CSS custom
 * properties (`--colorNeutralForeground1: …`), none of which is `display` or `visibility`.
 *
 * Why: the rule matches the provider's element (and each portal's mount node), and jsdom's
 * getComputedStyle copies a matching rule's properties one by one into a CSSStyleDeclaration
 * that rebuilds its whole cssText after every copy (cssstyle 2): ~400² property reads for that
 * one element, every time a role query walks up to it — most of the pane tests' time. A layout
 * effect of a child runs after the provider's insertion effect has inserted the rule.
 */
function WithoutThemeVariables(): null {
  React.useLayoutEffect(() => {
    for (const tag of document.head.querySelectorAll<HTMLStyleElement>('style[id^="fui-FluentProvider"]')) {
      const sheet = tag.sheet;
      while (sheet !== null && sheet.cssRules.length > 0) sheet.deleteRule(0);
    }
  }, []);
  return null;
}

export function Pane({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <WithoutThemeVariables />
        {children}
      </FluentProvider>
    </RendererProvider>
  );
}

/**
 * A query that fails while `findBy…`/`waitFor` is still retrying it gets an error without the
 * whole document printed into it; the error the wait ends with still has it (waitFor's timeout
 * prints the document then, through the same `getElementError`), as does every failing `getBy…`.
 *
 * Why: waitFor retries on every DOM change and every 50 ms, and Testing Library prints the
 * document (pretty-format over the whole Fluent tree) into each failure it will throw away — it
 * already skips its other costly diagnostics there (`_disableExpensiveErrorDiagnostics`, set
 * only while waitFor runs its callback). While the in-memory host works, that printing took the
 * time the host needed.
 */
const printingTheDocument = getConfig().getElementError;
configure({
  getElementError: (message, container) => {
    if (!(getConfig() as { _disableExpensiveErrorDiagnostics?: boolean })._disableExpensiveErrorDiagnostics) return printingTheDocument(message, container);
    const error = new Error(message ?? "");
    error.name = "TestingLibraryElementError";
    return error;
  },
});
