// The playground is a development page: it runs the real task pane against the in-memory Excel
// host from tests/support (not shipped in the add-in), so it works on a machine without Excel.
import "./browser-globals";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Caption1, FluentProvider, Title3, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { createExcelHost } from "@planbook/excel-host";
import { createOfficeOperations } from "../addin/office-operations";
import { builtInPlanLibrary } from "../addin/plans";
import { App } from "../taskpane/App";
import { WorkbookGrid } from "./WorkbookGrid";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  columns: { display: "flex", gap: tokens.spacingHorizontalL, alignItems: "flex-start" },
  pane: {
    width: "320px",
    flexShrink: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  workbook: { flexGrow: 1, minWidth: 0 },
});

/** The playground: the task pane (320 px, like Excel's) beside the in-memory workbook. */
function Playground(): React.JSX.Element {
  const styles = useStyles();
  const host = React.useMemo(() => createExcelHost(), []);
  const plans = React.useMemo(() => builtInPlanLibrary(), []);
  const [version, setVersion] = React.useState(0);
  const changed = React.useCallback(() => setVersion((v) => v + 1), []);
  // The add-in's own Office.js operations, run against the in-memory workbook.
  const operations = React.useMemo(() => createOfficeOperations(host.run.bind(host)), [host]);
  return (
    <div className={styles.page}>
      <header>
        <Title3 as="h1">Planbook 演练场 / playground (no Excel)</Title3>
        <Caption1 as="p">左侧是真实的任务窗格，右侧是内存中的工作簿 / The real task pane on the left, an in-memory workbook on the right.</Caption1>
      </header>
      <div className={styles.columns}>
        <aside className={styles.pane} aria-label="任务窗格 / task pane">
          <App operations={operations} plans={plans} onWorkbookChanged={changed} liveChecking />
        </aside>
        <div className={styles.workbook}>
          <WorkbookGrid host={host} version={version} onEdited={changed} />
        </div>
      </div>
    </div>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Playground />
    </FluentProvider>,
  );
}
