/** @jest-environment jsdom */
/**
 * The pane's 汇总 with a city's county files: merged into the city's summary, with the city's own
 * return written beside it, as `planbook merge` writes them (the pane knows the counties).
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
import { DETAIL_SHEET } from "../../../src/core/merge";
import { loadCounties } from "../../../src/cli/io";
import { writeTemplateFile } from "../../../src/xlsx/render";
import { currentRevision } from "../../support/plan";
import { gridRow } from "../../support/present";

const revision = currentRevision();
const geography = loadCounties();

/** A returned workbook with one figure typed (a blank one would be "not filled in"). */
async function returned(name: string, scope: Scope): Promise<File> {
  const built = buildTemplate({ revision, scope, period: parsePeriod("2026-10"), generatedAt: "2026-10-30T00:00:00Z", geography });
  const record = built.rowRecords.find((r) => built.sheet.cells[r.row - 1]?.[COLUMN.cumulative] === null) ?? built.rowRecords[0];
  gridRow(built.sheet.cells, (record?.row ?? 1) - 1)[COLUMN.cumulative] = { value: 1 };
  return new File([(await writeTemplateFile(built)) as BlobPart], name);
}

test("a city's county files are offered, merged into the city's summary, and the city's own return is written", async () => {
  const host = createExcelHost();
  render(
    <Pane>
      <App operations={createOfficeOperations(host.run.bind(host))} plans={new PlanLibrary([revision], geography)} now={new Date(2026, 9, 15, 10, 0, 0)} />
    </Pane>,
  );
  fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
  const files = [await returned("萧山区.xlsx", { kind: "county", county: "萧山区" }), await returned("余杭区.xlsx", { kind: "county", county: "余杭区" })];
  fireEvent.change(screen.getByLabelText("选择各市报送的工作簿"), { target: { files } });
  const preview = await screen.findByRole("region", { name: "合并预览" }, { timeout: 30_000 });
  expect(within(preview).getAllByRole("checkbox").length).toBe(2);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "合并选中的 2 个文件" })));
  await screen.findByText(/^已合并 2 个文件/, {}, { timeout: 30_000 });
  expect(host.sheetNames()).toEqual(expect.arrayContaining([DETAIL_SHEET, "杭州市 2026-10"]));
}, 90_000);
