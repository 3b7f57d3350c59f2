/**
 * Excel's undo stack as an add-in affects it ("Undo support with the Excel JavaScript API",
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities; office-js #6170,
 * #3788).
 *
 * - Before ExcelApi 1.20 an add-in's write is not undoable and clears the person's undo stack:
 *   "most of the set operation of Excel API will disable undo/redo operation, it's a by-design
 *   behavior" (office-js #3788); 1.20 is the set that "adds undo support for Excel JavaScript APIs".
 * - From ExcelApi 1.20 most writes are undoable: they go on the person's stack as the add-in's
 *   action. The APIs the doc lists as not supporting undo still clear it ("If you call an
 *   unsupported API in your add-in, the user's undo stack is cleared starting from that API call");
 *   the host clears on each one that is unsupported in Excel on the web or on Windows and Mac
 *   (the strictest of the two), of those it implements.
 *
 * Reads (`load`, the `*OrNullObject` instantiations, counts), event registrations, the add-in's
 * own runtime switches (`runtime.enableEvents`, suspending calculation) and moving the selection
 * (`activate`, `select`) change nothing in the document and leave the stack alone.
 */
import { apiAtLeast } from "./version";

/** The host's members the doc's table lists as not supporting undo (on the web, or on Windows and Mac). */
export const UNDO_UNSUPPORTED = new Set([
  "Worksheet.delete",
  "Worksheet.name",
  "Worksheet.position",
  "Worksheet.visibility",
  "Worksheet.standardWidth",
  "WorksheetProtection.protect",
  "WorksheetProtection.unprotect",
]);

const NOT_A_CHANGE = new Set([
  "EventHandlerResult.remove",
  "Worksheet.onChanged.add",
  "WorksheetCollection.onChanged.add",
  "Runtime.enableEvents",
  "Application.suspendApiCalculationUntilNextSync",
  "Application.calculate",
  "Worksheet.activate",
  "Range.select",
]);

/** Whether a queued command changes the document (and so meets the undo stack). */
export function changesDocument(location: string): boolean {
  return !/\.(load|instantiate|getCount)$/.test(location) && !NOT_A_CHANGE.has(location);
}

/** What one command of an add-in does to the person's undo stack at this ExcelApi version. */
export function undoEffect(location: string, apiVersion: string): "none" | "clears" | "undoable" {
  if (!changesDocument(location)) return "none";
  if (!apiAtLeast(apiVersion, "1.20") || UNDO_UNSUPPORTED.has(location)) return "clears";
  return "undoable";
}

/** One step a person can undo: their own edit (with what the cells held before), or an add-in's write (ExcelApi 1.20). */
export type UndoStep =
  | { by: "person"; action: string; sheetId: string; address: string; before: unknown[][] | null }
  | { by: "add-in"; action: string };
