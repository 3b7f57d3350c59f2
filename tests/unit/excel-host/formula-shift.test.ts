import { shiftFormula } from "@planbook/excel-host/src/model";

/** Validation and conditional-format formulas are written for the top-left cell and move with each cell. */

describe("moving a formula to another cell", () => {
  test("relative references move, anchored parts stay", () => {
    expect(shiftFormula("=AND($B2>=0,C$1<D2)", 2, 1)).toBe("=AND($B4>=0,D$1<E4)");
  });

  test("both ends of a range move", () => {
    expect(shiftFormula("=SUM(A1:A3)", 1, 0)).toBe("=SUM(A2:A4)");
  });

  test("string literals and quoted sheet names are left alone", () => {
    expect(shiftFormula("=IF('Q1 2026'!A1=\"B2\",A1,0)", 1, 0)).toBe("=IF('Q1 2026'!A2=\"B2\",A2,0)");
  });

  test("function names that look like references are left alone", () => {
    expect(shiftFormula("=LOG10(A1)", 1, 0)).toBe("=LOG10(A2)");
  });
});
