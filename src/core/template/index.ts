/**
 * The template room's front door: what code outside src/core/template may import from it.
 * The report template: the sheet spec (spec, sheet, styles), its columns and formulas, the
 * targets and splits it carries, its metadata (meta) and instructions; build makes the sheets.
 */
export { buildTemplate, type BuiltTemplate, defaultSheetName, type TemplateRequest } from "./build";
export { inputValidation } from "./input-ranges";
export { type CarriedInputs, type CarriedRow, type PreviousReport } from "./carried";
export { COLUMN, type ColumnKey, FRAME_RIGHT_KEY, HEADER_ROW, identityRow, INPUT_COLUMNS, KIND_LABELS, MILESTONE_STATUSES, NOT_ASSIGNED, PENDING, REPORT_COLUMNS, SIGNATURE_FIELDS, STATES, STATUS_THRESHOLDS } from "./columns";
export { wrappedLines } from "./fit";
export { cleanFormSettings, EMPTY_FORM, FORM_FIELDS, type FormSettings } from "./form";
export {
  atLeast,
  ceilingCompletionFormula,
  completionOf,
  growthRateFormula,
  isLagging,
  milestoneState,
  milestoneStateFormula,
  quotaCompletionFormula,
  quotaState,
  quotaStateFormula,
  rolledUpStatus,
  rolledUpStatusFormula,
  type State,
} from "./formulas";
export { INSTRUCTIONS_SHEET, instructionsSheetSpec, isInstructionsSheet } from "./instructions";
export { quotaFacts, targetFigure, unitsLabel } from "./labels";
export { EMPTY_META, formOf, META_SHEET, type MetaRecords, metaRows, parseMetaRows, rowFingerprint, type SplitRecord, withFormSettings, withImportedPlan, withLevelRecords, withSheetRecords } from "./meta";
export { parsePartId, PART_KEYS, partId, type PartKey, partsOf } from "./ratio-parts";
export { parseReadingId, readingId } from "./readings";
export { metaSheetSpec, sheetSpec } from "./sheet";
export { asLiteralText, type CellSpec, type CellValue, type ConditionalFormatSpec, gridToFormulas, headerFooterText, PRINT_MARGINS, SHEET_PROTECTION, type SheetSpec, type StyleSpec, type ValidationSpec } from "./spec";
export { pathInScope, stageInScope } from "./targets";
