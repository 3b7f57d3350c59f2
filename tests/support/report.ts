import { readWorkbook, type ReportSheet, type WorkbookSnapshot } from "../../src/core/snapshot";
import { present } from "./present";

/** The first Planbook sheet read out of a snapshot, failing the test when the workbook has none. */
export function firstReport(snapshot: WorkbookSnapshot): ReportSheet {
  return present(readWorkbook(snapshot).reports[0], "a Planbook sheet in the workbook");
}
