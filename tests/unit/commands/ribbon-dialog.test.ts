/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://localhost:3000/taskpane.html"}
 */
import "../taskpane/jsdom-globals";
import { createExcelHost, createOfficeRuntime, type ExcelHost, type OfficeRuntimeOptions } from "@planbook/excel-host";
import { AUDIT_SHEET } from "../../../src/core/checks";
import { columnLetter } from "../../../src/core/snapshot";
import { COLUMN } from "../../../src/core/template";
import { parsePeriod } from "../../../src/core/period";
import { generateTemplate } from "../../../src/excel/generate";
import { readDialogMessage, actionMessage } from "../../../src/addin/ribbon-message";
import { currentRevision } from "../../support/plan";
import { present } from "../../support/present";

const SHEET = "杭州市 2026-10";

/** A city template with one cumulative figure pasted as text ("1,500"): one error for 校验 to find. */
async function workbookWithAnError(): Promise<ExcelHost> {
  const host = createExcelHost();
  await host.run((context) => generateTemplate(context, { revision: currentRevision(), scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10") }));
  const ids = host.values(SHEET, "A1:A200").map((r) => r[0]);
  const row = ids.indexOf("I08-技能型企业-2027") + 1;
  if (row === 0) throw new Error("the template has no row for 杭州市's 技能型企业 quota");
  await host.userEdit(SHEET, `${columnLetter(COLUMN.cumulative)}${row}`, [["1,500"]], { paste: true });
  return host;
}

/** Office around the host, with the ribbon's functions loaded into it (a fresh module registry each time, as a fresh runtime). */
function ribbonIn(host: ExcelHost, options: OfficeRuntimeOptions = {}) {
  const office = createOfficeRuntime(host, options);
  office.install();
  jest.isolateModules(() => void jest.requireActual("../../../src/commands/commands"));
  return office;
}

const activeSheet = (host: ExcelHost) => host.sheetNames().find((name) => host.sheet(name).active);

describe("the ribbon's 校验 without the task pane", () => {
  test("shows its outcome in a dialog: counts by severity and the first findings, from the add-in's own origin", async () => {
    const host = await workbookWithAnError();
    const office = ribbonIn(host);
    await office.press("validateWorkbook");

    expect(office.dialogs).toHaveLength(1);
    const url = new URL(present(office.dialogs[0], "the dialog").url);
    const message = readDialogMessage(url.search);
    expect([url.origin, url.pathname, message?.intent, message?.lines[0], message?.findings.map((f) => f.severity)]).toEqual([
      "https://localhost:3000",
      "/dialog.html",
      "error",
      "审核结果：1 个错误，0 个警告，0 个提示（明细见下表）",
      ["error"],
    ]);
    expect(message?.findings[0]?.text).toMatch(/^杭州市 2026-10 .*1,500/);
    // The sheet row is written too: it is there whatever the dialog does.
    expect(host.values(AUDIT_SHEET, "A1")[0]?.[0]).toBe("审核结果：1 个错误，0 个警告，0 个提示（明细见下表）");
    expect(office.paneVisible).toBe(false);
  });

  test("the dialog's 打开任务窗格 closes it and opens the pane on the audit view", async () => {
    const host = await workbookWithAnError();
    const office = ribbonIn(host);
    await office.press("validateWorkbook");
    present(office.dialogs[0], "the dialog").messageParent(actionMessage("openPane"));
    await office.settled();
    expect([office.dialogs[0]?.closed, office.paneVisible]).toEqual([true, true]);
  });

  test("a second 校验 closes the dialog of the first instead of failing with 12007 (one dialog at a time)", async () => {
    const host = await workbookWithAnError();
    const office = ribbonIn(host);
    await office.press("validateWorkbook");
    await office.press("validateWorkbook");
    expect(office.dialogs.map((dialog) => dialog.closed)).toEqual([true, false]);
  });

  test("a first dialog that never finishes closing: the second 校验 stops retrying after a while and shows its outcome in the sheet", async () => {
    const host = await workbookWithAnError();
    const office = ribbonIn(host, { dialogCloseMs: 5_000 });
    await office.press("validateWorkbook");
    const startedAt = Date.now();
    await office.press("validateWorkbook");
    expect([office.dialogs.length, Date.now() - startedAt >= 3000, host.values(AUDIT_SHEET, "A1")[0]?.[0], activeSheet(host)]).toEqual([
      1,
      true,
      "审核结果：1 个错误，0 个警告，0 个提示（明细见下表）",
      AUDIT_SHEET,
    ]);
  }, 15_000);

  test.each([
    ["Office has no dialog API (DialogApi 1.1)", { sets: { SharedRuntime: "1.1" } }],
    ["the person chose to ignore the dialog (12009)", { dialogError: 12009 }],
    ["the browser blocks pop-ups (12011)", { dialogError: 12011 }],
  ])("when %s the outcome is in the 审核结果 sheet's first row, and that sheet is shown", async (_case, options: OfficeRuntimeOptions) => {
    const host = await workbookWithAnError();
    const office = ribbonIn(host, options);
    await office.press("validateWorkbook");
    expect([office.dialogs.filter((d) => !d.closed).length, host.values(AUDIT_SHEET, "A1")[0]?.[0], activeSheet(host)]).toEqual([
      0,
      "审核结果：1 个错误，0 个警告，0 个提示（明细见下表）",
      AUDIT_SHEET,
    ]);
  });

  test("a 校验 that fails says why in the sheet's first row and in the dialog", async () => {
    const host = await workbookWithAnError();
    const office = ribbonIn(host);
    // Excel refuses the audit's batch (say, the workbook is shared read-only): only the notice may follow.
    let batches = 0;
    const run = (globalThis as unknown as { Excel: { run: ExcelHost["run"] } }).Excel.run;
    Object.assign(globalThis, {
      Excel: {
        run: (batch: (context: Excel.RequestContext) => Promise<unknown>) =>
          ++batches === 1 ? Promise.reject(Object.assign(new Error("busy"), { code: "GeneralException" })) : run(batch),
      },
    });
    await office.press("validateWorkbook");
    const notice = String(present(host.values(AUDIT_SHEET, "A1")[0]?.[0], `${AUDIT_SHEET}!A1`));
    const message = readDialogMessage(new URL(present(office.dialogs[0], "the dialog").url).search);
    expect([notice.startsWith("审核结果："), notice.includes("校验未完成：Excel 内部错误"), message?.intent, message?.lines[0]]).toEqual([
      true,
      true,
      "error",
      "Excel 内部错误，请重试 / Excel reported an internal error; please try again",
    ]);
  });
});

describe("the ribbon's 汇总", () => {
  test("opens the task pane on its merge view where Office opens it (SharedRuntime 1.1), with no dialog", async () => {
    const office = ribbonIn(createExcelHost());
    await office.press("openMergeView");
    expect([office.paneVisible, office.dialogs.length]).toEqual([true, 0]);
  });

  test.each([
    ["Office has no SharedRuntime 1.1", { sets: { DialogApi: "1.2" } }, "需要 SharedRuntime 1.1"],
    ["Office refuses showAsTaskpane", { taskpane: "rejects" }, "Office 拒绝打开任务窗格"],
    ["Office ignores showAsTaskpane (marketplace add-ins since February 2026)", { taskpane: "ignored" }, "Office 没有打开任务窗格"],
  ] as [string, OfficeRuntimeOptions, string][])("when %s, a dialog says how to open the pane by hand", async (_case, options, reason) => {
    const office = ribbonIn(createExcelHost(), options);
    await office.press("openMergeView");
    const message = readDialogMessage(new URL(office.dialogs[0]?.url ?? "https://x/").search);
    expect([office.paneVisible, message?.lines[0]?.includes(reason), message?.lines[1]?.includes("「生成模板」"), message?.lines[1]?.includes("「汇总」页")]).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  test("a pane Office already reported open is not mistaken for an ignored request", async () => {
    const office = ribbonIn(createExcelHost(), { taskpane: "ignored" });
    office.userSetPaneVisible(true);
    await office.settled();
    await office.press("openMergeView");
    expect([office.paneVisible, office.dialogs.length]).toEqual([true, 0]);
  });
});
