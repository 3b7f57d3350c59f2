import { InvalidPeriodError } from "../shared/errors";
/** A reporting period: a year with a month (`2026-10`) or a quarter (`2026-Q3`). */
export interface Period {
  year: number;
  /** 1–12, or null for a quarterly period. */
  month: number | null;
  /** 1–4, or null for a monthly period. */
  quarter: number | null;
}

export function parsePeriod(text: string): Period {
  const trimmed = text.trim();
  const monthly = /^(\d{4})-(\d{1,2})$/.exec(trimmed);
  if (monthly) {
    const month = Number(monthly[2]);
    if (month >= 1 && month <= 12) return { year: Number(monthly[1]), month, quarter: null };
  }
  const quarterly = /^(\d{4})-?Q([1-4])$/i.exec(trimmed);
  if (quarterly) return { year: Number(quarterly[1]), month: null, quarter: Number(quarterly[2]) };
  throw new InvalidPeriodError(text);
}

/** The period a text names, or null: for reading files, where a bad period is a finding, not an error. */
export function periodOrNull(text: string): Period | null {
  try {
    return parsePeriod(text);
  } catch {
    return null;
  }
}

/** The period's own text however it was written (2026-3 is 2026-03); throws `InvalidPeriodError`. */
export function canonicalPeriod(text: string): string {
  return formatPeriod(parsePeriod(text));
}

/** `canonicalPeriod`, or the text trimmed when it names no period (to compare what files say). */
export function normalisedPeriod(text: string): string {
  const period = periodOrNull(text);
  return period ? formatPeriod(period) : text.trim();
}

export function formatPeriod(period: Period): string {
  return period.quarter !== null
    ? `${period.year}-Q${period.quarter}`
    : `${period.year}-${String(period.month).padStart(2, "0")}`;
}

/** How a person says it: 2026年10月 / 2026年第3季度. */
export function periodLabel(period: Period): string {
  return period.quarter !== null ? `${period.year}年第${period.quarter}季度` : `${period.year}年${period.month}月`;
}

/** The last month (1–12) the period covers. */
export function periodEndMonth(period: Period): number {
  return period.quarter !== null ? period.quarter * 3 : (period.month as number);
}

/** Orders periods in time: negative when `a` comes first. */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || periodEndMonth(a) - periodEndMonth(b);
}

/** The period of the given date's month (the default a person expects: this month). */
export function currentMonthPeriod(today: Date): Period {
  return { year: today.getFullYear(), month: today.getMonth() + 1, quarter: null };
}

export function currentQuarterPeriod(today: Date): Period {
  return { year: today.getFullYear(), month: null, quarter: Math.floor(today.getMonth() / 3) + 1 };
}

/** The period after this one, of the same length: 2026-12 → 2027-01, 2026-Q4 → 2027-Q1. */
export function nextPeriod(period: Period): Period {
  if (period.quarter !== null) return period.quarter === 4 ? { year: period.year + 1, month: null, quarter: 1 } : { ...period, quarter: period.quarter + 1 };
  const month = period.month as number;
  return month === 12 ? { year: period.year + 1, month: 1, quarter: null } : { ...period, month: month + 1 };
}
