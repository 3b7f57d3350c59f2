import { parsePeriod } from "../../../src/core/period";
import { parsePlan } from "../../../src/core/plan";
import { buildTemplate, parseReadingId, stageInScope } from "../../../src/core/template";
import { PROVINCE_SPLIT_PLAN } from "../../fixtures/plans/province-split";
import { currentRevision, geography, provinceSplitRevision } from "../../support/plan";

/** An imported plan whose Annex 1 says 320 公共实训基地 by 2025 where its Annex 2's cities add up to 300. */
const disagreeing = parsePlan(PROVINCE_SPLIT_PLAN.replace("累计建成公共实训基地300个", "累计建成公共实训基地320个"), { geography: geography() });
const BASES = "I04-公共实训基地-2027";
const readings = (revision: ReturnType<typeof currentRevision>, scope: Parameters<typeof buildTemplate>[0]["scope"]) =>
  buildTemplate({ revision, scope, period: parsePeriod("2025-Q3"), generatedAt: "2026-01-01T00:00:00Z" }).rowRecords.filter((r) => parseReadingId(r.quotaId) !== null);

describe("a second reading by Annex 2 wherever a plan's annexes disagree", () => {
  test("an imported plan's province template reads its Annex 2 split's total (300, not Annex 1's 320) on a line of its own", () => {
    expect(readings(disagreeing, { kind: "province" }).map((r) => [r.quotaId, r.target])).toEqual([[`${BASES}/附件2`, 300]]);
  });

  test("the same plan with annexes that agree has no such line, nor has a city's sheet", () => {
    expect([readings(provinceSplitRevision(), { kind: "province" }), readings(disagreeing, { kind: "city", city: "杭州市" })]).toEqual([[], []]);
  });

  test("the leading unit, which reports the province's figure, reads it twice too", () => {
    const quota = currentRevision().quotas.find((q) => q.id === "I11-技能型乡村-2027");
    expect(readings(currentRevision(), { kind: "unit", unit: quota?.units[0] ?? "" }).map((r) => r.quotaId)).toEqual(["I11-技能型乡村-2027/附件2"]);
  });

  test("an imported plan's Annex 2 share follows the city's own path, as the seed's does", () => {
    const revision = provinceSplitRevision();
    const quota = revision.quotas.find((q) => q.id === BASES);
    if (!quota) throw new Error("no quota");
    // 杭州市 25 → 45 by 2025: (25 + 20 × 9/12) / 45; the province 175 → 300.
    const { progress } = stageInScope(quota, { kind: "city", city: "杭州市" }, parsePeriod("2025-Q3"), { revision });
    expect(progress.expected / progress.of).toBeCloseTo(40 / 45, 10);
  });
});
