/** The roll-up mechanism at the unit level, and files of mixed levels. */
import { specSnapshot } from "../../../scripts/workloads";
import { loadCounties } from "../../../src/cli/io";
import { findingMessage } from "../../../src/core/findings";
import { buildSummary, canMerge, type MergeInputFile, readSummaryState, sourceRows } from "../../../src/core/merge";
import { parsePeriod } from "../../../src/core/period";
import { type Scope, formatScope } from "../../../src/core/plan";
import { buildTemplate, COLUMN, EMPTY_META, metaRows, metaSheetSpec, withSheetRecords } from "../../../src/core/template";
import { currentRevision } from "../../support/plan";
import { gridRow, present } from "../../support/present";

const revision = currentRevision();
const geography = loadCounties();
const period = "2026-10";
const mergedAt = "2026-11-05T09:00:00.000Z";
/** 家政服务: led by 省人力社保厅, shared with 省商务厅 and 省发展改革委. */
const SHARED = "I01-家政服务-每年";

/** A returned workbook of a scope with a cumulative figure typed for some quotas. */
function returned(name: string, scope: Scope, typed: Record<string, number>): MergeInputFile {
  const built = buildTemplate({ revision, scope, period: parsePeriod(period), generatedAt: "2026-11-02T08:00:00.000Z", geography });
  for (const [quotaId, value] of Object.entries(typed)) {
    const record = built.rowRecords.find((r) => r.quotaId === quotaId);
    if (!record) throw new Error(`no row ${quotaId} on ${name}`);
    gridRow(built.sheet.cells, record.row - 1)[COLUMN.cumulative] = { value };
  }
  const meta = metaSheetSpec(metaRows(withSheetRecords(EMPTY_META, built.sheetRecord, built.rowRecords)), null);
  return { name, snapshot: { sheets: [specSnapshot(built.sheet), specSnapshot(meta)] } };
}

const unit = (name: string): Scope => ({ kind: "unit", unit: name });

describe("co-responsible units → the lead unit", () => {
  const files = [
    returned("人社.xlsx", unit("省人力社保厅"), { [SHARED]: 3 }),
    returned("商务.xlsx", unit("省商务厅"), { [SHARED]: 1.5 }),
    returned("发改.xlsx", unit("省发展改革委"), { [SHARED]: 0.25 }),
  ];
  const plan = canMerge(files, { revision, period, geography });
  const built = buildSummary(plan.accepted, { revision, period, geography, rollup: plan.rollup, mergedAt, rejected: plan.rejected });

  test("the unit files make the lead unit's summary", () => {
    expect([formatScope(plan.rollup.parent), plan.accepted.map((a) => a.child), plan.rejected]).toEqual(["unit:省人力社保厅", ["省人力社保厅", "省商务厅", "省发展改革委"], []]);
  });

  test("a shared quota's total is the sum of the units' figures, against the province target", () => {
    expect(built.totals.find((t) => t.quotaId === SHARED)).toEqual({ quotaId: SHARED, target: 5, actual: 4.75, completion: 0.95 });
  });

  test("the lead unit's summary carries its own return, filled with the totals", () => {
    const own = built.parentReturn;
    const record = own?.rowRecords.find((r) => r.quotaId === SHARED);
    const cumulative = own && record ? gridRow(own.sheet.cells, record.row - 1)[COLUMN.cumulative] : null;
    expect([own?.sheetRecord.scope, cumulative]).toEqual(["unit:省人力社保厅", { value: 4.75 }]);
  });
});

describe("files of mixed levels", () => {
  test("a county's file among cities' is a finding naming both levels", () => {
    const files = [
      returned("杭州.xlsx", { kind: "city", city: "杭州市" }, {}),
      returned("宁波.xlsx", { kind: "city", city: "宁波市" }, {}),
      returned("萧山.xlsx", { kind: "county", county: "萧山区" }, {}),
    ];
    const plan = canMerge(files, { revision, period, geography });
    const reasons = plan.rejected.flatMap((r) => r.reasons.map((f) => [r.file.name, f.rule]));
    expect(reasons).toEqual([["萧山.xlsx", "merge-mixed-levels"]]);
    expect(findingMessage(present(plan.rejected[0]?.reasons[0], "a rejection reason"))).toMatch(/县级报表.*市级报表/);
  });

  test("a county of another city is refused from a city's summary", () => {
    const files = [
      returned("萧山.xlsx", { kind: "county", county: "萧山区" }, {}),
      returned("余杭.xlsx", { kind: "county", county: "余杭区" }, {}),
      returned("鄞州.xlsx", { kind: "county", county: "鄞州区" }, {}),
    ];
    const plan = canMerge(files, { revision, period, geography });
    expect([formatScope(plan.rollup.parent), plan.rejected.map((r) => [r.file.name, r.reasons[0]?.rule])]).toEqual(["city:杭州市", [["鄞州.xlsx", "merge-unknown-city"]]]);
  });
});

describe("merging again below the province: a kept child's 来源 line says what it is", () => {
  const county = (name: string): Scope => ({ kind: "county", county: name });
  /** A figure every county of 杭州市 types (先进制造业 training, 万人次 a year). */
  const COUNTY_FIGURE = "I01-先进制造业-每年";
  /** The files merged first, the one that replaces the first of them on the second merge, and the scopes 来源 then lists. */
  const levels = [
    {
      kind: "county",
      first: [returned("萧山.xlsx", county("萧山区"), { [COUNTY_FIGURE]: 1.2 }), returned("余杭.xlsx", county("余杭区"), { [COUNTY_FIGURE]: 0.8 })],
      again: returned("萧山-v2.xlsx", county("萧山区"), { [COUNTY_FIGURE]: 1.5 }),
      listed: [["余杭.xlsx", "county:余杭区"], ["萧山-v2.xlsx", "county:萧山区"]],
    },
    {
      kind: "unit",
      first: [returned("人社.xlsx", unit("省人力社保厅"), { [SHARED]: 3 }), returned("商务.xlsx", unit("省商务厅"), { [SHARED]: 1.5 })],
      again: returned("人社-v2.xlsx", unit("省人力社保厅"), { [SHARED]: 3 }),
      listed: [["商务.xlsx", "unit:省商务厅"], ["人社-v2.xlsx", "unit:省人力社保厅"]],
    },
  ];

  test.each(levels)("a kept $kind read back without its 来源 line is listed by its own scope", ({ first, again, listed }) => {
    const plan = canMerge(first, { revision, period, geography });
    const before = buildSummary(plan.accepted, { revision, period, geography, rollup: plan.rollup, mergedAt, rejected: plan.rejected });
    // The summary read back alone: no 来源 line to carry over for the kept child.
    const existing = readSummaryState({ sheets: [specSnapshot(before.summary)] }, revision, plan.rollup);
    expect(existing?.children.map((c) => c.source)).toEqual([null, null]);
    const replan = canMerge([again], { revision, period, geography, rollup: plan.rollup, existing });
    const after = buildSummary(replan.accepted, { revision, period, geography, rollup: replan.rollup, mergedAt, rejected: replan.rejected, existing });
    expect(sourceRows(specSnapshot(after.sources)).map((line) => [line.file, line.scope])).toEqual(listed);
  });
});
