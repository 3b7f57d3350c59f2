/** A row's 上期累计: carried in locked, and 本期 = 累计 − 上期累计 for a running total. */
import { type Finding, finding } from "../findings/findings";
import { sameCellValue } from "../snapshot/cells";
import { type ReportRow, type ReportSheet } from "../snapshot/read-sheets";
import { type ColumnKey } from "../template/columns";
import { type ChangeLogEntry, loggedChange } from "./changelog";
import { cumulativeFell } from "./running-total";
import { numberIn } from "./sheet-under-check";
import { SUM_TOLERANCE } from "./warnings";

/**
 * 上期累计 is carried in locked: a value other than the one written is an edit, told at its cell —
 * unless 修改记录 logs it, from the figure written to the one there (an explicit correction after
 * the previous period's report was corrected, `planbook correct --previous`).
 */
export function previousChanged(report: ReportSheet, row: ReportRow, log: ChangeLogEntry[]): Finding[] {
  if (report.columns.previous === undefined || sameCellValue(row.values.previous, row.record.previous)) return [];
  const at = { sheet: report.name, cell: report.address(row, "previous"), quotaId: row.quotaId };
  if (at.cell !== null && loggedChange(log, report.name, at.cell, row.record.previous, row.values.previous)) return [];
  return [finding("previous-changed", at, { expected: row.record.previous, found: row.values.previous, previousPeriod: report.record.previousPeriod }, row.values.previous)];
}

/** Digits after the decimal point of a figure as typed (0.25 has 2). */
const decimalsOf = (n: number): number => {
  const [, fraction = ""] = String(n).split(".");
  return /e/i.test(String(n)) ? 10 : fraction.length;
};

/**
 * A running total against the sheet's 上期累计: below it, the total fell since the previous period;
 * else 本期 must be 累计 − 上期累计, to within half a unit of the less precise of the two figures
 * typed this period (本期 2.7 or 2.8 for 2.75 is rounding to one decimal, 2.9 is not, nor 本期 3 for 2);
 * 上期累计 was carried in exactly.
 */
export function againstPrevious(report: ReportSheet, row: ReportRow, cumulative: number, thisPeriod: number | null): Finding[] {
  const previous = numberIn(row.values.previous);
  if (previous === null) return [];
  const at = (key: ColumnKey) => ({ sheet: report.name, cell: report.address(row, key), quotaId: row.quotaId });
  // 上期累计 is carried in as 0 where a counting cycle starts again: it is always of the same cycle.
  const fell = cumulativeFell(at("cumulative"), { running: true, sameCycle: true, cumulative, before: previous }, report.record.previousPeriod || "上期");
  if (fell.length > 0) return fell;
  if (thisPeriod === null) return [];
  const difference = cumulative - previous;
  const tolerance = 0.5 * 10 ** -Math.min(decimalsOf(thisPeriod), decimalsOf(cumulative)) + SUM_TOLERANCE * Math.max(1, Math.abs(cumulative));
  if (Math.abs(thisPeriod - difference) <= tolerance) return [];
  return [finding("period-not-difference", at("period"), { period: thisPeriod, cumulative, previous, difference: Number(difference.toPrecision(12)) }, thisPeriod)];
}
