import { createExcelHost } from "@planbook/excel-host";
import { runAudit } from "../../../src/excel/audit";
import { generateTemplate } from "../../../src/excel/generate";
import { AUDIT_SHEET } from "../../../src/core/checks";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN } from "../../../src/core/template";
import { columnLetter } from "../../../src/core/snapshot";
import { currentRevision } from "../../support/plan";
import { city, type, workbookOf } from "../../unit/checks/fixture";

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
    const row = rowOf("I08-技能型企业-2027");
    await host.userEdit(SHEET, at("cumulative", row), [["1,500"]], { paste: true });
    const result = await host.run((context) => runAudit(context, { revisions: [revision] }));
    expect(result.counts.error).toBe(1);
    const audit = host.values(AUDIT_SHEET, "A1:I40");
    const findingRow = audit.find((r) => r[1] === SHEET && r[8] === "not-a-number");
    expect(findingRow?.slice(1, 5)).toEqual([SHEET, at("cumulative", row), "I08-技能型企业-2027", "不是数字"]);
    const linkRow = audit.indexOf(findingRow as unknown[]) + 1;
    expect(host.formulas(AUDIT_SHEET, `C${linkRow}`)[0]?.[0]).toBe(`=HYPERLINK("#'${SHEET}'!${at("cumulative", row)}","${at("cumulative", row)}")`);
  });

  test("the first row says the outcome, so the ribbon's 校验 reports it without the task pane", async () => {
    const { host, rowOf } = await cityWorkbook();
    await host.userEdit(SHEET, at("cumulative", rowOf("I08-技能型企业-2027")), [[-3]], { paste: true });
    await host.run((context) => runAudit(context, { revisions: [revision] }));
    expect(host.values(AUDIT_SHEET, "A1")[0]?.[0]).toBe("审核结果：1 个错误，0 个警告，0 个提示（明细见下表）");
  });

  test("counts findings by rule and severity", async () => {
    const { host, rowOf } = await cityWorkbook();
    await host.userEdit(SHEET, at("cumulative", rowOf("I08-技能型企业-2027")), [[-3]], { paste: true });
    await host.userEdit(SHEET, at("cumulative", rowOf("I11-技能型乡村-2027")), [[-1]], { paste: true });
    await host.run((context) => runAudit(context, { revisions: [revision] }));
    const audit = host.values(AUDIT_SHEET, "A1:I20");
    const ruleRow = audit.find((r) => r[8] === "negative");
    expect([ruleRow?.[0], ruleRow?.[5], ruleRow?.[6]]).toEqual(["负数", "错误", 2]);
  });

  test("with the previous period's file, a cumulative that fell since then is an error at its cell", async () => {
    const { host, rowOf } = await cityWorkbook();
    const quota = "I08-技能型企业-2027";
    const september = workbookOf([{ scope: city("杭州市"), period: "2026-09" }]);
    type(september, "杭州市 2026-09", quota, { cumulative: 900 });
    await host.userEdit(SHEET, at("cumulative", rowOf(quota)), [[800]], { paste: true });
    const alone = await host.run((context) => runAudit(context, { revisions: [revision] }));
    expect(alone.findings.filter((f) => f.severity === "error")).toEqual([]);
    const result = await host.run((context) => runAudit(context, { revisions: [revision], previous: { name: "杭州市 2026-09.xlsx", snapshot: september } }));
    expect(result.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.sheet, f.cell, f.quotaId])).toEqual([
      ["cumulative-fell", SHEET, at("cumulative", rowOf(quota)), quota],
    ]);
  });

  test("never changes a data sheet", async () => {
    const { host, rowOf } = await cityWorkbook();
    await host.userEdit(SHEET, at("cumulative", rowOf("I08-技能型企业-2027")), [["=1+1"]], { paste: true });
    const before = host.formulas(SHEET, "A1:P120");
    await host.run((context) => runAudit(context, { revisions: [revision] }));
    expect(host.formulas(SHEET, "A1:P120")).toEqual(before);
  });

  test("the sheet is in Chinese: rule names, China Standard Time, sign-off by 审核人 and 审核日期", async () => {
    const { host, rowOf } = await cityWorkbook();
    await host.userEdit(SHEET, at("cumulative", rowOf("I08-技能型企业-2027")), [["abc"]], { paste: true });
    await host.run((context) => runAudit(context, { revisions: [revision], now: new Date("2026-11-29T13:09:02.840Z") }));
    const audit = host.values(AUDIT_SHEET, "A1:I40");
    expect(audit[1]?.slice(4, 6)).toEqual(["校验时间：", "2026-11-29 21:09"]);
    const signature = audit.find((r) => r[1] === "审核人：");
    expect(signature?.[5]).toBe("审核日期：");
    expect(audit.flat().filter((v) => typeof v === "string" && /^填表人/.test(v))).toEqual([]);
  });

  test("prints on A4 landscape, one page wide, with the title and page numbers", async () => {
    const { host } = await cityWorkbook();
    await host.run((context) => runAudit(context, { revisions: [revision] }));
    const layout = host.sheet(AUDIT_SHEET).pageLayout;
    expect([layout.paperSize, layout.orientation, layout.zoom]).toEqual(["A4", "Landscape", { horizontalFitToPages: 1, verticalFitToPages: 0 }]);
    expect(layout.headersFooters.pages.defaultForAllPages.centerHeader).toBe("审核结果");
    expect(layout.headersFooters.pages.defaultForAllPages.centerFooter).toBe("第 &P 页 共 &N 页");
  });

  test("a second run refreshes the audit sheet in place, protected", async () => {
    const { host, rowOf } = await cityWorkbook();
    const cell = at("cumulative", rowOf("I08-技能型企业-2027"));
    await host.userEdit(SHEET, cell, [["abc"]], { paste: true });
    await host.run((context) => runAudit(context, { revisions: [revision] }));
    await host.userEdit(SHEET, cell, [[1200]]);
    host.stats.resetSyncs();
    const result = await host.run((context) => runAudit(context, { revisions: [revision] }));
    expect(result.counts.error).toBe(0);
    expect(host.values(AUDIT_SHEET, "A1:I40").some((r) => r[8] === "not-a-number")).toBe(false);
    expect(host.sheet(AUDIT_SHEET).protection.protected).toBe(true);
    expect(host.stats.syncs).toBe(3);
  });
});
