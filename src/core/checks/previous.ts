import { isBlankInput, sameCellValue } from "../snapshot/cells";
import { CorrectionError } from "../shared/errors";
import { type CellChange, type ChangeLogEntry, loggedChange, readChangeLog } from "./changelog";
import { cumulativeFell } from "./running-total";
import { clearedByNote, type Finding, finding } from "../findings/findings";
import { comparePeriods, periodEndMonth, periodOrNull, type Period } from "../period/period";
import { CADENCE_LABELS } from "../plan/types";
import { type ReportRow, type ReportSheet, readWorkbook } from "../snapshot/read-sheets";
import type { WorkbookSnapshot } from "../snapshot/snapshot";
import { KIND_LABELS, MILESTONE_STATUSES } from "../template/columns";
import type { CellValue } from "../template/spec";
import { PART_LABELS, parsePartId } from "../template/ratio-parts";

/**
 * A figure that grows by more than this multiple of what it was in one period is implausible
 * unless a 说明 says why (a running total of 100 becoming 500 next month).
 */
export const JUMP_MULTIPLE = 3;
/** A ratio (a share, 0.5 is 50%) moving more than this many points in one period is implausible. */
export const RATIO_JUMP = 0.3;

const numberIn = (value: CellValue | undefined): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const statusRank = (value: CellValue | undefined): number => (MILESTONE_STATUSES as readonly string[]).indexOf(String(value ?? "").trim());
const kindOf = (row: ReportRow): string => String(row.values.kind ?? "").trim();
/** A ratio's numerator or denominator row (its id and its 指标类型 say so). */
const PART_KIND_LABELS = new Set<string>(Object.values(PART_LABELS));
const isPartRow = (row: ReportRow): boolean => parsePartId(row.quotaId) !== null && PART_KIND_LABELS.has(kindOf(row));

/** A current Planbook sheet and the previous file's sheet it follows, or what the previous file has of its scope when none. */
type Pairing =
  | { report: ReportSheet; period: Period; earlier: ReportSheet; earlierPeriod: Period }
  | { report: ReportSheet; period: Period; earlier: null; found: string[] };

/**
 * Each current Planbook sheet with the previous file's sheet of the same scope it follows (the
 * latest period before it). A sheet whose period cannot be read is left out: its own check says so.
 */
function pairings(current: WorkbookSnapshot, previous: WorkbookSnapshot): Pairing[] {
  const before = readWorkbook(previous).reports.map((report) => ({ report, period: periodOrNull(report.record.period) }));
  return readWorkbook(current).reports.flatMap((report): Pairing[] => {
    const period = periodOrNull(report.record.period);
    if (!period) return [];
    const sameScope = before.filter((b) => b.report.record.scope === report.record.scope && b.period !== null);
    const earlier = sameScope
      .filter((b) => comparePeriods(b.period as Period, period) < 0)
      .sort((a, b) => comparePeriods(b.period as Period, a.period as Period))[0];
    if (!earlier) return [{ report, period, earlier: null, found: sameScope.map((b) => b.report.record.period) }];
    return [{ report, period, earlier: earlier.report, earlierPeriod: earlier.period as Period }];
  });
}

/**
 * Whether an earlier period's 累计 runs on into this period's, by the cadence the row's 截止年份
 * names: a 每季度 figure counts from its quarter's first month, a 每年 one from January, one with
 * a deadline from the plan's start. Null where a sheet alone cannot tell: a 每两年 figure across a
 * new year (its two-year cycle is the plan's).
 */
function runsOn(row: ReportRow, earlier: Period, period: Period): boolean | null {
  const cadence = String(row.values.year ?? "").trim();
  const quarter = (p: Period): number => Math.ceil(periodEndMonth(p) / 3);
  if (cadence === CADENCE_LABELS.quarterly) return earlier.year === period.year && quarter(earlier) === quarter(period);
  if (cadence === CADENCE_LABELS.biennial) return earlier.year === period.year ? true : null;
  return kindOf(row) !== KIND_LABELS.annual || earlier.year === period.year;
}

/**
 * What a row's 上期累计 should be, given the previous period's row: its 累计完成 — or 0 for a
 * figure whose counting cycle started again since (a 每年 one in a new year, a 每季度 one in a new
 * quarter). Null for a row without one (a share, a milestone, a ratio's figures), when the previous
 * row has no number, or when the sheet cannot tell (`runsOn`).
 */
function carriedPrevious(row: ReportRow, old: ReportRow, runs: boolean | null): number | null {
  const kind = kindOf(row);
  // A ratio's figure is a count at the period's end: last period's, whatever the ratio's cadence.
  if (isPartRow(row)) return numberIn(old.values.cumulative);
  if (kind !== KIND_LABELS.cumulative && kind !== KIND_LABELS.annual) return null;
  const was = numberIn(old.values.cumulative);
  if (was === null || runs === null) return null;
  return runs ? was : 0;
}

/**
 * The checks across two periods' files of the same scope: the current workbook against the one
 * returned for an earlier period. Each current Planbook sheet is paired with the previous file's
 * sheet of the same scope (the latest period before it); its rows are compared by quota id.
 * Pure: both workbooks come as snapshots, and the caller adds the file names to the findings.
 */
export function checkAgainstPrevious(current: WorkbookSnapshot, previous: WorkbookSnapshot, previousFile: string): Finding[] {
  const log = readChangeLog(previous);
  return pairings(current, previous).flatMap((pairing) => {
    if (pairing.earlier === null) {
      const { report } = pairing;
      return [finding("previous-not-matching", { sheet: report.name, cell: null, quotaId: null }, { file: previousFile, scope: report.record.scope, period: report.record.period, found: pairing.found })];
    }
    return compareSheets(pairing.report, pairing.period, pairing.earlier, pairing.earlierPeriod, log);
  });
}

/**
 * A later period's 上期累计 brought in line with the previous period's report as it stands now
 * (after that report was corrected): one change per running total whose carried figure differs.
 * Throws CorrectionError naming the previous file when it has no earlier sheet of a current
 * sheet's scope.
 */
export function previousRefresh(current: WorkbookSnapshot, previous: WorkbookSnapshot, previousFile: string): CellChange[] {
  return pairings(current, previous).flatMap((pairing) => {
    if (pairing.earlier === null) {
      throw new CorrectionError(previousFile, {
        zh: `其中没有「${pairing.report.record.scope}」早于 ${pairing.report.record.period} 的报表（有：${pairing.found.join("、") || "无"}）`,
        en: `it has no report of "${pairing.report.record.scope}" before ${pairing.report.record.period} (it has: ${pairing.found.join(", ") || "none"})`,
      });
    }
    const { report, period, earlier, earlierPeriod } = pairing;
    const old = new Map(earlier.rows.map((row) => [row.quotaId, row]));
    return report.rows.flatMap((row): CellChange[] => {
      const before = old.get(row.quotaId);
      const expected = before ? carriedPrevious(row, before, runsOn(row, earlierPeriod, period)) : null;
      const cell = report.address(row, "previous");
      if (expected === null || cell === null || sameCellValue(row.values.previous, expected)) return [];
      return [{ sheet: report.name, cell, quotaId: row.quotaId, before: row.values.previous, after: expected }];
    });
  });
}

function compareSheets(report: ReportSheet, period: Period, earlier: ReportSheet, earlierPeriod: Period, log: ChangeLogEntry[]): Finding[] {
  const out: Finding[] = [];
  const now = new Map([...report.rows, ...report.archivedRows].map((row) => [row.quotaId, row]));
  const previousPeriod = earlier.record.period;
  for (const old of earlier.rows) {
    const row = now.get(old.quotaId);
    if (!row) {
      out.push(finding("quota-disappeared", { sheet: report.name, cell: null, quotaId: old.quotaId }, { previousPeriod, name: String(old.values.measure ?? "") }));
      continue;
    }
    const where = (key: "cumulative" | "status") => ({ sheet: report.name, cell: report.address(row, key), quotaId: row.quotaId });
    const kind = kindOf(row);
    if (kind === KIND_LABELS.milestone) {
      const was = statusRank(old.values.status);
      const is = statusRank(row.values.status);
      if (was >= 0 && is >= 0 && is < was) {
        out.push(finding("milestone-went-back", where("status"), { status: String(row.values.status).trim(), before: String(old.values.status).trim(), previousPeriod }, row.values.status));
      }
      continue;
    }
    // 上期累计 not what the previous report now says: that report was corrected after this one was made.
    const runs = runsOn(row, earlierPeriod, period);
    const expected = carriedPrevious(row, old, runs);
    const carried = numberIn(row.values.previous);
    const previousCell = report.address(row, "previous");
    if (expected !== null && carried !== null && previousCell !== null && !sameCellValue(carried, expected)) {
      const cumulativeCell = earlier.address(old, "cumulative");
      const correction = cumulativeCell === null ? null : loggedChange(log, earlier.name, cumulativeCell, carried, old.values.cumulative);
      out.push(
        finding(
          "previous-changed",
          { sheet: report.name, cell: previousCell, quotaId: row.quotaId },
          { expected, found: carried, previousPeriod, correctedAt: correction?.at ?? "", correctedFrom: correction?.before ?? carried },
          carried,
        ),
      );
    }
    const value = numberIn(row.values.cumulative);
    const was = numberIn(old.values.cumulative);
    if (value === null || was === null) continue;
    const part = parsePartId(row.quotaId);
    if (part && isPartRow(row)) {
      // A count at the period's end may fall (an enterprise closes): a warning its 说明 explains. Carried in as 上期累计, the sheet's own check tells it.
      if (value < was && numberIn(row.values.previous) !== was) {
        out.push(finding("part-fell", where("cumulative"), { part: PART_LABELS[part.key], figure: value, before: was, previousPeriod }, value));
      }
      continue;
    }
    // A figure whose cycle started again (a 每年 one each January, a 每季度 one each quarter) and a share may fall; any other running total may not.
    const figure = { running: kind === KIND_LABELS.cumulative || kind === KIND_LABELS.annual, sameCycle: runs === true, cumulative: value, before: was };
    const runningTotal = figure.running && figure.sameCycle;
    // Carried in as the row's 上期累计, a fall is the sheet's own finding (see check.ts).
    const fell = numberIn(row.values.previous) === was ? [] : cumulativeFell(where("cumulative"), figure, previousPeriod);
    if (fell.length > 0) {
      out.push(...fell);
      continue;
    }
    const jumped = kind === KIND_LABELS.ratio ? Math.abs(value - was) > RATIO_JUMP : runningTotal && was > 0 && value > JUMP_MULTIPLE * was;
    if (jumped) out.push(finding("figure-jumped", where("cumulative"), { cumulative: value, before: was, previousPeriod }, value));
  }
  // A 说明 in the row explains away the findings the registry says it clears, as in one period's check.
  return out.filter((f) => !(clearedByNote(f) && f.quotaId !== null && !isBlankInput(now.get(f.quotaId)?.values.note)));
}
