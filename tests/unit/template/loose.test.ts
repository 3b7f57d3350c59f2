/**
 * What regenerating keeps besides the quotas' inputs: cells typed outside the template. A template
 * as generated (however filled in, whatever its scope or revision) must have none, or every
 * regeneration would pile the template's own text into the kept area.
 */
import { parsePeriod } from "../../../src/core/period";
import { carriedInputs, looseCells, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { buildTemplate, type CarriedInputs, COLUMN, EMPTY_META, HEADER_ROW, metaRows, metaSheetSpec, SIGNATURE_FIELDS, withSheetRecords } from "../../../src/core/template";
import type { PlanRevision, Scope } from "../../../src/core/plan";
import { specSnapshot } from "../../../scripts/workloads";
import { gridRow, present } from "../../support/present";
import { currentRevision, previousRevision } from "../../support/plan";
import { firstReport } from "../../support/report";

function generated(revision: PlanRevision, scope: Scope, carried?: CarriedInputs): WorkbookSnapshot {
  const built = buildTemplate({ revision, scope, period: parsePeriod("2026-10"), generatedAt: "2026-10-31T00:00:00.000Z", carried });
  const meta = metaSheetSpec(metaRows(withSheetRecords(EMPTY_META, built.sheetRecord, built.rowRecords)), null);
  return { sheets: [specSnapshot(built.sheet), specSnapshot(meta)] };
}

/** Every input of every quota row typed, and the signature block signed. */
function filledIn(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const { report, sheet } = read(snapshot);
  for (const row of report.rows) {
    for (const key of ["period", "cumulative", "status", "note"] as const) {
      gridRow(sheet.values, row.row - 1)[COLUMN[key]] = `${key}-${row.quotaId}`;
      gridRow(sheet.formulas, row.row - 1)[COLUMN[key]] = `${key}-${row.quotaId}`;
    }
  }
  sheet.formulas.forEach((line, r) => {
    if (SIGNATURE_FIELDS.some((field) => line[0] === `${field}：`)) line[1] = gridRow(sheet.values, r)[1] = "张三";
  });
  return snapshot;
}

const read = (snapshot: WorkbookSnapshot) => ({ report: firstReport(snapshot), sheet: present(snapshot.sheets[0], "the first sheet") });

describe("cells typed outside the template", () => {
  const revisions = [currentRevision(), previousRevision()];
  const scopes: Scope[] = [{ kind: "province" }, { kind: "city", city: "杭州市" }, { kind: "unit", unit: "省人力社保厅" }];

  test.each(revisions.flatMap((revision) => scopes.map((scope) => [revision.revision, scope.kind, revision, scope] as const)))(
    "a filled-in %s %s sheet has none",
    (_revision, _kind, revision, scope) => {
      const { report, sheet } = read(filledIn(generated(revision, scope)));
      expect(report.rows.length).toBeGreaterThan(0);
      expect(looseCells(report, sheet)).toEqual([]);
    },
  );

  test("an upgraded sheet with archived quotas and kept cells has none beyond the kept ones", () => {
    const old = filledIn(generated(previousRevision(), { kind: "province" }));
    const { report, sheet } = read(old);
    gridRow(sheet.formulas, HEADER_ROW + 2)[20] = gridRow(sheet.values, HEADER_ROW + 2)[20] = "旁注";
    const carried = carriedInputs(report, sheet);
    expect(carried.loose).toEqual([{ address: `U${HEADER_ROW + 3}`, content: "旁注" }]);
    const upgraded = read(generated(currentRevision(), { kind: "province" }, carried));
    expect(upgraded.report.archivedRows.length).toBeGreaterThan(0);
    expect(looseCells(upgraded.report, upgraded.sheet)).toEqual(carried.loose);
  });

  test("text in an inserted row, beside the table or in a row above the title is loose; the title rows are not", () => {
    const snapshot = generated(currentRevision(), { kind: "province" });
    const { report, sheet } = read(snapshot);
    const quotaRow = present(report.rows[0], "a quota row").row - 1;
    gridRow(sheet.formulas, quotaRow)[30] = "=SUM(A1:A3)";
    gridRow(sheet.formulas, 0)[3] = "机密";
    expect(looseCells(report, sheet)).toEqual([
      { address: "D1", content: "机密" },
      { address: `AE${quotaRow + 1}`, content: "=SUM(A1:A3)" },
    ]);
  });
});
