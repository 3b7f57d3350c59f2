/**
 * The shared room's front door: what code outside src/core/shared may import from it.
 * Small helpers every room uses: the named errors (errors), `required` for values the types
 * cannot see are there, Chinese numerals and text (text), indexes built once per list (list-index).
 */
export { CorrectionError, CountiesParseError, InputError, InvalidAddressError, InvalidCorrectionError, InvalidPeriodError, InvalidScopeError, InvalidSplitError, PlanParseError, PreviousSheetError, UnknownQuotaError } from "./errors";
export { matchGroup, required } from "./required";
export { groupedBy, indexBuiltOnce } from "./list-index";
export { beforeFirst, chineseNumeral, parseChineseNumeral } from "./text";
