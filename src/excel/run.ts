import { AbandonedAttemptError, OperationTimeoutError } from "./errors";
/**
 * Running a workbook operation the way a person can live with: a time limit (Excel on the web can
 * hang in `context.sync()` while a heavy file loads), retries the user sees, and Office's error
 * codes turned into one bilingual message — in one place.
 */

export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/**
 * How an operation is started, shaped like `Excel.run` (which is one): `Excel.run` in Excel, the
 * in-memory host in tests and the playground. A batch runs on a fresh request context, or on a
 * given one — removing an event handler needs the context it was added in.
 */
export interface WorkbookRunner {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(context: Excel.RequestContext, batch: Batch<T>): Promise<T>;
}

export interface RunOptions {
  /**
   * How long Excel may take to start a batch before the attempt is abandoned and started again,
   * and how often a started batch that is still working reports progress.
   */
  timeoutMs?: number;
  /** New attempts after the first, only for a batch Excel never started. */
  retries?: number;
  /** Told before each new attempt, so the task pane can say "retrying (2/3)". */
  onRetry?: (attempt: number, of: number) => void;
  /** Told every `timeoutMs` while a started batch is still working, with the seconds so far. */
  onProgress?: (seconds: number) => void;
}

/** The run's outcome if it settles within `ms`, or null. */
async function settledWithin<T>(run: Promise<T>, ms: number): Promise<{ value: T } | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([run.then((value) => ({ value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a batch once. A batch cannot be cancelled, so one Excel has started is never run again:
 * while it works past `timeoutMs` the caller is told it is still working (`onProgress`), and its
 * outcome — result or error — is the operation's. Only an attempt Excel has not started within
 * `timeoutMs` (the runtime is stuck before the batch) is abandoned and started again; should Excel
 * start it later after all, it does nothing. An error Excel reports is never retried.
 */
export async function runWithRetry<T>(runner: WorkbookRunner, batch: Batch<T>, options: RunOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 2;
  for (let attempt = 0; ; attempt++) {
    const state = { started: false, abandoned: false };
    const run = runner((context) => {
      if (state.abandoned) return Promise.reject(new AbandonedAttemptError());
      state.started = true;
      return batch(context);
    });
    const startedAt = Date.now();
    for (;;) {
      const outcome = await settledWithin(run, timeoutMs);
      if (outcome) return outcome.value;
      if (!state.started) break;
      options.onProgress?.(Math.round((Date.now() - startedAt) / 1000));
    }
    state.abandoned = true;
    // The abandoned run's late end (its AbandonedAttemptError, or a stuck runtime's failure) is nobody's to handle.
    run.catch(() => undefined);
    if (attempt >= retries) throw new OperationTimeoutError(Math.round(timeoutMs / 1000));
    options.onRetry?.(attempt + 1, retries);
  }
}

/** Office's error codes a person can act on, with what to do next. */
const OFFICE_ERRORS: Record<string, string> = {
  AccessDenied: "工作表受保护或密码不对，无法写入；请检查设置中的保护密码 / The sheet is protected or the password is wrong",
  ItemNotFound: "找不到所需的工作表或区域，可能已被删除或改名 / A sheet or range was not found (deleted or renamed?)",
  ItemAlreadyExists: "已有同名工作表 / A sheet with that name already exists",
  InvalidArgument: "参数无效 / An argument was not valid",
  RequestPayloadSizeLimitExceeded: "一次写入的数据过多 / The request was too large for Excel",
  ApiNotFound: "此版本的 Excel 不支持该功能，请升级 Office / This Excel does not support the feature; please update Office",
  GeneralException: "Excel 内部错误，请重试 / Excel reported an internal error; please try again",
  InvalidOperationInCellEditMode: "请先退出单元格编辑状态（按 Enter 或 Esc）再操作 / Leave cell editing (Enter or Esc) first",
};

/** What Excel says when a sheet's protection password is not the one given (`unprotect` fails there). */
export const PASSWORD_MISMATCH =
  "工作表的保护密码不是设置中填写的密码，加载项无法写入：请在「填报」页的「工作表保护密码」中填写生成此工作簿时用的密码（不知道时请向发文件的人索取）。保护只防误改，改动由「校验」发现。/ A sheet's protection password is not the one in the add-in's settings, so the add-in cannot write it: enter the password the workbook was generated with under 工作表保护密码 on the 填报 view (ask whoever sent the file). Protection only prevents accidental edits; 校验 finds changes.";

/** One user-facing message for any error an operation can end with. */
export function describeError(error: unknown): string {
  if (error instanceof Error && !("code" in error)) return error.message;
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  // Office.js says where a batch failed: a failing unprotect is a password that is not the sheet's.
  const location = typeof error === "object" && error !== null && "debugInfo" in error ? (error.debugInfo as { errorLocation?: unknown } | undefined)?.errorLocation : undefined;
  if (location === "WorksheetProtection.unprotect" && (code === "InvalidArgument" || code === "AccessDenied")) return PASSWORD_MISMATCH;
  const known = OFFICE_ERRORS[code];
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  return `操作失败：${message} / The operation failed: ${message}`;
}

/**
 * The requirement sets the add-in's features need, checked at run time so an older Excel gets a
 * clear message instead of a failure halfway through.
 */
export const REQUIRED_SETS = [
  { name: "ExcelApi", version: "1.9", feature: "生成模板 / generating templates (protection, validation, print titles)" },
  { name: "ExcelApi", version: "1.9", feature: "录入校验 / live checking (worksheets.onChanged)" },
  { name: "ExcelApi", version: "1.13", feature: "校验合并单元格 / finding merged cells (range.getMergedAreasOrNullObject)" },
  { name: "DialogApi", version: "1.1", feature: "功能区「校验」的结果对话框（结果仍写在「审核结果」表第一行）/ the ribbon's result dialog (the result is still in the first row of the 审核结果 sheet)" },
] as const;

/**
 * Whether the running Excel has a requirement set, asked of `Office.context.requirements` — the
 * same check Office.js makes before a newer member, which otherwise throws ApiNotFound. The
 * in-memory host answers there for itself (its ExcelApi version). With no Office at all (no
 * Excel to ask) every set counts as there, as Office.js's own check assumes.
 */
export function supportsApi(name: string, version: string): boolean {
  return typeof Office === "undefined" || !Office.context?.requirements || Office.context.requirements.isSetSupported(name, version);
}

export function missingRequirements(isSetSupported: (name: string, version: string) => boolean): string[] {
  return REQUIRED_SETS.filter((set) => !isSetSupported(set.name, set.version)).map(
    (set) => `${set.feature}: 需要 ${set.name} ${set.version} / needs ${set.name} ${set.version}`,
  );
}
