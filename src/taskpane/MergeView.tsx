import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { chartQuotaChoices, type MergeInputFile, type MergePlan, periodOfFiles } from "../core/merge";
import { buildTemplate, EMPTY_META, type SplitRecord } from "../core/template";
import type { Geography } from "../core/plan";
import { mergeInputs, planMerge } from "../core/usecases";
import { parsePeriod } from "../core/period";
import type { PlanRevision } from "../core/plan";
import type { PlanbookOperations } from "../addin/operations";
import { SplitPanel } from "./SplitPanel";
import { HistoryPanel } from "./HistoryPanel";
import { type Finding, findingMessage } from "../core/findings";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** A picked file's bytes (FileReader: every browser Office runs in has it). */
export function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("无法读取所选文件 / the chosen file could not be read"));
    reader.readAsArrayBuffer(file);
  });
}

const choiceText = (choice: { id: string; label: string }): string => `${choice.id}　${choice.label}`;

export interface MergeViewProps {
  strings: Strings;
  revision: PlanRevision;
  operations: PlanbookOperations;
  /** The period city templates are made for (the 填报 view's default). */
  period: string;
  onWorkbookChanged?: () => void;
  password?: string | null;
  /** The counties: a city's county files merge into the city's summary (and its own return) only with them. */
  geography?: Geography | null;
}

/** A file made for the person: its name, its bytes, and it as a copyable link. */
interface HandedOutFile {
  name: string;
  bytes: Uint8Array;
  link: string;
}

type Status = { kind: "idle" } | { kind: "busy"; label: string; done: number; total: number } | { kind: "done"; message: string } | { kind: "failed"; message: string };

/** 汇总: hand out city templates, pick the returned files, see each file's status, merge. */
export function MergeView({ strings, revision, operations, period, onWorkbookChanged, password = null, geography = null }: MergeViewProps): React.JSX.Element {
  const styles = useStyles();
  const text = strings.merge;
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const [inputs, setInputs] = React.useState<MergeInputFile[]>([]);
  const [plan, setPlan] = React.useState<MergePlan | null>(null);
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  // The split targets the merge goes by (the workbook's, then the files'), read with the files: they decide which quotas 排名 ranks.
  const [splits, setSplits] = React.useState<SplitRecord[]>([]);
  const [chartQuota, setChartQuota] = React.useState<string | null>(null);
  const cancelled = React.useRef(false);
  const filesPeriod = React.useMemo(() => periodOfFiles(inputs), [inputs]);
  const [openCity, setOpenCity] = React.useState(revision.cities[0] ?? "");
  /** The last city templates made, and whether their links are shown. */
  const [handedOut, setFiles] = React.useState<{ shown: boolean; files: HandedOutFile[] }>({ shown: false, files: [] });
  // What the merge of the ticked files could chart by city, the default first (as the CLI's --chart-quota offers).
  const chartChoices = React.useMemo(
    () => (plan ? chartQuotaChoices(plan.accepted.filter((file) => chosen.has(file.name)), { revision: plan.revision, period: filesPeriod ?? period, splits, rollup: plan.rollup, ...(geography ? { geography } : {}) }) : []),
    [plan, chosen, filesPeriod, period, splits, geography],
  );
  const chartChoice = chartChoices.find((choice) => choice.id === chartQuota) ?? chartChoices[0];

  /** A city's template file, with the aggregator's split targets and form settings stored in this workbook. */
  async function cityTemplates(cities: string[], each: (name: string, bytes: Uint8Array, index: number) => Promise<void> | void): Promise<void> {
    const [splits, form, levels] = await Promise.all([operations.readSplits(), operations.readFormSettings(), operations.readLevels()]);
    for (const [index, city] of cities.entries()) {
      setStatus({ kind: "busy", label: text.writing(city), done: index, total: cities.length });
      // The levels corrected in the 计划 view decide which rows each city gets, and go with its file.
      const built = buildTemplate({ revision, scope: { kind: "city", city }, period: parsePeriod(period), generatedAt: new Date().toISOString(), splits, form, levels });
      await each(`${built.sheet.name}.xlsx`, await operations.templateFile(built), index);
    }
  }

  async function openAsWorkbook(): Promise<void> {
    const { openWorkbook } = operations;
    if (!openWorkbook) return;
    const made: HandedOutFile[] = [];
    try {
      await cityTemplates([openCity], (name, bytes) => {
        made.push({ name, bytes, link: operations.fileLink?.(bytes) ?? "" });
        return openWorkbook(bytes);
      });
      setStatus({ kind: "done", message: text.opened(openCity) });
    } catch (error) {
      // Excel.createWorkbook fails (or crashes Excel) under Windows' Extension hardening policy
      // (office-js #3568): the file is still there to hand over as a link or a download.
      if (made.length > 0) setFiles({ shown: true, files: made });
      setStatus({ kind: "failed", message: made.length > 0 ? text.openFailed(operations.describeError(error)) : operations.describeError(error) });
    }
  }

  /**
   * The city templates as files: downloaded where a download works; where it does nothing (Excel
   * for Mac, see operations.downloadBlocked) listed with a copyable link and, where Excel can,
   * a button that opens each one as a workbook. Downloaded files can be listed the same way
   * afterwards, for a web view that drops the download silently.
   */
  async function downloadTemplates(): Promise<void> {
    const files: HandedOutFile[] = [];
    const byHand = Boolean(operations.downloadBlocked && operations.fileLink);
    try {
      await cityTemplates(revision.cities, (name, bytes) => {
        files.push({ name, bytes, link: operations.fileLink?.(bytes) ?? "" });
        if (!byHand) operations.download(name, bytes);
      });
      setFiles({ shown: byHand, files });
      setStatus(byHand ? { kind: "idle" } : { kind: "done", message: text.downloaded(revision.cities.length, period) });
    } catch (error) {
      setStatus({ kind: "failed", message: operations.describeError(error) });
    }
  }

  async function copyLink(file: HandedOutFile): Promise<void> {
    try {
      await navigator.clipboard.writeText(file.link);
      setStatus({ kind: "done", message: text.copied(file.name) });
    } catch {
      // A web view without clipboard access: the link stays selectable in its box.
      setStatus({ kind: "failed", message: text.copyByHand });
    }
  }

  async function openFile(file: HandedOutFile): Promise<void> {
    const { openWorkbook } = operations;
    if (!openWorkbook) return;
    try {
      await openWorkbook(file.bytes);
      setStatus({ kind: "done", message: text.openedFile(file.name) });
    } catch (error) {
      // The link beside it still hands the file over (office-js #3568: Extension hardening).
      setStatus({ kind: "failed", message: text.openFailed(operations.describeError(error)) });
    }
  }

  async function pick(files: File[]): Promise<void> {
    cancelled.current = false;
    const read: MergeInputFile[] = [];
    // Called from an input's change event: nothing above awaits it, so a failure must become a status here.
    try {
      for (const [index, file] of files.entries()) {
        if (cancelled.current) break;
        setStatus({ kind: "busy", label: text.reading(file.name), done: index, total: files.length });
        read.push(...(await operations.readFiles([{ name: file.name, data: await bytesOf(file) }])));
      }
      const [stored, levels] = await Promise.all([operations.readSplits(), operations.readLevels()]);
      const forPeriod = periodOfFiles(read) ?? period;
      // What the merge will read of this workbook (its splits and level corrections), as the merge gathers them.
      const workbook = { sheets: [], meta: { ...EMPTY_META, splits: stored, levels } };
      // Files with errors are listed (acceptErrors) but start unticked: ticking one is the aggregator's acceptance.
      const preview = planMerge(read, workbook, { revision, period: forPeriod, acceptErrors: true, ...(geography ? { geography } : {}) });
      setInputs(read);
      setSplits(mergeInputs(read, workbook, revision).splits);
      setPlan(preview);
      setChosen(new Set(preview.accepted.filter((a) => a.counts.error === 0).map((a) => a.name)));
      setStatus(cancelled.current ? { kind: "done", message: text.cancelled(read.length, files.length) } : { kind: "idle" });
    } catch (error) {
      setStatus({ kind: "failed", message: operations.describeError(error) });
    }
  }

  /** What stopped a merge that wrote nothing: its errors (a sheet name taken), else that no file could be merged. */
  const whyNothingMerged = (findings: Finding[]): string => {
    const errors = findings.filter((f) => f.severity === "error");
    return errors.length > 0 ? errors.map((f) => findingMessage(f, strings.language)).join("；") : text.nothingMerged;
  };

  async function merge(): Promise<void> {
    setStatus({ kind: "busy", label: text.merging, done: 0, total: 0 });
    try {
      const result = await operations.merge({
        revision,
        period: filesPeriod ?? period,
        files: inputs.map((f) => ({ ...f })),
        decide: () => [...chosen],
        password,
        chartQuota: chartChoice?.id,
        ...(geography ? { geography } : {}),
      });
      setStatus(
        result.written
          ? { kind: "done", message: text.merged(result.plan.accepted.length, result.filled.length, result.plan.rejected.length) }
          : { kind: "failed", message: whyNothingMerged(result.plan.findings) },
      );
    } catch (error) {
      setStatus({ kind: "failed", message: operations.describeError(error) });
    } finally {
      onWorkbookChanged?.();
    }
  }

  const busy = status.kind === "busy";
  return (
    <div className={styles.view}>
      <SplitPanel strings={strings} revision={revision} operations={operations} password={password} />
      <Button onClick={() => void downloadTemplates()} disabled={busy || revision.cities.length === 0}>
        {text.download(revision.cities.length, period)}
      </Button>
      {handedOut.files.length > 0 && !handedOut.shown && operations.fileLink && (
        <Button appearance="subtle" size="small" onClick={() => setFiles({ ...handedOut, shown: true })}>
          {text.notStarted}
        </Button>
      )}
      {handedOut.shown && (
        <section aria-label={text.byHandTitle}>
          <MessageBar intent="warning">
            <MessageBarBody>{operations.downloadBlocked ?? text.byHandHint}</MessageBarBody>
          </MessageBar>
          <ul className={styles.list}>
            {handedOut.files.map((file) => (
              <li key={file.name}>
                <Field label={text.link(file.name)}>
                  <Input readOnly value={file.link} onFocus={(event) => event.currentTarget.select()} />
                </Field>
                <Button size="small" onClick={() => void copyLink(file)}>
                  {text.copy}
                </Button>
                {operations.openWorkbook && (
                  <Button size="small" onClick={() => void openFile(file)}>
                    {text.openFile(file.name)}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {operations.openWorkbook && (
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
            <React.Fragment key={file.name}>
            <Checkbox
              checked={chosen.has(file.name)}
              label={`${file.name} — ${file.child}（${text.counts(file.counts.error, file.counts.warning)}）`}
              onChange={(_, data) =>
                setChosen((previous) => {
                  const next = new Set(previous);
                  if (data.checked) next.add(file.name);
                  else next.delete(file.name);
                  return next;
                })
              }
            />
            {file.counts.error > 0 && (
              <ul className={styles.list} aria-label={text.withErrors}>
                <li>
                  <Caption1>{text.withErrors}</Caption1>
                </li>
                {file.findings
                  .filter((f) => f.severity === "error")
                  .map((f, i) => (
                    <li key={i}>
                      <Caption1>{findingMessage(f, strings.language)}</Caption1>
                    </li>
                  ))}
              </ul>
            )}
            </React.Fragment>
          ))}
          {plan.notFilled.length > 0 && (
            <>
              <Body1 as="h4">{text.notFilled(plan.notFilled.length)}</Body1>
              <ul className={styles.list}>
                {plan.notFilled.map((file) => (
                  <li key={file.file}>
                    <Caption1>
                      {file.file} — {file.child}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
          {plan.rejected.length > 0 && <Body1 as="h4">{text.rejected(plan.rejected.length)}</Body1>}
          <ul className={styles.list}>
            {plan.rejected.map((file) => (
              <li key={file.file.name}>
                <Caption1>
                  {file.file.name}: {file.reasons.map((r) => findingMessage(r, strings.language)).join("；")}
                </Caption1>
              </li>
            ))}
          </ul>
          {chartChoices.length > 0 && (
            <Field label={text.chartQuota} hint={text.chartQuotaHint}>
              <Dropdown
                value={chartChoice ? choiceText(chartChoice) : ""}
                selectedOptions={chartChoice ? [chartChoice.id] : []}
                onOptionSelect={(_, data) => setChartQuota(data.optionValue ?? null)}
              >
                {chartChoices.map((choice) => (
                  <Option key={choice.id} value={choice.id}>
                    {choiceText(choice)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
          <Button appearance="primary" onClick={() => void merge()} disabled={busy || chosen.size === 0}>
            {text.merge(chosen.size)}
          </Button>
        </section>
      )}
      <HistoryPanel strings={strings} revision={revision} operations={operations} password={password} onWorkbookChanged={onWorkbookChanged} />
    </div>
  );
}
