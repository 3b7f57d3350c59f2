import { createExcelHost } from "@planbook/excel-host";
import { ceilingCompletionFormula, growthRateFormula } from "../../../src/core/template";
import { present } from "../../support/present";

/** The formulas of level quotas (a growth rate, a ceiling), evaluated by the in-memory Excel host. */

async function evaluate(a: unknown, b: unknown, formula: (x: string, y: string) => string): Promise<unknown> {
  const host = createExcelHost();
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.add("f");
    sheet.getRange("A1:C1").formulas = [[a, b, formula("A1", "B1")]];
    await context.sync();
  });
  return present(host.values("f", "C1")[0]?.[0], "f!C1");
}

describe("the growth rate from this year's and last year's figure", () => {
  test("106 against 100 is 6 %", async () => {
    expect(Number(await evaluate(106, 100, growthRateFormula))).toBeCloseTo(0.06, 10);
  });
  test("a figure that fell gives a negative rate", async () => {
    expect(Number(await evaluate(95, 100, growthRateFormula))).toBeCloseTo(-0.05, 10);
  });
  test("blank while last year's figure is missing or 0", async () => {
    expect(await evaluate(106, "", growthRateFormula)).toBe("");
    expect(await evaluate(106, 0, growthRateFormula)).toBe("");
  });
});

describe("a ceiling's completion (lower is better)", () => {
  test("at or under the ceiling is 100 %", async () => {
    expect(await evaluate(20, 20, ceilingCompletionFormula)).toBe(1);
  });
  test("over it is the ceiling over the figure", async () => {
    expect(await evaluate(25, 20, ceilingCompletionFormula)).toBe(0.8);
  });
  test("a ceiling of 0 is met by 0 and missed by anything more", async () => {
    expect(await evaluate(0, 0, ceilingCompletionFormula)).toBe(1);
    expect(await evaluate(2, 0, ceilingCompletionFormula)).toBe(0);
  });
});
