import * as React from "react";
import { Body1, Button, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookRunner } from "../excel/run";
import type { PlanRevision } from "../core/plan/types";
import { FillView } from "./FillView";
import { PlanView } from "./PlanView";
import { STRINGS, type Language } from "./strings";

const useStyles = makeStyles({
  app: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  tabs: { flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type View = "fill" | "plan" | "merge" | "audit";

export interface AppProps {
  /** How operations reach the workbook: `Excel.run` in Excel, the in-memory host's `run` elsewhere. */
  runner: WorkbookRunner;
  /** The built-in revisions, newest first. */
  revisions: PlanRevision[];
  language?: Language;
  /** Today, for the default period; the clock by default. */
  now?: Date;
  /** Per-attempt time limit of an operation, in ms. */
  timeoutMs?: number;
  /** Told after an operation changed the workbook. */
  onWorkbookChanged?: () => void;
}

/** The task pane: one tab per job (填报, 计划, 汇总, 审核). */
export function App({ runner, revisions, language = "zh", now, timeoutMs, onWorkbookChanged }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Language>(language);
  const [view, setView] = React.useState<View>("fill");
  const [today] = React.useState(() => now ?? new Date());
  const [imported, setImported] = React.useState<PlanRevision[]>([]);
  const [active, setActive] = React.useState<PlanRevision | undefined>(revisions[0]);
  const strings = STRINGS[lang];
  const all = React.useMemo(() => [...revisions, ...imported.filter((r) => !revisions.includes(r))], [revisions, imported]);

  function use(revision: PlanRevision): void {
    if (!all.includes(revision)) setImported((list) => [...list, revision]);
    setActive(revision);
  }

  return (
    <main className={styles.app} lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className={styles.header}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        <Button size="small" aria-label={strings.switchLanguageLabel} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
          {strings.switchLanguage}
        </Button>
      </header>
      {active && <Body1 className={styles.muted}>{strings.plan.active(`${active.label} (${active.revision})`)}</Body1>}
      <TabList className={styles.tabs} aria-label={strings.viewsLabel} selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)}>
        <Tab value="fill">{strings.views.fill}</Tab>
        <Tab value="plan">{strings.views.plan}</Tab>
        <Tab value="merge">{strings.views.merge}</Tab>
        <Tab value="audit">{strings.views.audit}</Tab>
      </TabList>
      <div role="tabpanel" aria-label={strings.views[view]}>
        {view === "fill" &&
          (active ? (
            <FillView strings={strings} revision={active} runner={runner} now={today} timeoutMs={timeoutMs} onWorkbookChanged={onWorkbookChanged} />
          ) : (
            <Body1>{strings.fill.noPlan}</Body1>
          ))}
        {view === "plan" && active && <PlanView strings={strings} revisions={all} active={active} onUse={use} />}
        {view === "merge" && <Body1>{strings.merge.notYet}</Body1>}
        {view === "audit" && <Body1>{strings.audit.notYet}</Body1>}
      </div>
    </main>
  );
}
