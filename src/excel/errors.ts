/** The errors only the Office.js adapter throws (the core's own are in src/core/shared/errors.ts). */

/** runWithRetry: Excel did not answer an operation within its time, after every retry (the pane says so). */
export class OperationTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`Excel 在 ${seconds} 秒内没有响应 / Excel did not answer within ${seconds} s`);
    this.name = "OperationTimeoutError";
  }
}

/** runWithRetry: thrown inside an attempt the pane gave up on, if Excel starts it after all, so it does nothing (its retry does the work). */
export class AbandonedAttemptError extends Error {
  constructor() {
    super("abandoned attempt");
    this.name = "AbandonedAttemptError";
  }
}

/** A queued sheet read was asked for its result before all its rows were loaded: a bug in the caller, not in the data. */
export class SheetReadIncompleteError extends Error {
  constructor(sheetName: string, loaded: number, rows: number) {
    super(`sheet '${sheetName}' has ${rows} rows and ${loaded} are loaded: read it with syncSheetReads, not a bare sync`);
    this.name = "SheetReadIncompleteError";
  }
}

/** generateTemplate: other sheets already use every candidate name for the new sheet. */
export class SheetNameUnavailableError extends Error {
  constructor(readonly wanted: string) {
    super(`无法为「${wanted}」找到可用的工作表名 / no free sheet name for "${wanted}"`);
    this.name = "SheetNameUnavailableError";
  }
}
