import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { applyCorrections, diffRevisions, type Geography, parsePlan, type PlanRevision, type Quota } from "../core/plan";
import type { PlanbookOperations } from "../addin/operations";
import { FormSettingsPanel } from "./FormSettingsPanel";
import { LevelsPanel } from "./LevelsPanel";
import { PlanReview, type ReviewDrafts, correctionsOf } from "./PlanReview";
import { targetFigure } from "../core/template";
import type { Strings } from "./strings";
import { PlanParseError } from "../core/shared";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  scroll: { maxHeight: "240px", overflowY: "auto" },
  revision: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type Parsed = { state: "none" } | { state: "ok"; revision: PlanRevision; text: string } | { state: "failed"; line: number | null; message: string };
type Saved = { state: "none" } | { state: "saved" } | { state: "failed"; message: string };

export interface PlanViewProps {
  strings: Strings;
  revisions: PlanRevision[];
  /** The revision templates are made from. */
  active: PlanRevision;
  /** Makes a revision (built-in or imported) the one templates are made from. */
  onUse: (revision: PlanRevision) => void;
  /** The open workbook's operations, for the form settings stored in it; without them the settings are not shown. */
  operations?: PlanbookOperations;
  password?: string | null;
  /** The county table an imported plan is read with (the library's), so it reads as in the CLI. */
  geography?: Geography | null;
  /** Reads a picked .docx task list as plan text (the pane's entry gives it; without it only pasting is offered). */
  readDocx?: (bytes: Uint8Array) => Promise<string>;
}

/** How a quota reads in a list: subject or measure, then the target as the text states it. */
function quotaLine(quota: Quota, strings: Strings): string {
  const what = quota.subject ?? quota.measure;
  const target = quota.kind === "milestone" ? strings.plan.milestone : quota.pending ? strings.plan.pending : `${targetFigure(quota) ?? ""}${quota.unit ?? ""}`;
  const where = quota.region ? `${quota.region} · ` : "";
  const when = quota.year ? ` (${quota.year})` : "";
  return `${where}${what}: ${target}${when}`;
}

function QuotaList({ quotas, strings, label }: { quotas: Quota[]; strings: Strings; label: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={label}>
      <ul className={styles.list}>
        {quotas.map((quota) => (
          <li key={quota.id}>{quotaLine(quota, strings)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Every key work item of a parsed plan with the quotas found under it, for checking before use. */
function ItemList({ revision, strings, label }: { revision: PlanRevision; strings: Strings; label: string }): React.JSX.Element {
  const styles = useStyles();
  const numbers = new Set(revision.items.map((item) => item.number));
  const orphans = revision.quotas.filter((quota) => !numbers.has(quota.item));
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={label}>
      <ol className={styles.list}>
        {revision.items.map((item) => (
          <li key={item.number} value={item.number}>
            {item.title}
            <ul>
              {revision.quotas
                .filter((quota) => quota.item === item.number)
                .map((quota) => (
                  <li key={quota.id}>{quotaLine(quota, strings)}</li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
      {orphans.length > 0 && (
        <ul className={styles.list}>
          {orphans.map((quota) => (
            <li key={quota.id}>{quotaLine(quota, strings)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A picked file's bytes, through FileReader (which every browser host of Office has). */
function fileBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsArrayBuffer(file);
  });
}

/** 计划: the revisions, what changed between them, and importing another plan's text. */
export function PlanView({ strings, revisions, active, onUse, operations, password = null, readDocx, geography = null }: PlanViewProps): React.JSX.Element {
  const text = strings.plan;
  const styles = useStyles();
  const [pasted, setPasted] = React.useState("");
  const [parsed, setParsed] = React.useState<Parsed>({ state: "none" });
  const [drafts, setDrafts] = React.useState<ReviewDrafts>({});
  const [saved, setSaved] = React.useState<Saved>({ state: "none" });
  const corrections = parsed.state === "ok" ? correctionsOf(parsed.revision, drafts) : [];
  const chosen = parsed.state === "ok" ? applyCorrections(parsed.revision, corrections) : null;

  /** Uses the imported plan as corrected, and saves it with its corrections in the workbook. */
  async function adoptImported(plan: PlanRevision, planText: string): Promise<void> {
    onUse(plan);
    if (!operations) return;
    try {
      await operations.saveImportedPlan({ text: planText, corrections }, password);
      setSaved({ state: "saved" });
    } catch (error) {
      setSaved({ state: "failed", message: operations.describeError(error) });
    }
  }
  // The two newest revisions (newest first), when there are two: what changed from the older.
  const [newest, older] = revisions;
  const diff = newest && older ? diffRevisions(older, newest) : null;

  async function pick(file: File): Promise<void> {
    try {
      const bytes = await fileBytes(file);
      const text = /\.docx$/i.test(file.name) && readDocx ? await readDocx(bytes) : new TextDecoder("utf-8").decode(bytes);
      setPasted(text);
      parse(text);
    } catch (error) {
      setParsed({ state: "failed", line: null, message: `「${file.name}」：${error instanceof Error ? error.message : String(error)}` });
    }
  }

  function parse(text = pasted): void {
    try {
      setParsed({ state: "ok", revision: parsePlan(text, { geography }), text });
      setDrafts({});
      setSaved({ state: "none" });
    } catch (error) {
      setParsed(
        error instanceof PlanParseError
          ? { state: "failed", line: error.line, message: error.message }
          : { state: "failed", line: null, message: error instanceof Error ? error.message : String(error) },
      );
    }
  }

  return (
    <div className={styles.view}>
      <section className={styles.section} aria-labelledby="plan-builtin">
        <Subtitle2 as="h2" id="plan-builtin">
          {text.builtIn}
        </Subtitle2>
        <ul className={styles.list}>
          {revisions.map((revision) => (
            <li key={revision.revision} className={styles.revision}>
              <span>
                {revision.label} ({revision.revision}): {text.quotaCount(revision.quotas.length, revision.quotas.filter((q) => q.region !== null).length)}
              </span>
              <Button size="small" disabled={revision === active} onClick={() => onUse(revision)}>
                {revision === active ? text.inUse : text.use}
              </Button>
            </li>
          ))}
        </ul>
      </section>

      {operations && <FormSettingsPanel strings={strings} operations={operations} password={password} />}

      {operations && <LevelsPanel strings={strings} revision={active} operations={operations} password={password} />}

      <section className={styles.section} aria-labelledby="plan-diff">
        <Subtitle2 as="h2" id="plan-diff">
          {diff && older && newest ? text.diffTitle(older.label, newest.label) : text.noDiff}
        </Subtitle2>
        {diff && (
          <>
            <span>
              {text.added(diff.added.length)} · {text.removed(diff.removed.length)} · {text.changed(diff.changed.length)}
            </span>
            {diff.added.length > 0 && <QuotaList quotas={diff.added} strings={strings} label={text.added(diff.added.length)} />}
            {diff.removed.length > 0 && <QuotaList quotas={diff.removed} strings={strings} label={text.removed(diff.removed.length)} />}
            {diff.changed.length > 0 && (
              <div className={styles.scroll} tabIndex={0} role="region" aria-label={text.changed(diff.changed.length)}>
                <ul className={styles.list}>
                  {diff.changed.map((change) => (
                    <li key={change.id}>
                      {change.id}: {change.fields.map((f) => `${f.field} ${f.before} → ${f.after}`).join("; ")}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="plan-import">
        <Subtitle2 as="h2" id="plan-import">
          {text.importTitle}
        </Subtitle2>
        <Field label={text.pasteLabel} hint={text.pasteHint}>
          <Textarea value={pasted} resize="vertical" rows={6} onChange={(_, data) => setPasted(data.value)} />
        </Field>
        <Button onClick={() => parse()} disabled={pasted.trim() === ""}>
          {text.parse}
        </Button>
        <Field label={text.pickLabel}>
          <input
            type="file"
            aria-label={text.pickLabel}
            accept={readDocx ? ".docx,.txt" : ".txt"}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void pick(file);
            }}
          />
        </Field>
        <div aria-live="polite">
          {parsed.state === "failed" && (
            <MessageBar intent="error">
              <MessageBarBody>
                {parsed.line !== null && <MessageBarTitle>{text.parseErrorTitle(parsed.line)}</MessageBarTitle>}
                {parsed.message}
              </MessageBarBody>
            </MessageBar>
          )}
          {parsed.state === "ok" && (
            <div className={styles.section}>
              <MessageBar intent="info">
                <MessageBarBody>
                  <MessageBarTitle>{text.parsedTitle(parsed.revision.items.length, parsed.revision.quotas.length)}</MessageBarTitle>
                  {parsed.revision.title}
                </MessageBarBody>
              </MessageBar>
              {parsed.revision.unread && (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    <MessageBarTitle>{text.unreadTitle(parsed.revision.unread.length)}</MessageBarTitle>
                    <ul className={styles.list} aria-label={text.unreadTitle(parsed.revision.unread.length)}>
                      {parsed.revision.unread.map((unread) => (
                        <li key={unread.line}>{text.unreadLine(unread.line, unread.reason, unread.text)}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              )}
              <ItemList revision={parsed.revision} strings={strings} label={text.parsedTitle(parsed.revision.items.length, parsed.revision.quotas.length)} />
              <PlanReview revision={parsed.revision} drafts={drafts} onChange={setDrafts} strings={strings} />
              {corrections.length > 0 && <span>{text.corrected(corrections.length)}</span>}
              <Button appearance="primary" disabled={chosen?.revision === active.revision} onClick={() => chosen && void adoptImported(chosen, parsed.text)}>
                {chosen?.revision === active.revision ? text.inUse : text.use}
              </Button>
              {saved.state === "saved" && (
                <MessageBar intent="success">
                  <MessageBarBody>{text.saved}</MessageBarBody>
                </MessageBar>
              )}
              {saved.state === "failed" && (
                <MessageBar intent="error">
                  <MessageBarBody>{text.saveFailed(saved.message)}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
