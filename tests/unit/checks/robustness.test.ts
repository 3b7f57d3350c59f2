/** No cell value makes the checks throw, and every finding they return is well formed. */
import fc from "fast-check";
import { checkWorkbook, parseNumberInput } from "../../../src/core/checks";
import type { CellValue } from "../../../src/core/template";
import { city, PROVINCE, revision, sheetName, typer, workbookOf } from "./fixture";
import { findingMessage, RULES } from "../../../src/core/findings";
import { present } from "../../support/present";

// Every kind and level a city reports: a split count, a contributed count, a ratio, a milestone.
const QUOTAS = ["I08-技能型企业-2027", "I01-先进制造业-每年", "I14-能级工资集体协商-2027", "I03-社会化培训激励政策-2027"];
const anyValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.double(), // NaN, ±Infinity and -0 included
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("", "  ", "1,000", "３.５万", "10%", "#DIV/0!", "NaN", "Infinity", "已完成", "=1+1"),
);
const anyRow = fc.record({ period: anyValue, cumulative: anyValue, status: anyValue, note: anyValue });

describe("arbitrary values in the input cells", () => {
  // The province and every city for one period, and the province a month before: every rule runs.
  const snapshot = workbookOf([
    { scope: PROVINCE, period: "2026-09" },
    { scope: PROVINCE, period: "2026-10" },
    ...revision.cities.map((name) => ({ scope: city(name), period: "2026-10" })),
  ]);
  const sheets = [sheetName({ scope: PROVINCE, period: "2026-09" }), sheetName({ scope: PROVINCE, period: "2026-10" }), sheetName({ scope: city("杭州市"), period: "2026-10" })];
  // Each sheet's header read once: every run types into the same cells.
  const typeInto = sheets.map((sheet) => typer(snapshot, sheet));

  test("never make the checks throw, and every finding names a known rule with its severity and a message", () => {
    fc.assert(
      fc.property(fc.array(anyRow, { minLength: QUOTAS.length * sheets.length, maxLength: QUOTAS.length * sheets.length }), fc.boolean(), (rows, endOfPeriod) => {
        typeInto.forEach((type, s) =>
          QUOTAS.forEach((quotaId, q) => type(quotaId, present(rows[s * QUOTAS.length + q], `the row drawn for ${quotaId} on ${sheets[s]}`))),
        );
        const findings = checkWorkbook(snapshot, { revisions: [revision], endOfPeriod });
        expect(findings.filter((f) => RULES[f.rule]?.severity !== f.severity || findingMessage(f) === "" || f.cell === null)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe("an offered correction", () => {
  test("is always a number the cell accepts as a number, and never negative", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[ ０-９0-9,，.．+\-万%％家]{1,12}$/)), fc.constantFrom("家", "万人次", "%", null), (typed, unit) => {
        const parsed = parseNumberInput(typed, unit);
        const suggestion = !parsed.ok && parsed.reason === "text" ? parsed.suggestion : undefined;
        expect(suggestion === undefined || (parseNumberInput(suggestion, unit).ok && suggestion >= 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
