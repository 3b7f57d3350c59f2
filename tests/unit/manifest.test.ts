/**
 * The manifest, checked offline (`npm run validate` posts it to an online service): well-formed,
 * what Office requires, every resid defined, https everywhere, a shared runtime, the ribbon tab.
 * That the build holds every page and icon it names is checked after the build (tests/e2e).
 */
import { readFileSync } from "fs";
import path from "path";
import type { Element } from "@xmldom/xmldom";
import { present } from "../support/present";
import { ROOT, URLS, all, attribute, control, doc, first, functionOf, hasEnglish, iconSizes, labelOf, parseErrors, resource } from "../support/manifest";

describe("manifest.xml", () => {
  test("is well-formed XML with a TaskPaneApp root", () => {
    expect(parseErrors).toEqual([]);
    expect(doc.documentElement?.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  test("has every element Office requires", () => {
    const required = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "Hosts", "DefaultSettings", "SourceLocation", "Permissions", "VersionOverrides"];
    expect(required.filter((tag) => all(tag).length === 0)).toEqual([]);
  });

  test("is an Excel add-in that may read and write the workbook", () => {
    expect(first("Host").getAttribute("Name")).toBe("Workbook");
    expect(first("Permissions").textContent).toBe("ReadWriteDocument");
  });

  test("its id is a GUID", () => {
    expect(first("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test("speaks Chinese by default and English to en-US Office", () => {
    expect(first("DefaultLocale").textContent).toBe("zh-CN");
    const texts = [first("DisplayName"), first("Description"), ...all("bt:String")];
    expect(texts.filter((el) => !hasEnglish(el)).map((el) => el.getAttribute("id") || el.tagName)).toEqual([]);
  });

  test("every resid is defined in Resources", () => {
    expect(attribute("resid").filter((id) => !resource(id))).toEqual([]);
  });

  test("every URL is https", () => {
    expect(URLS.length).toBeGreaterThan(5);
    expect(URLS.filter((url) => !url.startsWith("https://"))).toEqual([]);
  });

  test("requires the shared runtime", () => {
    const sharedRuntime = all("Set").find((set) => set.getAttribute("Name") === "SharedRuntime");
    expect(sharedRuntime?.getAttribute("MinVersion")).toBe("1.1");
  });

  test("one long-lived runtime serves the task pane and the function file", () => {
    const runtimes = all("Runtime");
    expect(runtimes.map((r) => r.getAttribute("lifetime"))).toEqual(["long"]);
    const runtimePage = present(runtimes[0], "a <Runtime> element").getAttribute("resid");
    const showTaskpane = all("Action").find((action) => action.getAttribute("xsi:type") === "ShowTaskpane") as Element;
    expect(first("FunctionFile").getAttribute("resid")).toBe(runtimePage);
    expect(first("SourceLocation", showTaskpane).getAttribute("resid")).toBe(runtimePage);
  });

  test("the 计划填报 tab holds 生成模板, 校验 and 汇总", () => {
    const tab = first("CustomTab");
    expect(tab.getAttribute("id")).toBe("Planbook.Tab");
    expect(labelOf(tab)).toBe("计划填报");
    expect(all("Control", tab).map(labelOf)).toEqual(["生成模板", "校验", "汇总"]);
  });

  test("生成模板 opens the task pane", () => {
    const action = first("Action", control("Planbook.Generate"));
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
    expect(first("TaskpaneId", action).textContent).toBe("ButtonId1");
  });

  test("校验 and 汇总 run validateWorkbook and openMergeView", () => {
    expect(functionOf(control("Planbook.Validate"))).toBe("validateWorkbook");
    expect(functionOf(control("Planbook.Merge"))).toBe("openMergeView");
  });

  test("every button has 16, 32 and 80 px icons", () => {
    expect(all("Control").map(iconSizes)).toEqual([
      ["16", "32", "80"],
      ["16", "32", "80"],
      ["16", "32", "80"],
    ]);
  });

  test("its function names are the ones commands.ts associates", () => {
    const source = readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    const associated = [...source.matchAll(/Office\.actions\.associate\("(\w+)"/g)].map((match) => match[1]);
    expect(associated.sort()).toEqual(all("FunctionName").map((el) => el.textContent).sort());
  });
});
