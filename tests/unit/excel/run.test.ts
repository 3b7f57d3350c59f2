import { describeError, missingRequirements, runWithRetry, type WorkbookRunner } from "../../../src/excel/run";
import { OperationTimeoutError } from "../../../src/excel/errors";

const context = {} as Excel.RequestContext;

/** A runner whose first `hangs` calls never answer, like Excel on the web loading a heavy file. */
function runnerThatHangs(hangs: number): { runner: WorkbookRunner; calls: () => number } {
  let calls = 0;
  const runner = (<T>(batch: (c: Excel.RequestContext) => Promise<T>): Promise<T> => {
    calls++;
    return calls <= hangs ? new Promise<T>(() => undefined) : batch(context);
  }) as WorkbookRunner;
  return { runner, calls: () => calls };
}

describe("running an operation", () => {
  test("a hanging sync is retried and the retry is told to the user", async () => {
    const { runner, calls } = runnerThatHangs(1);
    const retries: number[] = [];
    const result = await runWithRetry(runner, async () => "done", { timeoutMs: 20, retries: 2, onRetry: (n) => retries.push(n) });
    expect(result).toBe("done");
    expect(calls()).toBe(2);
    expect(retries).toEqual([1]);
  });

  test("after the last retry the timeout reaches the caller", async () => {
    const { runner } = runnerThatHangs(5);
    await expect(runWithRetry(runner, async () => "done", { timeoutMs: 10, retries: 1 })).rejects.toBeInstanceOf(OperationTimeoutError);
  });

  test("an error Excel reports is not retried", async () => {
    const { runner, calls } = runnerThatHangs(0);
    const failure = Object.assign(new Error("locked"), { code: "AccessDenied" });
    await expect(runWithRetry(runner, async () => Promise.reject(failure), { timeoutMs: 50, retries: 3 })).rejects.toBe(failure);
    expect(calls()).toBe(1);
  });
});

describe("messages for errors", () => {
  test("an Office error code becomes a bilingual message", () => {
    expect(describeError({ code: "AccessDenied", message: "x" })).toMatch(/^工作表受保护.*protected/);
  });

  test("an unknown error keeps its own text", () => {
    expect(describeError(new Error("boom"))).toBe("boom");
  });

  test("missing requirement sets are named, the ribbon's dialog among them", () => {
    expect(missingRequirements((name) => name !== "DialogApi")).toEqual([
      "功能区「校验」的结果对话框（结果仍写在「审核结果」表第一行）/ the ribbon's result dialog (the result is still in the first row of the 审核结果 sheet): 需要 DialogApi 1.1 / needs DialogApi 1.1",
    ]);
  });

  test("missing ExcelApi sets are named", () => {
    expect(missingRequirements((name, version) => name !== "ExcelApi" || version !== "1.9")).toEqual([
      "生成模板 / generating templates (protection, validation, print titles): 需要 ExcelApi 1.9 / needs ExcelApi 1.9",
      "录入校验 / live checking (worksheets.onChanged): 需要 ExcelApi 1.9 / needs ExcelApi 1.9",
    ]);
  });
});
