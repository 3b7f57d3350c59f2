import { runAudit } from "../excel/audit";
import { readFormSettings, saveFormSettings } from "../excel/form";
import { readLevelCorrections, saveLevelCorrections } from "../excel/levels";
import { readImportedPlans, saveImportedPlan } from "../excel/plans";
import { generateNextPeriod, generateTemplate } from "../excel/generate";
import { startLiveChecking } from "../excel/live";
import { mergeWorkbooks, readSplits, saveSplit } from "../excel/merge";
import { describeError, runWithRetry, type WorkbookRunner } from "../excel/run";
import { selectCell } from "../excel/select";
import { readMergeFiles } from "../xlsx/merge-files";
import { dataLink, toBase64, XLSX_TYPE } from "./file-delivery";
import { writeTemplateFile } from "../xlsx/render";
import type { PlanbookOperations } from "./operations";

export interface OfficeOperationsOptions {
  /** Per-attempt time limit of an operation that changes the workbook (Excel on the web can hang). */
  timeoutMs?: number;
  /** How a file is handed to the person; a browser download by default. */
  download?: (name: string, bytes: Uint8Array) => void;
  /** `Excel.createWorkbook`, where there is an Excel with ExcelApi 1.8. */
  createWorkbook?: (base64: string) => Promise<void>;
  /** Why a browser download does nothing here (downloadBlockedReason), or null. */
  downloadBlocked?: string | null;
}

/** A browser download of an .xlsx file (does nothing in Excel for Mac: see file-delivery.ts). */
export function browserDownload(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The operations over Office.js: `Excel.run` in Excel, the in-memory host's `run` in the
 * playground. Operations that change the workbook run with a time limit and retries; files are
 * read and written with the .xlsx adapter.
 */
export function createOfficeOperations(runner: WorkbookRunner, options: OfficeOperationsOptions = {}): PlanbookOperations {
  const { createWorkbook } = options;
  return {
    generate: (generate, onProgress) =>
      runWithRetry(runner, (context) => generateTemplate(context, generate), {
        timeoutMs: options.timeoutMs,
        onRetry: (attempt, of) => onProgress?.({ kind: "retrying", attempt, of }),
        onProgress: (seconds) => onProgress?.({ kind: "working", seconds }),
      }),
    nextPeriod: (next, onProgress) =>
      runWithRetry(runner, (context) => generateNextPeriod(context, next), {
        timeoutMs: options.timeoutMs,
        onRetry: (attempt, of) => onProgress?.({ kind: "retrying", attempt, of }),
        onProgress: (seconds) => onProgress?.({ kind: "working", seconds }),
      }),
    startLiveChecking: (live) => startLiveChecking(runner, live),
    audit: (audit) => runWithRetry(runner, (context) => runAudit(context, audit), { timeoutMs: options.timeoutMs }),
    selectCell: (finding) => runner((context) => selectCell(context, finding)),
    readSplits: () => runner(readSplits),
    saveSplit: (records, password) => runWithRetry(runner, (context) => saveSplit(context, records, password), { timeoutMs: options.timeoutMs }),
    readFormSettings: () => runner(readFormSettings),
    readLevels: () => runner(readLevelCorrections),
    saveLevels: (levels, password) => runWithRetry(runner, (context) => saveLevelCorrections(context, levels, password), { timeoutMs: options.timeoutMs }),
    readImportedPlans: () => runner(readImportedPlans),
    saveImportedPlan: (plan, password) => runWithRetry(runner, (context) => saveImportedPlan(context, plan, password), { timeoutMs: options.timeoutMs }),
    saveFormSettings: (settings, password) => runWithRetry(runner, (context) => saveFormSettings(context, settings, password), { timeoutMs: options.timeoutMs }),
    readFiles: (files) => readMergeFiles(files),
    merge: (merge) => runWithRetry(runner, (context) => mergeWorkbooks(context, merge), { timeoutMs: options.timeoutMs }),
    templateFile: (built) => writeTemplateFile(built),
    download: options.download ?? browserDownload,
    downloadBlocked: options.downloadBlocked ?? null,
    fileLink: dataLink,
    openWorkbook: createWorkbook && ((bytes) => createWorkbook(toBase64(bytes))),
    describeError,
  };
}
