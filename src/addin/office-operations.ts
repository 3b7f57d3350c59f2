import { runAudit } from "../excel/audit";
import { readFormSettings, saveFormSettings } from "../excel/form";
import { readLevelCorrections, saveLevelCorrections } from "../excel/levels";
import { readImportedPlans, saveImportedPlan } from "../excel/plans";
import { generateNextPeriod, generateTemplate } from "../excel/generate";
import { writeHistory } from "../excel/progress";
import { refreshPrevious } from "../excel/previous";
import { type LiveChecking, startLiveChecking } from "../excel/live";
import { mergeWorkbooks, readSplits, saveSplit } from "../excel/merge";
import { type Batch, describeError, runWithRetry, type WorkbookRunner } from "../excel/run";
import { selectCell } from "../excel/select";
import { readMergeFiles } from "../xlsx/merge-files";
import { dataLink, toBase64, XLSX_TYPE } from "./file-delivery";
import { writeTemplateFile } from "../xlsx/render";
import type { PlanbookOperations, RunProgress } from "./operations";

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

/** The last workbook operation started on this page (the pane's and, in a shared runtime, the ribbon's). */
let lastOperation: Promise<unknown> = Promise.resolve();

/**
 * Runs workbook operations one after the other, in the order they were started. Each reads the
 * workbook and writes whole sheets from what it read (the metadata sheet above all): two side by
 * side would both add a sheet that is missing (Excel refuses the second, ItemAlreadyExists), or the
 * later would write over what the earlier saved. An operation waits here before its time limit
 * starts, so a long merge never makes the next one time out; a failure does not stop the next.
 */
function inTurn<T>(operation: () => Promise<T>): Promise<T> {
  const turn = lastOperation.then(operation, operation);
  lastOperation = turn.catch(() => undefined);
  return turn;
}

/**
 * The operations over Office.js: `Excel.run` in Excel, the in-memory host's `run` in the
 * playground. Operations that change the workbook run with a time limit and retries; files are
 * read and written with the .xlsx adapter. Each runs in its turn (`inTurn`), except selecting a cell
 * and live checking, which write nothing Planbook reads back.
 */
export function createOfficeOperations(runner: WorkbookRunner, options: OfficeOperationsOptions = {}): PlanbookOperations {
  const { createWorkbook } = options;
  /** Live checking started here and not stopped: it keeps changes for 修改记录 and what it read of the workbook. */
  const watching = new Set<LiveChecking>();
  /**
   * An operation that changes the workbook: in its turn, with a time limit and retries, telling
   * `onProgress` (when given) of each new attempt and of a long-running one. Live checking's kept
   * changes are written to 修改记录 first — the operation writes anyway, and Excel's undo stack is
   * cleared by it all the same — and it reads the workbook again after, as the operation's own
   * writes raise no change event.
   */
  const changing = <T>(batch: Batch<T>, onProgress?: (progress: RunProgress) => void): Promise<T> =>
    inTurn(async () => {
      // A log that cannot be written now (its sheet's password is not the one given) keeps its changes for the next try.
      for (const live of watching) await live.writeLog().catch(() => undefined);
      try {
        return await runWithRetry(runner, batch, {
          timeoutMs: options.timeoutMs,
          onRetry: (attempt, of) => onProgress?.({ kind: "retrying", attempt, of }),
          onProgress: (seconds) => onProgress?.({ kind: "working", seconds }),
        });
      } finally {
        for (const live of watching) void live.readAgain().catch(() => undefined);
      }
    });
  /** An operation that reads what the others write: in its turn. */
  const reading = <T>(batch: Batch<T>): Promise<T> => inTurn(() => runner(batch));
  return {
    generate: (generate, onProgress) => changing((context) => generateTemplate(context, generate), onProgress),
    nextPeriod: (next, onProgress) => changing((context) => generateNextPeriod(context, next), onProgress),
    refreshPrevious: (refresh) => changing((context) => refreshPrevious(context, refresh)),
    startLiveChecking: async (live) => {
      const checking = await startLiveChecking(runner, live);
      watching.add(checking);
      return {
        ...checking,
        stop: () => {
          watching.delete(checking);
          return checking.stop();
        },
      };
    },
    audit: (audit) => changing((context) => runAudit(context, audit)),
    selectCell: (finding) => runner((context) => selectCell(context, finding)),
    readSplits: () => reading(readSplits),
    saveSplit: (records, password) => changing((context) => saveSplit(context, records, password)),
    readFormSettings: () => reading(readFormSettings),
    readLevels: () => reading(readLevelCorrections),
    saveLevels: (levels, password) => changing((context) => saveLevelCorrections(context, levels, password)),
    readImportedPlans: () => reading(readImportedPlans),
    saveImportedPlan: (plan, password) => changing((context) => saveImportedPlan(context, plan, password)),
    saveFormSettings: (settings, password) => changing((context) => saveFormSettings(context, settings, password)),
    readFiles: (files) => readMergeFiles(files),
    merge: (merge) => changing((context) => mergeWorkbooks(context, merge)),
    mergeHistory: (history) => changing((context) => writeHistory(context, history)),
    templateFile: (built) => writeTemplateFile(built),
    download: options.download ?? browserDownload,
    downloadBlocked: options.downloadBlocked ?? null,
    fileLink: dataLink,
    openWorkbook: createWorkbook && ((bytes) => createWorkbook(toBase64(bytes))),
    describeError,
  };
}
