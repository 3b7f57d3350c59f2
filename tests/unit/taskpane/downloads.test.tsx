/** @jest-environment jsdom */
import "./jsdom-globals";
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { Pane } from "./fluent";
import { App } from "../../../src/taskpane/App";
import { createOfficeOperations } from "../../../src/addin/office-operations";
import { dataLink, downloadBlockedReason, fileDeliveryOf } from "../../../src/addin/file-delivery";
import { PlanLibrary } from "../../../src/core/plan";
import { createExcelHost } from "@planbook/excel-host";
import { currentRevision } from "../../support/plan";
import { present } from "../../support/present";
import { saveLevelCorrections } from "../../../src/excel/levels";
import { readWorkbook } from "../../../src/core/snapshot";
import { readWorkbookFile } from "../../../src/xlsx/read";

const OCTOBER_2026 = new Date(2026, 9, 15, 10, 0, 0);
const CITIES = currentRevision().cities;

/** The pane on a real (in-memory) workbook, with the given way of handing files over. */
function renderPane(options: Parameters<typeof createOfficeOperations>[1], host = createExcelHost()) {
  render(
    <Pane>
      <App operations={createOfficeOperations(host.run.bind(host), options)} plans={new PlanLibrary([currentRevision()])} now={OCTOBER_2026} />
    </Pane>,
  );
  fireEvent.click(screen.getByRole("tab", { name: "汇总" }));
}

const linkBoxes = (region: HTMLElement) => within(region).getAllByRole<HTMLInputElement>("textbox");

describe("handing out city templates where a download does nothing", () => {
  test.each([
    ["Mac", { platform: "Mac", sets: "1.9" }, { blocked: true, createWorkbook: true }],
    ["iPad", { platform: "iOS", sets: "1.9" }, { blocked: true, createWorkbook: true }],
    ["Mac without ExcelApi 1.8", { platform: "Mac", sets: "1.7" }, { blocked: true, createWorkbook: false }],
    ["Windows", { platform: "PC", sets: "1.9" }, { blocked: false, createWorkbook: true }],
    ["the web", { platform: "OfficeOnline", sets: "1.20" }, { blocked: false, createWorkbook: true }],
    ["an Office that names no platform", { platform: undefined, sets: "1.9" }, { blocked: false, createWorkbook: true }],
  ])("on %s", (_case, office, expected) => {
    const isSetSupported = (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= Number(office.sets.split(".")[1]);
    const delivery = fileDeliveryOf({ platform: office.platform, isSetSupported });
    expect({ blocked: delivery.downloadBlocked !== null, createWorkbook: delivery.createWorkbook }).toEqual(expected);
  });

  test("on Excel for Mac the pane lists each template with a copyable link and an 在 Excel 中打开 button, and downloads nothing", async () => {
    const downloads: string[] = [];
    const opened: Uint8Array[] = [];
    renderPane({ download: (name) => void downloads.push(name), downloadBlocked: downloadBlockedReason("Mac"), createWorkbook: async (base64) => void opened.push(Buffer.from(base64, "base64")) });
    fireEvent.click(screen.getByRole("button", { name: /下载各市模板/ }));
    const region = await screen.findByRole("region", { name: "各市模板文件" }, { timeout: 30_000 });
    const links = linkBoxes(region);
    expect([downloads, links.length, links.every((box) => box.value.startsWith("data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,UEsD"))]).toEqual([
      [],
      CITIES.length,
      true,
    ]);
    fireEvent.click(within(region).getByRole("button", { name: `在 Excel 中打开「${CITIES[0]} 2026-10.xlsx」` }));
    await screen.findByText(`已在新工作簿中打开「${CITIES[0]} 2026-10.xlsx」。`);
    // The link and the opened workbook are the same file: a zip (PK…).
    const workbook = present(opened[0], "the opened workbook");
    expect([opened.length, Buffer.from(workbook).subarray(0, 2).toString(), links[0]?.value]).toEqual([1, "PK", dataLink(workbook)]);
  });

  test("elsewhere the templates download, and the links are one click away should the download not start", async () => {
    const downloads: string[] = [];
    renderPane({ download: (name) => void downloads.push(name) });
    fireEvent.click(screen.getByRole("button", { name: /下载各市模板/ }));
    await screen.findByText(/已下载 11 个市/, {}, { timeout: 30_000 });
    expect([downloads.length, screen.queryByRole("region", { name: "各市模板文件" })]).toEqual([CITIES.length, null]);
    fireEvent.click(screen.getByRole("button", { name: "下载没有开始？显示可复制的链接" }));
    expect(linkBoxes(screen.getByRole("region", { name: "各市模板文件" })).length).toBe(CITIES.length);
  });
});

describe("the city templates the pane hands out carry the workbook's level corrections", () => {
  test("a quota corrected to province-only is on no downloaded template, and each file's metadata holds the correction", async () => {
    const host = createExcelHost();
    const correction = { quotaId: "I20-高级职称-2027", level: "province-only" } as const;
    await host.run((context) => saveLevelCorrections(context, [correction]));
    const downloads: Uint8Array[] = [];
    renderPane({ download: (_name, bytes) => void downloads.push(bytes) }, host);
    fireEvent.click(screen.getByRole("button", { name: /下载各市模板/ }));
    await screen.findByText(/已下载 11 个市/, {}, { timeout: 30_000 });
    const read = readWorkbook(await readWorkbookFile(present(downloads[0], "the downloaded file")));
    expect([read.reports[0]?.rows.some((r) => r.quotaId === correction.quotaId), read.meta.levels]).toEqual([false, [correction]]);
  });

  test("where Excel.createWorkbook fails (Windows' Extension hardening policy, office-js #3568) the template is offered as a link instead", async () => {
    const internal = Object.assign(new Error("An internal error has occurred."), { code: "GeneralException" });
    renderPane({ download: () => undefined, createWorkbook: () => Promise.reject(internal) });
    fireEvent.click(screen.getByRole("button", { name: "在 Excel 中打开" }));
    await screen.findByText(/Excel 没能打开新工作簿.*扩展强化/, {}, { timeout: 30_000 });
    const links = linkBoxes(screen.getByRole("region", { name: "各市模板文件" }));
    expect([links.length, links[0]?.value.startsWith("data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,UEsD")]).toEqual([1, true]);
  });
});
