/** Whatever a person types into a count cell gets one clear finding, never a crash (tests/fixtures/hostile-cells.json). */
import hostile from "../../fixtures/hostile-cells.json";
import { checkWorkbook } from "../../../src/core/checks";
import type { CellValue } from "../../../src/core/template";
import { cityWorkbook, fixtureRevision, QUOTA } from "../merge/fixture";

const cases = (hostile as { typed: CellValue; rule: string; suggestion?: number }[]).map((c) => [JSON.stringify(c.typed), c] as const);
const veryLong = "长".repeat(40000);

describe("hostile values in a count cell (家)", () => {
  test.each(cases)("%s gets its finding", (_label, { typed, rule, suggestion }) => {
    const findings = checkWorkbook(cityWorkbook("杭州市", { [QUOTA.enterprises]: { cumulative: typed } }), { revisions: [fixtureRevision()] });
    expect(findings.map((f) => ({ rule: f.rule, suggestion: f.suggestion }))).toEqual([{ rule, suggestion }]);
  });

  test("a very long text is a finding that quotes it, not a crash", () => {
    const findings = checkWorkbook(cityWorkbook("杭州市", { [QUOTA.enterprises]: { cumulative: veryLong } }), { revisions: [fixtureRevision()] });
    expect(findings.map((f) => f.rule)).toEqual(["not-a-number"]);
  });
});
