import { createExcelHost } from "@planbook/excel-host";
import { createOfficeOperations } from "../../../src/addin/office-operations";
import { parsePeriod } from "../../../src/core/period";
import { type CellValue, META_SHEET, parseMetaRows } from "../../../src/core/template";
import { fixtureRevision } from "../../unit/merge/fixture";

/**
 * A person can start a second operation before the first is done (生成模板 while 使用此计划 is still
 * saving, 校验 from the ribbon during a merge). Each reads the workbook and writes its metadata
 * sheet: run side by side, both would add the sheet (Excel refuses the second: ItemAlreadyExists)
 * or the later would write over what the earlier saved.
 */
describe("operations started together run one after the other", () => {
  const plan = { text: "附件1\n重点工作任务清单", corrections: [] };
  const generateOptions = {
    revision: fixtureRevision(),
    scope: { kind: "province" as const },
    period: parsePeriod("2026-10"),
    now: new Date("2026-10-31T08:00:00Z"),
  };

  test("saving an imported plan and generating a template at once both succeed, and the metadata keeps both", async () => {
    const host = createExcelHost();
    const operations = createOfficeOperations(host.run.bind(host));
    const [, generated] = await Promise.all([operations.saveImportedPlan(plan, null), operations.generate(generateOptions)]);
    expect(generated.sheetName).toBe("全省 2026-10");
    const meta = parseMetaRows(host.values(META_SHEET, "A1:Z5000") as CellValue[][]);
    expect((meta.plans ?? []).map((p) => p.text)).toEqual([plan.text]);
    expect(meta.sheets.map((s) => s.sheet)).toContain("全省 2026-10");
  });

  test("an operation that fails does not stop the next one", async () => {
    const host = createExcelHost();
    const operations = createOfficeOperations(host.run.bind(host));
    const failing = operations.generate({
      ...generateOptions,
      revision: { ...generateOptions.revision, quotas: null as never },
    });
    const saving = operations.saveImportedPlan(plan, null);
    await expect(failing).rejects.toThrow();
    await expect(saving).resolves.toBeUndefined();
  });
});
