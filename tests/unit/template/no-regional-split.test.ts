import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../../src/cli/main";
import { parsePeriod } from "../../../src/core/period";
import { parseCounties, type Scope } from "../../../src/core/plan";
import { buildTemplate, NOT_ASSIGNED } from "../../../src/core/template";
import { quotaKindsRevision } from "../../support/plan";
import { QUOTA_KINDS_PLAN } from "../../fixtures/plans/quota-kinds";

/**
 * A plan without Annex 2 (no city split) at city and county scope: each city and county reports its
 * own contribution, with no 未分解 where the plan splits nothing; rates and ratio ceilings hold for
 * every city and county as stated.
 */

const revision = quotaKindsRevision();
const geography = parseCounties(readFileSync(path.join(__dirname, "..", "..", "..", "seeds", "zhejiang-counties.tsv"), "utf8"));

function targets(scope: Scope, splits: { quotaId: string; city: string; target: number }[] = []): Record<string, unknown> {
  const built = buildTemplate({ revision, scope, period: parsePeriod("2025-Q3"), generatedAt: "2025-10-01T00:00:00Z", geography, splits });
  return Object.fromEntries(built.rowRecords.map((r) => [r.quotaId, r.target]));
}

const CITY: Scope = { kind: "city", city: "杭州市" };
const COUNTY: Scope = { kind: "county", county: "西湖区" };

describe.each([
  ["a city", CITY],
  ["a county", COUNTY],
])("%s's template from a plan with no regional split", (_name, scope) => {
  test("contributed counts ask for the figure with no target, never 未分解", () => {
    const cells = targets(scope);
    expect(Object.values(cells)).not.toContain(NOT_ASSIGNED);
    expect([cells["I02-生产安全事故死亡人数-每年"], cells["I03-市级技能大师工作室-2026"], cells["I03-职业技能培训-每年"], cells["I03-新就业形态劳动者-每年"]]).toEqual(["—", "—", "—", "—"]);
  });

  test("a growth rate and a ratio ceiling hold for it as the plan states them", () => {
    const cells = targets(scope);
    expect([cells["I01-地区生产总值-每年"], cells["I02-城镇调查失业率"]]).toEqual([0.06, 0.055]);
  });

  test("a provincial act (出台…办法) is not asked of it", () => {
    expect(Object.keys(targets(scope))).not.toContain("I03-技能人才评价办法-2025");
  });
});

test("a target the aggregator split to the city is its target", () => {
  expect(targets({ kind: "city", city: "杭州市" }, [{ quotaId: "I03-职业技能培训-每年", city: "杭州市", target: 0.4 }])["I03-职业技能培训-每年"]).toBe(0.4);
});

test("planbook template --all-cities makes one template per city of the province for a plan with no Annex 2", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-nosplit-"));
  const plan = path.join(dir, "plan.txt");
  writeFileSync(plan, QUOTA_KINDS_PLAN);
  const out = path.join(dir, "cities");
  const code = await main(["template", "--revision", plan, "--all-cities", "--period", "2025-Q3", "--out", out], { out: () => undefined, err: () => undefined });
  expect(code).toBe(0);
  expect(readdirSync(out)).toHaveLength(11);
});
