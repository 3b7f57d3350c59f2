/** The rules over ~100,000 input cells: 25,000 quota rows with four inputs each, every row filled. */
import { checkWorkbook } from "../../../src/core/checks";
import type { PlanRevision } from "../../../src/core/plan";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { type CellValue, COLUMN, parsePartId, partsOf } from "../../../src/core/template";
import { scaledRevision } from "../../../scripts/workloads";
import { gridRow, present } from "../../support/present";
import { addressOf, PROVINCE, revision, setCell, sheetName, workbookOf } from "./fixture";

const SHEET = sheetName({ scope: PROVINCE, period: "2026-10" });

/** Every row typed as a diligent official would: the target reached, milestones done, no 说明. */
function filledWorkbook(plan: PlanRevision): WorkbookSnapshot {
  const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }], plan);
  const quotas = new Map(plan.quotas.map((q) => [q.id, q]));
  const { values, formulas } = present(snapshot.sheets[0], "the generated sheet");
  values.forEach((row, r) => {
    const formulaRow = gridRow(formulas, r);
    // A ratio is typed as its two figures, on their rows: 100 of 100 meets any share.
    if (parsePartId(String(row[COLUMN.id]))) {
      row[COLUMN.cumulative] = 100;
      formulaRow[COLUMN.cumulative] = 100;
      return;
    }
    const quota = quotas.get(String(row[COLUMN.id]));
    if (!quota || partsOf(quota).length > 0) return;
    const inputs: Record<"period" | "cumulative" | "status" | "note", CellValue> =
      quota.kind === "milestone"
        ? { period: "", cumulative: "", status: "已完成", note: "" }
        : { period: 0, cumulative: present(row[COLUMN.target], `the target of ${quota.id}`), status: "", note: "" };
    (["period", "cumulative", "status", "note"] as const).forEach((key) => {
      row[COLUMN[key]] = inputs[key];
      formulaRow[COLUMN[key]] = inputs[key];
    });
  });
  return snapshot;
}

describe("checking a very large sheet", () => {
  const plan = scaledRevision(revision, 330);
  const snapshot = filledWorkbook(plan);
  const counts = plan.quotas.filter((q) => q.kind === "annual" || q.kind === "cumulative");
  const last = present(counts.at(-1), "the last count quota").id;
  const middle = present(counts[Math.floor(counts.length / 2)], "the middle count quota").id;

  test("the sheet has about 25,000 quota rows", () => {
    expect(snapshot.sheets[0]?.values.length).toBeGreaterThan(25000);
  });

  test("finds exactly the two bad cells among 100,000 inputs", () => {
    setCell(snapshot, SHEET, addressOf(snapshot, SHEET, last, "cumulative"), "abc");
    setCell(snapshot, SHEET, addressOf(snapshot, SHEET, middle, "period"), -3);
    const found = checkWorkbook(snapshot, { revisions: [plan] });
    expect(found.map((f) => [f.rule, f.quotaId])).toEqual([
      ["negative", middle],
      ["not-a-number", last],
    ]);
  });
});
