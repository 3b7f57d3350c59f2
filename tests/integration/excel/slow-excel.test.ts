import { createExcelHost } from "@planbook/excel-host";
import { generateTemplate } from "../../../src/excel/generate";
import { runWithRetry } from "../../../src/excel/run";
import { parsePeriod } from "../../../src/core/period";
import { currentRevision } from "../../support/plan";

const revision = currentRevision();
const generate = (context: Excel.RequestContext) => generateTemplate(context, { revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10") });

describe("a slow Excel that still completes every batch", () => {
  test("a generate still working past the time limit runs once: the person is told it is working, then gets the result", async () => {
    // Time is Jest's: every sync's delay and every time limit runs out when the test says, not on the clock.
    jest.useFakeTimers({ doNotFake: ["setImmediate", "nextTick", "queueMicrotask"] });
    try {
      // Each sync takes 60 ms; the time limit is 25 ms, so every sync outlasts it.
      const host = createExcelHost({ syncDelayMs: 60 });
      const retries: number[] = [];
      const progress: number[] = [];
      const running = runWithRetry(host.run.bind(host), generate, {
        timeoutMs: 25,
        retries: 2,
        onRetry: (attempt) => retries.push(attempt),
        onProgress: (seconds) => progress.push(seconds),
      });
      // Every timer runs, the later ones too: a retry or an abandoned attempt would have landed its sheet by then.
      await jest.runAllTimersAsync();
      const result = await running;
      expect(result.sheetName).toBe("杭州市 2026-10");
      expect(retries).toEqual([]);
      expect(progress.length).toBeGreaterThan(0);
      expect(host.sheetNames().filter((name) => name.startsWith("杭州市"))).toEqual(["杭州市 2026-10"]);
    } finally {
      jest.useRealTimers();
    }
  });
});
