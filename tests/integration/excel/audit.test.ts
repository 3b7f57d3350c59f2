import { createExcelHost } from "@planbook/excel-host";
import { runAudit } from "../../../src/excel/audit";
import { generateTemplate } from "../../../src/excel/generate";
import { AUDIT_SHEET } from "../../../src/core/checks/audit";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN } from "../../../src/core/template/columns";
import { columnLetter } from "../../../src/core/a1";
import { currentRevision } from "../../support/plan";

const revision = currentRevision();
const SHEET = "杭州市 2026-10";
const at = (key: keyof typeof COLUMN, row: number) => `${columnLetter(COLUMN[key])}${row}`;

async function cityWorkbook() {
  const host = createExcelHost();
  await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10") }));
  const ids = host.values(SHEET, "A1:A200").map((r) => r[0]);
  const rowOf = (id: string) => ids.indexOf(id) + 1;
  return { host, rowOf };
}

describe("the 校验 button", () => {
  test("lists each finding with a link to its cell", async () => {
    const { host, rowOf } = await cityWorkbook();
    const row = rowOf("I08-技能型企业-累计-2027-杭州市");
    await host.userEdit(SHEET, at("cumulative", row), [["1,500"]], { paste: true });
    const result = await host.run((context) => runAudit(context, { revisions: [revision] }));
    expect(result.counts.error).toBe(1);
    const audit = host.values(AUDIT_SHEET, "A1:H40");
    const findingRow = audit.find((r) => r[4] === "not-a-number");
    expect(findingRow?.slice(1, 5)).toEqual([SHEET, at("cumulative", row), "I08-技能型企业-累计-2027-杭州市", "not-a-number"]);
    const linkRow = audit.indexOf(findingRow as unknown[]) + 1;
    expect(host.formulas(AUDIT_SHEET, `C${linkRow}`)[0][0]).toBe(`=HYPERLINK("#'${SHEET}'!${at("cumulative", row)}","${at("cumulative", row)}")`);
  });

  test("counts findings by rule and severity", async () => {
    const { host, rowOf } = await cityWorkbook();
    await host.userEdit(SHEET, at("cumulative", rowOf("I08-技能型企业-累计-2027-杭州市")), [[-3]], { paste: true });
    await host.userEdit(SHEET, at("cumulative", rowOf("I11-技能型乡村-累计-2027-杭州市")), [[-1]], { paste: true });
    await host.run((context) => runAudit(context, { revisions: [revision] }));
    const audit = host.values(AUDIT_SHEET, "A1:H20");
    expect(audit.find((r) => r[0] === "negative")?.slice(0, 3)).toEqual(["negative", "错误", 2]);
  });

  test("never changes a data sheet", async () => {
    const { host, rowOf } = await cityWorkbook();
    await host.userEdit(SHEET, at("cumulative", rowOf("I08-技能型企业-累计-2027-杭州市")), [["=1+1"]], { paste: true });
    const before = host.formulas(SHEET, "A1:P120");
    await host.run((context) => runAudit(context, { revisions: [revision] }));
    expect(host.formulas(SHEET, "A1:P120")).toEqual(before);
  });

  test("a second run refreshes the audit sheet in place, protected", async () => {
    const { host, rowOf } = await cityWorkbook();
    const cell = at("cumulative", rowOf("I08-技能型企业-累计-2027-杭州市"));
    await host.userEdit(SHEET, cell, [["abc"]], { paste: true });
    await host.run((context) => runAudit(context, { revisions: [revision] }));
    await host.userEdit(SHEET, cell, [[1200]]);
    host.stats.resetSyncs();
    const result = await host.run((context) => runAudit(context, { revisions: [revision] }));
    expect(result.counts.error).toBe(0);
    expect(host.values(AUDIT_SHEET, "A1:H40").some((r) => r[4] === "not-a-number")).toBe(false);
    expect(host.sheet(AUDIT_SHEET).protection.protected).toBe(true);
    expect(host.stats.syncs).toBe(3);
  });
});
