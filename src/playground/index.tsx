import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Title3 } from "@fluentui/react-components";

/** The playground: the task pane beside an in-memory workbook, for machines without Excel. */
function Playground(): React.JSX.Element {
  return <Title3 as="h1">Planbook 演练场 / playground (no Excel)</Title3>;
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Playground />
    </FluentProvider>,
  );
}
