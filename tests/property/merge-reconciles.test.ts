/**
 * Property: whatever valid figures the 11 cities type into every quota of their templates — files
 * written by our .xlsx writer, filled by another program (ExcelJS), read back — the merge takes
 * every file, and the summary's totals are the sums of the inputs (for a ratio the sum of its
 * numerators over the sum of its denominators, never a mean of shares; the count
 * of cities done for milestones) and its completion is actual / target.
 *
 * Merging eleven files is the cost of a run, so the tests share one run of the property: the same
 * seed draws the same inputs in each test, and each input set is merged once (`merged`).
 */
import { isCountUnit, localUnitsToCover, type Quota, quotasInScope } from "../../src/core/plan";
import { loadCounties } from "../../src/cli/io";
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { columnLetter, parseCell } from "../../src/core/snapshot";
import { buildSummary, type BuiltSummary, canMerge, type MergePlan, SUMMARY_ROWS, summaryColumns } from "../../src/core/merge";
import { type CellValue, gridToFormulas, MILESTONE_STATUSES, PART_KEYS, partId, type PartKey, type SheetSpec } from "../../src/core/template";
import { readMergeFiles } from "../../src/xlsx/merge-files";
import { type Typed, cityFile, inputOf, inputsOf } from "../integration/merge/files";
import { currentRevision } from "../support/plan";
import { present } from "../support/present";

const revision = currentRevision();
const period = "2026-10";
const { cities } = revision;
const geography = loadCounties();
const DONE = MILESTONE_STATUSES[2];

/** Eleven .xlsx files per run, 2–4 s on two cores: 8 runs keep the file near 20 s, far from Jest's 60 s timeout. */
const RUNS = 8;

/**
 * A failure says its seed and the assertion's own diff, not the counterexample: the eleven cities'
 * inputs are a thousand figures, and the diff names the rows that are wrong.
 */
function report(details: fc.RunDetails<[Record<string, Typed>]>): void {
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`Property failed after ${details.numRuns} run(s); replay with FC_SEED=${details.seed}\n\n${cause}`);
}

/** Shrinking would merge eleven files again for every smaller candidate: the first failure is reported as drawn. */
// The run's seed (tests/support/fast-check-seed.js) for every test, so that they all see the same inputs.
const params: fc.Parameters<[Record<string, Typed>]> = { numRuns: RUNS, endOnFailure: true, reporter: report };

/** What a city's template holds: the quotas a city reports (contributed, split, per-county, ratios), never a province-only act. */
const quotasOf = (city: string): Quota[] => quotasInScope(revision, { kind: "city", city });

/** What is drawn for a quota: its row's inputs, or for a ratio its numerator and denominator. */
type Drawn = Typed[string] | { figures: readonly [number, number] };

/** A valid entry for a quota in a city's template, as the template's validation allows it. */
function entry(quota: Quota, city: string): fc.Arbitrary<Drawn> {
  if (quota.kind === "milestone") return fc.constantFrom(...MILESTONE_STATUSES).map((status) => ({ status }));
  // A ratio is typed as its two figures, each a count on a row of its own: a numerator never above its denominator.
  if (quota.kind === "ratio") return fc.integer({ min: 1, max: 100_000 }).chain((d) => fc.integer({ min: 0, max: d }).map((n) => ({ figures: [n, d] as const })));
  // A per-unit quota counts the city's units covered: a whole number, at most its counties (杭州市 13).
  const units = localUnitsToCover(quota, { kind: "city", city }, geography);
  // Whole numbers for 家, 个, 名…; hundredths for 万人次. This period's figure is at most the cumulative one.
  const amount = units !== null ? fc.integer({ min: 0, max: units }) : isCountUnit(quota.unit) ? fc.integer({ min: 0, max: 100_000 }) : fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100);
  return fc.tuple(amount, amount).map(([a, b]) => ({ period: Math.min(a, b), cumulative: Math.max(a, b) }));
}

/** The drawn entries as typed by row id: a ratio's figures on its numerator's and denominator's rows. */
const asTyped = (drawn: Record<string, Drawn>): Typed =>
  Object.fromEntries(
    Object.entries(drawn).flatMap(([id, d]): [string, Typed[string]][] =>
      "figures" in d ? [[partId(id, "numerator"), { cumulative: d.figures[0] }], [partId(id, "denominator"), { cumulative: d.figures[1] }]] : [[id, d]],
    ),
  );

/** What every city typed: an entry for each quota of its template. */
const typedByCity: fc.Arbitrary<Record<string, Typed>> = fc
  .record(Object.fromEntries(cities.map((city) => [city, fc.record(Object.fromEntries(quotasOf(city).map((q) => [q.id, entry(q, city)])))])))
  .map((drawn) => Object.fromEntries(Object.entries(drawn).map(([city, byQuota]) => [city, asTyped(byQuota)])));

interface Merged {
  plan: MergePlan;
  built: BuiltSummary;
}

const runs = new Map<string, Promise<Merged>>();

async function mergeOnce(typed: Record<string, Typed>): Promise<Merged> {
  const files = await Promise.all(cities.map((city) => cityFile(`${city}.xlsx`, revision, city, inputsOf(typed, city))));
  const plan = canMerge(await readMergeFiles(files), { revision, period });
  const built = buildSummary(plan.accepted, { revision, period, mergedAt: "2026-11-05T09:00:00.000Z", rejected: plan.rejected });
  return { plan, built };
}

/** The merge of what the cities typed: done once per input set, whichever test asks first. */
function merged(typed: Record<string, Typed>): Promise<Merged> {
  const key = JSON.stringify(typed);
  const known = runs.get(key) ?? mergeOnce(typed);
  runs.set(key, known);
  return known;
}

/** The summary row a quota is totalled in: its own id, or for an Annex 2 quota its family's (the id with the city as `*`). */
const rowIdOf = (quota: Quota): string => (quota.region === null ? quota.id : quota.id.replace(quota.region, "*"));

/** A summary row: its kind, the quotas whose figures it totals (one, or an Annex 2 family), and which of a ratio's figures it is. */
interface PlanRow {
  kind: Quota["kind"];
  members: Quota[];
  part?: PartKey;
}

/** Every summary row by id, a ratio's numerator and denominator rows after it. */
function planRows(): Map<string, PlanRow> {
  const rows = new Map<string, PlanRow>();
  for (const quota of cities.flatMap(quotasOf)) {
    if (rows.get(rowIdOf(quota))?.members.includes(quota)) continue;
    const row = rows.get(rowIdOf(quota)) ?? { kind: quota.kind, members: [] };
    row.members.push(quota);
    rows.set(rowIdOf(quota), row);
    if (quota.kind === "ratio") for (const part of PART_KEYS) rows.set(partId(quota.id, part), { kind: "cumulative", members: [quota], part });
  }
  return rows;
}
const ROWS = planRows();

/** The province target as a number: the quota's own (a ratio's as a share), or the sum of an Annex 2 family's; null when there is none (a ratio's figures). */
function provinceTarget({ members, part }: PlanRow): number | null {
  if (part) return null;
  const targets = members.map((q) => (q.kind === "milestone" || q.pending || q.target === null ? null : q.kind === "ratio" ? q.target / 100 : q.target));
  return targets.every((t): t is number => t !== null) ? targets.reduce((a, b) => a + b, 0) : null;
}

/** What each city typed in a row (its cumulative figure, or its status), in city order. */
const typedInRow = (typed: Record<string, Typed>, { members, part }: PlanRow): CellValue[] =>
  cities.flatMap((city) =>
    members
      .filter((q) => q.region === null || q.region === city)
      .map((q) => {
        const id = part ? partId(q.id, part) : q.id;
        const inputs = inputOf(inputsOf(typed, city), id);
        return inputs.cumulative ?? inputs.status ?? null;
      }),
  );

const sumOf = (figures: CellValue[]): number => (figures as number[]).reduce((a, b) => a + b, 0);

/**
 * The total a row should show: the sum of the figures, for a ratio the sum of its numerators over
 * the sum of its denominators, the mean for a growth rate, nothing for a milestone.
 */
function expectedActual(typed: Record<string, Typed>, row: PlanRow): number | null {
  if (row.kind === "milestone") return null;
  if (row.kind === "ratio") {
    const quota = present(row.members[0], "the ratio's quota");
    const sum = (part: PartKey): number => sumOf(typedInRow(typed, { kind: "cumulative", members: [quota], part }));
    const denominator = sum("denominator");
    return denominator === 0 ? null : sum("numerator") / denominator;
  }
  const figures = typedInRow(typed, row);
  return row.kind === "growth" ? sumOf(figures) / figures.length : sumOf(figures);
}

/** Completion: the total over the province target when both are numbers and the target is not 0; else null. */
function expectedCompletion(actual: number | null, target: number | null): number | null {
  return actual === null || target === null || target === 0 ? null : actual / target;
}

/** A number compared as toBeCloseTo does (sums of hundredths are not exact); null stays null. */
const closeTo = (value: number | null): unknown => (value === null ? null : expect.closeTo(value, 9));

/** By summary row id: the total each row should show. */
const expectedActuals = (typed: Record<string, Typed>): Record<string, unknown> =>
  Object.fromEntries([...ROWS].map(([id, row]) => [id, closeTo(expectedActual(typed, row))]));

/** By summary row id: the completion each row should show. */
const expectedCompletions = (typed: Record<string, Typed>): Record<string, unknown> =>
  Object.fromEntries(
    [...ROWS].map(([id, row]) => [id, closeTo(expectedCompletion(expectedActual(typed, row), provinceTarget(row)))]),
  );

/** By milestone row id: `n/11`, the cities that typed 已完成 out of the cities that typed a status. */
const expectedMilestoneCounts = (typed: Record<string, Typed>): Record<string, string> =>
  Object.fromEntries(
    [...ROWS]
      .filter(([, row]) => row.kind === "milestone")
      .map(([id, row]) => {
        const statuses = typedInRow(typed, row);
        return [id, `${statuses.filter((s) => s === DONE).length}/${statuses.length}`];
      }),
  );

/** By summary row id: a field of buildSummary's totals. */
const totalsBy = (built: BuiltSummary, key: "actual" | "completion"): Record<string, number | null> =>
  Object.fromEntries(built.totals.map((t) => [t.quotaId, t[key]]));

/** The computed value of the 全省合计 cell of every milestone row of the 汇总 sheet. */
function milestoneTotalsOnSheet(summary: SheetSpec): Record<string, CellValue> {
  const col = summaryColumns(cities.length);
  const grid = gridToFormulas(summary.cells).map((row) => row.map((v) => (v === "" ? null : v)));
  const engine = HyperFormula.buildFromSheets({ [summary.name]: grid }, { licenseKey: "gpl-v3" });
  // Ids from the cells' values: the formula grid writes text as literal text ('I01-…).
  const ids = summary.cells.slice(SUMMARY_ROWS.firstData - 1).map((row) => {
    const spec = row[col.id];
    return spec && "value" in spec ? spec.value : null;
  });
  const value = (address: string): CellValue => {
    const { row, col: column } = parseCell(address);
    return engine.getCellValue({ sheet: 0, row, col: column }) as CellValue;
  };
  const milestoneIds = new Set([...ROWS].filter(([, row]) => row.kind === "milestone").map(([id]) => id));
  return Object.fromEntries(
    ids.flatMap((id, i) => (milestoneIds.has(String(id)) ? [[String(id), value(`${columnLetter(col.total)}${SUMMARY_ROWS.firstData + i}`)]] : [])),
  );
}

/** Asserts `expectation` of the merge of every input set the property draws. */
const forEveryMerge = (expectation: (merged: Merged, typed: Record<string, Typed>) => void): Promise<void> =>
  fc.assert(
    fc.asyncProperty(typedByCity, async (typed) => expectation(await merged(typed), typed)),
    params,
  );

test("the merge accepts all 11 files and finds no error in them", () =>
  forEveryMerge(({ plan }) =>
    expect({
      accepted: plan.accepted.map((a) => a.child),
      rejected: plan.rejected.map((r) => r.file.name),
      errors: plan.findings.filter((f) => f.severity === "error"),
    }).toEqual({ accepted: cities, rejected: [], errors: [] }),
  ));

test("every summary total is the sum of what the cities typed in its row (for a ratio, the sum of numerators over the sum of denominators)", () =>
  forEveryMerge(({ built }, typed) => expect(totalsBy(built, "actual")).toEqual(expectedActuals(typed))));

test("every summary row's completion is its total over the province target", () =>
  forEveryMerge(({ built }, typed) => expect(totalsBy(built, "completion")).toEqual(expectedCompletions(typed))));

test("every milestone row's total on the sheet counts the cities that typed 已完成", () =>
  forEveryMerge(({ built }, typed) => expect(milestoneTotalsOnSheet(built.summary)).toEqual(expectedMilestoneCounts(typed))));
