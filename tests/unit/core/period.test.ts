import { comparePeriods, formatPeriod, parsePeriod, periodLabel } from "../../../src/core/period";
import { InvalidPeriodError } from "../../../src/core/shared";

describe("periods", () => {
  test("a month period reads and prints back", () => {
    expect(formatPeriod(parsePeriod("2026-10"))).toBe("2026-10");
  });

  test("a quarter period reads and prints back", () => {
    expect(parsePeriod("2026-q3")).toEqual({ year: 2026, month: null, quarter: 3 });
  });

  test("month 13 is refused with a bilingual message", () => {
    expect(() => parsePeriod("2026-13")).toThrow(InvalidPeriodError);
    expect(() => parsePeriod("2026-13")).toThrow(/报告期「2026-13」.*period "2026-13"/);
  });

  test("labels are said the way a person says them", () => {
    expect(periodLabel(parsePeriod("2026-Q3"))).toBe("2026年第3季度");
  });

  test("a quarter ends after the months before it in the same year", () => {
    expect(comparePeriods(parsePeriod("2026-Q3"), parsePeriod("2026-08"))).toBeGreaterThan(0);
  });
  });
