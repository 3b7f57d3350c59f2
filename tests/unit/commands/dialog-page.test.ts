/** @jest-environment jsdom */
import { renderDialog } from "../../../src/dialog/index";
import { readAction, type RibbonMessage } from "../../../src/addin/ribbon-message";

const MESSAGE: RibbonMessage = {
  title: "校验完成 / Validation finished",
  intent: "warning",
  lines: ["审核结果：0 个错误，1 个警告，0 个提示（明细见下表）"],
  findings: [{ severity: "warning", text: "杭州市 2026-10 F7：<img src=x onerror=alert(1)> 累计完成低于上期" }],
  more: 3,
  openPane: true,
};

describe("the ribbon's dialog page", () => {
  test("shows the title, the lines and the first findings as text, typed cell text never becoming markup", () => {
    const root = document.createElement("main");
    renderDialog(root, MESSAGE);
    expect([root.querySelector("h1")?.textContent, root.querySelector("li")?.textContent, root.querySelector("img"), root.textContent?.includes("另有 3 项")]).toEqual([
      "校验完成 / Validation finished",
      "[警告]杭州市 2026-10 F7：<img src=x onerror=alert(1)> 累计完成低于上期",
      null,
      true,
    ]);
  });

  test("its buttons answer the ribbon through messageParent", () => {
    const sent: string[] = [];
    Object.assign(globalThis, { Office: { context: { ui: { messageParent: (message: string) => sent.push(message) } } } });
    const root = document.createElement("main");
    renderDialog(root, MESSAGE);
    root.querySelectorAll("button").forEach((button) => button.click());
    expect(sent.map(readAction)).toEqual(["openPane", "close"]);
  });

  test("a page opened without a message says so", () => {
    const root = document.createElement("main");
    renderDialog(root, null);
    expect(root.textContent).toBe("没有要显示的内容 / Nothing to show");
  });
});
