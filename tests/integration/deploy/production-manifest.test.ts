/**
 * `PLANBOOK_URL=https://… npm run build` writes dist/manifest.xml for that address. The manifest
 * it writes is read back with office-addin-manifest's own reader (its online validator cannot be
 * reached from CI); a non-https address stops the build before anything is built.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { manifestFor } from "../../../scripts/manifest-url";

const ROOT = path.join(__dirname, "..", "..", "..");
const SOURCE = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BASE = "https://intranet.example.gov.cn/planbook";

function builtManifest(url: string) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "planbook-manifest-")), "manifest.xml");
  const xml = manifestFor(SOURCE, url);
  writeFileSync(file, xml);
  return { ...readWithOfficeAddinManifest(file), xml };
}

/**
 * office-addin-manifest's own reader — `readManifestFile`, and the XML its handler parses — run
 * by Node as its CLI is: its modules load ES-module dependencies that Jest's module loader cannot.
 */
function readWithOfficeAddinManifest(file: string): { info: ManifestInfo; parsed: ParsedManifest } {
  const script = `
    const { OfficeAddinManifest } = require("office-addin-manifest");
    const { ManifestHandlerXml } = require("office-addin-manifest/lib/manifestHandler/manifestHandlerXml");
    const file = process.argv[1];
    Promise.all([OfficeAddinManifest.readManifestFile(file), new ManifestHandlerXml(file).parseXmlAsync()])
      .then(([info, parsed]) => process.stdout.write(JSON.stringify({ info, parsed })));`;
  const run = spawnSync(process.execPath, ["-e", script, file], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`office-addin-manifest could not read ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as { info: ManifestInfo; parsed: ParsedManifest };
}

interface ManifestInfo {
  id?: string;
  appDomains?: string[];
  hosts?: string[];
  iconUrl?: string;
  highResolutionIconUrl?: string;
  supportUrl?: string;
  defaultSettings?: { sourceLocation?: string };
}

type ParsedManifest = { OfficeApp: { Requirements?: { Sets?: { Set?: { $: { Name: string; MinVersion: string } }[] }[] }[] } };

/** `Name MinVersion` of each requirement set, from the reader's parsed XML. */
function requirementSets(parsed: ParsedManifest): string[] {
  return (parsed.OfficeApp.Requirements?.[0]?.Sets?.[0]?.Set ?? []).map((set) => `${set.$.Name} ${set.$.MinVersion}`);
}

describe("the manifest for a production address", () => {
  test("keeps the add-in's id and points every page and icon at the address", () => {
    const { info } = builtManifest(`${BASE}/`);
    const original = readWithOfficeAddinManifest(path.join(ROOT, "manifest.xml")).info;
    expect({
      id: info.id,
      source: info.defaultSettings?.sourceLocation,
      icon: info.iconUrl,
      highResolutionIcon: info.highResolutionIconUrl,
      support: info.supportUrl,
      domains: info.appDomains,
      hosts: info.hosts,
    }).toEqual({
      id: original.id,
      source: `${BASE}/taskpane.html`,
      icon: `${BASE}/assets/icon-32.png`,
      highResolutionIcon: `${BASE}/assets/icon-64.png`,
      support: `${BASE}/support.html`,
      domains: ["https://intranet.example.gov.cn"],
      hosts: ["Workbook"],
    });
  });

  test("names no dev-server address and keeps its requirement sets", () => {
    const { xml, parsed } = builtManifest(BASE);
    expect([xml.includes("localhost"), requirementSets(parsed)]).toEqual([false, ["SharedRuntime 1.1"]]);
  });

  test("a non-https PLANBOOK_URL stops the build with a message saying why", () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--config-name", "addin"], {
      cwd: ROOT,
      env: { ...process.env, PLANBOOK_URL: "http://intranet.example.gov.cn/planbook" },
      encoding: "utf8",
    });
    expect([build.status === 0, /must be an https address/.test(build.stderr + build.stdout)]).toEqual([false, true]);
  });
});
