import { isBlankInput } from "../cells";
import { clearedByNote, type Finding, finding } from "../findings";
import { comparePeriods, periodOrNull, type Period } from "../period";
import { type ReportRow, type ReportSheet, readWorkbook } from "../read-sheets";
import type { WorkbookSnapshot } from "../snapshot";
import { KIND_LABELS, MILESTONE_STATUSES } from "../template/columns";
import type { CellValue } from "../template/spec";

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

/**
 * The checks across two periods' files of the same scope: the current workbook against the one
 * returned for an earlier period. Each current Planbook sheet is paired with the previous file's
 * sheet of the same scope (the latest period before it); its rows are compared by quota id.
 * Pure: both workbooks come as snapshots, and the caller adds the file names to the findings.
 */
export function checkAgainstPrevious(current: WorkbookSnapshot, previous: WorkbookSnapshot, previousFile: string): Finding[] {
  const before = readWorkbook(previous).reports.map((report) => ({ report, period: periodOrNull(report.record.period) }));
  const out: Finding[] = [];
  for (const report of readWorkbook(current).reports) {
    const period = periodOrNull(report.record.period);
    const at = { sheet: report.name, cell: null, quotaId: null };
    if (!period) continue; // the sheet's own check reports an unreadable period
    const sameScope = before.filter((b) => b.report.record.scope === report.record.scope && b.period !== null);
    const earlier = sameScope
      .filter((b) => comparePeriods(b.period as Period, period) < 0)
      .sort((a, b) => comparePeriods(b.period as Period, a.period as Period))[0];
    if (!earlier) {
      const found = sameScope.map((b) => b.report.record.period);
      out.push(finding("previous-not-matching", at, { file: previousFile, scope: report.record.scope, period: report.record.period, found }));
      continue;
    }
    out.push(...compareSheets(report, period, earlier.report, earlier.period as Period));
  }
  return out;
}

function compareSheets(report: ReportSheet, period: Period, earlier: ReportSheet, earlierPeriod: Period): Finding[] {
  const out: Finding[] = [];
  const now = new Map([...report.rows, ...report.archivedRows].map((row) => [row.quotaId, row]));
  const sameYear = earlierPeriod.year === period.year;
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
    const value = numberIn(row.values.cumulative);
    const was = numberIn(old.values.cumulative);
    if (value === null || was === null) continue;
    // An every-year figure starts again each January; a share may fall; any other running total may not.
    const runningTotal = kind === KIND_LABELS.cumulative || (kind === KIND_LABELS.annual && sameYear);
    // Carried in as the row's 上期累计, a fall is the sheet's own finding (see check.ts).
    if (runningTotal && value < was && numberIn(row.values.previous) !== was) {
      out.push(finding("cumulative-fell", where("cumulative"), { cumulative: value, before: was, previousPeriod }, value));
      continue;
    }
    const jumped = kind === KIND_LABELS.ratio ? Math.abs(value - was) > RATIO_JUMP : runningTotal && was > 0 && value > JUMP_MULTIPLE * was;
    if (jumped) out.push(finding("figure-jumped", where("cumulative"), { cumulative: value, before: was, previousPeriod }, value));
  }
  // A 说明 in the row explains away the findings the registry says it clears, as in one period's check.
  return out.filter((f) => !(clearedByNote(f) && f.quotaId !== null && !isBlankInput(now.get(f.quotaId)?.values.note)));
}
