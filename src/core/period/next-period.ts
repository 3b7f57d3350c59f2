import { PreviousSheetError } from "../shared/errors";
import { type Period, comparePeriods, formatPeriod, nextPeriod, periodOrNull } from "./period";
import { type ReportSheet, previousReport } from "../snapshot/read-sheets";
import type { PreviousReport } from "../template/carried";

/** A returned workbook's Planbook sheets, with the file (or workbook) they came from. */
export interface ReturnedReports {
  source: string;
  reports: ReportSheet[];
}

/** The previous period's report a period's sheet is made from, and the period made. */
export interface NextPeriodSource {
  previous: PreviousReport;
  period: Period;
}

const dated = (returned: ReturnedReports[]) =>
  returned.flatMap(({ source, reports }) => reports.flatMap((report) => {
    const period = periodOrNull(report.record.period);
    return period ? [{ source, report, period }] : [];
  }));

/**
 * The sheet a scope's `period` follows among returned workbooks: the scope's latest sheet of an
 * earlier period (`period` null: its latest sheet, and the period after it). `scope` null: the one
 * scope the workbooks report. Throws `PreviousSheetError` naming the file when there is none.
 */
export function previousSheetFor(returned: ReturnedReports[], scope: string | null, period: Period | null): NextPeriodSource {
  const from = returned.map((r) => r.source).join("、");
  const sheets = dated(returned);
  const scopes = [...new Set(sheets.map((s) => s.report.record.scope))];
  if (scopes.length === 0) throw new PreviousSheetError(from, { zh: "其中没有 Planbook 报表", en: "it holds no Planbook report sheet" });
  if (scope === null && scopes.length > 1) {
    throw new PreviousSheetError(from, { zh: `其中有多个填报范围（${scopes.join("、")}），请用 --scope 指定`, en: `it reports several scopes (${scopes.join(", ")}); choose one with --scope` });
  }
  const wanted = scope ?? scopes[0];
  const ofScope = sheets.filter((s) => s.report.record.scope === wanted);
  if (ofScope.length === 0) throw new PreviousSheetError(from, { zh: `其中没有「${wanted}」的报表`, en: `it has no report of "${wanted}"` });
  const earlier = period ? ofScope.filter((s) => comparePeriods(s.period, period) < 0) : ofScope;
  const latest = earlier.sort((a, b) => comparePeriods(b.period, a.period))[0];
  if (!latest) {
    throw new PreviousSheetError(from, {
      zh: `其中「${wanted}」的报表（${ofScope.map((s) => s.report.record.period).join("、")}）都不早于 ${formatPeriod(period as Period)}`,
      en: `its reports of "${wanted}" (${ofScope.map((s) => s.report.record.period).join(", ")}) are none before ${formatPeriod(period as Period)}`,
    });
  }
  // Two returns of the same scope and period (a file copied twice, a sheet made twice): which one counts is the person's call, never a silent pick.
  const twins = earlier.filter((s) => comparePeriods(s.period, latest.period) === 0);
  if (twins.length > 1) {
    const named = twins.map((s) => `${s.source}（${s.report.name}）`);
    throw new PreviousSheetError(from, {
      zh: `其中有 ${twins.length} 份「${wanted}」${formatPeriod(latest.period)} 的报表：${named.join("、")}，请只保留一份`,
      en: `it holds ${twins.length} reports of "${wanted}" for ${formatPeriod(latest.period)}: ${named.join(", ")}; keep one`,
    });
  }
  return { previous: previousReport(latest.report, `${latest.source}（${latest.report.name}）`), period: period ?? nextPeriod(latest.period) };
}
