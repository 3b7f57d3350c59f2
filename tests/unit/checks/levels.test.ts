import { checkWorkbook } from "../../../src/core/checks";
import { findingMessage } from "../../../src/core/findings";
import { parsePeriod } from "../../../src/core/period";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { buildTemplate, COLUMN, EMPTY_META, metaRows, metaSheetSpec, withSheetRecords } from "../../../src/core/template";
import { specSnapshot } from "../../../scripts/workloads";
import { provinceSplitRevision } from "../../support/plan";
import { gridRow, present } from "../../support/present";

/**
 * The checks' warnings on a ceiling or a growth rate (a level, held against its whole target in
 * every period) say so, and a ceiling of 0 (零事故) is checked like any other: of the written
 * provincial plan (tests/fixtures/plans/province-split.ts), on the province's sheet for 2026-Q3.
 */
const revision = provinceSplitRevision();

function provinceWorkbook(typed: Record<string, number>): WorkbookSnapshot {
  const built = buildTemplate({ revision, scope: { kind: "province" }, period: parsePeriod("2026-Q3"), generatedAt: "2026-10-02T08:00:00.000Z" });
  for (const [quotaId, cumulative] of Object.entries(typed)) {
    const row = built.rowRecords.find((r) => r.quotaId === quotaId)?.row;
    if (row === undefined) throw new Error(`no row for ${quotaId}`);
    gridRow(built.sheet.cells, row - 1)[COLUMN.cumulative] = { value: cumulative };
  }
  const meta = metaSheetSpec(metaRows(withSheetRecords(EMPTY_META, built.sheetRecord, built.rowRecords)), null);
  return { sheets: [specSnapshot(built.sheet), specSnapshot(meta)] };
}

const behind = (snapshot: WorkbookSnapshot) =>
  checkWorkbook(snapshot, { revisions: [revision] }).filter((f) => f.rule === "behind-schedule");

test("one accident against 不超过0起 (零事故) is behind its target", () => {
  expect(behind(provinceWorkbook({ "I03-重大生产安全事故-每年": 1 }))).toEqual([expect.objectContaining({ quotaId: "I03-重大生产安全事故-每年", params: expect.objectContaining({ completion: 0 }) })]);
});

test("no accident against 不超过0起 is no warning", () => {
  expect(behind(provinceWorkbook({ "I03-重大生产安全事故-每年": 0 }))).toEqual([]);
});

test("a rate over its ceiling is told as short of its whole target, not as trailing time-progress it is ahead of", () => {
  const warning = present(behind(provinceWorkbook({ "I01-城镇调查失业率": 0.052 }))[0], "a behind-schedule warning");
  expect(findingMessage(warning, "zh")).toContain("完成率 96.2% 未达到 100.0%（控制类、增长类指标每期按全年目标衡量，不看序时进度），请在说明中解释");
});

test("a growth rate short of its target is told against the share it must reach (90 % of 6 %)", () => {
  const warning = present(behind(provinceWorkbook({ "I02-城乡居民人均可支配收入-每年": 0.045 }))[0], "a behind-schedule warning");
  expect(warning.params).toEqual({ completion: 0.75, timeProgress: 0.75, level: 0.9 });
});
