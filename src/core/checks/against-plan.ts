/** A row's figures against the plan itself: its target cell, and a coverage figure against the units its scope has. */
import { type Finding, finding } from "../findings/findings";
import { sameCellValue } from "../snapshot/cells";
import { type Quota } from "../plan/types";
import { type ReportRow } from "../snapshot/read-sheets";
import { scopeLabel } from "../plan/scope";
import { planTarget, targetCell } from "../template/targets";
import { type CheckContext, type SheetUnderCheck } from "./sheet-under-check";
import { isOutdated } from "./identity";

/**
 * A coverage figure (本市覆盖县数 of 每个县(市、区)…) counts units, so it can never be more than the
 * scope has: 杭州市 covers at most its 13 counties, the province its 90. Above that it is a count of
 * things typed where the units covered belong — an error, so it is never summed past its bound. A
 * county's own figure (本县数量) is a count of things, with no bound.
 */
export function coverageAboveUnits(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, covered: number, context: CheckContext): Finding[] {
  if (quota.level !== "per-unit" || !sheet.scope || !sheet.known || sheet.scope.kind === "county") return [];
  const units = targetCell(quota, sheet.scope, { revision: sheet.known.revision, splits: sheet.splits, geography: context.geography, period: sheet.period });
  if (typeof units !== "number" || covered <= units) return [];
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId };
  return [finding("coverage-above-units", at, { covered, units, unit: quota.perUnit?.per === "city" ? "市" : "县", scope: scopeLabel(sheet.scope) }, covered)];
}

/**
 * The target cell against the plan itself, which is the source of truth: an edited target whose
 * fingerprint was recomputed to match would pass the integrity check. Where the plan alone cannot
 * tell (a city's split made elsewhere), the row's own record is the reference.
 */
export function targetAgainstPlan(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, context: CheckContext): Finding[] {
  if (!sheet.scope || !sheet.known) return [];
  const written = row.values.target;
  const targets = { revision: sheet.known.revision, splits: sheet.splits, geography: context.geography, period: sheet.period };
  const expected = planTarget(quota, sheet.scope, written, targets) ?? row.record.target;
  if (sameCellValue(written, expected)) return [];
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "target"), quotaId: row.quotaId };
  // Untouched since an earlier version wrote it: that version read the plan differently, nobody edited it.
  if (isOutdated(sheet) && sameCellValue(written, row.record.target)) return [finding("target-outdated", at, { expected, found: written }, written)];
  return [finding("target-changed", at, { expected, found: written }, written)];
}
