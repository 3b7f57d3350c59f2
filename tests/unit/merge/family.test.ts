import { annexShares, familyLabel, regionalFamilies } from "../../../src/core/merge";
import { currentRevision } from "../../support/plan";
import { fixtureRevision } from "./fixture";
import { present } from "../../support/present";

const revision = currentRevision();

describe("regionalFamilies", () => {
  test("Annex 2's two figures (技能型企业, 技能型乡村) are two families, their columns points on each city's path", () => {
    expect(regionalFamilies(revision).map((f) => f.byCity["杭州市"]?.path.map((p) => p.target))).toEqual([
      [700, 1500],
      [100, 155],
    ]);
  });

  test("every family has a quota for each of the 11 cities", () => {
    expect(regionalFamilies(revision).map((f) => Object.keys(f.byCity))).toEqual(Array(2).fill(revision.cities));
  });

  test("a family's id is its members' id with the city taken out", () => {
    const family = present(regionalFamilies(revision)[0], "a regional family");
    expect(family.id).toBe(present(family.byCity["宁波市"], "宁波市's member").id.replace("宁波市", "*"));
  });

  test("ids that do not name their city fall back to the members' common prefix", () => {
    const plain = fixtureRevision();
    plain.quotas = plain.quotas.map((q, i) => (q.region ? { ...q, id: `R-${q.subject}-${q.year}-${i}` } : q));
    expect(regionalFamilies(plain).map((f) => f.id)).toEqual(["R-技能型企业-2025*", "R-技能型企业-2027*", "R-技能型乡村(社区)-2027*"]);
  });

  test("a family is labelled by its target phrase without city or number", () => {
    expect(familyLabel(present(regionalFamilies(revision)[0], "a regional family"))).toContain("2027年底累计培育数量（附件2");
  });

  test("the Annex 2 shares are the plan's city figures", () => {
    const family = present(regionalFamilies(revision)[0], "a regional family");
    expect(Object.values(annexShares(revision, family.id)).reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(10000);
  });
});
