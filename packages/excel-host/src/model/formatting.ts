import { type Rect, contains, intersect, isUnbounded } from "../address";
import { excelError } from "../errors";
import { DEFAULT_FORMAT, type FormatPatch } from "../formats";
import { broadcast } from "./cells";
import { assertAllowed } from "./protection";
import { type ChangeEvent, type Hyperlink, type SheetModel, hyperlinkCell, hyperlinkKey } from "./sheet";
import type { WorkbookModel } from "./workbook";

/** What cells look like — formats and number formats — their hyperlinks, and `range.clear`. */
export class CellFormatting {
  constructor(private readonly book: WorkbookModel) {}

  applyFormat(sheet: SheetModel, rect: Rect, patch: FormatPatch, location: string): void {
    const lockOnly = Object.keys(patch).every((key) => key === "locked" || key === "formulaHidden");
    assertAllowed(sheet, lockOnly ? "lockCells" : "formatCells", rect, location);
    sheet.formats.apply(rect, patch);
  }

  setNumberFormat(sheet: SheetModel, rect: Rect, input: unknown, location: string): void {
    if (input === null || input === undefined || isUnbounded(rect)) throw excelError("InvalidArgument", location);
    const grid = broadcast(input, rect, location);
    assertAllowed(sheet, "formatCells", rect, location);
    const first = grid[0]?.[0];
    if (grid.every((line) => line.every((entry) => entry === first)) && first !== null) {
      sheet.formats.apply(rect, { numberFormat: numberFormatOf(first, location) });
      return;
    }
    grid.forEach((line, r) =>
      line.forEach((entry, c) => {
        if (entry !== null && entry !== undefined) {
          sheet.formats.apply({ row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 }, { numberFormat: numberFormatOf(entry, location) });
        }
      }),
    );
  }

  setHyperlink(sheet: SheetModel, rect: Rect, link: unknown, location: string, trigger: ChangeEvent["triggerSource"]): void {
    if (link === null || typeof link !== "object") throw excelError("InvalidArgument", location);
    assertAllowed(sheet, "hyperlink", rect, location);
    const hyperlink = { ...(link as Hyperlink) };
    if (!hyperlink.address && !hyperlink.documentReference) throw excelError("InvalidArgument", location);
    for (let row = rect.row; row < rect.row + rect.rows; row++) {
      for (let col = rect.col; col < rect.col + rect.cols; col++) sheet.hyperlinks.set(hyperlinkKey(row, col), hyperlink);
    }
    if (hyperlink.textToDisplay !== undefined) {
      this.book.cells.write(sheet, { row: rect.row, col: rect.col, rows: 1, cols: 1 }, `'${hyperlink.textToDisplay}`, location, trigger);
    }
  }

  removeHyperlinks(sheet: SheetModel, rect: Rect): void {
    for (const key of [...sheet.hyperlinks.keys()]) {
      const { row, col } = hyperlinkCell(key);
      if (contains(rect, row, col)) sheet.hyperlinks.delete(key);
    }
  }

  /** `range.clear(applyTo)`: "All" (default), "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents". */
  clear(sheet: SheetModel, rect: Rect, applyTo: string, location: string, trigger: ChangeEvent["triggerSource"]): void {
    const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
    const formats = applyTo === "All" || applyTo === "Formats";
    const links = applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks";
    if (!contents && !formats && !links) throw excelError("InvalidArgument", location);
    if (contents) assertAllowed(sheet, "contents", rect, location);
    if (formats) assertAllowed(sheet, "formatCells", rect, location);
    if (contents) this.book.cells.clear(sheet, rect, location, trigger);
    if (formats) {
      // Clearing formats returns cells to the Normal style: locked again, General, no fill or borders.
      sheet.formats.apply(rect, { ...DEFAULT_FORMAT });
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
      this.book.conditionalFormats.remove(sheet, rect);
    }
    if (links) this.removeHyperlinks(sheet, rect);
  }}

function numberFormatOf(entry: unknown, location: string): string {
  if (typeof entry !== "string") throw excelError("InvalidArgument", location);
  return entry === "" ? "General" : entry;
}
