/**
 * `npm run bench`: syncs, median time and peak memory for each workbook operation at 1×, 10×
 * and 100× the province's rows, printed as one table a person can compare run to run.
 * Runs against the in-memory Excel host, so syncs are counted exactly; times are this machine's.
 */
import { createExcelHost } from "../tests/support/excel-host";
import { currentRevision, scaledRevision } from "../tests/support/plan";
import { parsePeriod } from "../src/core/period";
import { generateTemplate } from "../src/excel/generate";
import { runAudit } from "../src/excel/audit";
import { mergeWorkbooks, readMergeFiles } from "../src/excel/merge";
import { checkWorkbook } from "../src/core/checks/check";
import { canMerge } from "../src/core/merge/merge";
import { buildSummary } from "../src/core/merge/summary";
import { buildTemplate, metaSheetSpec } from "../src/core/template/build";
import { COLUMN } from "../src/core/template/columns";
import { EMPTY_META, metaRows, withSheetRecords } from "../src/core/template/meta";
import type { WorkbookSnapshot } from "../src/core/snapshot";
import { specSnapshot } from "../tests/unit/merge/fixture";
import type { PlanRevision } from "../src/core/plan/types";
import { writeTemplateFile } from "../src/xlsx/render";
import ExcelJS from "exceljs";

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
  // Checks in the core: a workbook snapshot with ~100,000 input cells (4 per row).
  for (const times of [1, 10, 305]) {
    const snapshot = filledSnapshot(scaledRevision(revision, times));
    const inputs = (snapshot.sheets[0].values.length - 3) * 4;
    const result = await measure(async () => {
      checkWorkbook(snapshot, { revisions: [scaledRevision(revision, times)] });
      return "—";
    });
    rows.push({ operation: "check (core rules)", size: `${times}× ≈ ${inputs} input cells`, ...result });
  }
  for (const times of [1, 10]) {
    const scaled = scaledRevision(revision, times);
    const result = await measure(async () => {
      const host = createExcelHost();
      await host.run((context) => generateTemplate(context, { revision: scaled, scope: { kind: "province" }, period }));
      host.stats.resetSyncs();
      await host.run((context) => runAudit(context, { revisions: [scaled] }));
      return host.stats.syncs;
    });
    rows.push({ operation: "check (Office.js, 校验 + audit sheet)", size: `${times}× = ${times * provinceRows} rows`, ...result });
  }
  // Merging returned city files: 11 cities, and 90 county-sized files (the cities' files again).
  const cityFiles = await Promise.all(revision.cities.map((city, i) => cityFile(revision, city, 100 + i)));
  for (const count of [11, 90]) {
    const files = Array.from({ length: count }, (_, i) => ({ name: `${i}-${cityFiles[i % 11].name}`, data: cityFiles[i % 11].data }));
    const ours = await measure(async () => {
      const inputs = await readMergeFiles(files);
      const plan = canMerge(inputs, { revision, period: "2026-10", chosen: inputs.slice(0, 11).map((f) => f.name) });
      buildSummary(plan.accepted, { revision, period: "2026-10", mergedAt: "" });
      return "—";
    });
    rows.push({ operation: "merge: read + check + summary (core)", size: `${count} files (${Math.round((count / ours.medianMs) * 1000)} files/s)`, ...ours });
    const plain = await measure(async () => {
      await plainSum(files.map((f) => f.data));
      return "—";
    });
    rows.push({ operation: "merge without Planbook (ExcelJS, sum cells)", size: `${count} files (ours ÷ plain = ${(ours.medianMs / plain.medianMs).toFixed(1)}×)`, ...plain });
  }
  const mergeSyncs = await measure(async () => {
    const host = createExcelHost();
    await host.run((context) => mergeWorkbooks(context, { revision, period: "2026-10", files: cityFiles }));
    return host.stats.syncs;
  });
  rows.push({ operation: "merge (Office.js, 汇总 + 来源 + charts)", size: "11 files", ...mergeSyncs });

  const header = ["operation", "rows or files", "syncs", "median ms", "peak heap MB"];
  const table = rows.map((r) => [r.operation, r.size, String(r.syncs), String(r.medianMs), String(r.peakMb)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(`Planbook benchmark — ${new Date().toISOString()} — node ${process.version}, ${RUNS} runs each (median)`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of table) console.log(line(r));
}

/** A generated sheet as a snapshot with every input typed (formula cells read as blank). */
function filledSnapshot(revision: PlanRevision): WorkbookSnapshot {
  const built = buildTemplate({ revision, scope: { kind: "province" }, period: parsePeriod("2026-10"), generatedAt: "" });
  for (const record of built.rowRecords) {
    const row = built.sheet.cells[record.row - 1];
    row[COLUMN.period] = { value: 1 };
    row[COLUMN.cumulative] = { value: 5 };
    row[COLUMN.note] = { value: "" };
  }
  const meta = metaSheetSpec(metaRows(withSheetRecords(EMPTY_META, built.sheetRecord, built.rowRecords)), null);
  return { sheets: [specSnapshot(built.sheet), specSnapshot(meta)] };
}

/** A returned city file with a figure typed in each of its Annex 2 quotas. */
async function cityFile(revision: PlanRevision, city: string, figure: number): Promise<{ name: string; data: Uint8Array }> {
  const built = buildTemplate({ revision, scope: { kind: "city", city }, period: parsePeriod("2026-10"), generatedAt: "" });
  for (const record of built.rowRecords.filter((r) => r.quotaId.endsWith(city))) {
    built.sheet.cells[record.row - 1][COLUMN.cumulative] = { value: figure };
  }
  return { name: `${city}.xlsx`, data: await writeTemplateFile(built) };
}

/** What an office does without Planbook: open each file with ExcelJS and add up the 累计完成 column. */
async function plainSum(files: Uint8Array[]): Promise<number> {
  let total = 0;
  for (const data of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    workbook.worksheets[0].eachRow((row) => {
      const value = row.getCell(COLUMN.cumulative + 1).value;
      if (typeof value === "number") total += value;
    });
  }
  return total;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
