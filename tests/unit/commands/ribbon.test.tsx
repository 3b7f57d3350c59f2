/** @jest-environment jsdom */
import "../taskpane/jsdom-globals";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Pane } from "../taskpane/fluent";
import { App } from "../../../src/taskpane/App";
import { createOfficeOperations } from "../../../src/addin/office-operations";
import { lastAudit, planLibrary } from "../../../src/addin/session";
import { createExcelHost, createOfficeRuntime } from "@planbook/excel-host";

/** A small but complete Annex 1: a header and two measures of one key work item. */
const IMPORTED_ANNEX = [
  "附件1",
  "重点工作任务清单",
  "主要任务 | 重点工作 | 工作举措 | 责任单位 | 工作目标 | ||",
  "一、实施“技能照亮前程”培训行动 | (一)推行“订单式”培训促进精准就业 | 开展职业技能提升培训 | 开展先进制造业领域职业技能提升培训 | 省人力社保厅 | 每年培训40万人次 | |",
  "开展数字经济领域职业技能提升培训 | 省经信厅 | 每年培训10万人次 | ||||",
].join("\n");

describe("the ribbon's 校验", () => {
  test("knows a plan imported in the pane: a sheet made from it is not an unknown revision", async () => {
    const host = createExcelHost();
    // Office as the shared runtime gives it to the ribbon, requirement sets included (the host's ExcelApi).
    const office = createOfficeRuntime(host);
    office.install();
    // The ribbon's module registers its functions when loaded, so it is loaded once Office is there.
    jest.requireActual("../../../src/commands/commands");
    render(
      <Pane>
        <App operations={createOfficeOperations(host.run.bind(host))} plans={planLibrary()} now={new Date(2026, 9, 15)} />
      </Pane>,
    );
    fireEvent.click(screen.getByRole("tab", { name: "计划" }));
    fireEvent.change(screen.getByLabelText("粘贴计划附件文本"), { target: { value: IMPORTED_ANNEX } });
    fireEvent.click(screen.getByRole("button", { name: "解析" }));
    // Using the plan also saves it in the workbook; a person may generate before that is done (both run in turn).
    await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "使用此计划" }).at(-1) as HTMLElement));
    fireEvent.click(screen.getByRole("tab", { name: "填报" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
    await screen.findByText("模板已生成", {}, { timeout: 20_000 });

    // As Office does: the function says it is done by calling event.completed().
    await office.press("validateWorkbook");

    expect([lastAudit.error, lastAudit.result?.findings.filter((f) => f.rule === "unknown-revision")]).toEqual([null, []]);
  });
});
