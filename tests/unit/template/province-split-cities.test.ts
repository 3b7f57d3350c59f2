import { parsePeriod } from "../../../src/core/period";
import type { Scope } from "../../../src/core/plan";
import { buildTemplate } from "../../../src/core/template";
import { provinceSplitRevision } from "../../support/plan";
import { gridRow } from "../../support/present";

/**
 * What a city's and a county's sheet asks of them for a written provincial plan with an Annex 2
 * city split and every kind of quota (tests/fixtures/plans/province-split.ts).
 */
const revision = provinceSplitRevision();
const ZERO_ACCIDENTS = "I03-重大生产安全事故-每年";

function rowOf(scope: Scope, quotaId: string): { target: unknown; text: string } {
  const built = buildTemplate({ revision, scope, period: parsePeriod("2026-Q3"), generatedAt: "2026-10-01T00:00:00Z" });
  const record = built.rowRecords.find((r) => r.quotaId === quotaId);
  if (!record) throw new Error(`no row for ${quotaId}`);
  const label = gridRow(built.sheet.cells, record.row - 1).map((c) => (c && "value" in c ? String(c.value) : "")).find((v) => v.includes("\n")) ?? "";
  return { target: record.target, text: label.split("\n").pop() ?? "" };
}

const CITY: Scope = { kind: "city", city: "杭州市" };
const COUNTY: Scope = { kind: "county", county: "西湖区" };

describe.each([
  ["city", CITY],
  ["county", COUNTY],
])("a ceiling of 0 (零事故) holds on a %s's sheet as the plan states it", (_name, scope) => {
  test("its target is 0, so one accident completes 0 % (no 未分解, no contribution without a target)", () => {
    expect(rowOf(scope, ZERO_ACCIDENTS).target).toBe(0);
  });

  test("its row says the target is the province's", () => {
    expect(rowOf(scope, ZERO_ACCIDENTS).text).toMatch(/^本[市县]目标 0起（与全省相同）：每年重大生产安全事故不超过0起$/);
  });
});
