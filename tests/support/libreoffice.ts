import { execFile } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { pathToFileURL } from "url";

/**
 * Runs LibreOffice headless as a second, independent spreadsheet engine: it opens our .xlsx files,
 * recalculates every formula on load and saves them again, as a person's spreadsheet program
 * would. CI installs it (`libreoffice-calc-nogui`); a missing soffice fails the tests with a
 * message, it never skips them.
 */

/** LibreOffice starts slowly the first time (profile creation); a whole batch still finishes well within this. */
export const CONVERT_TIMEOUT_MS = 90_000;

export class LibreOfficeMissingError extends Error {
  constructor() {
    super(
      "找不到 LibreOffice（soffice），无法运行 .xlsx 互通测试；请安装：apt-get install -y libreoffice-calc-nogui（或设置 SOFFICE） / " +
        "LibreOffice (soffice) not found, so the .xlsx interoperability tests cannot run: apt-get install -y libreoffice-calc-nogui (or set SOFFICE)",
    );
    this.name = "LibreOfficeMissingError";
  }
}

/** `SOFFICE` when set, else the first `soffice` on the PATH. */
export function sofficePath(): string {
  if (process.env.SOFFICE) {
    if (existsSync(process.env.SOFFICE)) return process.env.SOFFICE;
    throw new LibreOfficeMissingError();
  }
  const found = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir !== "")
    .map((dir) => path.join(dir, "soffice"))
    .find((candidate) => existsSync(candidate));
  if (!found) throw new LibreOfficeMissingError();
  return found;
}

/**
 * LibreOffice's default for .xlsx is to trust the results a file has cached. The tests need the
 * engine's own results, so the private profile says: always recalculate on load (0 = always).
 */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens each input in LibreOffice and saves it as .xlsx into `outDir` (one soffice process for the
 * whole batch: starting LibreOffice is most of the cost). Returns the output paths, in input order.
 * Inputs must have distinct base names, and `outDir` must not be their folder.
 */
export async function convertWithLibreOffice(inputPaths: string[], outDir: string): Promise<string[]> {
  const soffice = sofficePath();
  // A private profile: no clash with a running LibreOffice or with another test run.
  const profile = mkdtempSync(path.join(tmpdir(), `lo-profile-${process.pid}-`));
  mkdirSync(path.join(profile, "user"));
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    "xlsx:Calc MS Excel 2007 XML",
    "--outdir",
    outDir,
    ...inputPaths,
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: CONVERT_TIMEOUT_MS }, (error, stdout, stderr) => {
        if (error) reject(new Error(`soffice failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve();
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const outputs = inputPaths.map((input) => path.join(outDir, `${path.parse(input).name}.xlsx`));
  const missing = outputs.filter((output) => !existsSync(output));
  if (missing.length > 0) throw new Error(`soffice did not write ${missing.join(", ")}`);
  return outputs;
}

