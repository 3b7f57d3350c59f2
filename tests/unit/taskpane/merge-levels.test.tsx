/** @jest-environment jsdom */
/**
 * Levels in the pane: the 汇总 view takes the level from the files (a county's or a unit's file
 * among cities' is a finding, not merged), and the 填报 view makes a city's sheet with the counties,
 * as the CLI does.
 */
import "./jsdom-globals";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { Pane } from "./fluent";
import { createExcelHost } from "@planbook/excel-host";
import { App } from "../../../src/taskpane/App";
import { createOfficeOperations } from "../../../src/addin/office-operations";
import { PlanLibrary, type Scope } from "../../../src/core/plan";
import { parsePeriod } from "../../../src/core/period";
import { buildTemplate, COLUMN } from "../../../src/core/template";
import { loadCounties } from "../../../src/cli/io";
import { writeTemplateFile } from "../../../src/xlsx/render";
import { currentRevision } from "../../support/plan";
import { columnLetter } from "../../../src/core/snapshot";
import { saveLevelCorrections } from "../../../src/excel/levels";
import { gridRow } from "../../support/present";

const revision = currentRevision();

/** A returned workbook of any scope with one figure typed (a blank one would be "not filled in"). */
async function returned(name: string, scope: Scope): Promise<File> {
  const built = buildTemplate({ revision, scope, period: parsePeriod("2026-10"), generatedAt: "2026-10-30T00:00:00Z", geography: loadCounties() });
  const record = built.rowRecords.find((r) => built.sheet.cells[r.row - 1]?.[COLUMN.cumulative] === null) ?? built.rowRecords[0];
  gridRow(built.sheet.cells, (record?.row ?? 1) - 1)[COLUMN.cumulative] = { value: 1 };
  return new File([(await writeTemplateFile(built)) as BlobPart], name);
}

test("a county's and a unit's file among cities' are listed with why they cannot be merged, and not offered", async () => {
  const host = createExcelHost();
  render(
    <Pane>
      <App operations={createOfficeOperations(host.run.bind(host))} plans={new PlanLibrary([revision])} now={new Date(2026, 9, 15, 10, 0, 0)} />
    </Pane>,
  );
  fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
  const files = [
    await returned("杭州市.xlsx", { kind: "city", city: "杭州市" }),
    await returned("宁波市.xlsx", { kind: "city", city: "宁波市" }),
    await returned("萧山区.xlsx", { kind: "county", county: "萧山区" }),
    await returned("省总工会.xlsx", { kind: "unit", unit: "省总工会" }),
  ];
  fireEvent.change(screen.getByLabelText("选择各市报送的工作簿"), { target: { files } });
  const preview = await screen.findByRole("region", { name: "合并预览" }, { timeout: 30_000 });
  const text = preview.textContent ?? "";
  expect([
    within(preview).getAllByRole("checkbox").length,
    text.includes("萧山区.xlsx") && text.includes("是县级报表"),
    text.includes("省总工会.xlsx") && text.includes("是责任单位报表"),
    (text.match(/不同级别不能混在一起汇总/g) ?? []).length,
  ]).toEqual([2, true, true, 2]);
}, 60_000);

test("a quota corrected to per-unit in the workbook asks a city sheet made in the 填报 view for its 13 counties, as the CLI's does", async () => {
  const host = createExcelHost();
  await host.run((context) => saveLevelCorrections(context, [{ quotaId: "I20-高级职称-2027", level: "per-unit" }]));
  render(
    <Pane>
      <App operations={createOfficeOperations(host.run.bind(host))} plans={new PlanLibrary([revision], loadCounties())} now={new Date(2026, 9, 15, 10, 0, 0)} />
    </Pane>,
  );
  fireEvent.click(screen.getByRole("tab", { name: "填报" }));
  fireEvent.click(screen.getByRole("radio", { name: "市" }));
  fireEvent.change(screen.getByLabelText("选择市"), { target: { value: "杭州市" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "生成模板" })));
  await screen.findByText("模板已生成", {}, { timeout: 20_000 });
  const ids = host.values("杭州市 2026-10", "A1:A300").map(([id]) => id);
  const row = ids.indexOf("I20-高级职称-2027") + 1;
  expect(host.values("杭州市 2026-10", `${columnLetter(COLUMN.target)}${row}`)).toEqual([[13]]);
}, 60_000);
