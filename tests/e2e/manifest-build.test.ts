/**
 * The build in dist/ holds every page and icon manifest.xml names on the dev server, each icon a
 * PNG of its declared size. Run after `npm run build` (npm test builds before it runs jest).
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { ROOT, URLS, all, first } from "../support/manifest";

const DIST = path.join(ROOT, "dist");
const DEV_SERVER = "https://localhost:3000/";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const builtFile = (url: string) => path.join(DIST, ...new URL(url).pathname.split("/"));

/** "WxH" from a PNG's IHDR chunk, or "not a PNG". */
function pngSize(file: string): string {
  const png = readFileSync(file);
  const isPng = png.subarray(0, 8).equals(PNG_SIGNATURE) && png.toString("ascii", 12, 16) === "IHDR";
  return isPng ? `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}` : "not a PNG";
}

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
