import * as React from "react";
import { FluentProvider, RendererProvider, createDOMRenderer, webLightTheme } from "@fluentui/react-components";

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

export function Pane({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>{children}</FluentProvider>
    </RendererProvider>
  );
}
