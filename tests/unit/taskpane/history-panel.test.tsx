/** @jest-environment jsdom */
import "./jsdom-globals";
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { Pane } from "./fluent";
import { createExcelHost } from "@planbook/excel-host";
import { createOfficeOperations } from "../../../src/addin/office-operations";
import type { PlanbookOperations } from "../../../src/addin/operations";
import { type MergeInputFile, PROGRESS_SHEET } from "../../../src/core/merge";
import { HistoryPanel } from "../../../src/taskpane/HistoryPanel";
import { STRINGS } from "../../../src/taskpane/strings";
import { STALL, stallFiles } from "../../fixtures/history-cases";
import { currentRevision } from "../../support/plan";

/**
 * 汇总 → 各期进度: the files of several periods picked at once are merged into the 进度 sheet of the
 * (in-memory) workbook by the add-in's own operation; files it cannot take are listed by name.
 * The .xlsx reader is tested on its own: here `readFiles` hands back the files' snapshots by name.
 */
function renderPanel() {
  const host = createExcelHost();
  const byName = new Map<string, MergeInputFile>([...stallFiles(), { name: "损坏.xlsx", snapshot: null }].map((f) => [f.name, f]));
  const calls: { acceptErrors?: boolean; files: string[] }[] = [];
  const real = createOfficeOperations(host.run.bind(host));
  const operations: PlanbookOperations = {
    ...real,
    readFiles: (files) => Promise.resolve(files.map((f) => byName.get(f.name) as MergeInputFile)),
    mergeHistory: (options) => {
      calls.push({ acceptErrors: options.acceptErrors, files: options.files.map((f) => f.name) });
      return real.mergeHistory(options);
    },
  };
  render(
    <Pane>
      <HistoryPanel strings={STRINGS.zh} revision={currentRevision()} operations={operations} />
    </Pane>,
  );
  return { host, calls };
}

const pick = (names: string[]) =>
  fireEvent.change(screen.getByLabelText("选择各期报送的工作簿"), { target: { files: names.map((name) => new File(["x"], name)) } });

test("the files of six periods picked at once make the 进度 sheet, and the pane says which periods", async () => {
  const { host, calls } = renderPanel();
  pick(stallFiles().map((f) => f.name));
  const periods = Object.keys(STALL.figures);
  expect(await screen.findByText(`已生成「进度」表：6 期（${periods.join("、")}）。`, undefined, { timeout: 20000 })).toBeTruthy();
  expect(calls).toEqual([{ acceptErrors: false, files: stallFiles().map((f) => f.name) }]);
  expect(host.sheetNames()).toContain(PROGRESS_SHEET);
});

test("a file it cannot take is listed by name with its reason, and taking files with errors is the aggregator's choice", async () => {
  const { calls } = renderPanel();
  fireEvent.click(screen.getByRole("checkbox", { name: "采用有错误的文件（有错误的单元格不计入）" }));
  pick([...stallFiles().map((f) => f.name), "损坏.xlsx"]);
  const list = await screen.findByRole("list", { name: "未采用的文件（1）" }, { timeout: 20000 });
  expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual([expect.stringMatching(/^损坏\.xlsx: .*损坏\.xlsx/)]);
  expect(calls.map((c) => c.acceptErrors)).toEqual([true]);
});
