import { chinaDate, chinaDateTime } from "../../../src/core/period";

describe("China Standard Time formatting", () => {
  test("a UTC moment is shown eight hours later, to the minute", () => {
    expect(chinaDateTime("2026-11-29T13:09:02.840Z")).toBe("2026-11-29 21:09");
  });

  test("a UTC evening is the next day in China", () => {
    expect(chinaDate("2026-11-29T21:09:02.840Z")).toBe("2026年11月30日");
  });

  test("a moment with its own offset is converted from that offset", () => {
    expect(chinaDateTime("2026-01-01T00:30:00-05:00")).toBe("2026-01-01 13:30");
  });

  test("the new year arrives in China before it does in UTC", () => {
    expect(chinaDate("2025-12-31T16:00:00Z")).toBe("2026年1月1日");
  });

  test("text already formatted is returned unchanged", () => {
    expect(chinaDateTime("2026-11-29 21:09")).toBe("2026-11-29 21:09");
  });

  test("a date without a zone is not guessed at", () => {
    expect(chinaDateTime("2026-11-29T21:09")).toBe("2026-11-29T21:09");
  });
});
