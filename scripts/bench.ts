/**
 * `npm run bench`: syncs, median time and peak memory for each workbook operation at 1×, 10×
 * and 100× the province's rows, and for merging 11 and 90 files, printed as one table a person can
 * compare run to run. Beside each merge, the same merge done without Planbook (plain ExcelJS
 * opening each file and adding up the same cells), timed in the same run, with the ratio.
 *
 * Office.js operations run against the in-memory Excel host (packages/excel-host), so syncs
 * and request sizes are counted exactly; times are this machine's, and the host's, not Excel's.
 *
 * Memory, per run: V8 garbage is collected first; "peak heap +MB" is the most JavaScript heap in
 * use during the run (read before every GC with v8.GCProfiler, and sampled) above what was in use
 * when it started; "peak RSS MB" is the whole process's resident high-water mark during the run
 * (Linux: reset through /proc/self/clear_refs before each run; elsewhere sampled), which also
 * counts file buffers outside the heap and what the process already held. The worst run is shown.
 *
 * BENCH_RUNS (default 3) runs per row; BENCH_LARGE_RUNS (default 1) for the 100× merges, which
 * take 20–30 s a run on a 2-core machine. The "runs" column says which is which. An operation
 * that fails (e.g. a sync past Excel on the web's payload limit) is listed as FAILED with its error.
 */
import { spawn, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import v8 from "v8";
import vm from "vm";
import ExcelJS from "exceljs";
import { createExcelHost } from "@planbook/excel-host";
import { scaledRevision, specSnapshot } from "./workloads";
import { loadSeed } from "../src/cli/io";
import { formatPeriod, nextPeriod, parsePeriod } from "../src/core/period";
import { startLiveChecking } from "../src/excel/live";
import { generateTemplate } from "../src/excel/generate";
import { runAudit } from "../src/excel/audit";
import { mergeWorkbooks } from "../src/excel/merge";
import { readMergeFiles } from "../src/xlsx/merge-files";
import { checkWorkbook, median } from "../src/core/checks";
import { buildSummary, canMerge, type MergeInputFile } from "../src/core/merge";
import { buildTemplate, COLUMN, EMPTY_META, metaRows, metaSheetSpec, MILESTONE_STATUSES, withSheetRecords } from "../src/core/template";
import { columnLetter, type WorkbookSnapshot } from "../src/core/snapshot";
import type { PlanRevision } from "../src/core/plan";
import { beforeFirst, required } from "../src/core/shared";
import { writeTemplateFile } from "../src/xlsx/render";
import { REQUEST_BUDGET_BYTES } from "../src/excel/render";
import { RESPONSE_BUDGET_BYTES } from "../src/excel/workbook";

const PERIOD = "2026-10";

function runsFrom(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of runs, at least 1 (got "${process.env[name]}")`);
  return value;
}
const RUNS = runsFrom("BENCH_RUNS", 3);
const LARGE_RUNS = Math.min(RUNS, runsFrom("BENCH_LARGE_RUNS", 1));
/** BENCH_ONLY=processes: only the whole-process comparison (a few minutes instead of twenty); BENCH_ONLY=live: only live checking's cost per keystroke. */
const PROCESSES_ONLY = process.env.BENCH_ONLY === "processes";
const LIVE_ONLY = process.env.BENCH_ONLY === "live";

/** `global.gc`, exposed at run time when node was not started with --expose-gc (`tsx` is not). */
function exposeGc(): () => void {
  const gc = global.gc;
  if (typeof gc === "function") return () => void gc();
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}
const gc = exposeGc();

/** Linux resets a process's resident high-water mark (VmHWM) when "5" is written to clear_refs. */
function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}
function peakRssSinceReset(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
const EXACT_RSS = resetPeakRss() && peakRssSinceReset() !== null;

/** What one run of an operation reports besides its time. */
interface RunReport {
  syncs?: number;
  /** The largest request one sync sent, and the largest response it got (bytes). */
  requestBytes?: number;
  responseBytes?: number;
}

interface Measured {
  runs: number;
  syncs: string;
  medianMs: number;
  heapMb: number;
  rssMb: number;
  /** Largest request / response of one sync, MB (Excel on the web refuses either past 5 MB). */
  payloadMb: string;
}

const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
const report = (request: number, response: number): string =>
  request || response ? `${(request / 1024 / 1024).toFixed(2)} / ${(response / 1024 / 1024).toFixed(2)}` : "—";

/**
 * Runs `run` `runs` times, each after an untimed `setup` and a full garbage collection; the median
 * time, the syncs (all runs must agree), and the worst run's peak heap and RSS.
 */
async function measure<S>(runs: number, setup: () => S | Promise<S>, run: (state: S) => Promise<RunReport | void>): Promise<Measured> {
  const times: number[] = [];
  const syncs = new Set<number>();
  let requestBytes = 0;
  let responseBytes = 0;
  let heapPeak = 0;
  let rssPeak = 0;
  for (let i = 0; i < runs; i++) {
    const state = await setup();
    gc();
    gc();
    const heapStart = process.memoryUsage().heapUsed;
    resetPeakRss();
    let heap = heapStart;
    let rss = process.memoryUsage().rss;
    // Catches peaks while the operation awaits; the GC profiler catches them inside synchronous work.
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      heap = Math.max(heap, usage.heapUsed);
      rss = Math.max(rss, usage.rss);
    }, 5);
    const profiler = new v8.GCProfiler();
    profiler.start();
    const start = performance.now();
    const ran = (await run(state)) ?? {};
    times.push(performance.now() - start);
    const gcs = profiler.stop();
    clearInterval(sampler);
    const end = process.memoryUsage();
    heap = Math.max(heap, end.heapUsed, ...(gcs?.statistics ?? []).map((s) => s.beforeGC.heapStatistics.usedHeapSize));
    rss = Math.max(rss, end.rss, (EXACT_RSS ? peakRssSinceReset() : null) ?? 0);
    heapPeak = Math.max(heapPeak, heap - heapStart);
    rssPeak = Math.max(rssPeak, rss);
    if (ran.syncs !== undefined) syncs.add(ran.syncs);
    requestBytes = Math.max(requestBytes, ran.requestBytes ?? 0);
    responseBytes = Math.max(responseBytes, ran.responseBytes ?? 0);
  }
  const medianMs = median(times);
  return {
    runs,
    syncs: syncs.size === 0 ? "—" : [...syncs].sort((a, b) => a - b).join("–"),
    medianMs: Math.round(medianMs),
    heapMb: mb(heapPeak),
    rssMb: mb(rssPeak),
    payloadMb: report(requestBytes, responseBytes),
  };
}

/** What one whole-process run took: wall time, the process's peak resident memory, its exit status and output. */
interface ProcessRun {
  ms: number;
  /** Null where /proc is not there to read a child's high-water mark (VmHWM). */
  peakRssBytes: number | null;
  /** User + system CPU seconds, from /proc (null elsewhere): on a busy machine, what the run cost, whatever it waited. */
  cpuSeconds: number | null;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The child's resident high-water mark so far, from /proc (Linux); it only grows, so the last read before exit is its peak. */
function childPeakRss(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ): 100 on Linux everywhere in practice. */
const USER_HZ = 100;

/** The child's user + system CPU seconds so far, from /proc (Linux). */
function childCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return null;
  }
}

/** Runs a command as a user would, timing the whole process and sampling its peak RSS every few milliseconds. */
function runProcess(command: string, args: string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let peak: number | null = null;
    let cpu: number | null = null;
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const sample = (): void => {
      const now = child.pid === undefined ? null : childPeakRss(child.pid);
      if (now !== null) peak = Math.max(peak ?? 0, now);
      const used = child.pid === undefined ? null : childCpuSeconds(child.pid);
      if (used !== null) cpu = Math.max(cpu ?? 0, used);
    };
    const sampler = setInterval(sample, 2);
    child.on("error", (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on("exit", (status) => {
      clearInterval(sampler);
      resolve({ ms: performance.now() - start, peakRssBytes: peak, cpuSeconds: cpu, status, stdout, stderr });
    });
  });
}

/** A program that completed a benchmark run: the median time and the worst peak RSS of `runs` runs. */
interface ProcessMeasured {
  medianMs: number;
  peakRssMb: number | null;
  /** Median CPU seconds (user + system), null where /proc is not there. */
  cpuSeconds: number | null;
}

async function measureProcess(runs: number, command: string, args: string[], cwd: string, ok: (run: ProcessRun) => boolean): Promise<ProcessMeasured> {
  const times: number[] = [];
  const cpu: number[] = [];
  let peak: number | null = null;
  for (let i = 0; i < runs; i++) {
    const run = await runProcess(command, args, cwd);
    if (run.cpuSeconds !== null) cpu.push(run.cpuSeconds);
    if (!ok(run)) throw new Error(`${path.basename(command)} ${args.slice(0, 2).join(" ")} … exited ${run.status}: ${run.stderr.trim().split("\n").slice(-3).join(" ")}`);
    times.push(run.ms);
    if (run.peakRssBytes !== null) peak = Math.max(peak ?? 0, run.peakRssBytes);
  }
  return { medianMs: Math.round(median(times)), peakRssMb: peak === null ? null : mb(peak), cpuSeconds: cpu.length === runs ? median(cpu) : null };
}

/** The machine's load average over the last minute. */
function loadAverage(): number {
  const [lastMinute = NaN] = os.loadavg();
  return lastMinute;
}

/** A Python that has openpyxl (the clerk's script needs it), or why there is none. */
function pythonWithOpenpyxl(): { python: string } | { skipped: string } {
  for (const python of [process.env.BENCH_PYTHON, "python3", "/usr/bin/python3"].filter((p): p is string => !!p)) {
    const probe = spawnSync(python, ["-c", "import openpyxl; print(openpyxl.__version__)"], { encoding: "utf8" });
    if (probe.status === 0) return { python: `${python} (openpyxl ${probe.stdout.trim()})` };
  }
  return { skipped: "skipped: no python3 with openpyxl (apt-get install python3-openpyxl, or set BENCH_PYTHON)" };
}

/** Rows of the whole-process comparison: one per program per case. */
const processRows: { program: string; size: string; runs: number; measured: ProcessMeasured | string; ratio?: string }[] = [];
const ROOT = path.join(__dirname, "..");
const PLANBOOK = path.join(ROOT, "bin", "planbook.js");

type ExcelHost = ReturnType<typeof createExcelHost>;
const hostReport = (host: ExcelHost): RunReport => ({
  syncs: host.stats.syncs,
  requestBytes: host.stats.maxRequestBytes,
  responseBytes: host.stats.maxResponseBytes,
});

interface Row {
  operation: string;
  size: string;
  /** Null when the operation failed (see notes). */
  measured: Measured | null;
}

/** Office.js rows, by operation, for the note on syncs that grow with size. */
const officeRows = new Map<string, { size: string; syncs: string; payloadMb: string }[]>();
const rows: Row[] = [];
const notes: string[] = [];

function record(operation: string, size: string, measured: Measured): Measured {
  rows.push({ operation, size, measured });
  if (measured.syncs !== "—") officeRows.set(operation, [...(officeRows.get(operation) ?? []), { size, ...measured }]);
  return measured;
}

/** Measures, or records the failure (with the host's syncs and payloads when it has a host) instead of stopping the benchmark. */
async function attempt(
  operation: string,
  size: string,
  measuring: () => Promise<Measured>,
  hostOf: () => ExcelHost | undefined = () => undefined,
): Promise<Measured | null> {
  try {
    return record(operation, size, await measuring());
  } catch (error) {
    rows.push({ operation, size, measured: null });
    const code = (error as { code?: string }).code;
    const host = hostOf();
    const stats = host ? `, after ${host.stats.syncs} syncs, largest request / response ${report(host.stats.maxRequestBytes, host.stats.maxResponseBytes)} MB` : "";
    notes.push(`FAILED: ${operation}, ${size}: ${code ? `${code} — ` : ""}${(error as Error).message}${stats}`);
    return null;
  }
}

const progress = (text: string): void => {
  process.stderr.write(`bench: ${text}\n`);
};

async function main(): Promise<void> {
  const started = performance.now();
  const load = loadAverage();
  const revision = loadSeed().revision;
  const provinceRows = revision.quotas.filter((q) => q.region === null).length;
  const period = parsePeriod(PERIOD);
  const scaled = new Map([1, 10, 100, 305].map((times) => [times, scaledRevision(revision, times)]));
  const revisionOf = (times: number): PlanRevision => scaled.get(times) as PlanRevision;
  const rowsOf = (times: number): string => `${times}× = ${times * provinceRows} rows`;

  const keystrokes = PROCESSES_ONLY ? [] : await measureKeystrokes(revision, LIVE_ONLY ? [1, 12, 36] : [1, 36]);
  if (LIVE_ONLY) {
    printKeystrokes(keystrokes);
    return;
  }
  if (!PROCESSES_ONLY) {
    for (const times of [1, 10, 100]) {
      progress(`generate ${times}×`);
      const options = { revision: revisionOf(times), scope: { kind: "province" as const }, period };
      let last: ExcelHost | undefined;
      await attempt(
        "generate (Office.js, new sheet)",
        rowsOf(times),
        () =>
          measure(RUNS, createExcelHost, async (host) => {
            last = host;
            await host.run((context) => generateTemplate(context, options));
            return hostReport(host);
          }),
        () => last,
      );
    }

    // Checks in the core, on a snapshot with every input typed; 305× is about 100,000 input cells.
    for (const times of [1, 10, 100, 305]) {
      progress(`check (core) ${times}×`);
      const snapshot = filledSnapshot(revisionOf(times));
      const context = { revisions: [revisionOf(times)] };
      const size = times === 305 ? `${rowsOf(times)} (${times * provinceRows * 4} input cells)` : rowsOf(times);
      await attempt("check (core rules)", size, () => measure(RUNS, () => snapshot, async (state) => void checkWorkbook(state, context)));
    }

    // 校验 through Office.js on a generated province sheet. The sheet is generated once, untimed,
    // and checked once untimed (creating 审核结果); each timed run then refreshes the audit sheet,
    // as pressing 校验 again does.
    for (const times of [1, 10, 100]) {
      progress(`check (Office.js) ${times}×`);
      const options = { revisions: [revisionOf(times)] };
      const host = createExcelHost();
      await attempt(
        "check (Office.js, 校验 → 审核结果)",
        rowsOf(times),
        async () => {
          await host.run((context) => generateTemplate(context, { revision: revisionOf(times), scope: { kind: "province" }, period }));
          host.stats.resetSyncs();
          await host.run((context) => runAudit(context, options));
          return measure(
            RUNS,
            () => host.stats.resetSyncs(),
            async () => {
              await host.run((context) => runAudit(context, options));
              return hostReport(host);
            },
          );
        },
        () => host,
      );
    }
  }

  // Merging returned city files. Each city file holds the scaled province rows (Annex 1, shown
  // with 未分解 targets) and the city's own Annex 2 rows, with every input typed. 11 files are the
  // 11 cities; 90 files are the cities' files again (county-sized), of which the aggregator
  // chooses the first 11 (the other 79 are read and checked, then declined as duplicates).
  const regional = revision.quotas.filter((q) => q.region !== null);
  const cases = [
    { times: 1, count: 11 },
    { times: 1, count: 90 },
    { times: 10, count: 11 },
    { times: 100, count: 11 },
  ];
  let ownRows = 0;
  // The command as users run it: the bundle `npm ci` builds (built again here, so it is current).
  progress("planbook --help (whole process)");
  spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.js")], { stdio: "inherit" });
  const benchDir = mkdtempSync(path.join(os.tmpdir(), "planbook-bench-"));
  const clerk = pythonWithOpenpyxl();
  const helpRuns = Math.max(RUNS, 5);
  processRows.push({ program: "planbook --help", size: "—", runs: helpRuns, measured: await measureProcess(helpRuns, process.execPath, [PLANBOOK, "--help"], benchDir, (r) => r.status === 0) });
  processRows.push({ program: "npx planbook --help (npx finds the command first)", size: "—", runs: RUNS, measured: await measureProcess(RUNS, "npx", ["--offline", "planbook", "--help"], ROOT, (r) => r.status === 0) });
  for (const { times, count } of cases) {
    progress(`merge ${count} files at ${times}× (building the files)`);
    const mergeRevision: PlanRevision =
      times === 1 ? revision : { ...revisionOf(times), quotas: [...revisionOf(times).quotas, ...regional] };
    const cities: { name: string; data: Uint8Array }[] = [];
    for (const [i, city] of mergeRevision.cities.entries()) cities.push(await cityFile(mergeRevision, city, 100 + i));
    const files = Array.from({ length: count }, (_, i) => {
      const city = required(cities[i % cities.length], "a city file to repeat");
      return { name: `${i + 1}-${city.name}`, data: city.data };
    });
    const chosen = files.slice(0, mergeRevision.cities.length).map((f) => f.name);
    const perFile = mergeRevision.quotas.filter((q) => q.region === null || q.region === mergeRevision.cities[0]).length;
    ownRows = perFile - times * provinceRows;
    const size = `${count} files × ${perFile} rows (${times}×)`;
    const runs = times >= 100 ? LARGE_RUNS : RUNS;
    // The command has no aggregator to choose among repeats of a city (it would decline them all as
    // ambiguous), so past the 11 cities its files are the cities' returns for earlier months: read
    // and checked like the others, then declined as another period.
    const processFiles = [...files.slice(0, mergeRevision.cities.length)];
    for (let i = processFiles.length; i < count; i++) {
      const city = required(mergeRevision.cities[i % mergeRevision.cities.length], "a city to return an earlier month for");
      const month = 9 - Math.floor(i / mergeRevision.cities.length);
      const earlier = await cityFile(mergeRevision, city, 100 + (i % mergeRevision.cities.length), `2026-${String(month).padStart(2, "0")}`);
      processFiles.push({ name: `${i + 1}-${earlier.name}`, data: earlier.data });
    }
    await compareProcesses({ times, count, size, runs, files: processFiles, dir: path.join(benchDir, `${count}x${times}`), clerk });
    if (PROCESSES_ONLY) continue;

    progress(`merge ${count} files at ${times}× (core)`);
    let read: MergeInputFile[] = [];
    const ours = await measure(
      runs,
      () => undefined,
      async () => {
        read = await readMergeFiles(files);
        const plan = canMerge(read, { revision: mergeRevision, period: PERIOD, chosen });
        if (plan.accepted.length !== chosen.length) throw new Error(`merge accepted ${plan.accepted.length} of ${chosen.length} chosen files`);
        buildSummary(plan.accepted, { revision: mergeRevision, period: PERIOD, mergedAt: "" });
      },
    );
    record("merge: read + check + summary (core)", `${size}, ${((count / ours.medianMs) * 1000).toFixed(1)} files/s`, ours);

    progress(`merge ${count} files at ${times}× (plain ExcelJS)`);
    const typed = typedCells(mergeRevision);
    const expected = files.reduce((sum, _f, i) => sum + (100 + (i % cities.length)) * typed.counts + 0.6 * typed.ratios, 0);
    const plain = await measure(runs, () => undefined, async () => {
      const total = await plainSum(files.map((f) => f.data));
      if (Math.abs(total - expected) > 1e-6 * expected) throw new Error(`plain merge summed ${total}, expected ${expected}`);
    });
    record("merge without Planbook (ExcelJS, sum cells)", `${size}, ours ÷ plain = ${(ours.medianMs / plain.medianMs).toFixed(1)}×`, plain);

    // As the task pane does: files are read when picked, then 汇总 checks them again (once for the
    // aggregator's choice, once to carry it out) and writes 汇总, 来源 and the charts.
    progress(`merge ${count} files at ${times}× (Office.js)`);
    const snapshots = read.map((f) => ({ name: f.name, snapshot: f.snapshot, readProblem: f.readProblem }));
    let last: ExcelHost | undefined;
    await attempt(
      "merge (Office.js: check + 汇总 + 来源 + charts)",
      size,
      () =>
        measure(runs, createExcelHost, async (host) => {
          last = host;
          const result = await host.run((context) =>
            mergeWorkbooks(context, { revision: mergeRevision, period: PERIOD, files: snapshots, decide: () => chosen }),
          );
          if (!result.written || result.plan.accepted.length !== chosen.length) throw new Error("the Office.js merge wrote nothing");
          return hostReport(host);
        }),
      () => last,
    );
  }

  rmSync(benchDir, { recursive: true, force: true });

  const header = ["operation", "rows or files", "runs", "syncs", "max req / resp MB", "median ms", "peak heap +MB", "peak RSS MB"];
  const table = rows.map(({ operation, size, measured: m }) =>
    m
      ? [operation, size, String(m.runs), m.syncs, m.payloadMb, String(m.medianMs), m.heapMb.toFixed(1), m.rssMb.toFixed(1)]
      : [operation, size, "—", "—", "—", "FAILED", "—", "—"],
  );
  const right = new Set([2, 3, 4, 5, 6, 7]);
  const width = (text: string): number => [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...table.map((r) => width(r[i] ?? ""))));
  const pad = (text: string, i: number): string => {
    const fill = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(text)));
    return right.has(i) ? fill + text : text + fill;
  };
  const line = (cells: string[]): string => cells.map(pad).join("  ").trimEnd();
  console.log(`Planbook benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} CPUs, load ${load.toFixed(1)} at start, ${loadAverage().toFixed(1)} at end — median of ${RUNS} runs per row (100× merges: ${LARGE_RUNS})`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of table) console.log(line(r));
  console.log("");
  console.log(`rows: the province's ${provinceRows} Annex 1 quota rows, repeated N×; a city file in a merge also has its own ${ownRows} Annex 2 rows.`);
  console.log("merge (Office.js) gets the files already read, as the task pane does (it reads them when they are picked); ours ÷ plain uses merge (core).");
  console.log("syncs, max req / resp: the in-memory Excel host's count and largest request / response of one sync (Excel on the web refuses > 5 MB).");
  console.log(
    `peak heap: most V8 heap in use during a run, above its start after a full GC; peak RSS: the process's ${
      EXACT_RSS ? "resident high-water mark during the run (reset per run)" : "largest sampled resident size during the run"
    }. Worst run shown.`,
  );
  for (const [operation, entries] of officeRows) {
    if (new Set(entries.map((e) => e.syncs)).size < 2) continue;
    notes.push(
      `NOTE: syncs of "${operation}" grow with bytes: ${entries.map((e) => `${e.size} → ${e.syncs} (max req / resp ${e.payloadMb} MB)`).join("; ")}` +
        ` — writes are split at the ${REQUEST_BUDGET_BYTES / 1024 / 1024} MB request budget (src/excel/render.ts), reads at the` +
        ` ${RESPONSE_BUDGET_BYTES / 1024 / 1024} MB response budget (src/excel/workbook.ts); never one sync per row.`,
    );
  }
  console.log("");
  printProcessTable(clerk);
  printKeystrokes(keystrokes);
  for (const note of notes) console.log(note);
  console.log(`total ${Math.round((performance.now() - started) / 1000)} s`);
}

/**
 * The same merge by three whole programs, each started as a person starts it, files read from
 * disk: `planbook merge` (the built command), a bare ExcelJS read of the same files
 * (scripts/exceljs-read.js), and a clerk's openpyxl script (scripts/openpyxl-merge.py) when
 * Python has openpyxl.
 */
async function compareProcesses(options: {
  times: number;
  count: number;
  size: string;
  runs: number;
  files: { name: string; data: Uint8Array }[];
  dir: string;
  clerk: { python: string } | { skipped: string };
}): Promise<void> {
  const { times, count, size, runs, dir, clerk } = options;
  mkdirSync(dir, { recursive: true });
  const paths = options.files.map((file) => {
    const filePath = path.join(dir, `${file.name}.xlsx`.replace(/\.xlsx\.xlsx$/, ".xlsx"));
    writeFileSync(filePath, file.data);
    return filePath;
  });
  // Files of a scaled plan (10×, 100×) are not of the built-in plan the command knows: it reads and checks each, then declines them all (exit 2, no summary written).
  const scaled = times > 1;
  const label = `${size}${scaled ? ", all declined: not the built-in plan" : count > 11 ? `, ${count - 11} declined: earlier months` : ""}`;
  progress(`merge ${count} files at ${times}× (whole processes)`);
  const planbook = await attemptProcess("planbook merge (CLI, whole process)", label, runs, process.execPath, [PLANBOOK, "merge", "--json", "--period", PERIOD, "--out", path.join(dir, "summary.xlsx"), ...paths], dir, (r) => r.status === 0 || r.status === 1 || (scaled && r.status === 2));
  await attemptProcess("ExcelJS read, bare (whole process)", size, runs, process.execPath, [path.join(ROOT, "scripts", "exceljs-read.js"), ...paths], dir, (r) => r.status === 0);
  if ("skipped" in clerk) {
    processRows.push({ program: "openpyxl read-only script (whole process)", size, runs: 0, measured: clerk.skipped });
    return;
  }
  const python = beforeFirst(clerk.python, " ");
  const script = [path.join(ROOT, "scripts", "openpyxl-merge.py"), path.join(dir, "clerk.xlsx"), ...paths];
  const openpyxl = await attemptProcess("openpyxl read-only script (whole process)", size, runs, python, script, dir, (r) => r.status === 0);
  if (planbook && openpyxl) {
    const cpu = planbook.cpuSeconds !== null && openpyxl.cpuSeconds ? ` (CPU ${(planbook.cpuSeconds / openpyxl.cpuSeconds).toFixed(2)})` : "";
    // attemptProcess has just added openpyxl's row.
    const openpyxlRow = required(processRows.at(-1), "the openpyxl row");
    openpyxlRow.ratio = `${(planbook.medianMs / openpyxl.medianMs).toFixed(2)}${cpu}`;
  }
}

async function attemptProcess(program: string, size: string, runs: number, command: string, args: string[], cwd: string, ok: (run: ProcessRun) => boolean): Promise<ProcessMeasured | null> {
  try {
    const measured = await measureProcess(runs, command, args, cwd, ok);
    processRows.push({ program, size, runs, measured });
    return measured;
  } catch (error) {
    processRows.push({ program, size, runs, measured: `FAILED: ${(error as Error).message}` });
    return null;
  }
}

function printProcessTable(clerk: { python: string } | { skipped: string }): void {
  console.log(`Whole processes, as a person runs them (node ${process.version}; ${"python" in clerk ? clerk.python : clerk.skipped}):`);
  const header = ["program", "files", "runs", "median ms", "CPU s", "peak RSS MB", "planbook ÷ openpyxl"];
  const table = processRows.map((r) =>
    typeof r.measured === "string"
      ? [r.program, r.size, String(r.runs), r.measured, "", "", ""]
      : [
          r.program,
          r.size,
          String(r.runs),
          String(r.measured.medianMs),
          r.measured.cpuSeconds === null ? "—" : r.measured.cpuSeconds.toFixed(2),
          r.measured.peakRssMb === null ? "—" : r.measured.peakRssMb.toFixed(1),
          r.ratio ?? "",
        ],
  );
  const width = (text: string): number => [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...table.map((row) => (typeof processRows[0] === "undefined" || i !== 3 || /^\d/.test(row[3] ?? "") ? width(row[i] ?? "") : 0))));
  const line = (cells: string[]): string => cells.map((c, i) => (i >= 2 && /^[\d.—]*$/.test(c) ? " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c))) + c : c + " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c))))).join("  ").trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table) console.log(line(row));
  console.log(
    "CPU s: user + system seconds (/proc, 10 ms ticks), what a run cost whatever it waited for on a busy machine; peak RSS: each process's resident high-water mark (VmHWM); both sampled every 2 ms until it exits. planbook ÷ openpyxl: median times, below 1 is faster.",
  );
}

/** A generated sheet as a snapshot with every input typed (formula cells read as blank). */
function filledSnapshot(revision: PlanRevision): WorkbookSnapshot {
  const built = buildTemplate({ revision, scope: { kind: "province" }, period: parsePeriod(PERIOD), generatedAt: "" });
  for (const record of built.rowRecords) {
    const row = required(built.sheet.cells[record.row - 1], `row ${record.row} of the built sheet`);
    row[COLUMN.period] = { value: 1 };
    row[COLUMN.cumulative] = { value: 5 };
    row[COLUMN.note] = { value: "" };
  }
  const meta = metaSheetSpec(metaRows(withSheetRecords(EMPTY_META, built.sheetRecord, built.rowRecords)), null);
  return { sheets: [specSnapshot(built.sheet), specSnapshot(meta)] };
}

/** How many count and ratio quotas a city file of the revision has (each with a 累计完成 figure, see cityFile). */
function typedCells(revision: PlanRevision): { counts: number; ratios: number } {
  const own = revision.quotas.filter((q) => q.region === null || q.region === revision.cities[0]);
  return { counts: own.filter((q) => q.kind !== "milestone" && q.kind !== "ratio").length, ratios: own.filter((q) => q.kind === "ratio").length };
}

/**
 * A returned city file with every input typed as an official would: counts get `figure` as the
 * cumulative actual and 1 for the period, ratios 60%, milestones 推进中.
 */
async function cityFile(revision: PlanRevision, city: string, figure: number, period = PERIOD): Promise<{ name: string; data: Uint8Array }> {
  const built = buildTemplate({ revision, scope: { kind: "city", city }, period: parsePeriod(period), generatedAt: "" });
  const quotas = new Map(revision.quotas.map((q) => [q.id, q]));
  for (const record of built.rowRecords) {
    const kind = quotas.get(record.quotaId)?.kind;
    const row = required(built.sheet.cells[record.row - 1], `row ${record.row} of the built sheet`);
    if (kind === "milestone") row[COLUMN.status] = { value: MILESTONE_STATUSES[1] };
    else if (kind === "ratio") row[COLUMN.cumulative] = { value: 0.6 };
    else {
      row[COLUMN.cumulative] = { value: figure };
      row[COLUMN.period] = { value: 1 };
    }
  }
  return { name: `${city}.xlsx`, data: await writeTemplateFile(built) };
}

/** What an office does without Planbook: open each file with ExcelJS and add up the 累计完成 column. */
async function plainSum(files: Uint8Array[]): Promise<number> {
  let total = 0;
  for (const data of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    workbook.worksheets[0]?.eachRow((row) => {
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

interface KeystrokeCost {
  sheets: number;
  metaRows: number;
  start: { syncs: number; responseBytes: number };
  keystroke: { syncs: number; requestBytes: number; responseBytes: number };
  /** Writing what the typing kept to 修改记录 (writeLog): off the typing path. */
  log: { syncs: number; requestBytes: number };
}

/**
 * Live checking's cost per typed cell in a city workbook of `sheets` monthly report sheets (the
 * metadata sheet grows with them): what starting costs once, what one typed cell then costs —
 * syncs and bytes both ways, all of them — and what writing the change log costs when it is
 * written. Figures from the in-memory host's counters; the same whatever the machine.
 */
async function measureKeystrokes(revision: PlanRevision, counts: number[]): Promise<KeystrokeCost[]> {
  const costs: KeystrokeCost[] = [];
  const city = "杭州市";
  for (const sheets of counts) {
    progress(`live checking, ${sheets} monthly sheets`);
    const host = createExcelHost();
    let period = parsePeriod(`${revision.startYear}-01`);
    let last = "";
    for (let i = 0; i < sheets; i++) {
      await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city }, period }));
      last = `${city} ${formatPeriod(period)}`;
      period = nextPeriod(period);
    }
    host.stats.resetSyncs();
    const live = await startLiveChecking(host.run.bind(host), { revisions: [revision], onFindings: () => undefined, onError: (error) => { throw error; } });
    const start = { syncs: host.stats.syncs, responseBytes: host.stats.responseBytes };
    const ids = host.values(last, "A1:A400").map((line) => line[0]);
    const row = ids.findIndex((id) => typeof id === "string" && id.startsWith("I08-")) + 1;
    host.stats.resetSyncs();
    await host.userEdit(last, `${columnLetter(COLUMN.cumulative)}${row}`, [[100]]);
    await host.settled();
    await live.idle();
    const keystroke = { syncs: host.stats.syncs, requestBytes: host.stats.requestBytes, responseBytes: host.stats.responseBytes };
    host.stats.resetSyncs();
    await live.writeLog();
    costs.push({ sheets, metaRows: host.values("_planbook", "A1:A20000").filter((line) => line[0] !== "").length, start, keystroke, log: { syncs: host.stats.syncs, requestBytes: host.stats.requestBytes } });
    await live.stop();
  }
  return costs;
}

function printKeystrokes(costs: KeystrokeCost[]): void {
  if (costs.length === 0) return;
  const kb = (bytes: number): string => (bytes < 10_240 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);
  console.log("");
  console.log("Live checking, one typed cell in a city workbook of N monthly sheets (in-memory host counters; bytes are JSON, both ways, all syncs):");
  const header = ["sheets", "_planbook rows", "start: syncs", "start: read", "keystroke: syncs", "keystroke: sent", "keystroke: read", "修改记录 write: syncs", "sent"];
  const table = costs.map((c) => [String(c.sheets), String(c.metaRows), String(c.start.syncs), kb(c.start.responseBytes), String(c.keystroke.syncs), kb(c.keystroke.requestBytes), kb(c.keystroke.responseBytes), String(c.log.syncs), kb(c.log.requestBytes)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join("  ");
  console.log(line(header));
  for (const r of table) console.log(line(r));
  console.log("Before this measurement's change (issue 27) one typed cell in the 36-sheet workbook read the whole _planbook sheet and its own: 3 syncs, about 288 KB; now the start reads the workbook once, and a keystroke reads only the cell it changed, writing nothing (the log is written off the typing path).");
}
