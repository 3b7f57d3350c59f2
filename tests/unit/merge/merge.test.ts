import { canMerge, type MergeInputFile, periodOfFiles, type SummaryState } from "../../../src/core/merge";
import { columnLetter, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { fileProblem, findingMessage } from "../../../src/core/findings";
import { COLUMN, META_SHEET } from "../../../src/core/template";
import { CITIES, QUOTA, cityWorkbook, fixtureRevision } from "./fixture";
import { gridRow, present } from "../../support/present";

const revision = fixtureRevision();
const context = { revision, period: "2026-10" };
const file = (name: string, city: string, options: Parameters<typeof cityWorkbook>[2] = {}): MergeInputFile => ({
  name,
  snapshot: cityWorkbook(city, { [QUOTA.enterprises]: { cumulative: 100 } }, options),
});
/** The snapshot with every sheet record of its metadata changed in one column, as a careless edit of the hidden sheet would. */
function withSheetMeta(snapshot: WorkbookSnapshot, column: "scope" | "period", text: string): WorkbookSnapshot {
  const index = column === "scope" ? 8 : 9;
  const edit = (grid: WorkbookSnapshot["sheets"][number]["values"]) => grid.map((row) => (row[0] === "sheet" ? row.map((cell, c) => (c === index ? text : cell)) : row));
  return { sheets: snapshot.sheets.map((sheet) => (sheet.name === META_SHEET ? { ...sheet, values: edit(sheet.values), formulas: edit(sheet.formulas) } : sheet)) };
}

const rules = (plan: ReturnType<typeof canMerge>, name: string): string[] =>
  plan.rejected.filter((r) => r.file.name === name).flatMap((r) => r.reasons.map((f) => f.rule));

describe("canMerge", () => {
  test("a clean city workbook of the plan's revision and period is accepted for its city", () => {
    const plan = canMerge([file("hz.xlsx", "杭州市")], context);
    expect(plan.accepted.map((a) => [a.name, a.child])).toEqual([["hz.xlsx", "杭州市"]]);
  });

  test("an unreadable file is rejected with the reader's reason", () => {
    const plan = canMerge([{ name: "broken.xlsx", snapshot: null, readProblem: fileProblem("not-zip") }], context);
    expect(plan.rejected[0]?.reasons.map((f) => findingMessage(f))).toEqual([expect.stringMatching(/^文件「broken\.xlsx」不是 Excel 工作簿（\.xlsx） \/ file "broken\.xlsx": is not an Excel workbook/)]);
  });

  test("a workbook without Planbook metadata is rejected by name", () => {
    const plain = { name: "Sheet1", visibility: "Visible" as const, protected: false, values: [["a"]], formulas: [["a"]] };
    const plan = canMerge([{ name: "plain.xlsx", snapshot: { sheets: [plain] } }], context);
    expect(plan.rejected[0]?.reasons.map((f) => [f.rule, f.file])).toEqual([["merge-not-planbook", "plain.xlsx"]]);
  });

  test("a workbook of another revision is rejected naming that revision", () => {
    const plan = canMerge([file("old.xlsx", "杭州市", { revision: fixtureRevision("draft-2025-05") })], context);
    expect(plan.rejected[0]?.reasons.map((f) => [f.rule, f.value])).toEqual([["merge-other-revision", "draft-2025-05"]]);
  });

  test("a workbook of another period is rejected naming that period", () => {
    const plan = canMerge([file("sep.xlsx", "杭州市", { period: "2026-09" })], context);
    expect(plan.rejected[0]?.reasons.map((f) => [f.rule, f.value])).toEqual([["merge-other-period", "2026-09"]]);
  });

  test("a province workbook is not a city workbook", () => {
    const province = cityWorkbook("杭州市", {});
    const meta = present(province.sheets[1], "the metadata sheet");
    meta.values = meta.values.map((row) => (row[0] === "sheet" ? row.map((v, i) => (i === 8 ? "province" : v)) : row));
    const plan = canMerge([{ name: "prov.xlsx", snapshot: province }], context);
    expect(rules(plan, "prov.xlsx")).toEqual(["merge-not-city"]);
  });

  test("two files for the same city are both rejected, each naming both files", () => {
    const plan = canMerge([file("hz-a.xlsx", "杭州市"), file("hz-b.xlsx", "杭州市")], context);
    expect(plan.rejected.map((r) => [r.file.name, r.reasons.map((f) => f.value)])).toEqual([
      ["hz-a.xlsx", ["hz-a.xlsx」「hz-b.xlsx"]],
      ["hz-b.xlsx", ["hz-a.xlsx」「hz-b.xlsx"]],
    ]);
  });

  test("of two files for the same city, the one marked as replacement is taken", () => {
    const plan = canMerge([file("hz-a.xlsx", "杭州市"), { ...file("hz-b.xlsx", "杭州市"), replace: true }], context);
    expect([plan.accepted.map((a) => a.name), plan.rejected.map((r) => r.file.name)]).toEqual([["hz-b.xlsx"], ["hz-a.xlsx"]]);
  });

  test("the aggregator's choice settles a duplicate", () => {
    const plan = canMerge([file("hz-a.xlsx", "杭州市"), file("hz-b.xlsx", "杭州市")], { ...context, chosen: ["hz-a.xlsx"] });
    expect(rules(plan, "hz-b.xlsx")).toEqual(["merge-declined"]);
  });

  test("a city already in the summary is replaced by its new file, which names the old one", () => {
    const existing: SummaryState = { period: "2026-10", revision: revision.revision, children: [{ child: "杭州市", file: "hz-v1.xlsx", source: null, figures: {} }] };
    const plan = canMerge([file("hz-v2.xlsx", "杭州市")], { ...context, existing });
    expect(plan.accepted.map((a) => a.replaces)).toEqual(["hz-v1.xlsx"]);
  });

  test("a summary of another period is not kept", () => {
    const existing: SummaryState = { period: "2026-09", revision: revision.revision, children: [{ child: "杭州市", file: "hz-v1.xlsx", source: null, figures: {} }] };
    const plan = canMerge([file("hz.xlsx", "杭州市")], { ...context, existing });
    expect([plan.accepted[0]?.replaces, plan.findings.some((f) => f.rule === "merge-summary-reset")]).toEqual([null, true]);
  });

  test("a quota id the plan does not know is rejected naming the id", () => {
    const bigger = fixtureRevision();
    bigger.quotas.push({ ...present(bigger.quotas[0], "the fixture's first quota"), id: "T-99", measure: "计划里没有的举措" });
    const plan = canMerge([file("hz.xlsx", "杭州市", { revision: bigger })], context);
    expect(plan.rejected[0]?.reasons.map((f) => [f.rule, f.quotaId])).toEqual([["merge-unknown-quota", "T-99"]]);
  });

  test("a changed target is rejected naming its cell", () => {
    const tampered = file("hz.xlsx", "杭州市", {
      edit: (cells, rowOf) => {
        gridRow(cells, rowOf("E27-杭州市") - 1)[COLUMN.target] = { value: 1 };
      },
    });
    const plan = canMerge([tampered], context);
    const reason = present(plan.rejected[0]?.reasons[0], "a rejection reason");
    expect([reason.rule, reason.quotaId, reason.cell]).toEqual(["target-changed", "E27-杭州市", expect.stringMatching(new RegExp(`^${columnLetter(COLUMN.target)}\\d+$`))]);
  });

  test("a split target that is not the aggregator's split is rejected", () => {
    const splits = CITIES.map((city) => ({ quotaId: QUOTA.enterprises, city, target: city === "杭州市" ? 600 : 940 }));
    const otherSplit = splits.map((s) => (s.city === "杭州市" ? { ...s, target: 500 } : s));
    const plan = canMerge([file("hz.xlsx", "杭州市", { splits: otherSplit })], { ...context, splits });
    expect(plan.rejected[0]?.reasons.map((f) => [f.rule, f.value])).toEqual([["merge-target-not-plan", 500]]);
  });

  test("a file split the aggregator does not know is taken as its metadata says", () => {
    const splits = CITIES.map((city) => ({ quotaId: QUOTA.enterprises, city, target: 1000 }));
    const plan = canMerge([file("hz.xlsx", "杭州市", { splits })], context);
    expect(plan.rejected).toEqual([]);
  });

  test("an overwritten formula is an error: the file is merged only when the aggregator accepts it", () => {
    const tampered = file("hz.xlsx", "杭州市", {
      edit: (cells, rowOf) => {
        gridRow(cells, rowOf(QUOTA.enterprises) - 1)[COLUMN.completion] = { value: 1 };
      },
    });
    expect(rules(canMerge([tampered], context), "hz.xlsx")).toEqual(["merge-has-errors", "formula-changed"]);
    const accepted = canMerge([tampered], { ...context, acceptErrors: true });
    expect([accepted.accepted[0]?.findings.map((f) => [f.rule, f.quotaId]), accepted.accepted[0]?.counts.error]).toEqual([[["formula-changed", QUOTA.enterprises]], 1]);
    // The formula is not a figure: nothing is left out of the totals.
    expect(accepted.accepted[0]?.excluded).toEqual([]);
  });

  test("missing cities are one finding listing them, not a rejection", () => {
    const plan = canMerge([file("hz.xlsx", "杭州市"), file("nb.xlsx", "宁波市")], context);
    expect(plan.findings.filter((f) => f.rule === "merge-city-missing").map((f) => f.value)).toEqual([CITIES.slice(2).join("、")]);
  });

  test("cities the existing summary holds are not missing", () => {
    const existing: SummaryState = {
      period: "2026-10",
      revision: revision.revision,
      children: CITIES.slice(1).map((city) => ({ child: city, file: `${city}.xlsx`, source: null, figures: {} })),
    };
    const plan = canMerge([file("hz.xlsx", "杭州市")], { ...context, existing });
    expect(plan.findings.filter((f) => f.rule === "merge-city-missing")).toEqual([]);
  });

  test("every rejection reason names its file", () => {
    const plan = canMerge([file("sep.xlsx", "杭州市", { period: "2026-09" })], context);
    expect(findingMessage(present(plan.findings[0], "a finding"))).toMatch(/^文件「sep\.xlsx」.* \/ file "sep\.xlsx"/);
  });

  test.each(["city: ", "city:", "city:\u3000"])("a sheet whose scope %j names no city rejects its file with a finding, never an exception", (scope) => {
    const hangzhou = file("hz.xlsx", "杭州市");
    const broken = { name: "hz.xlsx", snapshot: withSheetMeta(hangzhou.snapshot as WorkbookSnapshot, "scope", scope) };
    const plan = canMerge([broken, file("nb.xlsx", "宁波市")], context);
    expect([plan.accepted.map((a) => a.name), rules(plan, "hz.xlsx")]).toEqual([["nb.xlsx"], ["merge-bad-scope"]]);
  });

  test("the reason for an unreadable scope names the file and the scope as written", () => {
    const broken = { name: "hz.xlsx", snapshot: withSheetMeta(file("hz.xlsx", "杭州市").snapshot as WorkbookSnapshot, "scope", "city: ") };
    expect(findingMessage(present(canMerge([broken], context).rejected[0]?.reasons[0], "a rejection reason"))).toMatch(/^文件「hz\.xlsx」.*「city: 」/);
  });
});

describe("periodOfFiles", () => {
  test("takes the period most files are for, however it is written", () => {
    const files = [file("hz.xlsx", "杭州市"), file("nb.xlsx", "宁波市", { period: "2026-9" }), file("wz.xlsx", "温州市", { period: "2026-09" })];
    expect(periodOfFiles(files)).toBe("2026-09");
  });

  test("never takes a period that cannot be read, so canMerge is never asked for one", () => {
    const junk = (name: string, city: string) => ({ name, snapshot: withSheetMeta(file(name, city).snapshot as WorkbookSnapshot, "period", "2026-13") });
    const files = [junk("hz.xlsx", "杭州市"), junk("nb.xlsx", "宁波市"), file("wz.xlsx", "温州市")];
    expect(periodOfFiles(files)).toBe("2026-10");
  });
});

describe("contributions without a target, judged across the files", () => {
  const typed = (city: string, cumulative: number, note?: string): MergeInputFile => ({
    name: `${city}.xlsx`,
    snapshot: cityWorkbook(city, { [QUOTA.enterprises]: { cumulative, ...(note ? { note } : {}) } }),
  });
  const implausible = (plan: ReturnType<typeof canMerge>) =>
    plan.findings.filter((f) => f.rule === "contribution-implausible").map((f) => [f.file, f.severity, f.quotaId]);

  test("a city more than three times the other cities' median is a warning asking for a 说明, and the file is still merged", () => {
    const plan = canMerge([typed("杭州市", 400), typed("宁波市", 100), typed("温州市", 120), typed("湖州市", 90)], context);
    expect(implausible(plan)).toEqual([["杭州市.xlsx", "warning", QUOTA.enterprises]]);
    expect(plan.accepted.map((a) => a.child)).toEqual(["杭州市", "宁波市", "温州市", "湖州市"]);
    expect(plan.accepted[0]?.counts.warning).toBeGreaterThan(0);
  });

  test("within three times the median nothing is said", () => {
    expect(implausible(canMerge([typed("杭州市", 300), typed("宁波市", 100), typed("温州市", 120), typed("湖州市", 90)], context))).toEqual([]);
  });

  test("a 说明 in the row clears it", () => {
    const plan = canMerge([typed("杭州市", 400, "含集团总部"), typed("宁波市", 100), typed("温州市", 120), typed("湖州市", 90)], context);
    expect(implausible(plan)).toEqual([]);
  });

  test("above the province's whole target it is said once, by the file's own check", () => {
    const plan = canMerge([typed("杭州市", 10001), typed("宁波市", 100), typed("温州市", 120), typed("湖州市", 90)], context);
    expect(implausible(plan)).toEqual([["杭州市.xlsx", "warning", QUOTA.enterprises]]);
  });
});
