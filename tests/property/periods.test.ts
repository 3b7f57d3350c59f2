/**
 * Property: periods follow each other on real files. For 2026-01 … 2026-06, 杭州市, 宁波市 and the
 * province each make their period's file from the last one returned (`planbook template --from`,
 * run in-process), fill it at random with another program (ExcelJS) — running totals that grow,
 * 本期 typed as 累计 − 上期累计 or now and then not, ratios as their two figures, milestones that
 * move on — and one figure somewhere is planted lower than the period before, in a file made from
 * the last one or made afresh. Then:
 * - 上期累计 is always the previous file's 累计完成;
 * - every 本期 that is not 累计 − 上期累计 is reported (period-not-difference), and none that is;
 * - the planted fall is an error at its cell, found across the files (cumulative-fell);
 * - the cities' files merged with `planbook merge --history` give a 进度 sheet whose province total
 *   and city figures per quota and period are each period's own `planbook merge` (a ratio's total
 *   is the sum of numerators over the sum of denominators), and whose 状态 LibreOffice computes as
 *   the in-memory host's engine does.
 *
 * A run writes and reads some forty files: a few runs share one draw (`FC_SEED=<seed>` replays it).
 */
import { mkdirSync, mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { checkAgainstPrevious, checkWorkbook } from "../../src/core/checks";
import type { Finding } from "../../src/core/findings";
import { readSummaryState } from "../../src/core/merge";
import { parsePeriod, stageAt } from "../../src/core/period";
import { isCountUnit, parseScope, pathInScope, type Quota } from "../../src/core/plan";
import { type ReportSheet, type WorkbookSnapshot } from "../../src/core/snapshot";
import { asLiteralText, type CellValue, KIND_LABELS, MILESTONE_STATUSES, parsePartId, partId, type PartKey, partsOf } from "../../src/core/template";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/xlsx/read";
import { fill } from "../support/fill";
import { convertWithLibreOffice } from "../support/libreoffice";
import { currentRevision } from "../support/plan";
import { firstReport } from "../support/report";
import { gridRow, present } from "../support/present";

const revision = currentRevision();
const PERIODS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
const CITIES = ["杭州市", "宁波市"];
const SCOPES = [...CITIES.map((city) => `city:${city}`), "province"];
const RUNS = 2;
/** The run's seed (tests/support/fast-check-seed.js): `FC_SEED=<seed>` replays a failure. */
const seed = present(fc.readConfigureGlobal().seed, "the run's fast-check seed");
const quotas = new Map(revision.quotas.map((q) => [q.id, q]));

/** What is drawn for one run: per scope, period and row a draw of numbers the filling turns into figures; and the plants. */
interface Draw {
  /** A draw in [0, 1) per scope, period and row, turned into an increment, a share, a status. */
  noise: number[];
  /** Rows (by index into a file's rows) whose 本期 is typed off by this much, per scope and period. */
  wrongPeriods: { scope: number; period: number; row: number; by: number }[];
  /** The planted fall: its scope, period (after the first), row, by how much, and whether that file is made afresh. */
  fall: { scope: number; period: number; row: number; by: number; fresh: boolean };
}

const drawArbitrary: fc.Arbitrary<Draw> = fc.record({
  noise: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 4000, maxLength: 4000 }),
  wrongPeriods: fc.array(
    fc.record({ scope: fc.nat(SCOPES.length - 1), period: fc.integer({ min: 1, max: PERIODS.length - 1 }), row: fc.nat(200), by: fc.integer({ min: 1, max: 40 }) }),
    { minLength: 1, maxLength: 6 },
  ),
  fall: fc.record({ scope: fc.nat(SCOPES.length - 1), period: fc.integer({ min: 1, max: PERIODS.length - 1 }), row: fc.nat(200), by: fc.integer({ min: 1, max: 5 }), fresh: fc.boolean() }),
});

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
};

async function planbook(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = io();
  const code = await main(argv, captured.io);
  return { code, stdout: captured.out.join(""), stderr: captured.err.join("") };
}

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return readWorkbookFile(readFileSync(file), { fileName: path.basename(file) });
}

/** A row's quota (a ratio's, for its figures' rows) and what kind of row it is. */
function rowQuota(quotaId: string): { quota: Quota; part: boolean } | null {
  const part = parsePartId(quotaId);
  const quota = quotas.get(part ? part.quotaId : quotaId);
  return quota ? { quota, part: part !== null } : null;
}

/** What one file of a scope holds after filling, for the next period and the checks. */
interface Filled {
  file: string;
  fresh: boolean;
  /** Per row id: the 累计 typed (a ratio figure's count, a running total), as a number. */
  cumulative: Map<string, number>;
  /** Rows whose 本期 was typed off, with the cell. */
  wrongPeriod: Set<string>;
  /** The planted fall's row id, if in this file. */
  fall: string | null;
}

interface RunResult {
  seed: number;
  files: { scope: string; period: string; filled: Filled; report: ReportSheet; findings: Finding[]; previous: Filled | null }[];
  history: { code: number; json: { periods: string[]; lines: { quotaId: string; scope: string; values: CellValue[] }[] }; file: string };
  summaries: { period: string; totals: { quotaId: string; actual: number | null }[]; cities: Map<string, Record<string, CellValue>> }[];
}

/** Fills a file: running totals grow from 上期累计 (or from a drawn start), ratios as two figures, milestones move on. */
async function fillFile(file: string, scopeText: string, periodIndex: number, scopeIndex: number, draw: Draw, before: Filled | null, fresh: boolean): Promise<Filled> {
  const report = firstReport(await snapshotOf(file));
  const scope = parseScope(scopeText, revision);
  const period = parsePeriod(present(PERIODS[periodIndex], `period #${periodIndex + 1}`));
  const noise = (row: number, k: number): number => present(draw.noise[(scopeIndex * 997 + periodIndex * 131 + row * 7 + k) % draw.noise.length], "a drawn noise figure");
  const typed: Record<string, Partial<Record<"period" | "cumulative" | "status", CellValue>>> = {};
  const filled: Filled = { file, fresh, cumulative: new Map(), wrongPeriod: new Set(), fall: null };
  const wrongBy = new Map(draw.wrongPeriods.filter((w) => w.scope === scopeIndex && w.period === periodIndex).map((w) => [w.row % report.rows.length, w.by]));
  const fallHere = draw.fall.scope === scopeIndex && draw.fall.period === periodIndex;
  const runningRows = report.rows.filter((row) => {
    const found = rowQuota(row.quotaId);
    return found && !found.part && (found.quota.kind === "annual" || found.quota.kind === "cumulative") && !stageAt(pathInScope(found.quota, scope, revision), period, revision).closed;
  });
  const canFall = runningRows.filter((row) => (before?.cumulative.get(row.quotaId) ?? 0) >= draw.fall.by);
  const fallRow = fallHere ? canFall[draw.fall.row % Math.max(1, canFall.length)] : undefined;
  report.rows.forEach((row, index) => {
    const found = rowQuota(row.quotaId);
    if (!found || stageAt(pathInScope(found.quota, scope, revision), period, revision).closed) return;
    const { quota, part } = found;
    const count = isCountUnit(quota.unit);
    if (quota.kind === "milestone") {
      const was = MILESTONE_STATUSES.indexOf(String(row.values.status) as (typeof MILESTONE_STATUSES)[number]);
      const step = noise(index, 0) < 0.3 ? 1 : 0;
      typed[row.quotaId] = { status: MILESTONE_STATUSES[Math.min(2, Math.max(0, was) + step)] };
      return;
    }
    if (part) {
      // A ratio's figures are levels at the period's end: a denominator, and a numerator no larger.
      const denominator = 50 + Math.floor(noise(index, 1) * 500);
      const key = parsePartId(row.quotaId)?.key;
      const value = key === "denominator" ? denominator : Math.floor(noise(index, 2) * 50);
      typed[row.quotaId] = { cumulative: value };
      filled.cumulative.set(row.quotaId, value);
      return;
    }
    if (quota.kind !== "annual" && quota.kind !== "cumulative") return;
    const previous = typeof row.values.previous === "number" ? row.values.previous : null;
    const start = previous ?? before?.cumulative.get(row.quotaId) ?? 0;
    const room = quota.perUnit ? (scope.kind === "city" ? (quota.perUnit.byCity[scope.city] ?? 0) : Object.values(quota.perUnit.byCity).reduce((a, b) => a + b, 0)) * quota.perUnit.each : Infinity;
    const step = count ? Math.floor(noise(index, 3) * 20) : Math.round(noise(index, 3) * 500) / 100;
    let cumulative = Math.min(room, Number((start + step).toFixed(2)));
    if (row === fallRow) {
      cumulative = Number(((before?.cumulative.get(row.quotaId) ?? 0) - draw.fall.by).toFixed(2));
      filled.fall = row.quotaId;
    }
    const difference = previous === null ? Math.min(cumulative, step) : Number((cumulative - previous).toFixed(2));
    const off = wrongBy.get(index);
    const periodFigure = off !== undefined && previous !== null && row !== fallRow && cumulative >= previous ? difference + off : Math.max(0, difference);
    if (off !== undefined && previous !== null && row !== fallRow && cumulative >= previous) filled.wrongPeriod.add(row.quotaId);
    typed[row.quotaId] = { cumulative, period: periodFigure };
    filled.cumulative.set(row.quotaId, cumulative);
  });
  await fill(file, typed);
  return filled;
}

async function runSequence(draw: Draw): Promise<RunResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-periods-"));
  const files: RunResult["files"] = [];
  const last = new Map<string, Filled>();
  for (const [periodIndex, period] of PERIODS.entries()) {
    for (const [scopeIndex, scope] of SCOPES.entries()) {
      const folder = path.join(dir, scope === "province" ? "province" : "cities", period);
      mkdirSync(folder, { recursive: true });
      const file = path.join(folder, `${scope.replace(/^city:/, "")} ${period}.xlsx`);
      const before = last.get(scope) ?? null;
      const fresh = before === null || (draw.fall.fresh && draw.fall.scope === scopeIndex && draw.fall.period === periodIndex);
      const made = fresh ? await planbook(["template", "--scope", scope, "--period", period, "--out", file]) : await planbook(["template", "--from", before.file, "--out", file]);
      expect([made.code, made.stderr]).toEqual([0, ""]);
      const filled = await fillFile(file, scope, periodIndex, scopeIndex, draw, before, fresh);
      const snapshot = await snapshotOf(file);
      const own = checkWorkbook(snapshot, { revisions: [revision] });
      const across = before ? checkAgainstPrevious(snapshot, await snapshotOf(before.file), path.basename(before.file)) : [];
      files.push({ scope, period, filled, report: firstReport(snapshot), findings: [...own, ...across], previous: before });
      last.set(scope, filled);
    }
  }
  const historyFile = path.join(dir, "进度.xlsx");
  const history = await planbook(["merge", "--history", path.join(dir, "cities"), "--accept-errors", "--json", "--out", historyFile]);
  const summaries: RunResult["summaries"] = [];
  for (const period of PERIODS) {
    const out = path.join(dir, `汇总 ${period}.xlsx`);
    const inputs = CITIES.map((city) => path.join(dir, "cities", period, `${city} ${period}.xlsx`));
    const merged = await planbook(["merge", "--accept-errors", "--json", "--period", period, "--out", out, ...inputs]);
    const state = readSummaryState(await snapshotOf(out), revision);
    summaries.push({
      period,
      totals: (JSON.parse(merged.stdout) as { totals: { quotaId: string; actual: number | null }[] }).totals,
      // A blank cell of the summary reads back as "": no figure, as 进度's null.
      cities: new Map((state?.children ?? []).map((c) => [c.child, Object.fromEntries(Object.entries(c.figures).map(([id, f]) => [id, f.actual === "" ? null : f.actual]))])),
    });
  }
  return { seed, files, history: { code: history.code, json: JSON.parse(history.stdout) as RunResult["history"]["json"], file: historyFile }, summaries };
}

let runs: RunResult[] = [];

beforeAll(async () => {
  const draws = fc.sample(drawArbitrary, { numRuns: RUNS });
  runs = [];
  for (const draw of draws) runs.push(await runSequence(draw));
}, 170_000);

const where = (run: RunResult, file: RunResult["files"][number]) => `FC_SEED=${run.seed} ${file.scope} ${file.period}`;

test("上期累计 is always the previous file's 累计完成", () => {
  const mismatches = runs.flatMap((run) =>
    run.files.flatMap((file) =>
      file.previous === null || file.filled.fresh
        ? []
        : file.report.rows.flatMap((row) => {
            const was = file.previous?.cumulative.get(row.quotaId);
            const kind = String(row.values.kind);
            if (was === undefined || (kind !== KIND_LABELS.annual && kind !== KIND_LABELS.cumulative)) return [];
            return row.values.previous === was ? [] : [`${where(run, file)} ${row.quotaId}: 上期累计 ${String(row.values.previous)}, previous 累计 ${was}`];
          }),
    ),
  );
  expect(mismatches).toEqual([]);
  expect(runs.flatMap((run) => run.files.filter((f) => f.previous !== null && !f.filled.fresh)).length).toBeGreaterThan(0);
});

test("a 本期 that is not 累计 − 上期累计 is reported at its cell, and one that is never is", () => {
  const wrong = runs.flatMap((run) =>
    run.files.flatMap((file) => {
      const reported = new Set(file.findings.filter((f) => f.rule === "period-not-difference").map((f) => f.quotaId));
      const planted = file.filled.wrongPeriod;
      return [...new Set([...reported, ...planted])].flatMap((id) =>
        reported.has(id) === planted.has(id ?? "") ? [] : [`${where(run, file)} ${String(id)}: planted ${planted.has(id ?? "")}, reported ${reported.has(id)}`],
      );
    }),
  );
  expect(wrong).toEqual([]);
  expect(runs.some((run) => run.files.some((f) => f.filled.wrongPeriod.size > 0))).toBe(true);
});

test("the planted fall is an error at its cell, whether the file was made from the last one or afresh", () => {
  const planted = runs.flatMap((run) => run.files.flatMap((file) => (file.filled.fall ? [{ run, file, id: file.filled.fall }] : [])));
  expect(planted.length).toBeGreaterThan(0);
  const missed = planted.flatMap(({ run, file, id }) => {
    const row = file.report.rows.find((r) => r.quotaId === id);
    const cell = row ? file.report.address(row, "cumulative") : null;
    const found = file.findings.some((f) => f.rule === "cumulative-fell" && f.severity === "error" && f.quotaId === id && f.cell === cell);
    return found ? [] : [`${where(run, file)} ${id} at ${String(cell)} (made ${file.filled.fresh ? "afresh" : "from the last"})`];
  });
  expect(missed).toEqual([]);
});

test("merged with --history, 进度 is each period's own merge: the province total and each city's figure, per quota", () => {
  const disagreements = runs.flatMap((run) => {
    expect(run.history.json.periods).toEqual(PERIODS);
    return run.summaries.flatMap((summary, i) =>
      run.history.json.lines.flatMap((line) => {
        // A blank figure is no figure, whichever way a reader spells it.
        const value = line.values[i] === "" ? null : (line.values[i] ?? null);
        const total = summary.totals.find((t) => t.quotaId === line.quotaId);
        const expected =
          line.scope === "全省"
            ? typeof value === "string"
              ? milestoneCount(CITIES.map((city) => summary.cities.get(city)?.[line.quotaId] ?? null))
              : (total?.actual ?? null)
            : (summary.cities.get(line.scope)?.[line.quotaId] ?? null);
        const same = typeof value === "number" && typeof expected === "number" ? Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) : value === expected;
        return same ? [] : [`FC_SEED=${run.seed} ${summary.period} ${line.quotaId} ${line.scope}: 进度 ${String(value)}, merge ${String(expected)}`];
      }),
    );
  });
  expect(disagreements).toEqual([]);
});

/** A province milestone as the summary counts it: cities done out of those that reported. */
function milestoneCount(statuses: CellValue[]): CellValue {
  const reported = statuses.filter((s) => typeof s === "string" && s !== "");
  return reported.length === 0 ? null : `${reported.filter((s) => s === MILESTONE_STATUSES[2]).length}/${reported.length}`;
}

test("a ratio's province figure in 进度 is the sum of the numerators over the sum of the denominators", () => {
  const ratios = revision.quotas.filter((q) => partsOf(q).length > 0).map((q) => q.id);
  const checked = runs.flatMap((run) =>
    run.summaries.flatMap((summary, i) =>
      ratios.flatMap((id) => {
        const line = run.history.json.lines.find((l) => l.quotaId === id && l.scope === "全省");
        const figures = (key: PartKey) => CITIES.map((city) => run.files.find((f) => f.scope === `city:${city}` && f.period === summary.period)?.filled.cumulative.get(partId(id, key)));
        const numerators = figures("numerator");
        const denominators = figures("denominator");
        if (!line || numerators.some((n) => n === undefined) || denominators.some((d) => d === undefined)) return [];
        const sum = (values: (number | undefined)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
        return [{ value: line.values[i], expected: sum(numerators) / sum(denominators) }];
      }),
    ),
  );
  expect(checked.length).toBeGreaterThan(0);
  const off = checked.filter((c) => typeof c.value !== "number" || Math.abs(c.value - c.expected) > 1e-9);
  expect(off).toEqual([]);
});

test("recalculated by LibreOffice, 进度's 状态 are what the in-memory host's engine computes", async () => {
  const run = present(runs[0], "a run of the property");
  const outDir = mkdtempSync(path.join(os.tmpdir(), "planbook-periods-lo-"));
  const [recalculated] = await convertWithLibreOffice([run.history.file], outDir);
  const ours = (await snapshotOf(run.history.file)).sheets.find((s) => s.name === "进度");
  const libre = (await snapshotOf(recalculated)).sheets.find((s) => s.name === "进度");
  if (!ours || !libre) throw new Error("no 进度 sheet");
  const engine = HyperFormula.buildFromSheets({ 进度: ours.formulas.map((row) => row.map((v) => (v === null ? "" : typeof v === "string" && !v.startsWith("=") ? asLiteralText(v) : v))) }, { licenseKey: "gpl-v3" });
  const header = gridRow(ours.values, 2).map(String);
  const stateColumns = header.flatMap((title, c) => (title.startsWith("状态 ") || title === "滞后起始期" ? [c] : []));
  const differences: string[] = [];
  ours.formulas.forEach((row, r) => {
    for (const c of stateColumns) {
      if (typeof row[c] !== "string" || !String(row[c]).startsWith("=")) continue;
      const hyper = engine.getCellValue({ sheet: 0, row: r, col: c });
      const lo = libre.values[r]?.[c] ?? "";
      if (hyper !== lo) differences.push(`${header[c]} row ${r + 1}: LibreOffice ${String(lo)}, HyperFormula ${String(hyper)}`);
    }
  });
  engine.destroy();
  expect(differences).toEqual([]);
  expect(libre.values.some((row) => stateColumns.some((c) => row[c] === "正常" || row[c] === "滞后" || row[c] === "已完成"))).toBe(true);
}, 120_000);
