/**
 * The errors the fake host raises, shaped like Office.js's `OfficeExtension.Error`
 * (`name: "RichApi.Error"`, `code`, `message`, `debugInfo: { code, message, errorLocation }`), so
 * the adapter's error handling is exercised against the same fields it will meet in Excel.
 */

/**
 * Excel's error codes and messages, and which behaviour of the host uses each one.
 *
 * Sources (checked, not guessed):
 * - Codes and messages: the table "Error Messages" in Microsoft's "Error handling with the Excel
 *   JavaScript API" (office-js-docs-pr, docs/excel/excel-add-ins-error-handling.md), and the
 *   `Excel.ErrorCodes` enum of @types/office-js. `RequestPayloadSizeLimitExceeded` and
 *   `ResponsePayloadSizeLimitExceeded` are noted there as "only occurs in Excel on the web".
 * - `PropertyNotLoaded`, `InvalidObjectPath` and `RunMustReturnPromise`: the strings of the Office.js
 *   runtime itself (@microsoft/office-js, dist/excel-web-16.00.debug.js: `ResourceStrings`,
 *   `Utility.createPropertyNotLoadedException`, `ClientRequestContext._runCommon`).
 * - A write to a locked cell of a protected sheet fails with `AccessDenied` / "You cannot perform
 *   the requested operation." (microsoftgraph/microsoft-graph-docs issue #4546, the same Excel
 *   service answering a range update that touched one locked cell).
 * - `protect()` on a protected sheet and `unprotect()` on an unprotected one fail with
 *   `AccessDenied` at `WorksheetProtection.protect` / `WorksheetProtection.unprotect`
 *   (OfficeDev/office-js issue #6784; @types/office-js documents `protect`: "Fails if the worksheet
 *   has already been protected").
 * - A wrong password: @types/office-js documents `WorksheetProtection.pauseProtection` as throwing
 *   `InvalidArgument` for an incorrect password; `unprotect` is given the same code here (the
 *   Microsoft Graph unprotect call answers a bad password with InvalidArgument as well, issue
 *   microsoftgraph/microsoft-graph-docs-contrib #4476). Not confirmed against a live Excel.
 * - `InvalidOperation` for hiding or deleting the last visible sheet is this host's choice (Excel
 *   refuses both; the code was not found in any source).
 */
export const EXCEL_ERRORS = {
  AccessDenied: "You cannot perform the requested operation.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  // Office.js's own check of a member's requirement set (see api-sets.ts), thrown before anything is queued.
  ApiNotFound: "The method or property {0} is part of the {1} requirement set, which is not available in your version of {2}.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource being created already exists.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  InvalidObjectPath:
    "The object path '{0}' isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
} as const;

export type ExcelErrorCode = keyof typeof EXCEL_ERRORS;

/** What Office.js rejects a sync with (and throws for an unloaded property): `OfficeExtension.Error`'s fields. */
export class RichApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: ExcelErrorCode,
    errorLocation?: string,
    argument?: string | string[],
  ) {
    const values = Array.isArray(argument) ? argument : [argument ?? ""];
    super(values.reduce<string>((message, value, index) => message.replace(`{${index}}`, value), EXCEL_ERRORS[code]));
    this.debugInfo = { code, message: this.message, ...(errorLocation ? { errorLocation } : {}) };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** Raised by a sync; carries the code and where in the batch it failed. */
export function excelError(code: ExcelErrorCode, errorLocation: string): RichApiError {
  return new RichApiError(code, errorLocation);
}

/** The synchronous error Office.js throws when a property is read before `load` + `sync`. */
export function propertyNotLoaded(entity: string, property: string): RichApiError {
  return new RichApiError("PropertyNotLoaded", `${entity}.${property}`, property);
}

/** The test code asked the fake for something it does not model: a gap in the fake, not an Excel error. */
export class ExcelHostUnsupportedError extends Error {
  constructor(what: string) {
    super(`The in-memory Excel host does not support ${what}; extend packages/excel-host to cover it`);
    this.name = "ExcelHostUnsupportedError";
  }
}

/** A person's edit that Excel's UI would refuse (a locked cell on a protected sheet, a validation with a Stop alert). */
export class UserEditRefusedError extends Error {
  constructor(
    readonly reason: "protected" | "validation" | "password",
    readonly sheet: string,
    readonly address: string,
  ) {
    super(
      reason === "protected"
        ? `Excel refuses the edit of ${sheet}!${address}: the cell is locked on a protected sheet`
        : reason === "validation"
          ? `Excel refuses the value typed into ${sheet}!${address}: it breaks the cell's data validation`
          : `Excel refuses to unprotect ${sheet}: wrong password`,
    );
    this.name = "UserEditRefusedError";
  }
}
