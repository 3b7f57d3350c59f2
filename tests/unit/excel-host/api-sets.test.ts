/**
 * The host refuses a member of a newer ExcelApi set than it stands for exactly as Office.js does,
 * and its table of sets is Office.js's own: read here from the library every add-in loads.
 */
import { readFileSync } from "fs";
import path from "path";
import { createExcelHost, RichApiError } from "@planbook/excel-host";
import { MEMBER_SETS } from "../../../packages/excel-host/src/api-sets";
import { PROXY_CLASSES } from "../../../packages/excel-host/src/gates";
import { matchGroup } from "../../../src/core/shared";
import { present } from "../../support/present";

const OFFICE_JS = path.join(__dirname, "..", "..", "..", "node_modules", "@microsoft", "office-js", "dist", "excel-win32-16.01.debug.js");

/** Every member Office.js checks before use, with the ExcelApi versions it checks it against. */
function officeJsChecks(): Map<string, Set<string>> {
  const checks = new Map<string, Set<string>>();
  for (const match of readFileSync(OFFICE_JS, "utf8").matchAll(/_throwIfApiNotSupported\("([A-Za-z]+\.[A-Za-z]+)", _defaultApiSetName, "([0-9.]+)"/g)) {
    const member = matchGroup(match, 1);
    checks.set(member, (checks.get(member) ?? new Set()).add(matchGroup(match, 2)));
  }
  return checks;
}

function memberNames(prototype: object): string[] {
  const names = new Set<string>();
  for (let current: object | null = prototype; current && current !== Object.prototype; current = Object.getPrototypeOf(current) as object | null) {
    for (const name of Object.getOwnPropertyNames(current)) names.add(name);
  }
  return [...names];
}

/** What a batch threw synchronously (Office.js checks a member before anything is queued). */
async function thrownBy(apiVersion: string, use: (context: Excel.RequestContext) => void): Promise<unknown> {
  const host = createExcelHost({ apiVersion });
  return host.run(async (context) => {
    try {
      use(context);
      return null;
    } catch (error) {
      return error;
    }
  });
}

describe("ExcelApi requirement sets in the host", () => {
  test("each member the host gates is gated at the version Office.js checks it against", () => {
    const checks = officeJsChecks();
    const differing = Object.entries(MEMBER_SETS).filter(([member, version]) => !checks.get(member)?.has(version));
    expect(differing).toEqual([]);
  });

  test("every member of the host's objects that Office.js checks is gated (none is missed)", () => {
    const checks = officeJsChecks();
    const missed = PROXY_CLASSES.flatMap(([proxyClass, entity]) =>
      memberNames(proxyClass.prototype)
        .map((name) => `${entity}.${name}`)
        .filter((member) => checks.has(member) && MEMBER_SETS[member] === undefined),
    );
    expect(missed).toEqual([]);
  });

  test("below ExcelApi 1.13 getMergedAreasOrNullObject throws at the call, with Office.js's code, message and location", async () => {
    const error = await thrownBy("1.12", (context) => void context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").getMergedAreasOrNullObject());
    expect(error).toBeInstanceOf(RichApiError);
    expect(error).toMatchObject({
      code: "ApiNotFound",
      message: "The method or property Range.getMergedAreasOrNullObject is part of the ExcelApi 1.13 requirement set, which is not available in your version of Excel.",
      debugInfo: { errorLocation: "Range.getMergedAreasOrNullObject" },
    });
  });

  test.each([
    ["Range.getMergedAreasOrNullObject", "1.13", (context: Excel.RequestContext) => void context.workbook.worksheets.getItem("Sheet1").getRange("A1").getMergedAreasOrNullObject()],
    ["Range.group", "1.10", (context: Excel.RequestContext) => context.workbook.worksheets.getItem("Sheet1").getRange("2:3").group("ByRows")],
    ["WorksheetCollection.onChanged", "1.9", (context: Excel.RequestContext) => void context.workbook.worksheets.onChanged],
    ["Worksheet.pageLayout", "1.9", (context: Excel.RequestContext) => void context.workbook.worksheets.getItem("Sheet1").pageLayout],
    ["Range.dataValidation", "1.8", (context: Excel.RequestContext) => void context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation],
    ["Runtime.enableEvents", "1.8", (context: Excel.RequestContext) => void (context.runtime.enableEvents = false)],
    ["Worksheet.tabColor", "1.7", (context: Excel.RequestContext) => void (context.workbook.worksheets.getItem("Sheet1").tabColor = "#FF0000")],
  ])("%s (ExcelApi %s) is refused one set below and works from its own", async (member, version, use) => {
    const [major, minor] = version.split(".").map(Number);
    const below = await thrownBy(`${present(major, "the major version")}.${present(minor, "the minor version") - 1}`, use);
    const at = await thrownBy(version, use);
    expect([(below as RichApiError | null)?.code, (below as RichApiError | null)?.debugInfo.errorLocation, at]).toEqual(["ApiNotFound", member, null]);
  });

  test("a batch of the host answers Office.context.requirements for it, and leaves an Office of someone else's alone", async () => {
    const scope = globalThis as { Office?: typeof Office };
    delete scope.Office;
    await createExcelHost({ apiVersion: "1.12" }).run(async () => undefined);
    const installed = scope.Office as typeof Office | undefined;
    const answers = [installed?.context.requirements.isSetSupported("ExcelApi", "1.12"), installed?.context.requirements.isSetSupported("ExcelApi", "1.13")];
    const theirs = { context: { requirements: { isSetSupported: () => true } } } as unknown as typeof Office;
    scope.Office = theirs;
    await createExcelHost({ apiVersion: "1.9" }).run(async () => undefined);
    expect([answers, scope.Office === theirs]).toEqual([[true, false], true]);
    delete scope.Office;
  });
});
