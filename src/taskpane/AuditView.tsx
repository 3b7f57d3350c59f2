import * as React from "react";
import { Body1, Button, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { AUDIT_SHEET } from "../core/checks/audit";
import { countByRule, type Finding, ruleName } from "../core/findings";
import type { PlanRevision } from "../core/plan/types";
import type { AuditResult, PlanbookOperations } from "../addin/operations";
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

  async function run(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setResult(await operations.audit({ revisions, password }));
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
