/** The plausibility warnings of a figure: parts above their total, behind time-progress or far above the target, below an earlier period, cities not adding up. */
import { type Finding, finding, type Where } from "../findings/findings";
import type { Geography } from "../plan/counties";
import { carriesAcross } from "../period/stage";
import { type Quota, isPercentKind, partsOfTotal } from "../plan/types";
import { type ReportRow } from "../snapshot/read-sheets";
import { scopeLabel } from "../plan/scope";
import { completionAgainst, isLagging, levelOkFrom } from "../template/formulas";
import { IMPLAUSIBLE_MULTIPLE, RUNNING_KINDS } from "../template/columns";
import { stageInScope, targetCell } from "../template/targets";
import { type Contribution, aboveWhole, isContributedCount, outsideOthers } from "./plausibility";
import { runningTotalFell } from "./running-total";
import { type KnownRevision, type SheetUnderCheck, numberIn, pathContext } from "./sheet-under-check";

/**
 * A total with parts (其中…): the parts' figures typed in the sheet may not add up to more than the
 * total's (less is fine: 其中 may name only some). Told at the total's cell.
 */
export function partsFinding(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, total: number): Finding[] {
  const parts = partsOfTotal(sheet.known?.revision.quotas ?? [], quota.id);
  const figures = parts.map((part) => numberIn(sheet.rowsById.get(part.id)?.values.cumulative));
  if (parts.length === 0 || figures.every((f) => f === null)) return [];
  const sum = Number(figures.reduce((acc: number, f) => acc + (f ?? 0), 0).toFixed(10));
  if (sum <= total) return [];
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId };
  return [finding("parts-exceed-total", at, { total, sum, parts: parts.map((p) => p.id) }, total)];
}

/** Behind time-progress and implausibly far above the target; time-progress from the plan, never from the sheet's formula. */
export function targetWarnings(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, cumulative: number, geography?: Geography): Finding[] {
  const target = numberIn(row.values.target);
  const at = { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId };
  if (target === null && (sheet.scope?.kind === "city" || sheet.scope?.kind === "county") && sheet.known && isContributedCount(quota)) {
    return contributionWarnings(sheet, row, quota, cumulative, at);
  }
  const completion = target === null ? null : completionAgainst(quota, cumulative, target);
  if (target === null || completion === null || !sheet.known || !sheet.period) return wholePlanWarning(at, quota, cumulative);
  const out: Finding[] = [];
  const { progress } = stageInScope(quota, sheet.scope ?? { kind: "province" }, sheet.period, pathContext(sheet.known, sheet, geography));
  const expectedShare = progress.expected / progress.of;
  // A level (a ceiling, a growth rate) is held against its whole target, as its 状态 formula does.
  const level = levelOkFrom(quota);
  if (isLagging(quota, completion, expectedShare, false)) {
    out.push(finding("behind-schedule", at, { completion, timeProgress: expectedShare, ...(level === null ? {} : { level }) }, cumulative));
  }
  if (target > 0 && cumulative > IMPLAUSIBLE_MULTIPLE * target) {
    out.push(finding("far-above-target", at, { cumulative, target }, cumulative));
  }
  return out;
}

/**
 * A city's (county's) contribution without a target: above the province's target for the period,
 * or far outside the other cities' (counties') figures in the same workbook (a province workbook
 * holding the city sheets).
 */
function contributionWarnings(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, figure: number, at: Where): Finding[] {
  const known = sheet.known as KnownRevision;
  const whole = targetCell(quota, { kind: "province" }, { revision: known.revision, period: sheet.period });
  const child = sheet.scope ? scopeLabel(sheet.scope) : sheet.report.name;
  const own: Contribution = { child, figure, explained: false, at };
  const above = aboveWhole(quota, own, typeof whole === "number" ? whole : null);
  if (above.length > 0) return above;
  const peers = sheet.peers.flatMap((peer): Contribution[] => {
    const peerRow = peer.rowsById.get(row.quotaId);
    const value = numberIn(peerRow?.values.cumulative);
    // A peer with a target of its own, or none typed yet, says nothing about a contribution's range.
    if (!peerRow || value === null || numberIn(peerRow.values.target) !== null) return [];
    return [{ child: peer.scope ? scopeLabel(peer.scope) : peer.report.name, figure: value, explained: false, at }];
  });
  return outsideOthers(quota, own, [own, ...peers]);
}

/**
 * A figure in a row without a target of its own (a city's share not yet split: 未分解) is still
 * implausible past the same multiple of the plan's whole target, which no share can exceed.
 */
function wholePlanWarning(at: { sheet: string; cell: string | null; quotaId: string }, quota: Quota, cumulative: number): Finding[] {
  const whole = isPercentKind(quota.kind) || quota.pending ? null : quota.target;
  if (whole === null || whole <= 0 || cumulative <= IMPLAUSIBLE_MULTIPLE * whole) return [];
  return [finding("far-above-target", at, { cumulative, target: whole, whole: true }, cumulative)];
}

/** A running total lower than the same quota's in an earlier period's sheet of the same scope. */
export function earlierWarning(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, now: number): Finding[] {
  if (!RUNNING_KINDS.has(quota.kind) || !sheet.period) return [];
  for (const other of sheet.earlier) {
    if (!other.period || !sheet.known) continue;
    const figure = {
      running: RUNNING_KINDS.has(quota.kind),
      // A figure whose counting cycle started again since (a 每年 one each January, a 每季度 one each quarter) may be lower.
      sameCycle: carriesAcross(quota, other.period, sheet.period, sheet.known.revision),
      cumulative: now,
      before: numberIn(other.rowsById.get(row.quotaId)?.values.cumulative),
    };
    if (runningTotalFell(figure)) {
      return [
        finding(
          "cumulative-decreased",
          { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId },
          { cumulative: now, before: figure.before, sheet: other.report.name },
          now,
        ),
      ];
    }
  }
  return [];
}

/** Relative tolerance for sums of decimals (0.1 + 0.2 万人次). */
export const SUM_TOLERANCE = 1e-9;

/** A province figure against the sum of every city's figure for the same Annex 1 quota and period. */
export function citiesWarning(sheet: SheetUnderCheck, row: ReportRow, quota: Quota, total: number): Finding[] {
  if (quota.region !== null || !RUNNING_KINDS.has(quota.kind)) return [];
  return citiesNotAddingUp(sheet, row, total);
}

/** A province sheet's figure on `row` against the sum of the same row's figure on every city's sheet. */
export function citiesNotAddingUp(sheet: SheetUnderCheck, row: ReportRow, total: number): Finding[] {
  if (!sheet.cities) return [];
  let sum = 0;
  for (const city of sheet.cities) {
    const part = numberIn(city.rowsById.get(row.quotaId)?.values.cumulative);
    // A city that has not reported yet is not a sum that fails to add up.
    if (part === null) return [];
    sum += part;
  }
  if (Math.abs(sum - total) <= SUM_TOLERANCE * Math.max(1, Math.abs(total), Math.abs(sum))) return [];
  const shown = Number(sum.toPrecision(12));
  return [
    finding(
      "cities-not-adding-up",
      { sheet: sheet.report.name, cell: sheet.report.address(row, "cumulative"), quotaId: row.quotaId },
      { total, cities: sheet.cities.length, sum: shown },
      total,
    ),
  ];
}
