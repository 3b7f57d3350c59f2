/**
 * The snapshot room's front door: what code outside src/core/snapshot may import from it.
 * A workbook as pure data (snapshot), its addresses (a1) and cells, its Planbook sheets read
 * back (read-sheets), formulas a program wrote without results (formula), and what a workbook
 * about to be written over holds (existing-output).
 */
export { cellAddress, changedArea, columnIndex, columnLetter, parseCell, parseRange, rangeAddress, runs, sheetRef, splitAreas } from "./a1";
export { EXCEL_CELL_CHARACTERS, fittedToCell, isBlank } from "./cells";
export { existingOutput } from "./existing-output";
export { evaluateUncachedFormulas } from "./formula";
export { carriedInputs, looseCells, previousReport, readMeta, readWorkbook, type ReportRow, type ReportSheet } from "./read-sheets";
export { cellAt, type CellType, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
