/**
 * The ribbon's dialog page as the add-in's build serves it (dist/dialog.html, with its own webpack
 * entry beside the task pane), in Chromium. Office.js is Microsoft's CDN script in the page; here
 * a stand-in answers for it with what the page uses: Office.onReady and Office.context.ui.messageParent.
 * Run after `npm run build` (npm test does).
 */
import { existsSync, mkdirSync } from "fs";
import type { Server } from "http";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { dialogUrl, readAction, type RibbonMessage } from "../../src/addin/ribbon-message";
import { launchChromium, serve, servedAt } from "../support/chromium";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const ARTIFACTS = path.join(ROOT, "test-artifacts");

/** Office.js as far as the dialog page uses it; what the page sends its parent is kept in `window.sent`. */
const OFFICE_STAND_IN = `
  window.sent = [];
  window.Office = {
    onReady: (callback) => { setTimeout(() => callback({ host: "Excel" }), 0); return Promise.resolve({ host: "Excel" }); },
    context: { ui: { messageParent: (message) => window.sent.push(message) } },
  };`;

const MESSAGE: RibbonMessage = {
  title: "校验完成 / Validation finished",
  intent: "error",
  lines: ["审核结果：1 个错误，1 个警告，0 个提示（明细见下表）", "明细与单元格链接见「审核结果」表 / Every finding, with a link to its cell, is in the 审核结果 sheet"],
  findings: [
    { severity: "error", text: "杭州市 2026-10 F12：累计完成「1,500」不是数字" },
    { severity: "warning", text: "杭州市 2026-10 F13：说明「<img src=x onerror=window.sent.push('xss')>」" },
  ],
  more: 4,
  openPane: true,
};

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "dialog.html"))) throw new Error("dist/dialog.html is missing: run `npm run build` first (npm test does)");
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(DIST);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 560, height: 420 } });
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STAND_IN }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("the ribbon's dialog page", () => {
  test("shows the outcome it is given, findings as text, and answers the ribbon with the button pressed", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(dialogUrl(`${servedAt(server)}/taskpane.html`, MESSAGE));
    await page.getByRole("heading", { name: MESSAGE.title }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "ribbon-dialog.png"), fullPage: true });
    const items = await page.getByRole("list", { name: "前几项问题 / First findings" }).getByRole("listitem").allTextContents();
    await page.getByRole("button", { name: "打开任务窗格 / Open the task pane" }).click();
    await page.getByRole("button", { name: "关闭 / Close" }).click();
    const sent = await page.evaluate(() => (window as unknown as { sent: string[] }).sent);
    expect([errors, items, await page.locator("img").count(), await page.getByText("另有 4 项 / 4 more").count(), sent.map(readAction)]).toEqual([
      [],
      ["[错误]杭州市 2026-10 F12：累计完成「1,500」不是数字", "[警告]杭州市 2026-10 F13：说明「<img src=x onerror=window.sent.push('xss')>」"],
      0,
      1,
      ["openPane", "close"],
    ]);
  });
});
