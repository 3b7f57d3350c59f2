/**
 * The manifest, checked offline (`npm run validate` posts it to an online service): well-formed,
 * what Office requires, every resid defined, https everywhere, a shared runtime, and every URL and
 * icon it names produced by the build (`npm test` builds before it runs the tests).
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { DOMParser } from "@xmldom/xmldom";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const text = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const errors: string[] = [];
const doc = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(text, "text/xml");

const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
const first = (tag: string) => all(tag)[0];
const attributes = (name: string) =>
  Array.from(doc.getElementsByTagName("*")).flatMap((el) => (el.getAttribute(name) ? [el.getAttribute(name) as string] : []));

describe("manifest.xml", () => {
  test("is well-formed XML with a TaskPaneApp root", () => {
    expect(errors).toEqual([]);
    expect(doc.documentElement?.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  test("has every element Office requires", () => {
    const required = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "Hosts", "DefaultSettings", "SourceLocation", "Permissions", "VersionOverrides"];
    expect(required.filter((tag) => all(tag).length === 0)).toEqual([]);
  });

  test("its id is a GUID", () => {
    expect(first("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test("every resid is defined in Resources", () => {
    const defined = new Set(Array.from(first("Resources").getElementsByTagName("*")).map((el) => el.getAttribute("id")));
    expect(attributes("resid").filter((id) => !defined.has(id))).toEqual([]);
  });

  test("every URL is https", () => {
    const urls = attributes("DefaultValue").filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
  });

  test("one shared runtime serves the task pane and the function file", () => {
    expect(all("Set").find((s) => s.getAttribute("Name") === "SharedRuntime")?.getAttribute("MinVersion")).toBe("1.1");
    const runtimes = all("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(first("FunctionFile").getAttribute("resid")).toBe(runtimes[0].getAttribute("resid"));
    const taskpane = all("Action").find((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
    expect(taskpane?.getElementsByTagName("SourceLocation")[0].getAttribute("resid")).toBe(runtimes[0].getAttribute("resid"));
  });

  test("the custom tab has 生成模板, 校验 and 汇总", () => {
    const functions = all("FunctionName").map((f) => f.textContent);
    expect(functions).toEqual(["validateWorkbook", "openMergeView"]);
    expect(all("CustomTab")).toHaveLength(1);
    expect(all("Control").map((c) => c.getAttribute("id"))).toEqual(["Planbook.Generate", "Planbook.Validate", "Planbook.Merge"]);
  });

  test("the function names are the ones commands.ts associates", () => {
    const source = readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    const associated = [...source.matchAll(/Office\.actions\.associate\("(\w+)"/g)].map((m) => m[1]).sort();
    expect(associated).toEqual(all("FunctionName").map((f) => f.textContent).sort());
  });

  test("every page and icon it names is produced by the build", () => {
    expect(existsSync(DIST)).toBe(true); // run `npm run build` first
    const local = [...new Set(attributes("DefaultValue").filter((v) => v.startsWith("https://localhost:3000/")))];
    const missing = local.filter((url) => !existsSync(path.join(DIST, new URL(url).pathname)));
    expect(missing).toEqual([]);
  });

  test("each icon has the pixel size it is declared with", () => {
    const declared = all("bt:Image")
      .filter((img) => img.getAttribute("DefaultValue"))
      .map((img) => img.getAttribute("DefaultValue") as string)
      .concat(first("IconUrl").getAttribute("DefaultValue") as string, first("HighResolutionIconUrl").getAttribute("DefaultValue") as string);
    const sizes = declared.map((url) => {
      const png = readFileSync(path.join(DIST, new URL(url).pathname));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      return [Number(/icon-(\d+)/.exec(url)?.[1]), png.readUInt32BE(16), png.readUInt32BE(20)];
    });
    expect(sizes.filter(([want, w, h]) => w !== want || h !== want)).toEqual([]);
  });
});
