// HyperFormula is licensed GPL-3.0 (licenseKey "gpl-v3"): this host evaluates formulas with it, and
// the host is never bundled into the add-in.
import { HyperFormula } from "hyperformula";
import { MAX_COLUMNS, MAX_ROWS } from "../address";
import { required } from "../../../../src/core/shared";
import { excelError } from "../errors";
import { CellContents } from "./cells";
import { Charts } from "./charts";
import { ConditionalFormats } from "./conditional-formats";
import { CellFormatting } from "./formatting";
import { SheetLayout } from "./layout";
import { type ChangeEvent, SheetModel, type SheetVisibility } from "./sheet";
import { DataValidations } from "./validations";

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;

/**
 * The workbook's state: sheets in tab order, and one HyperFormula engine holding every sheet's
 * contents so formulas (also across sheets) evaluate as in Excel. What a sheet holds is handled
 * by one part each: contents, formatting, layout, data validation, conditional formats, charts
 * (protection and row/column shifts are functions of their own modules).
 */
export class WorkbookModel {
  readonly cells = new CellContents(this);
  readonly formatting = new CellFormatting(this);
  readonly layout = new SheetLayout(this);
  readonly validations = new DataValidations(this);
  readonly conditionalFormats = new ConditionalFormats(this);
  readonly charts = new Charts(this);
  readonly engine: HyperFormula;
  sheets: SheetModel[] = [];
  activeSheetId = "";
  /** `context.runtime.enableEvents`: per add-in, lasts across `Excel.run` calls. */
  enableEvents = true;
  calculationMode = "Automatic";
  settings = new Map<string, unknown>();
  /** Receives each change as it happens (the host hands it to the handlers registered at that moment). */
  onChange: (event: ChangeEvent) => void = () => undefined;
  private nextSheet = 1;
  private nextObject = 1;

  constructor(sheetNames: string[]) {
    this.engine = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      // Excel treats an empty cell as 0 in arithmetic and as "" in comparisons.
      evaluateNullToZero: true,
      dateFormats: ["YYYY-MM-DD", "YYYY/MM/DD", "MM/DD/YYYY"],
    });
    // Excel's bare TRUE and FALSE in formulas; HyperFormula only knows the functions TRUE() and FALSE().
    this.engine.addNamedExpression("TRUE", "=TRUE()");
    this.engine.addNamedExpression("FALSE", "=FALSE()");
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheetId = (this.sheets[0] ?? this.addSheet("Sheet1")).id;
  }

  newId(prefix: string): string {
    return `${prefix}${this.nextObject++}`;
  }

  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  sheetByName(name: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`The in-memory workbook has no sheet named '${name}' (sheets: ${this.sheets.map((s) => s.name).join(", ")})`);
    return sheet;
  }

  get activeSheet(): SheetModel {
    // deleteSheet never removes the last visible sheet, so a workbook always has a first one.
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? required(this.sheets[0], "the workbook's first sheet");
  }

  addSheet(name?: string, location = "WorksheetCollection.add"): SheetModel {
    const sheetName = name ?? this.freeSheetName();
    this.checkSheetName(sheetName, null, location);
    const engineName = this.engine.addSheet(sheetName);
    const number = this.nextSheet++;
    const id = `{${String(number).padStart(8, "0")}-0001-0000-0000-000000000000}`;
    const sheet = new SheetModel(this, id, sheetName, this.engine.getSheetId(engineName) as number);
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string, location = "Worksheet.name"): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet, location);
    this.engine.renameSheet(sheet.engineId, name);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel, location = "Worksheet.delete"): void {
    const nextActive = this.sheets.find((s) => s !== sheet && s.visibility === "Visible");
    if (!nextActive) throw excelError("InvalidOperation", location);
    this.cells.touched();
    this.engine.removeSheet(sheet.engineId);
    sheet.deleted = true;
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) this.activeSheetId = nextActive.id;
  }

  setVisibility(sheet: SheetModel, visibility: string, location = "Worksheet.visibility"): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) throw excelError("InvalidArgument", location);
    if (visibility !== "Visible" && !this.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
      throw excelError("InvalidOperation", location);
    }
    sheet.visibility = visibility as SheetVisibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id) {
      this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")!.id;
    }
  }

  moveSheet(sheet: SheetModel, position: number, location = "Worksheet.position"): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw excelError("InvalidArgument", location);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  activate(sheet: SheetModel, location = "Worksheet.activate"): void {
    if (sheet.visibility !== "Visible") throw excelError("InvalidOperation", location);
    this.activeSheetId = sheet.id;
  }

  private freeSheetName(): string {
    for (let n = 1; ; n++) if (!this.findSheet(`Sheet${n}`)) return `Sheet${n}`;
  }

  private checkSheetName(name: string, renaming: SheetModel | null, location: string): void {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name) || /^'|'$/.test(name)) {
      throw excelError("InvalidArgument", location);
    }
    const other = this.findSheet(name);
    if (other && other !== renaming) throw excelError("ItemAlreadyExists", location);
  }
}
