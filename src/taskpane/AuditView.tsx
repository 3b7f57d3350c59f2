import * as React from "react";
import { Body1, Button, Field, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { AUDIT_SHEET } from "../core/checks";
import { countByRule, fileProblemText, type Finding, ruleName } from "../core/findings";
import type { PlanRevision } from "../core/plan";
import type { AuditResult, PlanbookOperations, PreviousFile } from "../addin/operations";
import { bytesOf } from "./MergeView";
import { FindingsList } from "./FindingsList";
import type { Strings } from "./strings";

const useStyles = makeStyles({ view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export interface AuditViewProps {
  strings: Strings;
  revisions: PlanRevision[];
  operations: PlanbookOperations;
  /** An audit the ribbon's 校验 button already ran, to show at once. */
  initial?: AuditResult | null;
  onWorkbookChanged?: () => void;
  password?: string | null;
}

/** 审核: run every check, counts by rule, the findings with links, and the audit sheet. */
export function AuditView({ strings, revisions, operations, initial = null, onWorkbookChanged, password = null }: AuditViewProps): React.JSX.Element {
  const styles = useStyles();
  const text = strings.audit;
  const [result, setResult] = React.useState<AuditResult | null>(initial);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [previous, setPrevious] = React.useState<PreviousFile | null>(null);

  /** Reads the previous period's file once, when picked; the checks compare with it on every run. */
  async function pickPrevious(file: File | undefined): Promise<void> {
    setError(null);
    setPrevious(null);
    if (!file) return;
    try {
      const [read] = await operations.readFiles([{ name: file.name, data: await bytesOf(file) }]);
      if (!read) return;
      if (read.snapshot) setPrevious({ name: read.name, snapshot: read.snapshot });
      else if (read.readProblem) setError(`${read.name}：${fileProblemText(read.readProblem)[strings.language]}`);
    } catch (failure) {
      setError(operations.describeError(failure));
    }
  }

  async function run(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setResult(await operations.audit({ revisions, password, previous }));
    } catch (failure) {
      setError(operations.describeError(failure));
    } finally {
      setBusy(false);
      onWorkbookChanged?.();
    }
  }

  const select = (finding: Finding) => void operations.selectCell(finding).catch((e: unknown) => setError(operations.describeError(e)));
  const rules = result ? countByRule(result.findings) : [];
  return (
    <div className={styles.view}>
      <Button appearance="primary" onClick={() => void run()} disabled={busy}>
        {text.run}
      </Button>
      <Field label={text.previous} hint={previous ? text.previousChosen(previous.name) : text.previousHint}>
        <input
          type="file"
          aria-label={text.previous}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(event) => void pickPrevious(event.currentTarget.files?.[0])}
        />
      </Field>
      <div aria-live="polite">
        {busy && <Spinner size="small" label={text.running} />}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {result && !busy && (
          <MessageBar intent={result.counts.error > 0 ? "warning" : "success"}>
            <MessageBarBody>{text.summary(result.sheets, result.counts.error, result.counts.warning, AUDIT_SHEET)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {result && rules.length > 0 && (
        <Table size="small" aria-label={text.byRule}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text.rule}</TableHeaderCell>
              <TableHeaderCell>{text.count}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((entry) => (
              <TableRow key={entry.rule}>
                <TableCell>{ruleName(entry.rule, strings.language)}</TableCell>
                <TableCell>{entry.count}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {result ? <FindingsList findings={result.findings} strings={strings} onSelect={select} /> : <Body1>{text.intro}</Body1>}
    </div>
  );
}
