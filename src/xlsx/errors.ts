import { cannotReadFileMessage, type FileReadProblem } from "../core/findings";

/** The errors only the .xlsx file adapter throws (the core's own are in src/core/shared/errors.ts). */

/** readWorkbookFile: the bytes are not a readable .xlsx (or exceed a limit); `reason` says why, the message what to do. */
export class WorkbookFileError extends Error {
  readonly reason: FileReadProblem["problem"];
  constructor(
    readonly problem: FileReadProblem,
    readonly fileName: string | null,
  ) {
    super(cannotReadFileMessage(fileName, problem));
    this.name = "WorkbookFileError";
    this.reason = problem.problem;
  }
}

/** The .xlsx reader: asked for a sheet the workbook does not have. */
export class NoSuchSheetError extends Error {
  constructor(readonly sheetName: string) {
    super(`工作簿中没有工作表「${sheetName}」 / there's no sheet named '${sheetName}'`);
    this.name = "NoSuchSheetError";
  }
}

/** The XML reader: malformed XML in a part of an .xlsx; readWorkbookFile turns it into a WorkbookFileError naming the file. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

/** The zip reader: a damaged or cut-off archive; readWorkbookFile turns it into a WorkbookFileError naming the file. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}
