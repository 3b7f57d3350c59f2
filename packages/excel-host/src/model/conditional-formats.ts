import { type Rect, subtract } from "../address";
import { excelError } from "../errors";
import { assertAllowed } from "./protection";
import type { ConditionalFormatModel, SheetModel } from "./sheet";
import type { WorkbookModel } from "./workbook";

/** Conditional formats, first in the list = highest priority, as Excel orders a sheet's rules. */
export class ConditionalFormats {
  constructor(private readonly book: WorkbookModel) {}

  add(sheet: SheetModel, rect: Rect, type: string, location: string): ConditionalFormatModel {
    const known = ["Custom", "CellValue", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText"];
    if (!known.includes(type)) throw excelError("InvalidArgument", location);
    assertAllowed(sheet, "formatCells", rect, location);
    const model: ConditionalFormatModel = {
      id: this.book.newId("cf"),
      type,
      areas: [rect],
      rule: {},
      format: {},
      priority: 0,
      stopIfTrue: false,
    };
    for (const other of sheet.conditionalFormats) other.priority += 1;
    sheet.conditionalFormats.unshift(model);
    return model;
  }

  clear(sheet: SheetModel, rect: Rect, location: string): void {
    assertAllowed(sheet, "formatCells", rect, location);
    this.remove(sheet, rect);
  }

  remove(sheet: SheetModel, rect: Rect): void {
    for (const format of sheet.conditionalFormats) format.areas = format.areas.flatMap((area) => subtract(area, rect));
    sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.areas.length > 0);
    sheet.conditionalFormats.forEach((format, index) => (format.priority = index));
  }}
