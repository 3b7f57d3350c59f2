import { readFileSync } from "fs";
import path from "path";
import { checkWorkbook } from "../../../src/core/checks";
import { buildSummary, canMerge } from "../../../src/core/merge";
import { parsePeriod } from "../../../src/core/period";
import { carriedInputs, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { buildTemplate, COLUMN } from "../../../src/core/template";
import { quotaIndex, quotasInScope } from "../../../src/core/plan";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { type } from "../../unit/checks/fixture";
import { currentRevision, previousRevision } from "../../support/plan";
import { firstReport } from "../../support/report";

/**
 * Workbooks made before ids became readable (tests/fixtures/legacy-ids, made by that day's
 * `planbook template`): filled in, they still check, merge and upgrade with today's code.
 */

const FIXTURES = path.join(__dirname, "..", "..", "fixtures", "legacy-ids");
const revision = currentRevision();
const previous = previousRevision();

async function legacyWorkbook(file: string): Promise<{ snapshot: WorkbookSnapshot; sheet: string }> {
  const snapshot = await readWorkbookFile(readFileSync(path.join(FIXTURES, file)));
  return { snapshot, sheet: firstReport(snapshot).name };
}

/** The first scheme's ids of what the tests type in, and today's ids of the same quotas. */
const OLD = {
  apprenticeship: "I06-色企业新型学徒制-2025",
  exchange: "I10-系进一步健全完善-2027",
  graduates: "I01-高校未就业毕-每年",
  hangzhouEnterprises: "I08-技能型企业-累计-2027-杭州市",
  hangzhouEnterprises2025: "I08-技能型企业-累计-2025-杭州市",
  ecosystem: "I09-业技能生态圈-2027",
};

describe("a province workbook made with the first id scheme", () => {
  test("checks with no error, its typed figures still checked by their quota", async () => {
    const { snapshot, sheet } = await legacyWorkbook("province-2026-Q3.xlsx");
    type(snapshot, sheet, OLD.graduates, { period: 1, cumulative: 2.5 });
    type(snapshot, sheet, OLD.exchange, { status: "推进中" });
    expect(checkWorkbook(snapshot, { revisions: [revision, previous] }).filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a typed value that is not a number is still found on a row with a former id", async () => {
    const { snapshot, sheet } = await legacyWorkbook("province-2026-Q3.xlsx");
    type(snapshot, sheet, OLD.graduates, { cumulative: "abc" });
    const rules = checkWorkbook(snapshot, { revisions: [revision] }).map((f) => [f.rule, f.quotaId]);
    expect(rules.filter(([rule]) => !String(rule).endsWith("-outdated"))).toEqual([["not-a-number", OLD.graduates]]);
  });

  test("is told to be upgraded, and a target the earlier version read otherwise is a warning, not an edit", async () => {
    const { snapshot } = await legacyWorkbook("province-2026-Q3.xlsx");
    const findings = checkWorkbook(snapshot, { revisions: [revision] });
    // 在每个县打造1个行业技能生态圈: read then as 1 for the province, today as coverage of the 90 counties.
    expect(findings.map((f) => [f.rule, f.severity, f.quotaId, f.cell])).toEqual([
      ["sheet-outdated", "warning", null, "A2"],
      ["target-outdated", "warning", OLD.ecosystem, "I67"],
    ]);
  });

  test("upgrading carries no cell of its former section columns (主要任务, 重点工作) as something a person typed", async () => {
    const { snapshot } = await legacyWorkbook("province-2026-Q3.xlsx");
    expect(carriedInputs(firstReport(snapshot), snapshot.sheets[0]).loose).toEqual([]);
  });

  test("upgrades to today's ids, keeping every typed value on its quota", async () => {
    const { snapshot, sheet } = await legacyWorkbook("province-2026-Q3.xlsx");
    type(snapshot, sheet, OLD.graduates, { period: 1, cumulative: 2.5, note: "含高校" });
    type(snapshot, sheet, OLD.apprenticeship, { status: "已完成" });
    type(snapshot, sheet, OLD.exchange, { status: "推进中" });
    const report = firstReport(snapshot);
    const built = buildTemplate({ revision, scope: { kind: "province" }, period: parsePeriod("2026-Q3"), generatedAt: "2026-09-30T00:00:00Z", carried: carriedInputs(report, snapshot.sheets[0]) });
    const valueOf = (id: string, column: number): unknown => {
      const row = built.rowRecords.find((r) => r.quotaId === id)?.row ?? 0;
      const cell = built.sheet.cells[row - 1]?.[column];
      return cell && "value" in cell ? cell.value : undefined;
    };
    expect([
      valueOf("I01-高校未就业毕业生-每年", COLUMN.cumulative),
      valueOf("I01-高校未就业毕业生-每年", COLUMN.note),
      valueOf("I06-中国特色企业新型学徒制-2025", COLUMN.status),
      valueOf("I10-技能人才国际交流合作运行机制和监督体系-2027", COLUMN.status),
      built.archived,
    ]).toEqual([2.5, "含高校", "已完成", "推进中", []]);
  });
});

describe("a city workbook made with the first id scheme", () => {
  test("merges: its Annex 2 figure lands in the split quota's row, its earlier-deadline row is kept out", async () => {
    const { snapshot, sheet } = await legacyWorkbook("杭州市-2026-Q3.xlsx");
    type(snapshot, sheet, OLD.hangzhouEnterprises, { period: 40, cumulative: 950 });
    type(snapshot, sheet, OLD.hangzhouEnterprises2025, { period: 40, cumulative: 950 });
    const context = { revision, period: "2026-Q3", mergedAt: "2026-10-05T00:00:00Z" };
    const plan = canMerge([{ name: "杭州市.xlsx", snapshot }], context);
    const summary = buildSummary(plan.accepted, context);
    expect([plan.accepted.map((a) => a.child), plan.rejected.length, summary.totals.find((t) => t.quotaId === "I08-技能型企业-2027")?.actual]).toEqual([["杭州市"], 0, 950]);
  });

  test("upgrades: what was typed in its Annex 2 row is carried into the split quota's one row", async () => {
    const { snapshot, sheet } = await legacyWorkbook("杭州市-2026-Q3.xlsx");
    type(snapshot, sheet, OLD.hangzhouEnterprises, { period: 40, cumulative: 950 });
    const report = firstReport(snapshot);
    const built = buildTemplate({
      revision,
      scope: { kind: "city", city: "杭州市" },
      period: parsePeriod("2026-Q3"),
      generatedAt: "2026-09-30T00:00:00Z",
      carried: carriedInputs(report, snapshot.sheets[0]),
    });
    const row = built.rowRecords.find((r) => r.quotaId === "I08-技能型企业-2027")?.row ?? 0;
    expect([built.sheet.cells[row - 1]?.[COLUMN.period], built.sheet.cells[row - 1]?.[COLUMN.cumulative]]).toEqual([{ value: 40 }, { value: 950 }]);
    expect(built.rowRecords.map((r) => r.quotaId)).not.toContain("I08-技能型企业-2027-杭州市");
  });
});

describe("a city workbook made before quotas had levels, at the period's end", () => {
  test("asks only for the rows 杭州市 reports: no province-only act, and a split quota once, in its Annex 2 row", async () => {
    const { snapshot } = await legacyWorkbook("杭州市-2026-Q3.xlsx");
    const asked = checkWorkbook(snapshot, { revisions: [revision], endOfPeriod: true })
      .filter((f) => f.rule === "required-blank")
      .map((f) => f.quotaId);
    // 每年举办100场以上省级职工职业技能竞赛 and 省属国有企业…薪酬分配制度修订 are the province's acts.
    expect(asked).not.toContain("I18-省级职工竞赛-每年");
    expect(asked).not.toContain("I16-技能价值激励导向-2027");
    expect(asked).toContain(OLD.hangzhouEnterprises);
    expect(asked).not.toContain("I08-技能型企业-2027");
    // Every row asked for is one of the quotas a city reports (or the Annex 2 row of one), each once.
    const city = quotasInScope(revision, { kind: "city", city: "杭州市" });
    const index = quotaIndex(revision.quotas);
    const askedQuotas = asked.map((id) => index.get(id as string));
    expect(askedQuotas.every((q) => q !== undefined && q !== "retired" && (city.includes(q) || q.region === "杭州市"))).toBe(true);
    expect(new Set(asked).size).toBe(asked.length);
  });
});

describe("a province workbook of the previous revision", () => {
  test("upgrades to the current revision keeping the typed values of reworded quotas", async () => {
    const { snapshot, sheet } = await legacyWorkbook("previous-province-2026-Q3.xlsx");
    const renamed = firstReport(snapshot).rows.find((r) => String(r.values.measure).includes("建筑业施工"));
    type(snapshot, sheet, renamed?.quotaId ?? "", { period: 2, cumulative: 11 });
    const report = firstReport(snapshot);
    const built = buildTemplate({ revision, scope: { kind: "province" }, period: parsePeriod("2026-Q3"), generatedAt: "2026-09-30T00:00:00Z", carried: carriedInputs(report, snapshot.sheets[0]) });
    const row = built.rowRecords.find((r) => r.quotaId === "I01-建筑施工-每年")?.row ?? 0;
    const cumulative = built.sheet.cells[row - 1]?.[COLUMN.cumulative];
    expect([cumulative, built.archived]).toEqual([{ value: 11 }, []]);
  });
});
