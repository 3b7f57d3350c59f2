/**
 * Property: whatever valid figures the 11 cities type, their files — written by our .xlsx writer,
 * filled by another program, read back — merge into a summary whose totals are the sums of the
 * inputs and whose completion is actual / target.
 */
import fc from "fast-check";
import { canMerge } from "../../src/core/merge/merge";
import { buildSummary } from "../../src/core/merge/summary";
import { readMergeFiles } from "../../src/excel/merge";
import { cityFile } from "../integration/merge/files";
import { currentRevision } from "../support/plan";

const revision = currentRevision();
const FAMILY = "I08-技能型企业-累计-2027";

test("the summary total of a family is the sum of the cities' inputs", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 11, maxLength: 11 }), async (figures) => {
      const files = await Promise.all(
        revision.cities.map((city, i) => cityFile(`${city}.xlsx`, revision, city, { [`${FAMILY}-${city}`]: { cumulative: figures[i] } })),
      );
      const plan = canMerge(await readMergeFiles(files), { revision, period: "2026-10" });
      const totals = buildSummary(plan.accepted, { revision, period: "2026-10", mergedAt: "" }).totals;
      const family = totals.find((t) => t.quotaId.startsWith("I08-技能型企业-累计-2027"));
      const sum = figures.reduce((a, b) => a + b, 0);
      expect(plan.accepted).toHaveLength(11);
      expect(family?.actual).toBe(sum);
      expect(family?.completion).toBeCloseTo(sum / Number(family?.target), 10);
    }),
    { numRuns: 4 },
  );
});
