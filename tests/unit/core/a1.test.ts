import { cellAddress, changedArea, columnIndex, columnLetter, parseRange, runs } from "../../../src/core/snapshot";
import { chineseNumeral, InvalidAddressError, parseChineseNumeral } from "../../../src/core/shared";
import { asLiteralText, gridToFormulas, rowFingerprint } from "../../../src/core/template";

describe("A1 addresses", () => {
  test("column 27 is AA and back", () => {
    expect(columnLetter(26)).toBe("AA");
    expect(columnIndex("AA")).toBe(26);
  });

  test("a sheet-qualified range parses to its corners", () => {
    expect(parseRange("'杭州市 2026-10'!B3:P40")).toEqual({ start: { row: 2, col: 1 }, end: { row: 39, col: 15 } });
  });

  test("cell address of the origin is A1", () => {
    expect(cellAddress(0, 0)).toBe("A1");
  });

  test("rows collapse into runs", () => {
    expect(runs([3, 4, 5, 9, 11, 12])).toEqual([
      [3, 5],
      [9, 9],
      [11, 12],
    ]);
  });
});

describe("text written into Excel", () => {
  test("text that Excel would evaluate gets an apostrophe", () => {
    expect(asLiteralText("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(asLiteralText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(asLiteralText("2026-10")).toBe("'2026-10");
  });

  test("ordinary text is written as it is", () => {
    expect(asLiteralText("已完成")).toBe("已完成");
  });

  test("formulas stay formulas and empty cells are blank", () => {
    expect(gridToFormulas([[{ formula: "=A1" }, null, { value: 3 }]])).toEqual([["=A1", "", 3]]);
  });
});

describe("row fingerprints", () => {
  test("moving a row keeps its fingerprint", () => {
    expect(rowFingerprint("Q1", 40, ["=IF(K5=\"\",\"\",K5/I5)"], 5)).toBe(
      rowFingerprint("Q1", 40, ["=IF(K9=\"\",\"\",K9/I9)"], 9),
    );
  });

  test("a changed target changes the fingerprint", () => {
    expect(rowFingerprint("Q1", 40, ["=K5/I5"], 5)).not.toBe(rowFingerprint("Q1", 4, ["=K5/I5"], 5));
  });

  test("a formula pointing elsewhere changes the fingerprint", () => {
    expect(rowFingerprint("Q1", 40, ["=K5/I5"], 5)).not.toBe(rowFingerprint("Q1", 40, ["=K6/I5"], 5));
  });
});

describe("Chinese numerals", () => {
  test("item numbers read both ways", () => {
    expect(chineseNumeral(21)).toBe("二十一");
    expect(parseChineseNumeral("二十一")).toBe(21);
    expect(parseChineseNumeral("十")).toBe(10);
    expect(chineseNumeral(15)).toBe("十五");
  });
});

test("an address that is not A1 notation is a named error (addresses come from Planbook or Excel, never from cell text)", () => {
  expect(() => parseRange("K")).toThrow(InvalidAddressError);
});

describe("changedArea: every address form a change event gives; whole rows and columns cut to the used cells", () => {
  test.each([
    ["B2", { start: { row: 1, col: 1 }, end: { row: 1, col: 1 } }],
    ["'杭州市 2026-10'!$B$2:$C$3", { start: { row: 1, col: 1 }, end: { row: 2, col: 2 } }],
    ["60:60", { start: { row: 59, col: 0 }, end: { row: 59, col: 14 } }],
    ["3:5", { start: { row: 2, col: 0 }, end: { row: 4, col: 14 } }],
    ["C:C", { start: { row: 0, col: 2 }, end: { row: 99, col: 2 } }],
    ["B:D", { start: { row: 0, col: 1 }, end: { row: 99, col: 3 } }],
    ["$J:$J", { start: { row: 0, col: 9 }, end: { row: 99, col: 9 } }],
    // A cell range is what it says, used or not (a paste below the used rows).
    ["A90:Z200", { start: { row: 89, col: 0 }, end: { row: 199, col: 25 } }],
  ])("%s", (address, expected) => {
    expect(changedArea(address, 100, 15)).toEqual(expected);
  });

  test("a whole row or column of a sheet with nothing used: null", () => {
    expect([changedArea("2:2", 0, 0), changedArea("Q:Q", 0, 0)]).toEqual([null, null]);
  });
});
