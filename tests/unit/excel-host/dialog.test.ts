/**
 * The dialog API of the host's Office (createOfficeRuntime), as "Best practices and rules for the
 * Office dialog API" describes it: `Dialog.close()` is asynchronous, so a dialog opened at once
 * after closing one fails with 12007 ("this add-in already has an active dialog").
 */
import { createExcelHost, createOfficeRuntime } from "@planbook/excel-host";

type Result = { status: string; value?: { close(): void }; error?: { code: number } };

function open(office: typeof Office): Promise<Result> {
  return new Promise((resolve) => office.context.ui.displayDialogAsync("https://localhost:3000/dialog.html", {}, (result) => resolve(result as unknown as Result)));
}

describe("Office.context.ui on the host", () => {
  test("close() returns before the dialog has closed: opening another at once fails with 12007", async () => {
    // Office's close takes a while (200 ms here): long enough that a loaded machine's pause between
    // close() and the next call cannot finish it first, so the answer below is Office's, not the clock's.
    const office = createOfficeRuntime(createExcelHost(), { dialogCloseMs: 200 });
    const first = await open(office.office);
    first.value?.close();
    const second = await open(office.office);
    expect([first.status, second.status, second.error?.code, office.dialogs[0]?.closed]).toEqual(["succeeded", "failed", 12007, false]);
  });

  test("once the first has closed, another opens", async () => {
    const office = createOfficeRuntime(createExcelHost(), { dialogCloseMs: 5 });
    const first = await open(office.office);
    first.value?.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await open(office.office);
    expect([second.status, office.dialogs.map((dialog) => dialog.closed)]).toEqual(["succeeded", [true, false]]);
  });
});
