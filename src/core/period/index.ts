/**
 * The period room's front door: what code outside src/core/period may import from it.
 * Time: the reporting period (period), where a quota stands in it — 序时进度 (stage), dates as
 * people in Zhejiang read them (time), and the previous report a next period's sheet is made from
 * (next-period).
 */
export { previousSheetFor, type ReturnedReports } from "./next-period";
export { comparePeriods, currentMonthPeriod, formatPeriod, nextPeriod, parsePeriod, type Period, periodLabel, periodOrNull } from "./period";
export { stageAt } from "./stage";
export { chinaDate, chinaDateTime } from "./time";
