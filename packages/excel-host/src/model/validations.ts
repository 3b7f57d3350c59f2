import { type Rect, containsRect, subtract } from "../address";
import { excelError } from "../errors";
import { toExcelValue } from "./cells";
import { shiftFormula, withCellValue } from "./formula-text";
import { assertAllowed } from "./protection";
import type { SheetModel, ValidationModel } from "./sheet";
import type { WorkbookModel } from "./workbook";

/** Data validation: rules by area, as `range.dataValidation` sets them, and whether a value passes. */
export class DataValidations {
  constructor(private readonly book: WorkbookModel) {}

  at(sheet: SheetModel, row: number, col: number): ValidationModel | undefined {
    return sheet.validations.touching({ row, col, rows: 1, cols: 1 })[0];
  }

  /** The validations covering a range; `mixed` when its cells do not all share one. */
  of(sheet: SheetModel, rect: Rect): { single: ValidationModel | null; mixed: boolean } {
    const touching = sheet.validations.touching(rect);
    if (touching.length === 0) return { single: null, mixed: false };
    const [only] = touching;
    if (only && touching.length === 1 && containsRect(only.rect, rect)) return { single: only, mixed: false };
    return { single: null, mixed: true };
  }

  /** Sets part of a range's data validation: the range gets one validation of its own. */
  update(sheet: SheetModel, rect: Rect, patch: Partial<Omit<ValidationModel, "rect">>, location: string): void {
    assertAllowed(sheet, "validation", rect, location);
    if (patch.rule !== undefined) checkValidationRule(patch.rule, location);
    const exact = sheet.validations
      .touching(rect)
      .find((v) => v.rect.row === rect.row && v.rect.col === rect.col && v.rect.rows === rect.rows && v.rect.cols === rect.cols);
    if (exact) {
      Object.assign(exact, patch);
      return;
    }
    const base = this.at(sheet, rect.row, rect.col);
    this.remove(sheet, rect);
    sheet.validations.add({
      rect,
      rule: base ? base.rule : {},
      prompt: base ? { ...base.prompt } : { showPrompt: true, title: "", message: "" },
      errorAlert: base ? { ...base.errorAlert } : { showAlert: true, style: "Stop", title: "", message: "" },
      ignoreBlanks: base ? base.ignoreBlanks : true,
      ...patch,
    });
  }

  clear(sheet: SheetModel, rect: Rect, location: string): void {
    assertAllowed(sheet, "validation", rect, location);
    this.remove(sheet, rect);
  }

  private remove(sheet: SheetModel, rect: Rect): void {
    for (const cut of sheet.validations.touching(rect)) {
      sheet.validations.remove(cut);
      for (const piece of subtract(cut.rect, rect)) sheet.validations.add({ ...cut, rect: piece });
    }
  }

  /** Whether a value satisfies a cell's validation (`dataValidation.valid`, and a person typing). */
  satisfies(sheet: SheetModel, validation: ValidationModel, row: number, col: number, value: unknown): boolean {
    this.book.cells.resumeEvaluation();
    if (value === "" || value === null) return validation.ignoreBlanks;
    const [kind, body] = Object.entries(validation.rule)[0] ?? [];
    if (!kind) return true;
    const spec = body as Record<string, unknown>;
    const dRow = row - validation.rect.row;
    const dCol = col - validation.rect.col;
    const bound = (formula: unknown) => this.evaluateCriterion(sheet, formula, dRow, dCol);
    switch (kind) {
      case "wholeNumber":
      case "decimal":
      case "date":
      case "time":
      case "textLength": {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell's content of any kind reads as its text, as Excel coerces it
        const subject = kind === "textLength" ? String(value).length : value;
        if (typeof subject !== "number") return false;
        if (kind === "wholeNumber" && !Number.isInteger(subject)) return false;
        return compare(subject, String(spec.operator), bound(spec.formula1), bound(spec.formula2));
      }
      case "list": {
        const source = spec.source;
        const items =
          typeof source === "string" && source.startsWith("=")
            ? flatValues(this.book.engine.calculateFormula(source, sheet.engineId))
            : String(source)
                .split(",")
                .map((item) => item.trim());
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell's content of any kind reads as its text, as Excel coerces it
        return items.some((item) => item === String(value));
      }
      case "custom": {
        // Excel judges the value being entered: the cell's own references read that value.
        const formula = withCellValue(shiftFormula(String(spec.formula), dRow, dCol), row, col, value);
        const result = this.book.engine.calculateFormula(formula, sheet.engineId);
        return result === true || (typeof result === "number" && result !== 0);
      }
      default:
        return true;
    }
  }

  private evaluateCriterion(sheet: SheetModel, formula: unknown, dRow: number, dCol: number): number {
    if (typeof formula === "number") return formula;
    if (formula === undefined || formula === null) return NaN;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell's content of any kind reads as its text, as Excel coerces it
    const text = String(formula);
    if (!text.startsWith("=")) return Number(text);
    this.book.cells.resumeEvaluation();
    const result = this.book.engine.calculateFormula(shiftFormula(text, dRow, dCol), sheet.engineId);
    return typeof result === "number" ? result : NaN;
  }}

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

/** Excel's checks on `dataValidation.rule`: exactly one kind, an operator it knows, the bounds the operator needs. */
function checkValidationRule(rule: Record<string, unknown>, location: string): void {
  if (rule === null || typeof rule !== "object") throw excelError("InvalidArgument", location);
  const kinds = Object.keys(rule).filter((key) => rule[key] !== undefined && rule[key] !== null);
  const [kind] = kinds;
  if (kind === undefined || kinds.length !== 1) throw excelError("InvalidArgument", location);
  const body = rule[kind] as Record<string, unknown>;
  if (body === null || typeof body !== "object") throw excelError("InvalidArgument", location);
  switch (kind) {
    case "wholeNumber":
    case "decimal":
    case "date":
    case "time":
    case "textLength": {
      if (!OPERATORS.includes(String(body.operator))) throw excelError("InvalidArgument", location);
      if (body.formula1 === undefined || body.formula1 === null || body.formula1 === "") throw excelError("InvalidArgument", location);
      const needsTwo = body.operator === "Between" || body.operator === "NotBetween";
      if (needsTwo && (body.formula2 === undefined || body.formula2 === null || body.formula2 === "")) throw excelError("InvalidArgument", location);
      return;
    }
    case "list":
      if (typeof body.source !== "string" || body.source === "") throw excelError("InvalidArgument", location);
      return;
    case "custom":
      if (typeof body.formula !== "string" || body.formula === "") throw excelError("InvalidArgument", location);
      return;
    default:
      throw excelError("InvalidArgument", location);
  }
}

function compare(value: number, operator: string, a: number, b: number): boolean {
  switch (operator) {
    case "Between":
      return value >= Math.min(a, b) && value <= Math.max(a, b);
    case "NotBetween":
      return value < Math.min(a, b) || value > Math.max(a, b);
    case "EqualTo":
      return value === a;
    case "NotEqualTo":
      return value !== a;
    case "GreaterThan":
      return value > a;
    case "LessThan":
      return value < a;
    case "GreaterThanOrEqualTo":
      return value >= a;
    case "LessThanOrEqualTo":
      return value <= a;
    default:
      return false;
  }
}

function flatValues(result: unknown): string[] {
  const values = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
  return values.map((v) => String(toExcelValue(v)));
}
