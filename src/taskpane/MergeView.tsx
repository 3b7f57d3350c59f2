import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { canMerge, type MergeInputFile, type MergePlan } from "../core/merge/merge";
import { periodOfFiles } from "../core/merge/period";
import { parsePeriod } from "../core/period";
import type { PlanRevision } from "../core/plan/types";
import { buildTemplate } from "../core/template/build";
import { META_SHEET, parseMetaRows } from "../core/template/meta";
import { mergeWorkbooks, readMergeFile } from "../excel/merge";
import { describeError, runWithRetry, type WorkbookRunner } from "../excel/run";
import { queueSheetRead, syncSheetReads } from "../excel/workbook";
import { writeTemplateFile } from "../xlsx/render";
import { SplitPanel } from "./SplitPanel";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Hands a file to the person: a browser download by default. */
export type Download = (name: string, bytes: Uint8Array) => void;

const browserDownload: Download = (name, bytes) => {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** A picked file's bytes (FileReader: every browser Office runs in has it). */
function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Base64 of the bytes, as `Excel.createWorkbook` takes a file. */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface MergeViewProps {
  strings: Strings;
  revision: PlanRevision;
  runner: WorkbookRunner;
  /** The period city templates are made for (the 填报 view's default). */
  period: string;
  download?: Download;
  /** Opens a template as a new Excel workbook (`Excel.createWorkbook`); absent where there is no Excel. */
  openWorkbook?: (base64: string) => Promise<void>;
  onWorkbookChanged?: () => void;
  password?: string | null;
}

type Status = { kind: "idle" } | { kind: "busy"; label: string; done: number; total: number } | { kind: "done"; message: string } | { kind: "failed"; message: string };

/** 汇总: hand out city templates, pick the returned files, see each file's status, merge. */
export function MergeView({ strings, revision, runner, period, download = browserDownload, openWorkbook, onWorkbookChanged, password = null }: MergeViewProps): React.JSX.Element {
  const styles = useStyles();
  const text = strings.merge;
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const [inputs, setInputs] = React.useState<MergeInputFile[]>([]);
  const [plan, setPlan] = React.useState<MergePlan | null>(null);
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  const cancelled = React.useRef(false);
  const filesPeriod = React.useMemo(() => periodOfFiles(inputs), [inputs]);
  const [openCity, setOpenCity] = React.useState(revision.cities[0] ?? "");

  /** A city's template file, with the aggregator's split targets stored in this workbook. */
  async function cityTemplates(cities: string[], each: (name: string, bytes: Uint8Array, index: number) => Promise<void> | void): Promise<void> {
    const splits = await runner(async (context) => {
      const meta = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
      await syncSheetReads(context, [meta]);
      const snapshot = meta.result();
      return snapshot ? parseMetaRows(snapshot.values).splits : [];
    });
    for (const [index, city] of cities.entries()) {
      setStatus({ kind: "busy", label: text.writing(city), done: index, total: cities.length });
      const built = buildTemplate({ revision, scope: { kind: "city", city }, period: parsePeriod(period), generatedAt: new Date().toISOString(), splits });
      await each(`${built.sheet.name}.xlsx`, await writeTemplateFile(built), index);
    }
  }

  async function openAsWorkbook(): Promise<void> {
    if (!openWorkbook) return;
    try {
      await cityTemplates([openCity], (_name, bytes) => openWorkbook(toBase64(bytes)));
      setStatus({ kind: "done", message: text.opened(openCity) });
    } catch (error) {
      setStatus({ kind: "failed", message: describeError(error) });
    }
  }

  async function downloadTemplates(): Promise<void> {
    try {
      await cityTemplates(revision.cities, (name, bytes) => download(name, bytes));
      setStatus({ kind: "done", message: text.downloaded(revision.cities.length, period) });
    } catch (error) {
      setStatus({ kind: "failed", message: describeError(error) });
    }
  }

  async function pick(files: File[]): Promise<void> {
    cancelled.current = false;
    const read: MergeInputFile[] = [];
    for (const [index, file] of files.entries()) {
      if (cancelled.current) break;
      setStatus({ kind: "busy", label: text.reading(file.name), done: index, total: files.length });
      read.push(await readMergeFile({ name: file.name, data: await bytesOf(file) }));
    }
    const forPeriod = periodOfFiles(read) ?? period;
    const preview = canMerge(read, { revision, period: forPeriod });
    setInputs(read);
    setPlan(preview);
    setChosen(new Set(preview.accepted.map((a) => a.name)));
    setStatus(cancelled.current ? { kind: "done", message: text.cancelled(read.length, files.length) } : { kind: "idle" });
  }

  async function merge(): Promise<void> {
    setStatus({ kind: "busy", label: text.merging, done: 0, total: 0 });
    try {
      const result = await runWithRetry(runner, (context) =>
        mergeWorkbooks(context, { revision, period: filesPeriod ?? period, files: inputs.map((f) => ({ ...f })), decide: () => [...chosen], password }),
      );
      setStatus(
        result.written
          ? { kind: "done", message: text.merged(result.plan.accepted.length, result.filled.length, result.plan.rejected.length) }
          : { kind: "failed", message: text.nothingMerged },
      );
    } catch (error) {
      setStatus({ kind: "failed", message: describeError(error) });
    } finally {
      onWorkbookChanged?.();
    }
  }

  const busy = status.kind === "busy";
  return (
    <div className={styles.view}>
      <SplitPanel strings={strings} revision={revision} runner={runner} password={password} />
      <Button onClick={() => void downloadTemplates()} disabled={busy || revision.cities.length === 0}>
        {text.download(revision.cities.length, period)}
      </Button>
      {openWorkbook && (
        <Field label={text.openCity}>
          <Select value={openCity} onChange={(_, data) => setOpenCity(data.value)}>
            {revision.cities.map((city) => (
              <option key={city} value={city}>
                {city}
              </option>
            ))}
          </Select>
          <Button onClick={() => void openAsWorkbook()} disabled={busy}>
            {text.open}
          </Button>
        </Field>
      )}
      <Field label={text.pick} hint={text.pickHint}>
        <input
          type="file"
          aria-label={text.pick}
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(event) => void pick(Array.from(event.currentTarget.files ?? []))}
        />
      </Field>
      <div aria-live="polite">
        {status.kind === "busy" && (
          <Field label={status.label} validationState="none">
            <ProgressBar value={status.total ? status.done / status.total : undefined} />
            <Button size="small" onClick={() => (cancelled.current = true)}>
              {text.cancel}
            </Button>
          </Field>
        )}
        {status.kind === "done" && (
          <MessageBar intent="success">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
        {status.kind === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{status.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {plan && (
        <section aria-label={text.preview}>
          <Body1 as="h3">{text.previewTitle(filesPeriod ?? period)}</Body1>
          {plan.accepted.map((file) => (
            <Checkbox
              key={file.name}
              checked={chosen.has(file.name)}
              label={`${file.name} — ${file.city}（${text.counts(file.counts.error, file.counts.warning)}）`}
              onChange={(_, data) =>
                setChosen((previous) => {
                  const next = new Set(previous);
                  if (data.checked) next.add(file.name);
                  else next.delete(file.name);
                  return next;
                })
              }
            />
          ))}
          {plan.rejected.length > 0 && <Body1 as="h4">{text.rejected(plan.rejected.length)}</Body1>}
          <ul className={styles.list}>
            {plan.rejected.map((file) => (
              <li key={file.file.name}>
                <Caption1>
                  {file.file.name}: {file.reasons.map((r) => r.message).join("；")}
                </Caption1>
              </li>
            ))}
          </ul>
          <Button appearance="primary" onClick={() => void merge()} disabled={busy || chosen.size === 0}>
            {text.merge(chosen.size)}
          </Button>
        </section>
      )}
    </div>
  );
}
