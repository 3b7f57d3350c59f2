import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { columnLetter, parseCell, parseRange } from "../../../src/core/snapshot";
import { gridRow, present } from "../../support/present";
import { fileProblem } from "../../../src/core/findings";
import { buildSummary, type BuiltSummary, BULLETIN_SHEET, canMerge, type MergeInputFile, readSummaryState, SUMMARY_ROWS, summaryColumns } from "../../../src/core/merge";
import { type CellValue, type SheetSpec, gridToFormulas } from "../../../src/core/template";
import { CITIES, FAMILY, QUOTA, type Typed, cityWorkbook, fixtureRevision } from "./fixture";
import { specSnapshot } from "../../../scripts/workloads";

const revision = fixtureRevision();
const period = "2026-10";
const col = summaryColumns(CITIES.length);
const mergedAt = "2026-11-05T09:00:00.000Z";

function merge(files: MergeInputFile[], extra: Partial<Parameters<typeof buildSummary>[1]> = {}): BuiltSummary {
  const plan = canMerge(files, { revision, period, ...extra });
  return buildSummary(plan.accepted, { revision, period, mergedAt, rejected: plan.rejected, ...extra });
}
const cityFile = (city: string, typed: Typed, name = `${city}.xlsx`): MergeInputFile => ({ name, snapshot: cityWorkbook(city, typed) });

/** The 1-based row of a summary row id. */
function rowOf(spec: SheetSpec, id: string): number {
  return spec.cells.findIndex((row) => row[col.id] !== null && "value" in (row[col.id] as object) && (row[col.id] as { value: CellValue }).value === id) + 1;
}
/** The 1-based row of the detail sheet's table of average completion by city (its header). */
function cityTableRow(sheet: SheetSpec): number {
  return sheet.cells.findIndex((row) => row[1] !== null && "value" in (row[1] as object) && (row[1] as { value: unknown }).value === "市") + 1;
}

function valueAt(spec: SheetSpec, row: number, column: number): CellValue {
  const c = present(gridRow(spec.cells, row - 1)[column], `column ${column + 1} of row ${row}`);
  return c === null ? null : "value" in c ? c.value : c.formula;
}
const cityIndex = (city: string): number => CITIES.indexOf(city);

/** Evaluates a sheet spec with HyperFormula and returns the computed value of an A1 cell. */
function evaluate(spec: SheetSpec): (address: string) => CellValue {
  // Excel empties a cell written as "", so the engine gets null there.
  const grid = gridToFormulas(spec.cells).map((row) => row.map((v) => (v === "" ? null : v)));
  const engine = HyperFormula.buildFromSheets({ [spec.name]: grid }, { licenseKey: "gpl-v3" });
  return (address) => {
    const { row, col: column } = parseCell(address);
    const value = engine.getCellValue({ sheet: 0, row, col: column });
    return typeof value === "object" && value !== null ? `#ERROR ${String((value as { type?: string }).type)}` : value;
  };
}

describe("buildSummary: rows and city columns", () => {
  test("there is one row per Annex 1 quota, then one per Annex 2 family", () => {
    const { summary } = merge([]);
    const ids = summary.cells.slice(SUMMARY_ROWS.firstData - 1).map((row) => row[col.id]);
    expect(ids.slice(0, 8)).toEqual(
      [QUOTA.training, QUOTA.enterprises, QUOTA.ratio, QUOTA.milestone, QUOTA.pending, FAMILY.enterprise2025, FAMILY.enterprise2027, FAMILY.village2027].map(
        (value) => ({ value }),
      ),
    );
  });

  test("the header names the cities in the plan's order over the actual block", () => {
    const { summary } = merge([]);
    expect(summary.cells[SUMMARY_ROWS.header - 1]?.slice(col.actual, col.actual + CITIES.length)).toEqual(CITIES.map((value) => ({ value })));
  });

  test("a city's figure sits in that city's actual column", () => {
    const { summary } = merge([cityFile("温州市", { [QUOTA.enterprises]: { cumulative: 321 } })]);
    expect(valueAt(summary, rowOf(summary, QUOTA.enterprises), col.actual + cityIndex("温州市"))).toBe(321);
  });

  test("an Annex 2 family row holds each city's own quota figure", () => {
    const { summary } = merge([
      cityFile("杭州市", { "E27-杭州市": { cumulative: 800 } }),
      cityFile("丽水市", { "E27-丽水市": { cumulative: 90 } }),
    ]);
    const row = rowOf(summary, FAMILY.enterprise2027);
    expect([valueAt(summary, row, col.actual + cityIndex("杭州市")), valueAt(summary, row, col.actual + cityIndex("丽水市"))]).toEqual([800, 90]);
  });

  test("an Annex 2 family row shows each city's own target", () => {
    const { summary } = merge([]);
    const row = rowOf(summary, FAMILY.village2027);
    const targets = CITIES.map((_, i) => valueAt(summary, row, col.childTarget + i));
    expect(targets).toEqual(revision.quotas.filter((q) => q.id.startsWith("V27-")).map((q) => q.target));
  });

  test("an Annex 2 family's province target is the sum of its cities' targets", () => {
    const { summary } = merge([]);
    const members = revision.quotas.filter((q) => q.id.startsWith("E25-"));
    expect(valueAt(summary, rowOf(summary, FAMILY.enterprise2025), col.target)).toBe(members.reduce((s, q) => s + (q.target as number), 0));
  });

  test("a split province target shows each city's share as its target", () => {
    const splits = CITIES.map((city, i) => ({ quotaId: QUOTA.training, city, target: i === 0 ? 1 : 0.9 }));
    const { summary } = merge([], { splits });
    expect(valueAt(summary, rowOf(summary, QUOTA.training), col.childTarget)).toBe(1);
  });

  test("an unsplit province target leaves the city targets blank", () => {
    const { summary } = merge([cityFile("杭州市", {})]);
    expect(valueAt(summary, rowOf(summary, QUOTA.training), col.childTarget)).toBeNull();
  });

  test("a milestone shows each city's status text", () => {
    const { summary } = merge([cityFile("宁波市", { [QUOTA.milestone]: { status: "推进中" } })]);
    expect(valueAt(summary, rowOf(summary, QUOTA.milestone), col.actual + cityIndex("宁波市"))).toBe("推进中");
  });

  test("the source row names each city's file", () => {
    const { summary } = merge([cityFile("嘉兴市", { [QUOTA.enterprises]: { cumulative: 100 } }, "jx-final.xlsx")]);
    expect(valueAt(summary, SUMMARY_ROWS.file, col.actual + cityIndex("嘉兴市"))).toBe("jx-final.xlsx");
  });

  test("notes and this period's figures are carried into their own blocks", () => {
    const { summary } = merge([cityFile("台州市", { [QUOTA.training]: { period: 0.3, cumulative: 2.5, note: "含线上培训" } })]);
    const row = rowOf(summary, QUOTA.training);
    const i = cityIndex("台州市");
    expect([valueAt(summary, row, col.childPeriod + i), valueAt(summary, row, col.note + i)]).toEqual([0.3, "含线上培训"]);
  });
});

describe("buildSummary: values, never live formulas from a city", () => {
  test("a formula text typed in a city file is written as a value", () => {
    const { summary } = merge([cityFile("杭州市", { [QUOTA.training]: { note: "=HYPERLINK(\"http://x\")" } })]);
    expect(summary.cells[rowOf(summary, QUOTA.training) - 1]?.[col.note]).toEqual({ value: "=HYPERLINK(\"http://x\")" });
  });

  test("such text reaches Excel escaped so that it stays text", () => {
    const { summary } = merge([cityFile("杭州市", { [QUOTA.training]: { note: "=1+1" } })]);
    expect(gridToFormulas(summary.cells)[rowOf(summary, QUOTA.training) - 1]?.[col.note]).toBe("'=1+1");
  });
});

describe("buildSummary: totals and completion", () => {
  const files = [
    cityFile("杭州市", { [QUOTA.enterprises]: { cumulative: 3000 }, [QUOTA.ratio]: { cumulative: 0.5 } }),
    cityFile("宁波市", { [QUOTA.enterprises]: { cumulative: 2000 }, [QUOTA.ratio]: { cumulative: 0.7 } }),
  ];

  test("the province total is a live SUM over the city block", () => {
    const { summary } = merge(files);
    const row = rowOf(summary, QUOTA.enterprises);
    expect(valueAt(summary, row, col.total)).toContain(`SUM(${columnLetter(col.actual)}${row}:${columnLetter(col.actual + 10)}${row})`);
  });

  test("the computed total adds the cities' figures", () => {
    const { totals } = merge(files);
    expect(totals.find((t) => t.quotaId === QUOTA.enterprises)?.actual).toBe(5000);
  });

  test("the computed completion is the total over the province target", () => {
    const { totals } = merge(files);
    expect(totals.find((t) => t.quotaId === QUOTA.enterprises)?.completion).toBe(0.5);
  });

  test("cities' ratios are averaged, not added", () => {
    const { totals } = merge(files);
    expect(totals.find((t) => t.quotaId === QUOTA.ratio)?.actual).toBeCloseTo(0.6, 12);
  });

  test("the workbook's completion formula computes the same rate as the core", () => {
    const { summary } = merge(files);
    const value = evaluate(summary);
    expect(value(`${columnLetter(col.completion)}${rowOf(summary, QUOTA.enterprises)}`)).toBe(0.5);
  });

  test("completion is blank while the province target is undecided", () => {
    const { summary } = merge([cityFile("杭州市", { [QUOTA.pending]: { cumulative: 4 } })]);
    const value = evaluate(summary);
    expect(value(`${columnLetter(col.completion)}${rowOf(summary, QUOTA.pending)}`)).toBe("");
  });

  test("a city's completion divides its figure by its own target", () => {
    const { summary } = merge([cityFile("舟山市", { "E27-舟山市": { cumulative: 30 } })]);
    const value = evaluate(summary);
    expect(value(`${columnLetter(col.childCompletion + cityIndex("舟山市"))}${rowOf(summary, FAMILY.enterprise2027)}`)).toBe(30 / 75);
  });

  describe("a ceiling (lower is better) completes as the ceiling over the figure, never the figure over it", () => {
    const ceilings = fixtureRevision();
    const annualCeiling = { ...present(ceilings.quotas[0], "the fixture's first quota"), id: "T-6", kind: "annual" as const, unit: "人", target: 20, comparator: "<=" as const, text: "每年生产安全事故死亡人数不超过20人" };
    const rateCeiling = { ...present(ceilings.quotas[2], "the fixture's third quota"), year: null, path: [], id: "T-7", kind: "ratio" as const, unit: "%", target: 5.5, comparator: "<=" as const, text: "城镇调查失业率控制在5.5%以内" };
    ceilings.quotas = [...ceilings.quotas, annualCeiling, rateCeiling];
    const mergeCeilings = (files: MergeInputFile[]): BuiltSummary => merge(files, { revision: ceilings });
    const ceilingFile = (city: string, typed: Typed): MergeInputFile => ({ name: `${city}.xlsx`, snapshot: cityWorkbook(city, typed, { revision: ceilings }) });
    const built = mergeCeilings([
      ceilingFile("杭州市", { "T-6": { period: 10, cumulative: 10 }, "T-7": { cumulative: 0.06 } }),
      ceilingFile("宁波市", { "T-6": { period: 15, cumulative: 15 }, "T-7": { cumulative: 0.04 } }),
    ]);
    const completionAt = (id: string, column: number): CellValue => evaluate(built.summary)(`${columnLetter(column)}${rowOf(built.summary, id)}`);

    test("25 deaths against 不超过20人: the total is the sum, completion 20/25 in the workbook and the core", () => {
      expect(built.totals.find((t) => t.quotaId === "T-6")).toMatchObject({ actual: 25, completion: 0.8 });
      expect(completionAt("T-6", col.completion)).toBeCloseTo(0.8, 10);
    });

    test("a rate under its ceiling on average is met: 100 %", () => {
      expect(built.totals.find((t) => t.quotaId === "T-7")?.completion).toBe(1);
      expect(completionAt("T-7", col.completion)).toBe(1);
    });

    test("a city over the rate ceiling (6 % against 5.5 %) completes 5.5/6, a city under it 100 %", () => {
      expect(completionAt("T-7", col.childCompletion + cityIndex("杭州市"))).toBeCloseTo(0.055 / 0.06, 10);
      expect(completionAt("T-7", col.childCompletion + cityIndex("宁波市"))).toBe(1);
    });

    test("通报 lists the city over the ceiling and the province over 不超过20人, not the city under it", () => {
      const bulletin = built.views.find((sheet) => sheet.name === BULLETIN_SHEET);
      const listed = (bulletin?.cells ?? []).slice(3).map((row) => [row[2], row[4]].map((c) => (c && "value" in c ? c.value : null)).join(" "));
      expect(listed).toEqual(expect.arrayContaining(["T-7 杭州市", "T-6 全省"]));
      expect(listed).not.toContain("T-7 宁波市");
    });
  });

  test("a milestone total counts the cities that are done", () => {
    const { summary } = merge([
      cityFile("杭州市", { [QUOTA.milestone]: { status: "已完成" } }),
      cityFile("宁波市", { [QUOTA.milestone]: { status: "推进中" } }),
    ]);
    const value = evaluate(summary);
    expect(value(`${columnLetter(col.total)}${rowOf(summary, QUOTA.milestone)}`)).toBe("1/2");
  });

  test("the chart table averages each city's completion", () => {
    const built = merge([cityFile("舟山市", { "E27-舟山市": { cumulative: 30 }, "V27-舟山市": { cumulative: 20 } })]);
    const value = evaluate(built.summary);
    const tableStart = cityTableRow(built.summary);
    expect(value(`C${tableStart + 1 + cityIndex("舟山市")}`)).toBeCloseTo((30 / 75 + 20 / 25) / 2, 12);
  });

  test("a city with no figures has a blank average, not an error", () => {
    const built = merge([]);
    const value = evaluate(built.summary);
    const tableStart = cityTableRow(built.summary);
    expect(value(`C${tableStart + 1}`)).toBe("");
  });
});

describe("buildSummary: charts", () => {
  const chartOn = (built: ReturnType<typeof merge>, sheet: string) => built.charts.find((chart) => chart.sheet === sheet);

  test("汇总 charts completion by key work item: one category per item with figures", () => {
    const chart = chartOn(merge([]), "汇总");
    const { start, end } = parseRange(chart?.source ?? "A1:A1");
    expect([end.row - start.row, end.col - start.col]).toEqual([revision.items.length, 1]);
  });

  test("排名 charts completion by city for the first ranked quota: the cities are its categories", () => {
    const built = merge([]);
    const chart = chartOn(built, "排名");
    const ranking = built.views.find((sheet) => sheet.name === "排名") as SheetSpec;
    const { start } = parseRange(chart?.source ?? "A1");
    expect(CITIES.map((_, i) => valueAt(ranking, start.row + 2 + i, start.col))).toEqual(CITIES);
  });

  test("each chart sits inside its sheet's printed grid", () => {
    const built = merge([]);
    const outside = built.charts.filter((chart) => {
      const sheet = built.views.find((s) => s.name === chart.sheet) as SheetSpec;
      const at = parseCell(chart.topLeft);
      return at.row >= sheet.cells.length || at.col >= sheet.columnWidths.length;
    });
    expect(outside).toEqual([]);
  });
});

describe("buildSummary: every sheet reads in Chinese", () => {
  test("no title or label of any summary sheet carries an English translation (English is for the English UI)", () => {
    const built = merge([cityFile("杭州市", { [QUOTA.enterprises]: { cumulative: 100 } }, "hz.xlsx")], { rejected: [] });
    const bilingual = built.sheets.flatMap((sheet) =>
      sheet.cells.flatMap((row) => row.flatMap((c) => (c !== null && "value" in c && typeof c.value === "string" && /\s\/\s*[A-Z][a-z]/.test(c.value) ? [`${sheet.name}: ${c.value}`] : []))),
    );
    expect(bilingual).toEqual([]);
  });

  test("the detail sheet wraps 编号 and 指标 and sets their rows tall enough to print them whole", () => {
    const detail = merge([]).summary;
    const wrapped = (column: number) => detail.styles.some((style) => style.wrap === true && style.range.startsWith(`${columnLetter(column)}${SUMMARY_ROWS.firstData}:${columnLetter(column)}`));
    const lastData = SUMMARY_ROWS.firstData + fixtureRevision().quotas.length - 1;
    expect([wrapped(col.id), wrapped(col.label), Object.keys(detail.rowHeights ?? {}).some((row) => Number(row) >= SUMMARY_ROWS.firstData && Number(row) <= lastData)]).toEqual([true, true, true]);
  });
});

describe("buildSummary: 来源 sheet", () => {
  const rowsOf = (spec: SheetSpec): CellValue[][] =>
    spec.cells.slice(2).map((row) => row.map((c) => (c === null ? null : "value" in c ? c.value : c.formula)));

  test("an accepted file is listed with its scope, period, revision, generation time in China Standard Time and counts", () => {
    const { sources } = merge([cityFile("杭州市", { [QUOTA.enterprises]: { cumulative: 100 } }, "hz.xlsx")]);
    expect(rowsOf(sources)[0]?.slice(0, 8)).toEqual(["hz.xlsx", "city:杭州市", period, revision.revision, "2026-11-02 16:00", 0, 0, "是"]);
  });

  test("a file's own warnings from the checks are counted", () => {
    const { sources } = merge([cityFile("杭州市", { "E27-杭州市": { cumulative: 5000 } }, "hz.xlsx")]);
    expect(rowsOf(sources)[0]?.slice(5, 9)).toEqual([0, 1, "是", expect.stringContaining("5000")]);
  });

  test("a rejected file is listed as not accepted with its reasons", () => {
    const { sources } = merge([{ name: "broken.xlsx", snapshot: null, readProblem: fileProblem("truncated", { cause: "zip 损坏" }) }]);
    expect([rowsOf(sources)[0]?.[0], rowsOf(sources)[0]?.[7], String(rowsOf(sources)[0]?.[8])]).toEqual(["broken.xlsx", "否", expect.stringContaining("zip 损坏")]);
  });
});

describe("merging again", () => {
  const first = [cityFile("杭州市", { [QUOTA.enterprises]: { cumulative: 100 } }, "hz-v1.xlsx"), cityFile("宁波市", { [QUOTA.enterprises]: { cumulative: 200, note: "已核实" } }, "nb.xlsx")];

  function remerge(files: MergeInputFile[]): BuiltSummary {
    const before = merge(first);
    const existing = readSummaryState({ sheets: [specSnapshot(before.summary), specSnapshot(before.sources)] }, revision);
    return merge(files, { existing });
  }

  test("reading a summary back finds each filled city and its file", () => {
    const before = merge(first);
    const state = readSummaryState({ sheets: [specSnapshot(before.summary), specSnapshot(before.sources)] }, revision);
    expect(state?.children.map((c) => [c.child, c.file, c.source?.file])).toEqual([
      ["杭州市", "hz-v1.xlsx", "hz-v1.xlsx"],
      ["宁波市", "nb.xlsx", "nb.xlsx"],
    ]);
  });

  test("a newer file of a city replaces that city's figures", () => {
    const { summary } = remerge([cityFile("杭州市", { [QUOTA.enterprises]: { cumulative: 150 } }, "hz-v2.xlsx")]);
    expect(valueAt(summary, rowOf(summary, QUOTA.enterprises), col.actual + cityIndex("杭州市"))).toBe(150);
  });

  test("the other cities' figures are kept untouched", () => {
    const { summary } = remerge([cityFile("杭州市", { [QUOTA.enterprises]: { cumulative: 150 } }, "hz-v2.xlsx")]);
    const row = rowOf(summary, QUOTA.enterprises);
    const i = cityIndex("宁波市");
    expect([valueAt(summary, row, col.actual + i), valueAt(summary, row, col.note + i), valueAt(summary, SUMMARY_ROWS.file, col.actual + i)]).toEqual([
      200,
      "已核实",
      "nb.xlsx",
    ]);
  });

  test("the totals count the kept and the new figures", () => {
    const { totals } = remerge([cityFile("杭州市", { [QUOTA.enterprises]: { cumulative: 150 } }, "hz-v2.xlsx")]);
    expect(totals.find((t) => t.quotaId === QUOTA.enterprises)?.actual).toBe(350);
  });

  test("the sources list the kept file and the replacement, not the replaced one", () => {
    const { sources } = remerge([cityFile("杭州市", { [QUOTA.enterprises]: { cumulative: 100 } }, "hz-v2.xlsx")]);
    expect(sources.cells.slice(2).map((row) => (row[0] as { value: CellValue }).value)).toEqual(["nb.xlsx", "hz-v2.xlsx"]);
  });

  test("a summary whose cities differ from the plan's is not read back", () => {
    const before = merge(first);
    const other = { ...revision, cities: [...CITIES].reverse() };
    expect(readSummaryState({ sheets: [specSnapshot(before.summary)] }, other)).toBeNull();
  });
});

describe("nothing is lost", () => {
  const numericQuotas = revision.quotas.filter((q) => q.kind === "annual" || q.kind === "cumulative");
  const inScope = (city: string): string[] => numericQuotas.filter((q) => q.region === null || q.region === city).map((q) => q.id);
  /** The summary row a city's quota is shown in: its own id, or its Annex 2 family's. */
  const summaryRowId = (quotaId: string, city: string): string => quotaId.replace(city, "*");
  const typedArb = fc
    .subarray(CITIES)
    .chain((cities) =>
      fc.tuple(...cities.map((city) => fc.dictionary(fc.constantFrom(...inScope(city)), fc.integer({ min: 0, max: 100_000 })).map((typed) => ({ city, typed })))),
    );
  const inputsOf = (reports: { city: string; typed: Record<string, number> }[]): [string, string, number][] =>
    reports.flatMap(({ city, typed }) => Object.entries(typed).map(([id, value]): [string, string, number] => [summaryRowId(id, city), city, value]));
  const filesOf = (reports: { city: string; typed: Record<string, number> }[]): MergeInputFile[] =>
    reports.map(({ city, typed }) => cityFile(city, Object.fromEntries(Object.entries(typed).map(([id, value]) => [id, { cumulative: value }]))));

  test("every city's typed cumulative figure appears in that city's cell", () => {
    fc.assert(
      fc.property(typedArb, (reports) => {
        const { summary } = merge(filesOf(reports));
        const inputs = inputsOf(reports);
        expect(inputs.map(([rowId, city]) => valueAt(summary, rowOf(summary, rowId), col.actual + cityIndex(city)))).toEqual(inputs.map(([, , v]) => v));
      }),
      { numRuns: 50 },
    );
  });

  test("each row's total is the sum of every city's typed cumulative figure", () => {
    fc.assert(
      fc.property(typedArb, (reports) => {
        const { totals } = merge(filesOf(reports));
        const expected = new Map<string, number>();
        for (const [rowId, , value] of inputsOf(reports)) expected.set(rowId, (expected.get(rowId) ?? 0) + value);
        expect(new Map([...expected.keys()].map((id) => [id, totals.find((t) => t.quotaId === id)?.actual]))).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
