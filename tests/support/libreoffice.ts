import { execFile } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { pathToFileURL } from "url";

/**
 * Runs LibreOffice headless as a second, independent spreadsheet engine: it opens our .xlsx files,
 * recalculates every formula on load and saves them again, as a person's spreadsheet program
 * would. It also writes the files people send that Planbook must refuse: an .xls, a workbook
 * with an open password. CI installs it (`libreoffice-calc-nogui`); a missing soffice fails the
 * tests with a message, it never skips them.
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

/** A format LibreOffice saves to: the extension it gives the file and the name of its export filter. */
export interface SaveFormat {
  extension: string;
  filter: string;
}

export const XLSX: SaveFormat = { extension: "xlsx", filter: "Calc MS Excel 2007 XML" };
/** Excel 97–2003 (.xls): a compound file holding a `Workbook` stream. */
export const XLS: SaveFormat = { extension: "xls", filter: "MS Excel 97" };

/**
 * Runs `work` with a private LibreOffice profile holding `files` (paths inside the profile), so
 * soffice never clashes with a running LibreOffice or with another test run; removes it afterwards.
 */
async function withProfile<T>(files: Record<string, string>, work: (profile: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(path.join(tmpdir(), `lo-profile-${process.pid}-`));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(profile, file)), { recursive: true });
    writeFileSync(path.join(profile, file), content);
  }
  try {
    return await work(profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function runSoffice(profile: string, args: string[]): Promise<void> {
  const soffice = sofficePath();
  const all = [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nolockcheck", ...args];
  return new Promise<void>((resolve, reject) => {
    execFile(soffice, all, { timeout: CONVERT_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) reject(new Error(`soffice failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

/**
 * Opens each input in LibreOffice and saves it in `format` (.xlsx unless told) into `outDir` (one
 * soffice process for the whole batch: starting LibreOffice is most of the cost). Returns the
 * output paths, in input order. Inputs must have distinct base names, and `outDir` must not be
 * their folder.
 */
export async function convertWithLibreOffice<Inputs extends string[]>(inputPaths: [...Inputs], outDir: string, format: SaveFormat = XLSX): Promise<{ [K in keyof Inputs]: string }> {
  await withProfile({ "user/registrymodifications.xcu": ALWAYS_RECALCULATE }, (profile) =>
    runSoffice(profile, ["--convert-to", `${format.extension}:${format.filter}`, "--outdir", outDir, ...inputPaths]),
  );
  const outputs = inputPaths.map((input) => path.join(outDir, `${path.parse(input).name}.${format.extension}`));
  const missing = outputs.filter((output) => !existsSync(output));
  if (missing.length > 0) throw new Error(`soffice did not write ${missing.join(", ")}`);
  // One output per input, in order: the inputs' tuple type, with a path for each.
  return outputs as { [K in keyof Inputs]: string };
}

const xmlText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * Stores a document as .xlsx with an open password. On error it writes why to `errorPath` and
 * closes the document, since soffice only exits once no document is open. Given the password
 * alone, LibreOffice 7.4 fails the export with an I/O error; asking for ECMA-376 Standard
 * Encryption (the kind Excel 2007 wrote) by name works.
 */
const SAVE_WITH_PASSWORD = `Sub SaveWithPassword(inputUrl As String, outputUrl As String, password As String, errorPath As String)
  Dim doc As Object
  On Error Goto Failed
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = "Hidden"
  loadArgs(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inputUrl, "_blank", 0, loadArgs())
  Dim encryption(1) As New com.sun.star.beans.NamedValue
  encryption(0).Name = "OOXPassword"
  encryption(0).Value = password
  encryption(1).Name = "CryptoType"
  encryption(1).Value = "Standard"
  Dim saveArgs(1) As New com.sun.star.beans.PropertyValue
  saveArgs(0).Name = "FilterName"
  saveArgs(0).Value = "${XLSX.filter}"
  saveArgs(1).Name = "EncryptionData"
  saveArgs(1).Value = CreateUnoValue("[]com.sun.star.beans.NamedValue", encryption())
  doc.storeToURL(outputUrl, saveArgs())
  doc.close(True)
  Exit Sub
Failed:
  Dim errorFile As Integer
  errorFile = FreeFile
  Open errorPath For Output As #errorFile
  Print #errorFile, Error$
  Close #errorFile
  If Not IsNull(doc) Then doc.close(True)
End Sub
`;

/** The profile files that give LibreOffice the macro, as the Basic library `Standard.Planbook`. */
const MACRO_PROFILE: Record<string, string> = {
  // Marks the profile as set up: otherwise the first start copies the default Basic libraries over ours.
  "user/registrymodifications.xcu": `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`,
  "user/basic/script.xlc": `<?xml version="1.0" encoding="UTF-8"?>
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
`,
  "user/basic/Standard/script.xlb": `<?xml version="1.0" encoding="UTF-8"?>
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Planbook"/>
</library:library>
`,
  "user/basic/Standard/Planbook.xba": `<?xml version="1.0" encoding="UTF-8"?>
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Planbook" script:language="StarBasic">${xmlText(SAVE_WITH_PASSWORD)}</script:module>
`,
};

/**
 * Opens `inputPath` in LibreOffice and saves it to `outputPath` as a password-protected .xlsx: an
 * OLE compound file holding `EncryptionInfo` and `EncryptedPackage`, as Excel writes one.
 * `--convert-to` cannot do it (its JSON options become the filter's FilterData, which the .xlsx
 * export does not read for a password), so a Basic macro in the private profile stores the
 * document with EncryptionData. The password may not contain a double quote.
 */
export async function saveWithPassword(inputPath: string, outputPath: string, password: string): Promise<void> {
  await withProfile(MACRO_PROFILE, async (profile) => {
    const errorPath = path.join(profile, "macro-error.txt");
    const args = [inputPath, outputPath].map((file) => pathToFileURL(file).href).concat(password, errorPath);
    await runSoffice(profile, [`macro:///Standard.Planbook.SaveWithPassword(${args.map((arg) => `"${arg}"`).join(",")})`]);
    if (!existsSync(outputPath)) {
      const why = existsSync(errorPath) ? readFileSync(errorPath, "utf8").trim() : "no error reported";
      throw new Error(`soffice did not write ${outputPath}: ${why}`);
    }
  });
}
