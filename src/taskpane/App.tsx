import * as React from "react";
import { Body1, Button, Checkbox, Field, Input, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { importedRevision, type PlanLibrary, type PlanRevision } from "../core/plan";
import type { Finding } from "../core/findings";
import type { AuditResult, PlanbookOperations } from "../addin/operations";
import { AuditView } from "./AuditView";
import { FillView } from "./FillView";
import { MergeView } from "./MergeView";
import { defaultPeriod } from "./period";
import { formatPeriod } from "../core/period";
import { FindingsList } from "./FindingsList";
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

export type View = "fill" | "plan" | "merge" | "audit";

export interface AppProps {
  /** What the views do to the workbook and to files: Office.js in Excel and the playground, a fake in tests. */
  operations: PlanbookOperations;
  /** The plan revisions, built-in (newest first) and imported; the pane imports into it. */
  plans: PlanLibrary;
  language?: Language;
  /** Today, for the default period; the clock by default. */
  now?: Date;
  /** Told after an operation changed the workbook. */
  onWorkbookChanged?: () => void;
  /** Check cells as they are typed (needs workbook events: on in Excel and the playground). */
  liveChecking?: boolean;
  /** The view to open on (the ribbon's 校验 and 汇总 buttons open the pane on theirs). */
  initialView?: View;
  /** An audit the ribbon already ran. */
  lastAudit?: AuditResult | null;
  /** Sheet protection password from the add-in's settings, and where a changed one is saved. */
  password?: string | null;
  onPasswordChange?: (password: string | null) => void;
  /** Reads a .docx task list as plan text, for the 计划 view's file pick. */
  readDocx?: (bytes: Uint8Array) => Promise<string>;
}

/** The task pane: one tab per job (填报, 计划, 汇总, 审核). */
export function App({ operations, plans, language = "zh", now, onWorkbookChanged, liveChecking = false, initialView = "fill", lastAudit = null, password: savedPassword = null, onPasswordChange, readDocx }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Language>(language);
  const [view, setView] = React.useState<View>(initialView);
  const [password, setPassword] = React.useState<string | null>(savedPassword);
  /** Live findings by `sheet!row`: each change replaces the findings of the rows it touched. */
  const [live, setLive] = React.useState<Map<string, Finding[]>>(new Map());
  /** Changes live checking keeps for 修改记录, not yet written; and whether each is written at once (opt-in). */
  const [unwritten, setUnwritten] = React.useState(0);
  const [logEachChange, setLogEachChange] = React.useState(false);
  const checkingRef = React.useRef<{ writeLog(): Promise<void> } | null>(null);
  // An effect event: it calls the parent's latest callback, and a new one does not restart live checking.
  const workbookChanged = React.useEffectEvent(() => onWorkbookChanged?.());
  const [today] = React.useState(() => now ?? new Date());
  const all = React.useSyncExternalStore(plans.subscribe, plans.revisions);
  const [active, setActive] = React.useState<PlanRevision | undefined>(all[0]);
  const strings = STRINGS[lang];

  React.useEffect(() => {
    if (!liveChecking) return;
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    operations.startLiveChecking({
      revisions: all,
      // The change log is protected like every other sheet: with the workbook's password.
      password,
      onFindings: (sheet, rows, found) => {
        setLive((previous) => {
          const next = new Map(previous);
          for (const row of rows) next.set(`${sheet}!${row}`, found.filter((f) => f.cell && Number(/\d+$/.exec(f.cell)?.[0]) === row));
          return next;
        });
        workbookChanged();
      },
      onUnwrittenLog: setUnwritten,
      logEachChange,
      onError: () => undefined,
    }).then(
      (checking) => {
        if (cancelled) return void checking.stop();
        checkingRef.current = checking;
        stop = () => checking.stop();
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      checkingRef.current = null;
      void stop?.();
    };
  }, [liveChecking, operations, all, password, logEachChange]);
  const liveFindings = React.useMemo(() => [...live.values()].flat(), [live]);
  // Plans imported into this workbook before (计划 view), as corrected then: known again, so its sheets are recognised.
  React.useEffect(() => {
    let cancelled = false;
    operations.readImportedPlans().then(
      (stored) => {
        if (cancelled) return;
        for (const plan of stored) {
          try {
            plans.add(importedRevision(plan, { geography: plans.geography }));
          } catch {
            // A stored plan this version cannot read any more is left out, as a damaged metadata row is.
          }
        }
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [operations, plans]);
  const select = (finding: Finding) => void operations.selectCell(finding).catch(() => undefined);

  function use(revision: PlanRevision): void {
    setActive(plans.add(revision));
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
            <>
              <FillView strings={strings} revision={active} operations={operations} now={today} onWorkbookChanged={onWorkbookChanged} password={password} geography={plans.geography} />
              <Field label={strings.fill.password} hint={strings.fill.passwordHint}>
                <Input
                  type="password"
                  value={password ?? ""}
                  onChange={(_, data) => setPassword(data.value === "" ? null : data.value)}
                  onBlur={() => onPasswordChange?.(password)}
                />
              </Field>
              {liveChecking && (
                <section aria-label={strings.findings.title} aria-live="polite">
                  <Title3 as="h2">{strings.findings.title}</Title3>
                  <Body1 className={styles.muted}>{strings.findings.undo}</Body1>
                  <Checkbox checked={logEachChange} label={strings.findings.logEachChange} onChange={(_, data) => setLogEachChange(data.checked === true)} />
                  {unwritten > 0 && (
                    <div>
                      <Body1>{strings.findings.unwritten(unwritten)}</Body1>{" "}
                      <Button size="small" onClick={() => void checkingRef.current?.writeLog().catch(() => undefined)}>
                        {strings.findings.writeLog}
                      </Button>
                    </div>
                  )}
                  <FindingsList findings={liveFindings} strings={strings} onSelect={select} />
                </section>
              )}
            </>
          ) : (
            <Body1>{strings.fill.noPlan}</Body1>
          ))}
        {view === "plan" && active && <PlanView strings={strings} revisions={all} active={active} onUse={use} geography={plans.geography} operations={operations} password={password} readDocx={readDocx} />}
        {view === "merge" && active && (
          <MergeView
            strings={strings}
            revision={active}
            operations={operations}
            period={formatPeriod(defaultPeriod(today, active.startYear, active.endYear))}
            password={password}
            onWorkbookChanged={onWorkbookChanged}
            geography={plans.geography}
          />
        )}
        {view === "audit" && <AuditView strings={strings} revisions={all} operations={operations} initial={lastAudit} onWorkbookChanged={onWorkbookChanged} password={password} />}
      </div>
    </main>
  );
}
