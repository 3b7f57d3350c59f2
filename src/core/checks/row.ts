/** The checks of one row: a quota's row, a ratio's numerator or denominator, an Annex 2 reading. */
import { clearedByNote, type Finding, finding } from "../findings/findings";
import { isBlankInput, sameCellValue } from "../snapshot/cells";
import { isPercentKind } from "../plan/types";
import { type ReportRow, type ReportSheet } from "../snapshot/read-sheets";
import { rowFormulas, sameAsFormula } from "../template/formulas";
import { parseReadingId } from "../template/readings";
import { type ColumnKey, MILESTONE_STATUSES, RUNNING_KINDS } from "../template/columns";
import { PART_LABELS, type PartKey, parsePartId, partId, partnerOf, shareOf } from "../template/ratio-parts";
import { annex2Path } from "../template/targets";
import { checkIntegrity } from "./integrity";
import { type CheckContext, type SheetUnderCheck, numberIn, shapeOf, stageOfRow, isAsked } from "./sheet-under-check";
import { coverageAboveUnits, targetAgainstPlan } from "./against-plan";
import { previousChanged, againstPrevious } from "./previous-column";
import { TEXT_INPUTS, uncomputedInputs, tooLongInputs, checkNumber } from "./input-cells";
import { partsFinding, targetWarnings, earlierWarning, citiesWarning, citiesNotAddingUp } from "./warnings";

/** A reading by Annex 2 (template/readings.ts) has nothing typed: only its target and formulas are the template's or not. */
export function checkReadingRow(sheet: SheetUnderCheck, row: ReportRow, context: CheckContext): Finding[] {
  const quotaId = parseReadingId(row.quotaId);
  const found = quotaId === null ? undefined : sheet.known?.quotas.get(quotaId);
  const quota = found === undefined || found === "retired" ? null : found;
  const reading = quota && sheet.known ? annex2Path(quota, sheet.known.revision) : null;
  const main = quota ? sheet.rowsById.get(quota.id) : undefined;
  const stage = reading && sheet.period ? stageOfRow(sheet, reading, sheet.period, context.geography) : null;
  const cumulative = main ? sheet.report.address(main, "cumulative") : null;
  const generated = reading && stage && cumulative ? () => [...rowFormulas(reading, row.row, stage), sameAsFormula(cumulative)] : null;
  return checkIntegrity(sheet.report, row, generated);
}

export function checkRow(sheet: SheetUnderCheck, row: ReportRow, context: CheckContext): Finding[] {
  const { report, period } = sheet;
  const { quota, shape } = shapeOf(sheet, row);
  const stage = quota && period ? stageOfRow(sheet, quota, period, context.geography) : null;
  const generated = quota && stage ? () => rowFormulas(quota, row.row, stage) : null;
  const out = checkIntegrity(report, row, generated);
  if (quota && !out.some((f) => f.rule === "target-changed")) out.push(...targetAgainstPlan(sheet, row, quota, context));
  out.push(...previousChanged(report, row, sheet.log));
  // The number inputs say so through checkNumber, with the other wrong types.
  out.push(...uncomputedInputs(report, row, sheet.types, TEXT_INPUTS), ...tooLongInputs(report, row));
  const part = parsePartId(row.quotaId);
  if (part) return [...out, ...checkPartRow(sheet, row, part, context)];
  if (!shape) return out;
  const at = (key: ColumnKey) => ({ sheet: report.name, cell: report.address(row, key), quotaId: row.quotaId });
  if (shape.kind === "milestone") {
    const status = row.values.status;
    if (!isBlankInput(status) && !(MILESTONE_STATUSES as readonly string[]).includes(String(status).trim())) {
      out.push(finding("status-not-in-list", at("status"), { found: status }, status));
    }
    // After its last deadline a quota's figure is final and no longer asked for.
    if (context.endOfPeriod && isBlankInput(status) && !stage?.closed && isAsked(sheet, row, context)) {
      out.push(finding("required-blank", at("status"), { column: "status" }, status));
    }
    return out;
  }
  // A ratio collected as two figures is typed on their rows and is their quotient, whatever its formula shows.
  const parts = shape.kind === "ratio" ? figuresOf(sheet, row.quotaId) : null;
  // A ratio or a growth rate has no "this period" figure: only the level reached counts.
  const keys: ColumnKey[] = parts ? [] : isPercentKind(shape.kind) ? ["cumulative"] : ["period", "cumulative"];
  const problems = keys.flatMap((key) => checkNumber(sheet, row, key, shape));
  out.push(...problems);
  if (!parts && context.endOfPeriod && isBlankInput(row.values.cumulative) && !stage?.closed && isAsked(sheet, row, context)) {
    out.push(finding("required-blank", at("cumulative"), { column: "cumulative" }, row.values.cumulative));
  }
  const cumulative = parts ? parts.share : numberIn(row.values.cumulative);
  if (problems.length > 0 || cumulative === null) return out;
  const thisPeriod = numberIn(row.values.period);
  if (thisPeriod !== null && !isPercentKind(shape.kind) && cumulative < thisPeriod) {
    out.push(finding("cumulative-below-period", at("cumulative"), { cumulative, period: thisPeriod }, cumulative));
  }
  if (RUNNING_KINDS.has(shape.kind) && !out.some((f) => f.rule === "previous-changed")) out.push(...againstPrevious(report, row, cumulative, thisPeriod));
  if (!quota) return out;
  out.push(...partsFinding(sheet, row, quota, cumulative), ...coverageAboveUnits(sheet, row, quota, cumulative, context));
  const warnings = [...targetWarnings(sheet, row, quota, cumulative, context.geography), ...earlierWarning(sheet, row, quota, cumulative), ...citiesWarning(sheet, row, quota, cumulative)];
  // A 说明 in the row explains away the findings the registry says it clears.
  const explained = !isBlankInput(row.values.note);
  out.push(...warnings.filter((f) => !(explained && clearedByNote(f))));
  return out;
}

/** A ratio's two figures on the sheet and their quotient (null while either is not a usable number); null when the ratio has none. */
function figuresOf(sheet: SheetUnderCheck, quotaId: string): { numerator: ReportRow; denominator: ReportRow; share: number | null } | null {
  const numerator = sheet.rowsById.get(partId(quotaId, "numerator"));
  const denominator = sheet.rowsById.get(partId(quotaId, "denominator"));
  if (!numerator || !denominator) return null;
  return { numerator, denominator, share: shareOf(numberIn(numerator.values.cumulative), numberIn(denominator.values.cumulative)) };
}

/**
 * A ratio's numerator or denominator: a count at the period's end, typed in 累计完成, asked for
 * at the end of the period like any figure; the numerator can never exceed the denominator.
 */
function checkPartRow(sheet: SheetUnderCheck, row: ReportRow, part: { quotaId: string; key: PartKey }, context: CheckContext): Finding[] {
  const found = sheet.known?.quotas.get(part.quotaId);
  const quota = found === undefined || found === "retired" ? null : found;
  const stage = quota && sheet.period ? stageOfRow(sheet, quota, sheet.period, context.geography) : null;
  const unit = String(row.values.unit ?? "").trim();
  const problems = checkNumber(sheet, row, "cumulative", { kind: "cumulative", unit: unit === "" || unit === "—" ? null : unit });
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId };
  if (problems.length > 0) return problems;
  if (isBlankInput(row.values.cumulative)) {
    // Asked for where its ratio is (a scope that does not report the ratio does not report its figures).
    const asked = isAsked(sheet, sheet.rowsById.get(part.quotaId) ?? row, context);
    return context.endOfPeriod && !stage?.closed && asked ? [finding("required-blank", at, { column: "cumulative" }, row.values.cumulative)] : [];
  }
  const figure = numberIn(row.values.cumulative);
  const out: Finding[] = [];
  // A figure without its partner makes no share and is summed nowhere: told at once, not only at the period's end.
  const partner = sheet.rowsById.get(partId(part.quotaId, partnerOf(part.key)));
  if (partner && isBlankInput(partner.values.cumulative) && !stage?.closed) {
    const partnerCell = sheet.report.address(partner, "cumulative");
    out.push(finding("ratio-part-alone", at, { part: PART_LABELS[part.key], partner: PART_LABELS[partnerOf(part.key)], partnerCell }, row.values.cumulative));
  }
  out.push(...partFell(sheet.report, row, part.key, figure));
  // The figures of an Annex 1 ratio add up across cities like any count (the shares never do).
  if (quota && quota.region === null && figure !== null) out.push(...citiesNotAddingUp(sheet, row, figure));
  const figures = part.key === "numerator" ? figuresOf(sheet, part.quotaId) : null;
  const numerator = numberIn(figures?.numerator.values.cumulative);
  const denominator = numberIn(figures?.denominator.values.cumulative);
  if (!figures || numerator === null || denominator === null || numerator <= denominator) return out;
  const denominatorCell = sheet.report.address(figures.denominator, "cumulative");
  return [finding("numerator-above-denominator", at, { numerator, denominator, denominatorCell }, numerator), ...out];
}

/**
 * A ratio's figure below its 上期累计 (last period's figure, carried in): a count at the period's
 * end may fall (an enterprise closes), so it is a warning its 说明 explains, not an error. Not told
 * where 上期累计 itself was typed over (that is previous-changed).
 */
function partFell(report: ReportSheet, row: ReportRow, key: PartKey, figure: number | null): Finding[] {
  const before = numberIn(row.values.previous);
  if (figure === null || before === null || figure >= before || !sameCellValue(row.values.previous, row.record.previous) || !isBlankInput(row.values.note)) return [];
  const at = { sheet: report.name, cell: report.address(row, "cumulative"), quotaId: row.quotaId };
  return [finding("part-fell", at, { part: PART_LABELS[key], figure, before, previousPeriod: report.record.previousPeriod || "上期" }, figure)];
}
