import { existsSync, mkdirSync } from "fs";
import type { Server } from "http";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { columnLetter } from "../../src/core/snapshot";
import { buildTemplate, COLUMN } from "../../src/core/template";
import { parsePeriod } from "../../src/core/period";
import { writeTemplateFile } from "../../src/xlsx/render";
import { currentRevision } from "../support/plan";
import { launchChromium, serve, servedAt } from "../support/chromium";
import { gridRow, present } from "../support/present";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist-playground");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const pane = () => page.getByRole("complementary", { name: "任务窗格 / task pane" });
const CITY = "杭州市";

let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "playground.html"))) throw new Error("dist-playground/playground.html is missing: run `npm run build:playground` first (npm test does)");
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(DIST);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${servedAt(server)}/playground.html`);
  await page.getByRole("heading", { name: "Planbook 演练场 / playground (no Excel)" }).waitFor({ timeout: 20_000 });
  if (errors.length > 0) throw new Error(`the playground failed to start: ${errors.join("; ")}`);
  // Every test below works on the 杭州市 template generated here, as a person would in one session.
  await pane().getByRole("radio", { name: "市", exact: true }).check();
  await pane().getByLabel("选择市").selectOption(CITY);
  await pane().getByRole("button", { name: "生成模板" }).click();
  await pane().getByText("模板已生成").waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, "playground-fill.png"), fullPage: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("the playground", () => {
  test("generating a city template names the new sheet and shows it in the grid", async () => {
    const message = await pane().getByText("模板已生成").locator("..").textContent();
    const shown = await page.getByLabel("工作表 / Sheet").inputValue();
    expect([message?.includes(`工作表「${shown}」`), shown.startsWith(`${CITY} `)]).toEqual([true, true]);
  });

  test("a figure typed into an input cell gives the computed 完成率", async () => {
    const sheet = await page.getByLabel("工作表 / Sheet").inputValue();
    const table = page.getByRole("table", { name: sheet });
    // The first quota row with a numeric target: reaching the target exactly is 100%.
    const targets = await table.locator(`td[data-address^="${columnLetter(COLUMN.target)}"]`).allTextContents();
    const index = targets.findIndex((text) => /^\d+(\.\d+)?$/.test(text.trim()) && Number(text) > 0);
    const row = index + 1;
    const target = Number(targets[index]);
    const input = table.getByLabel(`${sheet}!${columnLetter(COLUMN.cumulative)}${row}`);
    await input.fill(String(target));
    await input.press("Enter");
    const completion = table.locator(`td[data-address="${columnLetter(COLUMN.completion)}${row}"]`);
    await page.waitForFunction((cell) => /%/.test(document.querySelector(`td[data-address="${cell}"]`)?.textContent ?? ""), `${columnLetter(COLUMN.completion)}${row}`, { timeout: 10_000 });
    await expect(completion.textContent()).resolves.toMatch(/^100(\.0+)?%$/);
  });

  test("a figure far behind time-progress shows its finding, and fixing it clears it", async () => {
    const sheet = await page.getByLabel("工作表 / Sheet").inputValue();
    const table = page.getByRole("table", { name: sheet });
    const targets = await table.locator(`td[data-address^="${columnLetter(COLUMN.target)}"]`).allTextContents();
    const index = targets.findIndex((text) => /^\d+(\.\d+)?$/.test(text.trim()) && Number(text) > 0);
    const cell = `${columnLetter(COLUMN.cumulative)}${index + 1}`;
    const input = table.getByLabel(`${sheet}!${cell}`);
    await input.fill("0");
    await input.press("Enter");
    const findings = pane().getByRole("region", { name: "录入检查" });
    await findings.getByRole("button", { name: `${sheet}!${cell}` }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "playground-finding.png"), fullPage: true });
    await input.fill(present(targets[index], `target #${index + 1}`).trim());
    await input.press("Enter");
    await findings.getByText("没有发现问题。").waitFor({ timeout: 10_000 });
    expect(await findings.getByRole("button", { name: `${sheet}!${cell}` }).count()).toBe(0);
  });

  test("two returned city files merge into the province summary", async () => {
    const revision = currentRevision();
    const files = await Promise.all(
      ["杭州市", "宁波市"].map(async (city, index) => {
        const built = buildTemplate({ revision, scope: { kind: "city", city }, period: parsePeriod("2026-10"), generatedAt: "2026-10-30T00:00:00Z" });
        // A city reports 技能型企业 in the quota's own row, its Annex 2 share as the target (issue 15).
        const row = built.rowRecords.find((r) => r.quotaId === "I08-技能型企业-2027")!.row;
        gridRow(built.sheet.cells, row - 1)[COLUMN.cumulative] = { value: 600 + index };
        return { name: `${city}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await writeTemplateFile(built)) };
      }),
    );
    await pane().getByRole("tab", { name: "汇总" }).click();
    await pane().getByLabel("选择各市报送的工作簿").setInputFiles(files);
    await pane().getByRole("button", { name: "合并选中的 2 个文件" }).click();
    await pane().getByText(/已合并 2 个文件/).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "playground-merged.png"), fullPage: true });
    await page.getByLabel("工作表 / Sheet").selectOption("汇总");
    const summary = page.getByRole("table", { name: "汇总" });
    await expect(summary.getByText("1201", { exact: true }).count()).resolves.toBeGreaterThan(0);
  });

  test("the 计划, 汇总 and 审核 views open", async () => {
    const shots = [
      ["计划", "playground-plan.png"],
      ["汇总", "playground-merge.png"],
      ["审核", "playground-audit.png"],
    ] as const;
    for (const [tab, file] of shots) {
      await pane().getByRole("tab", { name: tab }).click();
      await page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: true });
    }
    expect(await pane().getByRole("tabpanel").getAttribute("aria-label")).toBe("审核");
  });

  test("switching the language to English relabels the task pane", async () => {
    await pane().getByRole("button", { name: /Switch to English/ }).click();
    await pane().getByRole("tab", { name: "Report" }).click();
    await page.screenshot({ path: path.join(ARTIFACTS, "playground-english.png"), fullPage: true });
    expect(await pane().getByRole("button", { name: "Generate template" }).isVisible()).toBe(true);
  });
});
