import { parseNumberInput } from "../../../src/core/checks";

describe("reading what a person typed into a numeric cell", () => {
  test("a number is a number", () => {
    expect(parseNumberInput(1200, "家")).toEqual({ ok: true, value: 1200 });
  });

  test("an empty cell is blank", () => {
    expect(parseNumberInput("", "家")).toEqual({ ok: false, reason: "blank" });
  });

  test("spaces alone are blank, as the cell looks empty", () => {
    expect(parseNumberInput(" \u3000 ", "家")).toEqual({ ok: false, reason: "blank" });
  });

  test("digits stored as text are text, with the number offered", () => {
    expect(parseNumberInput("1200", "家")).toEqual({ ok: false, reason: "text", suggestion: 1200 });
  });

  test("stray spaces around digits are dropped from the offer", () => {
    expect(parseNumberInput(" 12 ", "家")).toEqual({ ok: false, reason: "text", suggestion: 12 });
  });

  test("digits split by a space have no certain meaning", () => {
    expect(parseNumberInput("12 34", "家")).toEqual({ ok: false, reason: "text" });
  });

  test("thousands separators are read", () => {
    expect(parseNumberInput("1,234,567.5", "万人次")).toEqual({ ok: false, reason: "text", suggestion: 1234567.5 });
  });

  test("commas in the wrong places have no certain meaning", () => {
    expect(parseNumberInput("12,34", "家")).toEqual({ ok: false, reason: "text" });
  });

  test("full-width digits and a full-width comma are read", () => {
    expect(parseNumberInput("１，２３４", "家")).toEqual({ ok: false, reason: "text", suggestion: 1234 });
  });

  test("the cell's own unit after the figure is dropped", () => {
    expect(parseNumberInput("120家", "家")).toEqual({ ok: false, reason: "text", suggestion: 120 });
  });

  test("another unit after the figure has no certain meaning", () => {
    expect(parseNumberInput("120人", "家")).toEqual({ ok: false, reason: "text" });
  });

  test("万 in a 万人次 cell is the figure itself", () => {
    expect(parseNumberInput("3.5万", "万人次")).toEqual({ ok: false, reason: "text", suggestion: 3.5 });
  });

  test("万 in a count cell is ten thousand, without binary noise", () => {
    expect(parseNumberInput("3.3万", "家")).toEqual({ ok: false, reason: "text", suggestion: 33000 });
  });

  test("a percentage in a ratio cell is the fraction the cell stores", () => {
    expect(parseNumberInput("33.3%", "%")).toEqual({ ok: false, reason: "text", suggestion: 0.333 });
  });

  test("a plain number above 1 in a ratio cell has no certain meaning", () => {
    expect(parseNumberInput("60", "%")).toEqual({ ok: false, reason: "text" });
  });

  test("a percentage in a count cell has no certain meaning", () => {
    expect(parseNumberInput("10%", "家")).toEqual({ ok: false, reason: "text" });
  });

  test.each(["NaN", "Infinity", "-Infinity", "#N/A", "#DIV/0!", "#VALUE!", "1e3", "abc", "-", ".", "+"])("%s is text with nothing offered", (typed) => {
    expect(parseNumberInput(typed, "家")).toEqual({ ok: false, reason: "text" });
  });

  test.each([1e308, 1e12, -1e12, Number.NaN, Number.POSITIVE_INFINITY])("the number %d is not plausible", (typed) => {
    expect(parseNumberInput(typed, "家")).toEqual({ ok: false, reason: "implausible" });
  });

  test("digits too long to be a figure are text with nothing offered", () => {
    expect(parseNumberInput("330102199001011234", "家")).toEqual({ ok: false, reason: "text" });
  });

  test("TRUE is not a number", () => {
    expect(parseNumberInput(true, "家")).toEqual({ ok: false, reason: "text" });
  });
});
