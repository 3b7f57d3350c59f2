import ExcelJS from "exceljs";
import { cellAddress, parseRange, rangeAddress } from "../core/snapshot";
import { type BuiltTemplate, type CellSpec, type ConditionalFormatSpec, EMPTY_META, headerFooterText, type MetaRecords, metaRows, metaSheetSpec, PRINT_MARGINS, SHEET_PROTECTION, type SheetSpec, type StyleSpec, type ValidationSpec, withFormSettings, withLevelRecords, withSheetRecords } from "../core/template";
import type { ChartSpec } from "../core/merge";
import { withCharts } from "./charts";

/**
 * Writes a sheet spec as an .xlsx worksheet with ExcelJS: the file counterpart of the Office.js
 * renderer (src/excel/render.ts), cell for cell.
 *
 * Formula cells are written without a cached result: we cannot compute one honestly here, so the
 * workbook asks the spreadsheet program to recalculate everything when it opens the file.
 */

/** What ExcelJS has at run time but leaves out of its type definitions. */
interface WorksheetInternals {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

const HORIZONTAL = { Left: "left", Center: "center", Right: "right" } as const;
const VERTICAL = { Top: "top", Center: "middle", Bottom: "bottom" } as const;
const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const DEFAULT_COLUMN_WIDTH = 9;
/**
 * The font of cells without a style in an ExcelJS workbook. A styled cell starts from it: a font
 * with no name is left to the reader's guess (LibreOffice picks Cambria or DejaVu Sans).
 */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

/** The paper sizes of a print spec as SpreadsheetML's paperSize codes. */
const PAPER_CODE = { A4: 9, A3: 8 } as const;
const POINTS_PER_INCH = 72;

/** `#1F4E79` → ExcelJS's `FF1F4E79`. */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

/** Every cell of an A1 range (a few hundred at most in a Planbook sheet). */
function eachCell(worksheet: ExcelJS.Worksheet, range: string, apply: (cell: ExcelJS.Cell) => void): void {
  const { start, end } = parseRange(range);
  for (let row = start.row; row <= end.row; row++) {
    for (let col = start.col; col <= end.col; col++) apply(worksheet.getCell(row + 1, col + 1));
  }
}

/** The value ExcelJS writes for a spec cell. Strings stay strings: an xlsx string cell is never parsed as a formula. */
function cellValue(cell: CellSpec): ExcelJS.CellValue {
  if ("formula" in cell) return { formula: cell.formula.replace(/^=/, "") };
  return cell.value;
}

// Cells created by ExcelJS may share font/alignment objects with their row or column, so every
// change below assigns a new object instead of mutating the one already there.
function applyStyle(cell: ExcelJS.Cell, style: StyleSpec): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor || style.fontSize) {
    const font: Partial<ExcelJS.Font> = { ...DEFAULT_FONT, ...cell.font };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontColor) font.color = { argb: argb(style.fontColor) };
    if (style.fontSize) font.size = style.fontSize;
    cell.font = font;
  }
  if (style.fill) cell.fill = solidFill(style.fill);
  const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
  if (style.wrap !== undefined) alignment.wrapText = style.wrap;
  if (style.horizontal) alignment.horizontal = HORIZONTAL[style.horizontal];
  if (style.vertical) alignment.vertical = VERTICAL[style.vertical];
  cell.alignment = alignment;
  if (style.border) cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
}

function dataValidation(validation: ValidationSpec): ExcelJS.DataValidation {
  const rule = validation.rule;
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: validation.prompt.title,
    prompt: validation.prompt.message,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: validation.error.title,
    error: validation.error.message,
  };
  if (rule.type === "list") return { type: "list", formulae: [`"${rule.items.join(",")}"`], ...messages };
  if (rule.type === "decimal" && rule.max !== undefined) {
    return { type: "decimal", operator: "between", formulae: [rule.min, rule.max], ...messages };
  }
  return { type: rule.type, operator: "greaterThanOrEqual", formulae: [rule.min], ...messages };
}

function conditionalFormatting(format: ConditionalFormatSpec, priority: number): ExcelJS.ConditionalFormattingOptions {
  return {
    ref: format.range,
    rules: [
      {
        type: "expression",
        priority,
        formulae: [format.formula.replace(/^=/, "")],
        // A differential format's solid fill takes its colour from bgColor.
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.fill) } },
          font: { color: { argb: argb(format.fontColor) } },
        },
      },
    ],
  };
}

/**
 * The sheet protection options (SHEET_PROTECTION in the core) in ExcelJS's terms, so both
 * renderers allow a person exactly the same things on a protected sheet.
 */
export function protectionOptions(): Partial<ExcelJS.WorksheetProtection> {
  const allow = SHEET_PROTECTION;
  return {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: allow.allowFormatCells,
    formatColumns: allow.allowFormatColumns,
    formatRows: allow.allowFormatRows,
    insertColumns: allow.allowInsertColumns,
    insertRows: allow.allowInsertRows,
    insertHyperlinks: allow.allowInsertHyperlinks,
    deleteColumns: allow.allowDeleteColumns,
    deleteRows: allow.allowDeleteRows,
    sort: allow.allowSort,
    autoFilter: allow.allowAutoFilter,
    pivotTables: allow.allowPivotTables,
    objects: allow.allowEditObjects,
    scenarios: allow.allowEditScenarios,
  };
}

/** Adds a worksheet written from the spec to the workbook: contents, formats, locks, rules, layout, protection. */
export async function renderSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): Promise<ExcelJS.Worksheet> {
  const worksheet = workbook.addWorksheet(spec.name, {
    state: spec.visibility === "VeryHidden" ? "veryHidden" : spec.visibility === "Hidden" ? "hidden" : "visible",
    properties: {
      ...(spec.tabColor ? { tabColor: { argb: argb(spec.tabColor) } } : {}),
      // ExcelJS leaves out a column exactly 9 wide, taking 9 for the default width; making 9 the
      // sheet's default keeps such columns 9 wide (Excel's own default is 8.43).
      defaultColWidth: DEFAULT_COLUMN_WIDTH,
    },
  });

  spec.columnWidths.forEach((chars, index) => {
    worksheet.getColumn(index + 1).width = chars;
  });
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) worksheet.getRow(Number(row)).height = height;
  spec.cells.forEach((row, rowIndex) => {
    row.forEach((cell, colIndex) => {
      if (cell !== null) worksheet.getCell(rowIndex + 1, colIndex + 1).value = cellValue(cell);
    });
  });
  for (const { range, format } of spec.numberFormats) {
    eachCell(worksheet, range, (cell) => {
      cell.numFmt = format;
    });
  }
  for (const style of spec.styles) eachCell(worksheet, style.range, (cell) => applyStyle(cell, style));
  // Every cell of an .xlsx is locked unless its style says otherwise: only the inputs need a word.
  for (const range of spec.unlocked) {
    eachCell(worksheet, range, (cell) => {
      cell.protection = { locked: false };
    });
  }
  // Merged last: ExcelJS gives the covered cells the top-left cell's format, as Excel does.
  for (const merge of spec.merges) worksheet.mergeCells(merge);

  const validations = (worksheet as unknown as WorksheetInternals).dataValidations;
  for (const validation of spec.validations) validations.add(validation.range, dataValidation(validation));
  spec.conditionalFormats.forEach((format, index) => {
    worksheet.addConditionalFormatting(conditionalFormatting(format, index + 1));
  });

  if (spec.freeze.rows > 0 || spec.freeze.columns > 0) {
    worksheet.views = [
      {
        state: "frozen",
        xSplit: spec.freeze.columns,
        ySplit: spec.freeze.rows,
        topLeftCell: cellAddress(spec.freeze.rows, spec.freeze.columns),
      },
    ];
  }
  const inches = (points: number): number => Math.round((points / POINTS_PER_INCH) * 100) / 100;
  const width = spec.cells[0]?.length ?? 0;
  worksheet.pageSetup = {
    paperSize: PAPER_CODE[spec.print.paper ?? "A4"] as ExcelJS.PaperSize,
    orientation: spec.print.orientation === "Landscape" ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: spec.print.fitToPagesWide,
    // 0: as many pages down as the rows need.
    fitToHeight: 0,
    printTitlesRow: spec.print.titleRows,
    ...(spec.print.titleColumns ? { printTitlesColumn: spec.print.titleColumns } : {}),
    showGridLines: spec.print.gridlines ?? false,
    horizontalCentered: true,
    margins: {
      top: inches(PRINT_MARGINS.top),
      bottom: inches(PRINT_MARGINS.bottom),
      left: inches(PRINT_MARGINS.left),
      right: inches(PRINT_MARGINS.right),
      header: inches(PRINT_MARGINS.header),
      footer: inches(PRINT_MARGINS.footer),
    },
    ...(spec.cells.length > 0 && width > 0 ? { printArea: rangeAddress(0, 0, spec.cells.length, width) } : {}),
  };
  // ExcelJS breaks after the row it is given: the row above the one that starts the page.
  for (const row of spec.print.pageBreaks ?? []) worksheet.getRow(row - 1).addPageBreak();
  const header = headerFooterText(spec.print.header);
  const footer = headerFooterText(spec.print.footer);
  if (header || footer) worksheet.headerFooter = { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) };
  await worksheet.protect(spec.protection.password ?? "", protectionOptions());
  return worksheet;
}

/** A new workbook holding the given sheets in order, and the charts on them, as .xlsx bytes. */
export async function writeWorkbook(specs: SheetSpec[], charts: ChartSpec[] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const spec of specs) await renderSheet(workbook, spec);
  // Open on the first sheet a person can see, never on the hidden metadata.
  const activeTab = Math.max(0, specs.findIndex((spec) => spec.visibility === "Visible"));
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: "visible" }];
  // A Uint8Array, not a Node Buffer: the task pane writes files in the browser too.
  return withCharts(new Uint8Array(await workbook.xlsx.writeBuffer()), charts, specs);
}

/**
 * A template file: the report sheet, its 填报说明, then the very hidden `_planbook` metadata sheet
 * holding the records of `existingMeta` (other sheets' records, when the template joins an
 * existing set) with this sheet's records replaced, and the form settings the sheet shows (so
 * they travel with the file). The metadata sheet gets `password`, by default the report sheet's.
 */
export async function writeTemplateFile(
  built: BuiltTemplate,
  existingMeta?: MetaRecords,
  password?: string | null,
): Promise<Uint8Array> {
  // The level corrections go with the file: a check or merge of it alone asks for the same rows.
  const records = withLevelRecords(withFormSettings(withSheetRecords(existingMeta ?? EMPTY_META, built.sheetRecord, built.rowRecords), built.form), built.levels);
  const meta = metaSheetSpec(metaRows(records), password === undefined ? built.sheet.protection.password : password);
  return writeWorkbook([built.sheet, built.instructions, meta]);
}
