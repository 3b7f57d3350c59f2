/**
 * @jest-environment jsdom
 */
import "../taskpane/jsdom-globals";
import { createExcelHost, createOfficeRuntime } from "@planbook/excel-host";
import { PASSWORD_SETTING, savedPassword, savePassword } from "../../../src/addin/session";
import { runAudit } from "../../../src/excel/audit";
import { generateTemplate } from "../../../src/excel/generate";
import { describeError, PASSWORD_MISMATCH } from "../../../src/excel/run";
import { parsePeriod } from "../../../src/core/period";
import { currentRevision } from "../../support/plan";

/** The sheet password is no secret of the file: kept on this computer, and a wrong one said plainly. */
describe("the sheet protection password", () => {
  beforeEach(() => localStorage.clear());

  test("is kept on this computer, never in the workbook's document settings", () => {
    const office = createOfficeRuntime(createExcelHost());
    office.install();
    savePassword("s3cret");
    expect([savedPassword(), office.settings.has(PASSWORD_SETTING)]).toEqual(["s3cret", false]);
  });

  test("one an older Planbook kept in the workbook is taken from the file and removed from it", () => {
    const office = createOfficeRuntime(createExcelHost());
    office.install();
    office.settings.set(PASSWORD_SETTING, "old");
    expect([savedPassword(), office.settings.has(PASSWORD_SETTING), localStorage.getItem(PASSWORD_SETTING)]).toEqual(["old", false, "old"]);
  });

  test("a sheet protected with another password: 校验 fails with a message that says so and what to do", async () => {
    const host = createExcelHost();
    const revision = currentRevision();
    await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10"), password: "a" }));
    await host.run((context) => runAudit(context, { revisions: [revision], password: "a" }));
    const failure = await host.run((context) => runAudit(context, { revisions: [revision], password: "b" })).catch((error: unknown) => error);
    expect(describeError(failure)).toBe(PASSWORD_MISMATCH);
  });
});
