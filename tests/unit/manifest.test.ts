/**
 * The manifest, checked offline (`npm run validate` posts it to an online service): well-formed,
 * what Office requires, every resid defined, https everywhere, a shared runtime, the ribbon tab,
 * and every page and icon it names produced by the build (`npm test` builds before it runs jest).
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { present } from "../support/present";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const DEV_SERVER = "https://localhost:3000/";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Errors xmldom recovers from are collected; a fatal one (a tag left open) stops the suite itself.
const parseErrors: string[] = [];
const doc = new DOMParser({ onError: (level, message) => void (level !== "warning" && parseErrors.push(message)) }).parseFromString(
  readFileSync(path.join(ROOT, "manifest.xml"), "utf8"),
  "text/xml",
);

const all = (tag: string, within: { getElementsByTagName(tag: string): ArrayLike<Element> } = doc) => Array.from(within.getElementsByTagName(tag));
const first = (tag: string, within?: Element) => present(all(tag, within)[0], `a <${tag}> element`);
const attribute = (name: string) => all("*").flatMap((el) => (el.hasAttribute(name) ? [el.getAttribute(name) as string] : []));
const resource = (id: string | null) => all("*", first("Resources")).find((el) => el.getAttribute("id") === id);
const control = (id: string) => all("Control").find((el) => el.getAttribute("id") === id) as Element;
const child = (el: Element, tag: string) => Array.from(el.childNodes).find((node) => node.nodeName === tag) as Element | undefined;
const labelOf = (el: Element) => resource(child(el, "Label")?.getAttribute("resid") ?? null)?.getAttribute("DefaultValue");
const functionOf = (el: Element) => first("FunctionName", el).textContent;
const iconSizes = (el: Element) => all("bt:Image", first("Icon", el)).map((image) => image.getAttribute("size"));
const URLS = [...attribute("DefaultValue"), ...attribute("Value"), ...all("AppDomain").map((el) => el.textContent ?? "")].filter((v) => /^[a-z]+:\/\//i.test(v));
const hasEnglish = (el: Element) => all("*", el).some((node) => node.localName === "Override" && node.getAttribute("Locale") === "en-US");
const builtFile = (url: string) => path.join(DIST, ...new URL(url).pathname.split("/"));

/** "WxH" from a PNG's IHDR chunk, or "not a PNG". */
function pngSize(file: string): string {
  const png = readFileSync(file);
  const isPng = png.subarray(0, 8).equals(PNG_SIGNATURE) && png.toString("ascii", 12, 16) === "IHDR";
  return isPng ? `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}` : "not a PNG";
}

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

describe("manifest.xml against the build in dist/", () => {
  beforeAll(() => {
    if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ has no build: run `npm run build` first");
  });

  test("every page and icon it names on the dev server is built", () => {
    const local = [...new Set(URLS.filter((url) => url.startsWith(DEV_SERVER)))];
    expect(local.length).toBeGreaterThan(5);
    expect(local.filter((url) => !existsSync(builtFile(url)))).toEqual([]);
  });

  test("every icon is a PNG of the size it is declared with", () => {
    const icons = [
      ...all("bt:Image", first("Resources")).map((image) => image.getAttribute("DefaultValue") as string),
      first("IconUrl").getAttribute("DefaultValue") as string,
      first("HighResolutionIconUrl").getAttribute("DefaultValue") as string,
    ];
    const declared = icons.map((url) => Number(/icon-(\d+)\.png$/.exec(url)?.[1]));
    expect(declared).toEqual([16, 32, 80, 32, 64]);
    expect(icons.map((url) => pngSize(builtFile(url)))).toEqual(declared.map((size) => `${size}x${size}`));
  });
});
