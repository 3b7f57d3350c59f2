import * as React from "react";
import { Body1, Caption1, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { PlanbookOperations } from "../addin/operations";
import type { HistoryRejection, MergeInputFile } from "../core/merge";
import type { PlanRevision } from "../core/plan";
import { findingMessage } from "../core/findings";
import { bytesOf } from "./MergeView";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

type Status = { kind: "idle" } | { kind: "busy"; label: string; done: number; total: number } | { kind: "done"; message: string } | { kind: "failed"; message: string };

export interface HistoryPanelProps {
  strings: Strings;
  revision: PlanRevision;
  operations: PlanbookOperations;
  password?: string | null;
  onWorkbookChanged?: () => void;
}

/**
 * 各期进度: the aggregator picks the returned files of several periods at once; they are read (not
 * opened) and merged into the 进度 sheet by the same core as `planbook merge --history`; the files
 * not taken are listed with their reasons.
 */
export function HistoryPanel({ strings, revision, operations, password = null, onWorkbookChanged }: HistoryPanelProps): React.JSX.Element {
  const styles = useStyles();
  const text = strings.history;
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const [acceptErrors, setAcceptErrors] = React.useState(false);
  const [rejected, setRejected] = React.useState<HistoryRejection[]>([]);

  async function pick(files: File[]): Promise<void> {
    // Called from an input's change event: nothing above awaits it, so a failure must become a status here.
    try {
      const read: MergeInputFile[] = [];
      for (const [index, file] of files.entries()) {
        setStatus({ kind: "busy", label: text.reading(file.name), done: index, total: files.length });
        read.push(...(await operations.readFiles([{ name: file.name, data: await bytesOf(file) }])));
      }
      setStatus({ kind: "busy", label: text.writing, done: 0, total: 0 });
      const result = await operations.mergeHistory({ revision, files: read, acceptErrors, password });
      setRejected(result.rejected);
      if (result.written) setStatus({ kind: "done", message: text.written(result.periods, result.rejected.length) });
      else setStatus({ kind: "failed", message: result.findings.length > 0 ? result.findings.map((f) => findingMessage(f, strings.language)).join("；") : text.nothing });
    } catch (error) {
      setStatus({ kind: "failed", message: operations.describeError(error) });
    } finally {
      onWorkbookChanged?.();
    }
  }

  return (
    <section className={styles.panel} aria-label={text.title}>
      <Body1 as="h3">{text.title}</Body1>
      <Caption1>{text.hint}</Caption1>
      <Checkbox checked={acceptErrors} label={text.acceptErrors} onChange={(_, data) => setAcceptErrors(data.checked === true)} />
      <Field label={text.pick}>
        <input
          type="file"
          aria-label={text.pick}
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={status.kind === "busy"}
          onChange={(event) => void pick(Array.from(event.currentTarget.files ?? []))}
        />
      </Field>
      <div aria-live="polite">
        {status.kind === "busy" && (
          <Field label={status.label} validationState="none">
            <ProgressBar value={status.total ? status.done / status.total : undefined} />
          </Field>
        )}
        {(status.kind === "done" || status.kind === "failed") && (
          <MessageBar intent={status.kind === "done" ? "success" : "error"}>
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {rejected.length > 0 && (
        <ul className={styles.list} aria-label={text.rejected(rejected.length)}>
          {rejected.map((r) => (
            <li key={`${r.period ?? ""}|${r.file}`}>
              <Caption1>
                {r.period ? `${r.period} ` : ""}
                {r.file}: {r.reasons.map((f) => findingMessage(f, strings.language)).join("；")}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
