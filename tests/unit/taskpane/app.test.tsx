/** @jest-environment jsdom */
import "./jsdom-globals";
import * as React from "react";
import ExcelJS from "exceljs";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Pane } from "./fluent";
import { App, type AppProps } from "../../../src/taskpane/App";
import type { GenerateOptions, GenerateResult, PlanbookOperations } from "../../../src/addin/operations";
import type { MergeOptions, MergeResult } from "../../../src/excel/merge";
import { canMerge, chartQuotaChoices, type MergeInputFile } from "../../../src/core/merge";
import { createOfficeOperations } from "../../../src/addin/office-operations";
import { type LevelRecord, parsePlan, PlanLibrary, type PlanRevision } from "../../../src/core/plan";
import { createExcelHost } from "@planbook/excel-host";
import { buildTemplate, COLUMN, EMPTY_FORM, FRAME_RIGHT_KEY, INSTRUCTIONS_SHEET, SIGNATURE_FIELDS } from "../../../src/core/template";
import { parsePeriod } from "../../../src/core/period";
import { writeTemplateFile } from "../../../src/xlsx/render";
import { generateTemplate } from "../../../src/excel/generate";
import { columnLetter } from "../../../src/core/snapshot";
import { currentRevision, geography, previousRevision } from "../../support/plan";
import { gridRow, present } from "../../support/present";

const REVISIONS: [PlanRevision, PlanRevision] = [currentRevision(), previousRevision()];
const OCTOBER_2026 = new Date(2026, 9, 15, 10, 0, 0);

/** Operations a test gives the pane: each one it did not expect rejects, naming itself. */
function fakeOperations(given: Partial<PlanbookOperations> = {}): PlanbookOperations {
  const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected operation: ${name}`));
  return {
    generate: unexpected("generate"),
    nextPeriod: unexpected("nextPeriod"),
    refreshPrevious: unexpected("refreshPrevious"),
    startLiveChecking: unexpected("startLiveChecking"),
    audit: unexpected("audit"),
    selectCell: unexpected("selectCell"),
    readSplits: unexpected("readSplits"),
    saveSplit: unexpected("saveSplit"),
    readFormSettings: () => Promise.resolve(EMPTY_FORM),
    saveFormSettings: unexpected("saveFormSettings"),
    readLevels: () => Promise.resolve([]),
    saveLevels: unexpected("saveLevels"),
    readImportedPlans: () => Promise.resolve([]),
    saveImportedPlan: unexpected("saveImportedPlan"),
    readFiles: unexpected("readFiles"),
    merge: unexpected("merge"),
    mergeHistory: unexpected("mergeHistory"),
    templateFile: unexpected("templateFile"),
    download: () => {
      throw new Error("unexpected operation: download");
    },
    describeError: (error) => (error instanceof Error ? error.message : String(error)),
    ...given,
  };
}

function renderApp(props: Partial<AppProps> = {}) {
  return render(
    <Pane>
      <App operations={fakeOperations()} plans={new PlanLibrary(REVISIONS)} now={OCTOBER_2026} {...props} />
    </Pane>,
  );
}

const selected = (label: string): string => screen.getByLabelText<HTMLSelectElement>(label).value;

/** A small but complete Annex 1: a header and two measures of one key work item. */
const SMALL_ANNEX = [
  "附件1",
  "重点工作任务清单",
  "主要任务 | 重点工作 | 工作举措 | 责任单位 | 工作目标 | ||",
  "一、实施“技能照亮前程”培训行动 | (一)推行“订单式”培训促进精准就业 | 开展职业技能提升培训 | 开展先进制造业领域职业技能提升培训 | 省人力社保厅 | 每年培训40万人次 | |",
  "开展数字经济领域职业技能提升培训 | 省经信厅 | 每年培训10万人次 | ||||",
].join("\n");

/** Types every form setting in the 计划 view and saves it in the workbook. */
async function saveFormHeader(): Promise<void> {
  fireEvent.click(screen.getByRole("tab", { name: "计划" }));
  const typed: [string, string][] = [
    ["表号", "浙技富表1号"],
    ["制表机关", "浙江省人力资源和社会保障厅"],
    ["批准文号/备案号", "浙统制〔2025〕12号"],
    ["有效期至", "2027年12月"],
    ["联系人及电话（填报说明中显示）", "省人力社保厅 张明 0571-87053000"],
  ];
  for (const [label, text] of typed) fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "保存表头设置" })));
  await screen.findByText(/表头设置已保存/, {}, { timeout: 20_000 });
}

function pasteAndParse(text: string): void {
  fireEvent.click(screen.getByRole("tab", { name: "计划" }));
  fireEvent.change(screen.getByLabelText("粘贴计划附件文本"), { target: { value: text } });
  fireEvent.click(screen.getByRole("button", { name: "解析" }));
}

describe("the 填报 view", () => {
  test("the period defaults to the current month", () => {
    renderApp();
    expect([selected("年份"), selected("月份")]).toEqual(["2026", "10"]);
  });

  test("a date after the plan's last year defaults to the plan's last month", () => {
    renderApp({ now: new Date(2029, 2, 1) });
    expect([selected("年份"), selected("月份")]).toEqual(["2027", "12"]);
  });

  test("choosing 市 offers the plan's cities", () => {
    renderApp();
    fireEvent.click(screen.getByRole("radio", { name: "市" }));
    const options = within(screen.getByLabelText("选择市")).getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(REVISIONS[0].cities);
  });

  test("a county official picks the city, then its county, and generates the county's sheet", async () => {
    const asked: GenerateOptions[] = [];
    const made: GenerateResult = { sheetName: "萧山区 2026-10", quotaRows: 30, keptRows: 0, archived: [], keptCells: 0, nameTakenBy: null, regenerated: false };
    renderApp({ plans: new PlanLibrary(REVISIONS, geography()), operations: fakeOperations({ generate: async (options) => (asked.push(options), made) }) });
    fireEvent.click(screen.getByRole("radio", { name: "县（市、区）" }));
    fireEvent.change(screen.getByLabelText("选择市"), { target: { value: "杭州市" } });
    const counties = [...screen.getByLabelText("选择县（市、区）").querySelectorAll("option")].map((o) => o.textContent);
    expect(counties).toHaveLength(13);
    fireEvent.change(screen.getByLabelText("选择县（市、区）"), { target: { value: "萧山区" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    await screen.findByText("模板已生成");
    expect(asked.map((a) => a.scope)).toEqual([{ kind: "county", county: "萧山区" }]);
  });

  test("generating asks for the chosen scope and period and shows what was made, naming the sheet", async () => {
    const asked: GenerateOptions[] = [];
    const made: GenerateResult = { sheetName: "杭州市 2026-10", quotaRows: 40, keptRows: 0, archived: [], keptCells: 0, nameTakenBy: null, regenerated: false };
    renderApp({ operations: fakeOperations({ generate: async (options) => (asked.push(options), made) }) });
    fireEvent.click(screen.getByRole("radio", { name: "市" }));
    fireEvent.change(screen.getByLabelText("选择市"), { target: { value: "杭州市" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    const message = (await screen.findByText("模板已生成")).closest("[role=group], div")?.textContent;
    expect([asked.map((a) => [a.scope, a.period]), message?.includes("工作表「杭州市 2026-10」，共 40 行指标")]).toEqual([
      [[{ kind: "city", city: "杭州市" }, { year: 2026, month: 10, quarter: null }]],
      true,
    ]);
  });

  test("下一报告期 makes the next period's sheet from the selected one, 上期累计 carried in, and says where from", async () => {
    const host = createExcelHost();
    renderApp({ operations: createOfficeOperations(host.run.bind(host)) });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    await screen.findByText("模板已生成", {}, { timeout: 20_000 });
    const october = "全省 2026-10";
    const ids = host.values(october, "A1:A200").map((row) => row[0]);
    const row = ids.findIndex((id) => REVISIONS[0].quotas.some((q) => q.id === id && q.kind === "cumulative" && (q.year ?? 0) >= 2027)) + 1;
    await host.userEdit(october, `${columnLetter(COLUMN.cumulative)}${row}`, [[321]]);
    host.userSelect(october, "A1");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "下一报告期" })));
    expect(await screen.findByText(/工作表「全省 2026-11」由「全省 2026-10」生成/, {}, { timeout: 20_000 })).toBeTruthy();
    expect(host.values("全省 2026-11", `${columnLetter(COLUMN.previous)}${row}`)).toEqual([[321]]);
  });

  test("更新上期累计, after last period's sheet was corrected, brings the selected sheet's 上期累计 in line and says how many", async () => {
    const host = createExcelHost();
    renderApp({ operations: createOfficeOperations(host.run.bind(host)) });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    await screen.findByText("模板已生成", {}, { timeout: 20_000 });
    const october = "全省 2026-10";
    const ids = host.values(october, "A1:A200").map((row) => row[0]);
    const row = ids.findIndex((id) => REVISIONS[0].quotas.some((q) => q.id === id && q.kind === "cumulative" && (q.year ?? 0) >= 2027)) + 1;
    await host.userEdit(october, `${columnLetter(COLUMN.cumulative)}${row}`, [[321]]);
    host.userSelect(october, "A1");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "下一报告期" })));
    await screen.findByText(/工作表「全省 2026-11」由「全省 2026-10」生成/, {}, { timeout: 20_000 });
    await host.userEdit(october, `${columnLetter(COLUMN.cumulative)}${row}`, [[330]]);
    host.userSelect("全省 2026-11", "A1");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "更新上期累计" })));
    expect(await screen.findByText("已更新「全省 2026-11」的 1 个上期累计，并记入修改记录；请核对本期完成。", {}, { timeout: 20_000 })).toBeTruthy();
    expect(host.values("全省 2026-11", `${columnLetter(COLUMN.previous)}${row}`)).toEqual([[330]]);
  });

  test("the password from the settings protects the generated sheet, and a changed one is saved", async () => {
    const host = createExcelHost();
    const saved: (string | null)[] = [];
    renderApp({ operations: createOfficeOperations(host.run.bind(host)), password: "s3cret", onPasswordChange: (p) => saved.push(p) });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    await screen.findByText("模板已生成", {}, { timeout: 20_000 });
    expect(host.sheet("全省 2026-10").protection).toMatchObject({ protected: true, password: "s3cret" });
    const field = screen.getByLabelText("工作表保护密码（可选）");
    fireEvent.change(field, { target: { value: "新密码" } });
    fireEvent.blur(field);
    expect(saved).toEqual(["新密码"]);
  });

  test("the changes live checking keeps are written to 修改记录 on 写入修改记录, protected with the workbook's password like every other sheet", async () => {
    const host = createExcelHost();
    renderApp({ operations: createOfficeOperations(host.run.bind(host)), password: "s3cret", liveChecking: true });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    await screen.findByText("模板已生成", {}, { timeout: 20_000 });
    const row = host.values("全省 2026-10", "A1:A300").findIndex((line) => String(line[0]).startsWith("I08-")) + 1;
    await act(async () => {
      await host.userEdit("全省 2026-10", `${columnLetter(COLUMN.cumulative)}${row}`, [[100]]);
      await host.settled();
    });
    // Kept while typing (Ctrl+Z still works), the pane says so; written when the person asks.
    await screen.findByText("1 处修改尚未写入修改记录", {}, { timeout: 10_000 });
    expect(host.sheetNames()).not.toContain("修改记录");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "写入修改记录" })));
    await waitFor(() => expect(host.sheet("修改记录").protection).toMatchObject({ protected: true, password: "s3cret" }));
    await waitFor(() => expect(screen.queryByText("1 处修改尚未写入修改记录")).toBeNull());
  });

  test("generating really writes the sheet through the Office.js operations", async () => {
    const host = createExcelHost();
    renderApp({ operations: createOfficeOperations(host.run.bind(host)) });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    await screen.findByText("模板已生成", {}, { timeout: 20_000 });
    expect(host.sheetNames()).toContain("全省 2026-10");
  });

  test("an Excel error shows the bilingual message and what to do next", async () => {
    const denied = Object.assign(new Error("denied"), { code: "AccessDenied" });
    renderApp({ operations: createOfficeOperations(() => Promise.reject(denied)) });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    const message = (await screen.findByText("生成失败")).parentElement?.textContent ?? "";
    expect([message.includes("工作表受保护"), message.includes("The sheet is protected"), message.includes("重试")]).toEqual([true, true, true]);
  });
});

describe("the language", () => {
  test("switching to English changes the labels", () => {
    renderApp();
    fireEvent.click(screen.getByRole("button", { name: /Switch to English/ }));
    expect([screen.getByRole("button", { name: "Generate template" }), screen.getByLabelText("Year")]).toHaveLength(2);
  });

  test("an English Office starts in English", () => {
    renderApp({ language: "en" });
    expect(screen.getByRole("tab", { name: "Plan" })).toBeTruthy();
  });
});

describe("the 计划 view", () => {
  test("lists the built-in revisions with their quota counts", () => {
    renderApp();
    fireEvent.click(screen.getByRole("tab", { name: "计划" }));
    expect(screen.getByText(new RegExp(`${REVISIONS[0].quotas.length} 项指标`))).toBeTruthy();
  });

  test("lists every quota's level with the rule that gave it, and saves a correction in the workbook", async () => {
    // The workbook's metadata: what is saved is read back.
    const saved: LevelRecord[][] = [];
    const readLevels = () => Promise.resolve(saved.flat());
    renderApp({ operations: fakeOperations({ readLevels, saveLevels: (levels) => (saved.push(levels), Promise.resolve()) }) });
    fireEvent.click(screen.getByRole("tab", { name: "计划" }));
    const panel = screen.getByRole("region", { name: "指标层级（谁填报）" });
    const training = within(panel).getByLabelText<HTMLSelectElement>("「I01-先进制造业-每年」的层级");
    expect(training.value).toBe("contributed");
    expect(within(panel).getByLabelText<HTMLSelectElement>("「I05-民办培训机构星级评定制度-2025」的层级").value).toBe("province-only");
    expect(panel.textContent).toContain("规则：出台、推出、公布、遴选");
    // Every Annex 1 quota is listed once; an Annex 2 city cell is its quota's share, not a line.
    // (Counted as <select> elements: a jsdom role query over ~80 of them takes seconds.)
    expect(panel.querySelectorAll("select")).toHaveLength(REVISIONS[0].quotas.filter((q) => q.region === null).length);
    fireEvent.change(training, { target: { value: "province-only" } });
    fireEvent.click(screen.getByRole("button", { name: "保存更正（1 项）" }));
    await screen.findByText("已保存 1 项层级更正。");
    expect(saved).toEqual([[{ quotaId: "I01-先进制造业-每年", level: "province-only" }]]);
    expect(within(panel).getByText("已更正")).toBeTruthy();
  });

  test("a correction saved in the workbook is shown, and city templates made from the workbook follow it", async () => {
    const host = createExcelHost();
    renderApp({ operations: createOfficeOperations(host.run.bind(host)) });
    fireEvent.click(screen.getByRole("tab", { name: "计划" }));
    const select = await screen.findByLabelText<HTMLSelectElement>("「I01-先进制造业-每年」的层级");
    fireEvent.change(select, { target: { value: "province-only" } });
    fireEvent.click(screen.getByRole("button", { name: "保存更正（1 项）" }));
    await screen.findByText("已保存 1 项层级更正。", {}, { timeout: 30_000 });
    const result = await host.run((context) => generateTemplate(context, { revision: REVISIONS[0], scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10") }));
    const ids = host.values(result.sheetName, "A1:A200").map((r) => r[0]);
    expect(ids).not.toContain("I01-先进制造业-每年");
    expect(ids).toContain("I01-数字经济-每年");
  });

  test("pasted plan text is parsed and every quota found is listed", () => {
    renderApp();
    pasteAndParse(SMALL_ANNEX);
    const list = screen.getByRole("region", { name: "找到 1 项重点工作、2 项指标" });
    const quotas = within(list).getAllByRole("listitem").map((item) => item.textContent);
    expect(quotas.slice(1)).toEqual(["开展先进制造业领域职业技能提升培训: ≥40万人次", "开展数字经济领域职业技能提升培训: ≥10万人次"]);
  });

  test("a pasted numbered list's lines that gave no quota are shown with their line and reason", () => {
    renderApp();
    pasteAndParse(["一、甲", "(一)甲一", "1.每年开展甲项培训20场。(市甲局)", "2.开展乙项工作。", "说明:本表由市甲局汇总"].join("\n"));
    expect(screen.getByRole("region", { name: "找到 1 项重点工作、1 项指标" })).toBeTruthy();
    const unread = within(screen.getByRole("list", { name: "2 行未能读出指标，请核对原文" })).getAllByRole("listitem").map((item) => item.textContent);
    expect(unread).toEqual([expect.stringMatching(/^第 4 行：.*责任单位.*「.*开展乙项工作。/), expect.stringMatching(/^第 5 行：不是标题.*「说明:本表由市甲局汇总」/)]);
  });

  test("a task-list file picked in the 计划 view is read and its quotas listed", async () => {
    renderApp();
    fireEvent.click(screen.getByRole("tab", { name: "计划" }));
    const file = new File([["一、甲", "(一)甲一", "1.每年开展甲项培训20场。(市甲局)", "2.建设乙项基地3个。(市乙局牵头,市甲局配合)"].join("\n")], "任务清单.txt", { type: "text/plain" });
    fireEvent.change(screen.getByLabelText("或选择任务清单文件（.docx 或文本）"), { target: { files: [file] } });
    expect(await screen.findByRole("region", { name: "找到 1 项重点工作、2 项指标" }, { timeout: 10000 })).toBeTruthy();
  });

  test("pasted text that cannot be read names its line", () => {
    renderApp();
    pasteAndParse("附件1\n\n主要任务 | 其他");
    expect(screen.getByText("第 3 行无法解析")).toBeTruthy();
  });

  test("the form header typed in the 计划 view is saved in the workbook and read back when the view opens again", async () => {
    const host = createExcelHost();
    const operations = createOfficeOperations(host.run.bind(host));
    const first = renderApp({ operations });
    fireEvent.click(screen.getByRole("tab", { name: "计划" }));
    fireEvent.change(screen.getByLabelText("表号"), { target: { value: "浙技富表1号" } });
    fireEvent.change(screen.getByLabelText("制表机关"), { target: { value: "浙江省人力资源和社会保障厅" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "保存表头设置" })));
    await screen.findByText(/表头设置已保存/, {}, { timeout: 20_000 });
    first.unmount();
    renderApp({ operations });
    fireEvent.click(screen.getByRole("tab", { name: "计划" }));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>("表号").value).toBe("浙技富表1号"), { timeout: 20_000 });
    expect(screen.getByLabelText<HTMLInputElement>("制表机关").value).toBe("浙江省人力资源和社会保障厅");
  });

  test("a city sheet generated through Office.js after the 计划 view saved the form settings shows them in its frame, footer and 填报说明", async () => {
    const host = createExcelHost();
    renderApp({ operations: createOfficeOperations(host.run.bind(host)) });
    await saveFormHeader();
    fireEvent.click(screen.getByRole("tab", { name: "填报" }));
    fireEvent.click(screen.getByRole("radio", { name: "市" }));
    fireEvent.change(screen.getByLabelText("选择市"), { target: { value: "杭州市" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    await screen.findByText("模板已生成", {}, { timeout: 20_000 });

    const sheet = "杭州市 2026-10";
    const right = COLUMN[FRAME_RIGHT_KEY];
    const frame = host.values(sheet, `A2:${columnLetter(right)}5`).map((row) => [row[0], row[right]]);
    const labels = host.values(sheet, "A1:A400").map(([label]) => label);
    const signOff = labels.filter((label) => typeof label === "string" && SIGNATURE_FIELDS.some((field) => label === `${field}：`));
    const instructions = host.values(INSTRUCTIONS_SHEET, "A1:D200").flat().join("\n");
    expect({
      frame,
      signOff,
      pageFooter: host.sheet(sheet).pageLayout.headersFooters.pages.defaultForAllPages.leftFooter,
      contactInInstructions: instructions.includes("省人力社保厅 张明 0571-87053000"),
    }).toEqual({
      frame: [
        ["填报单位（盖章）：杭州市", "表号：浙技富表1号"],
        ["报告期：2026年10月", "制表机关：浙江省人力资源和社会保障厅"],
        [expect.stringMatching(/^计划版本：/), "批准文号/备案号：浙统制〔2025〕12号"],
        [expect.stringMatching(/^累计口径：/), "有效期至：2027年12月"],
      ],
      signOff: ["单位负责人：", "统计负责人：", "填表人：", "联系电话：", "报出日期："],
      pageFooter: "表号：浙技富表1号",
      contactInInstructions: true,
    });
  });

  test("a city template file handed out from the 汇总 view after the 计划 view saved the form settings shows them", async () => {
    const host = createExcelHost();
    const opened: string[] = [];
    renderApp({ operations: createOfficeOperations(host.run.bind(host), { createWorkbook: async (base64) => void opened.push(base64) }) });
    await saveFormHeader();
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    fireEvent.change(screen.getByLabelText("以新工作簿打开某市模板"), { target: { value: "温州市" } });
    fireEvent.click(screen.getByRole("button", { name: "在 Excel 中打开" }));
    await screen.findByText("已在新工作簿中打开「温州市」模板。", {}, { timeout: 30_000 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(present(opened[0], "the opened workbook"), "base64") as unknown as ArrayBuffer);
    const sheet = present(book.worksheets[0], "the opened workbook's first sheet");
    const right = COLUMN[FRAME_RIGHT_KEY] + 1;
    expect([2, 3, 4, 5].map((row) => [sheet.getCell(row, 1).text, sheet.getCell(row, right).text])).toEqual([
      ["填报单位（盖章）：温州市", "表号：浙技富表1号"],
      ["报告期：2026年10月", "制表机关：浙江省人力资源和社会保障厅"],
      [expect.stringMatching(/^计划版本：/), "批准文号/备案号：浙统制〔2025〕12号"],
      [expect.stringMatching(/^累计口径：/), "有效期至：2027年12月"],
    ]);
  });

  test("a parsed plan can be chosen for the templates", () => {
    renderApp();
    pasteAndParse(SMALL_ANNEX);
    fireEvent.click(screen.getAllByRole("button", { name: "使用此计划" }).at(-1) as HTMLElement);
    expect(screen.getByText(/当前计划：/).textContent).toContain(parsePlan(SMALL_ANNEX).revision);
  });
});

describe("the 汇总 view", () => {
  async function cityFile(city: string, cumulative: number): Promise<File> {
    const revision = REVISIONS[0];
    const built = buildTemplate({ revision, scope: { kind: "city", city }, period: parsePeriod("2026-10"), generatedAt: "2026-10-30T00:00:00Z" });
    const row = built.rowRecords.find((r) => r.quotaId === "I08-技能型企业-2027")!.row;
    gridRow(built.sheet.cells, row - 1)[COLUMN.cumulative] = { value: cumulative };
    return new File([(await writeTemplateFile(built)) as BlobPart], `${city}.xlsx`);
  }

  test("downloads one template per city", async () => {
    const names: string[] = [];
    const operations = fakeOperations({ readSplits: async () => [], templateFile: async () => new Uint8Array([80, 75]), download: (name) => void names.push(name) });
    renderApp({ operations });
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    fireEvent.click(screen.getByRole("button", { name: /下载各市模板/ }));
    await screen.findByText(/已下载 11 个市/, {}, { timeout: 30_000 });
    expect(names).toEqual(REVISIONS[0].cities.map((city) => `${city} 2026-10.xlsx`));
  });

  test("a contributed target split by Annex 2 shares is stored and shown in city templates", async () => {
    const host = createExcelHost();
    renderApp({ operations: createOfficeOperations(host.run.bind(host)) });
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    const panel = screen.getByRole("region", { name: "目标分解" });
    fireEvent.change(within(panel).getByLabelText("要分解的全省目标"), { target: { value: "I07-新八级工制度企业-2027" } });
    const parts = within(panel).getByLabelText("分解结果预览").textContent ?? "";
    // One share per deadline: the 2026-10 sheet shows the share of the 2027 stage it reports on.
    expect(parts).toMatch(/^杭州市 2025 \d+/);
    fireEvent.click(within(panel).getByRole("button", { name: /保存分解/ }));
    await within(panel).findByText(/已保存 11 个市的分解目标/, {}, { timeout: 30_000 });
    const result = await host.run((context) =>
      generateTemplate(context, { revision: REVISIONS[0], scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10") }),
    );
    const ids = host.values(result.sheetName, "A1:A200").map((r) => r[0]);
    const row = ids.indexOf("I07-新八级工制度企业-2027") + 1;
    expect(host.values(result.sheetName, `${columnLetter(COLUMN.target)}${row}`)[0]?.[0]).toBe(Number(/杭州市 2027 (\d+)/.exec(parts)?.[1]));
  });

  test("opens a city's template as a new workbook", async () => {
    const opened: string[] = [];
    const host = createExcelHost();
    renderApp({ operations: createOfficeOperations(host.run.bind(host), { createWorkbook: async (base64) => void opened.push(base64) }) });
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    fireEvent.change(screen.getByLabelText("以新工作簿打开某市模板"), { target: { value: "温州市" } });
    fireEvent.click(screen.getByRole("button", { name: "在 Excel 中打开" }));
    await screen.findByText("已在新工作簿中打开「温州市」模板。", {}, { timeout: 30_000 });
    expect(Buffer.from(present(opened[0], "the opened workbook"), "base64").subarray(0, 2).toString()).toBe("PK");
  });

  test("shows each picked file's status, then merges the chosen ones", async () => {
    const host = createExcelHost();
    renderApp({ operations: createOfficeOperations(host.run.bind(host)) });
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    const files = [await cityFile("杭州市", 700), await cityFile("宁波市", 800), new File(["not a workbook"], "notes.xlsx")];
    fireEvent.change(screen.getByLabelText("选择各市报送的工作簿"), { target: { files } });
    const preview = await screen.findByRole("region", { name: "合并预览" }, { timeout: 30_000 });
    expect(within(preview).getAllByRole("checkbox").map((c) => (c as HTMLInputElement).checked)).toEqual([true, true]);
    expect(preview.textContent).toContain("notes.xlsx");
    fireEvent.click(within(preview).getByRole("button", { name: "合并选中的 2 个文件" }));
    await screen.findByText(/已合并 2 个文件/, {}, { timeout: 30_000 });
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["汇总", "来源"]));
  });

  test("says which sheet of the aggregator's own stopped the merge, and leaves it as it was", async () => {
    const host = createExcelHost();
    host.userAddSheet("汇总");
    await host.userEdit("汇总", "A1", [["我的汇总"]]);
    renderApp({ operations: createOfficeOperations(host.run.bind(host)) });
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    fireEvent.change(screen.getByLabelText("选择各市报送的工作簿"), { target: { files: [await cityFile("杭州市", 700)] } });
    const preview = await screen.findByRole("region", { name: "合并预览" }, { timeout: 30_000 });
    fireEvent.click(within(preview).getByRole("button", { name: "合并选中的 1 个文件" }));
    await screen.findByText(/工作表「汇总」不是 Planbook 写的汇总表/, {}, { timeout: 30_000 });
    expect(host.values("汇总", "A1")).toEqual([["我的汇总"]]);
  });

  test("offers the quotas the merge can chart by city on 排名 and hands the one chosen to the merge", async () => {
    const host = createExcelHost();
    const office = createOfficeOperations(host.run.bind(host));
    const asked: MergeOptions[] = [];
    const read: MergeInputFile[] = [];
    const operations = fakeOperations({
      readFiles: async (picked) => {
        const files = await office.readFiles(picked);
        read.push(...files);
        return files;
      },
      readSplits: async () => [],
      merge: async (options) => {
        asked.push(options);
        return { plan: { accepted: [], rejected: [], notFilled: [], findings: [] } as unknown as MergeResult["plan"], written: true, totals: [], filled: ["杭州市", "宁波市"] };
      },
    });
    renderApp({ operations });
    fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
    const files = [await cityFile("杭州市", 700), await cityFile("宁波市", 800)];
    fireEvent.change(screen.getByLabelText("选择各市报送的工作簿"), { target: { files } });
    const preview = await screen.findByRole("region", { name: "合并预览" }, { timeout: 30_000 });
    fireEvent.click(within(preview).getByRole("combobox", { name: "「排名」表按市作图的指标" }));
    // Every quota the merge can chart is an option: found by their role attribute, since jsdom's
    // role queries walk the accessibility tree of the whole pane once per option list (seconds each).
    const options = [...(await screen.findByRole("listbox")).querySelectorAll<HTMLElement>('[role="option"]')];
    const offered = options.map((option) => option.textContent);
    fireEvent.click(options.at(-1) as HTMLElement);
    fireEvent.click(within(preview).getByRole("button", { name: "合并选中的 2 个文件" }));
    await waitFor(() => expect(asked).toHaveLength(1));
    const choices = chartQuotaChoices(canMerge(read, { revision: REVISIONS[0], period: "2026-10" }).accepted, { revision: REVISIONS[0], period: "2026-10" });
    expect([choices.length > 1, offered, asked[0]?.chartQuota]).toEqual([true, choices.map((choice) => `${choice.id}　${choice.label}`), choices.at(-1)?.id]);
  });
});

describe("审核 with the previous period's file", () => {
  test("the picked file is read once and handed to every check run", async () => {
    const snapshot = { sheets: [] };
    const audits: Parameters<PlanbookOperations["audit"]>[0][] = [];
    const operations = fakeOperations({
      readFiles: (files) => Promise.resolve(files.map((file) => ({ name: file.name, snapshot }))),
      audit: (options) => {
        audits.push(options);
        return Promise.resolve({ findings: [], counts: { error: 0, warning: 0, info: 0 }, sheets: 1 });
      },
    });
    renderApp({ operations });
    fireEvent.click(screen.getByRole("tab", { name: "审核" }));
    const file = new File([new Uint8Array([1, 2, 3])], "杭州市 2026-09.xlsx");
    fireEvent.change(screen.getByLabelText("上一报告期的文件（可选）"), { target: { files: [file] } });
    await screen.findByText("将与上期文件「杭州市 2026-09.xlsx」比较。");
    fireEvent.click(screen.getByRole("button", { name: "运行全部校验" }));
    await waitFor(() => expect(audits).toHaveLength(1));
    expect(audits[0]?.previous).toEqual({ name: "杭州市 2026-09.xlsx", snapshot });
  });
});
