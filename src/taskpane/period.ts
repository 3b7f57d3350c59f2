import { currentMonthPeriod, type Period } from "../core/period";

/**
 * The period a person expects by default: this month, moved into the plan's years when today
 * is outside them (before the plan starts: its first month; after it ends: its last month).
 */
export function defaultPeriod(today: Date, startYear: number, endYear: number): Period {
  const period = currentMonthPeriod(today);
  if (period.year < startYear) return { year: startYear, month: 1, quarter: null };
  if (period.year > endYear) return { year: endYear, month: 12, quarter: null };
  return period;
}
