/**
 * `npm run bench`: syncs, median time and peak memory for each workbook operation at 1×, 10×
 * and 100× the province's rows, printed as one table a person can compare run to run.
 * Runs against the in-memory Excel host, so syncs are counted exactly; times are this machine's.
 */
import { createExcelHost } from "../tests/support/excel-host";
import { currentRevision, scaledRevision } from "../tests/support/plan";
import { parsePeriod } from "../src/core/period";
import { generateTemplate } from "../src/excel/generate";

interface Row {
  operation: string;
  size: string;
  syncs: number | string;
  medianMs: number;
  peakMb: number;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Runs `fn` RUNS times; the median time, and the peak heap seen while it ran. */
async function measure(fn: () => Promise<number | string>): Promise<{ syncs: number | string; medianMs: number; peakMb: number }> {
  const times: number[] = [];
  let syncs: number | string = 0;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  for (let i = 0; i < RUNS; i++) {
    global.gc?.();
    const start = performance.now();
    syncs = await fn();
    times.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  return { syncs, medianMs: Math.round(times[Math.floor(times.length / 2)]), peakMb: Math.round(peak / 1e5) / 10 };
}

async function main(): Promise<void> {
  const revision = currentRevision();
  const provinceRows = revision.quotas.filter((q) => q.region === null).length;
  const period = parsePeriod("2026-10");
  const rows: Row[] = [];
  for (const times of [1, 10, 100]) {
    const scaled = scaledRevision(revision, times);
    const result = await measure(async () => {
      const host = createExcelHost();
      await host.run((context) => generateTemplate(context, { revision: scaled, scope: { kind: "province" }, period }));
      return host.stats.syncs;
    });
    rows.push({ operation: "generate (Office.js, new sheet)", size: `${times}× = ${times * provinceRows} rows`, ...result });
  }
  const header = ["operation", "rows or files", "syncs", "median ms", "peak heap MB"];
  const table = rows.map((r) => [r.operation, r.size, String(r.syncs), String(r.medianMs), String(r.peakMb)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(`Planbook benchmark — ${new Date().toISOString()} — node ${process.version}, ${RUNS} runs each (median)`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of table) console.log(line(r));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
