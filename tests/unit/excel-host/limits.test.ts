import { createExcelHost } from "@planbook/excel-host";

/** Sync counting and Excel on the web's payload limits. */

describe("sync counting", () => {
  test("every context.sync() is counted, across runs", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    await host.run(async (context) => {
      await context.sync();
    });
    expect(host.stats.syncs).toBe(3);
  });

  test("the final sync Excel.run makes for left-over commands is counted", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    });
    expect(host.stats.syncs).toBe(1);
  });

  test("resetSyncs starts a new count", async () => {
    const host = createExcelHost();
    await host.run(async (context) => context.sync());
    host.stats.resetSyncs();
    await host.run(async (context) => context.sync());
    expect(host.stats.syncs).toBe(1);
  });

  test("the largest request of one sync is recorded in bytes", async () => {
    const host = createExcelHost();
    const text = "x".repeat(10_000);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10").values = Array.from({ length: 10 }, () => [text]);
      await context.sync();
    });
    expect(host.stats.maxRequestBytes).toBeGreaterThan(100_000);
  });

  test("a small request stays small in the estimate", async () => {
    const host = createExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(host.stats.maxRequestBytes).toBeLessThan(500);
  });
});

describe("payload limits", () => {
  test("a request over the limit is refused with RequestPayloadSizeLimitExceeded", async () => {
    const host = createExcelHost({ requestLimitBytes: 50_000 });
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["y".repeat(1_000)]);
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RichApi.Error", code: "RequestPayloadSizeLimitExceeded" });
  });

  test("nothing of a refused request is applied", async () => {
    const host = createExcelHost({ requestLimitBytes: 50_000 });
    await host
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("B1").values = [["small"]];
        sheet.getRange("A1:A100").values = Array.from({ length: 100 }, () => ["y".repeat(1_000)]);
        await context.sync();
      })
      .catch(() => undefined);
    expect(host.values("Sheet1", "B1")).toEqual([[""]]);
  });

  test("the same data written in chunks, one sync each, passes", async () => {
    const host = createExcelHost({ requestLimitBytes: 50_000 });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A40").values = Array.from({ length: 40 }, () => ["y".repeat(1_000)]);
      await context.sync();
      sheet.getRange("A41:A80").values = Array.from({ length: 40 }, () => ["y".repeat(1_000)]);
      await context.sync();
    });
    expect(host.values("Sheet1", "A80")[0]?.[0]).toHaveLength(1_000);
  });

  test("a response over the limit is refused with ResponsePayloadSizeLimitExceeded", async () => {
    const host = createExcelHost({ responseLimitBytes: 20_000 });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A10").values = Array.from({ length: 10 }, () => ["z".repeat(1_000)]);
      await context.sync();
    });
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10").load("values,text,formulas");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
