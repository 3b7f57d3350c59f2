/** @jest-environment jsdom */
import "./jsdom-globals";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { Pane } from "./fluent";
import { createExcelHost } from "@planbook/excel-host";
import { App } from "../../../src/taskpane/App";
import { createOfficeOperations } from "../../../src/addin/office-operations";
import { PlanLibrary } from "../../../src/core/plan";
import { currentRevision } from "../../support/plan";
import { QUOTA_KINDS_PLAN } from "../../fixtures/plans/quota-kinds";

/** The 计划 view's review of an import: what was read, corrected before generating, saved with the workbook. */

const BUILT_IN = [currentRevision()];
const GROWTH = "I01-地区生产总值-每年";
const RANGE = "I03-市级技能大师工作室-2026";

function renderPane(operations: ReturnType<typeof createOfficeOperations>, plans = new PlanLibrary(BUILT_IN)) {
  return render(
    <Pane>
      <App operations={operations} plans={plans} now={new Date(2025, 8, 15)} />
    </Pane>,
  );
}

/** The pane's Office.js operations over a fresh in-memory workbook. */
function paneOperations(): ReturnType<typeof createOfficeOperations> {
  const host = createExcelHost();
  return createOfficeOperations(host.run.bind(host));
}

function importPlan(): void {
  fireEvent.click(screen.getByRole("tab", { name: "计划" }));
  fireEvent.change(screen.getByLabelText("粘贴计划附件文本"), { target: { value: QUOTA_KINDS_PLAN } });
  fireEvent.click(screen.getByRole("button", { name: "解析" }));
}

const review = () => screen.getByRole("table", { name: /读出的指标/ });
const cell = (id: string, column: string) => within(review()).getByLabelText<HTMLInputElement | HTMLSelectElement>(`${id} ${column}`);

describe("reviewing an imported plan", () => {
  test("every quota read is a row with its id, wording, kind, target, comparator, deadline, lead and responsible units", () => {
    renderPane(paneOperations());
    importPlan();
    expect(within(review()).getAllByRole("row")).toHaveLength(1 + 9);
    const growth = within(review()).getByRole("rowheader", { name: GROWTH }).closest("tr") as HTMLElement;
    expect(growth.textContent).toContain("全市地区生产总值年均增长6%左右");
    expect([cell(GROWTH, "类型").value, cell(GROWTH, "目标值").value, cell(GROWTH, "比较").value, cell(GROWTH, "截止年份").value, cell(GROWTH, "牵头单位").value]).toEqual([
      "growth",
      "6",
      "≈",
      "",
      "市发展改革委",
    ]);
    // Named as the lead apart from its supporting unit, shown under the text.
    expect(cell(GROWTH, "责任单位").value).toBe("市发展改革委");
    expect(growth.textContent).toContain("配合：市统计局");
    expect([cell(RANGE, "类型").value, cell(RANGE, "目标值").value, cell(RANGE, "截止年份").value]).toEqual(["cumulative", "3", "2026"]);
  });

  test("the line that gave no quota is listed with its reason beside the review", () => {
    renderPane(paneOperations());
    importPlan();
    const unread = within(screen.getByRole("list", { name: "1 行未能读出指标，请核对原文" })).getAllByRole("listitem");
    expect(unread.map((item) => item.textContent)).toEqual([expect.stringMatching(/^第 14 行：降幅指标.*下降3%/)]);
  });

  test("corrections are used for the plan and saved with it in the workbook, and the pane opened again knows the corrected plan", async () => {
    const operations = paneOperations();
    const first = renderPane(operations);
    importPlan();
    fireEvent.change(cell(RANGE, "目标值"), { target: { value: "4" } });
    fireEvent.change(cell(RANGE, "牵头单位"), { target: { value: "市总工会" } });
    fireEvent.change(cell(RANGE, "责任单位"), { target: { value: "市总工会、市人力社保局" } });
    fireEvent.change(cell(GROWTH, "截止年份"), { target: { value: "2027" } });
    expect(screen.getByText("已校正 2 项")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "使用此计划" }).at(-1) as HTMLElement));
    await screen.findByText("计划及校正已保存在本工作簿中。", {}, { timeout: 20_000 });
    expect(screen.getByText(/当前计划：/).textContent).toMatch(/已校正 2 项/);
    expect(await operations.readImportedPlans()).toEqual([
      {
        text: QUOTA_KINDS_PLAN,
        corrections: [
          { id: GROWTH, year: 2027 },
          { id: RANGE, target: 4, units: ["市总工会", "市人力社保局"], lead: ["市总工会"] },
        ],
      },
    ]);
    first.unmount();
    const library = new PlanLibrary(BUILT_IN);
    renderPane(operations, library);
    fireEvent.click(screen.getByRole("tab", { name: "计划" }));
    expect(await screen.findByText(/已校正 2 项.*\d+ 项指标/, {}, { timeout: 20_000 })).toBeTruthy();
    expect(library.revisions().at(-1)?.quotas.find((q) => q.id === RANGE)).toEqual(expect.objectContaining({ target: 4, lead: ["市总工会"], units: ["市总工会", "市人力社保局"] }));
  });

  test("a half-typed target is marked invalid and corrects nothing", () => {
    renderPane(paneOperations());
    importPlan();
    fireEvent.change(cell(RANGE, "目标值"), { target: { value: "4个" } });
    expect([cell(RANGE, "目标值").getAttribute("aria-invalid"), screen.queryByText(/已校正/)]).toEqual(["true", null]);
  });
});
