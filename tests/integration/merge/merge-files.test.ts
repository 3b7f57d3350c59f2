/**
 * Merging real .xlsx city workbooks with the core: written by the .xlsx writer, filled by ExcelJS,
 * read back by the .xlsx reader. (mergeWorkbooks on the in-memory Excel host: merge-excel.test.ts.)
 */
import { buildSummary, type BuiltSummary, canMerge, type MergeInputFile, SUMMARY_ROWS, summaryColumns } from "../../../src/core/merge";
import { type CellValue, COLUMN, META_SHEET, type SheetSpec } from "../../../src/core/template";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { cityFile, foreignFile, typicalInputsByCity } from "./files";
import { currentRevision, previousRevision } from "../../support/plan";
import { present } from "../../support/present";

const revision = currentRevision();
const period = "2026-10";
const col = summaryColumns(revision.cities.length);
const typedOf = typicalInputsByCity(revision);

let cityFiles: MergeInputFile[];
let summary: BuiltSummary;

beforeAll(async () => {
  cityFiles = await readMergeFiles(
    await Promise.all(revision.cities.map((city, i) => cityFile(`${String(i + 1).padStart(2, "0")}-${city}.xlsx`, revision, city, typedOf(city)))),
  );
  const plan = canMerge(cityFiles, { revision, period });
  summary = buildSummary(plan.accepted, { revision, period, mergedAt: "2026-11-05T09:00:00.000Z", rejected: plan.rejected });
});

const valueAt = (spec: SheetSpec, row: number, column: number): CellValue => {
  const c = spec.cells[row - 1]?.[column] ?? null;
  return c === null ? null : "value" in c ? c.value : c.formula;
};
const rowIndexOf = (spec: SheetSpec, id: string): number => spec.cells.findIndex((row, i) => i >= SUMMARY_ROWS.firstData - 1 && valueAt(spec, i + 1, col.id) === id) + 1;
/** The summary row a city's quota lands in: its own, or its Annex 2 family's. */
function summaryRowOf(spec: SheetSpec, quotaId: string): number {
  const quota = revision.quotas.find((q) => q.id === quotaId);
  const direct = rowIndexOf(spec, quotaId);
  if (direct > 0 || !quota?.region) return direct;
  return rowIndexOf(spec, quotaId.replace(quota.region, "*"));
}

describe("merging eleven returned .xlsx city workbooks", () => {
  test("every city's file is accepted", async () => {
    const plan = canMerge(cityFiles, { revision, period });
    expect(plan.accepted.map((a) => a.child)).toEqual(revision.cities);
  });

  test("clean files raise no error", async () => {
    const plan = canMerge(cityFiles, { revision, period });
    expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("every typed cumulative figure and status of every city is in its cell", () => {
    const expected: [string, string, CellValue][] = revision.cities.flatMap((city) =>
      Object.entries(typedOf(city)).map(([id, typed]): [string, string, CellValue] => [id, city, typed.cumulative ?? typed.status ?? null]),
    );
    const seen = expected.map(([id, city]) => [id, city, valueAt(summary.summary, summaryRowOf(summary.summary, id), col.actual + revision.cities.indexOf(city))]);
    expect(seen).toEqual(expected);
  });

  test("each row's total is the sum of the cities' typed cumulative figures", () => {
    const sums = new Map<string, number>();
    for (const city of revision.cities) {
      for (const [id, typed] of Object.entries(typedOf(city))) {
        const quota = revision.quotas.find((q) => q.id === id);
        if (quota?.kind !== "annual" && quota?.kind !== "cumulative") continue;
        const rowId = String(valueAt(summary.summary, summaryRowOf(summary.summary, id), col.id));
        sums.set(rowId, (sums.get(rowId) ?? 0) + (typed.cumulative as number));
      }
    }
    const totals = new Map([...sums.keys()].map((id) => [id, summary.totals.find((t) => t.quotaId === id)?.actual]));
    const rounded = (m: Map<string, number | null | undefined>) => new Map([...m].map(([k, v]) => [k, Math.round((v ?? NaN) * 100) / 100]));
    expect(rounded(totals)).toEqual(rounded(sums));
  });

  test("the file row names each city's file", () => {
    expect(revision.cities.map((_, i) => valueAt(summary.summary, SUMMARY_ROWS.file, col.actual + i))).toEqual(cityFiles.map((f) => f.name));
  });
});

describe("what a city typed is taken as a value", () => {
  test("a formula typed in a city's cell is merged as its computed value", async () => {
    const quota = revision.quotas.find((q) => q.kind === "cumulative" && q.region === null);
    if (!quota) throw new Error("the plan has no cumulative quota");
    const file = await cityFile("hz.xlsx", revision, present(revision.cities[0], "the plan's first city"), {}, {
      edit: (_, sheet, rowOf) => {
        sheet.getCell(rowOf(quota.id), COLUMN.cumulative + 1).value = { formula: "100+20", result: 120 };
      },
    });
    const plan = canMerge(await readMergeFiles([file]), { revision, period });
    const built = buildSummary(plan.accepted, { revision, period, mergedAt: "now" });
    expect(built.summary.cells[rowIndexOf(built.summary, quota.id) - 1]?.[col.actual]).toEqual({ value: 120 });
  });
});

describe("integrity of returned .xlsx files", () => {
  const city = present(revision.cities[0], "the plan's first city");
  const rules = async (file: Promise<{ name: string; data: Uint8Array }>): Promise<string[]> => {
    const plan = canMerge(await readMergeFiles([await file]), { revision, period });
    return plan.rejected.flatMap((r) => r.reasons.map((f) => f.rule));
  };

  test("a file that is not a workbook is rejected as unreadable", async () => {
    expect(await rules(Promise.resolve({ name: "notes.xlsx", data: new TextEncoder().encode("市,完成\n杭州,12\n") }))).toEqual(["merge-unreadable"]);
  });

  test("a workbook Planbook did not make is rejected", async () => {
    expect(await rules(foreignFile("own-format.xlsx"))).toEqual(["merge-not-planbook"]);
  });

  test("a workbook of the previous revision is rejected", async () => {
    expect(await rules(cityFile("old.xlsx", previousRevision(), city, {}))).toEqual(["merge-other-revision"]);
  });

  test("a workbook of another period is rejected", async () => {
    expect(await rules(cityFile("sep.xlsx", revision, city, {}, { period: "2026-09" }))).toEqual(["merge-other-period"]);
  });

  test("a target changed in the file is rejected", async () => {
    // A split quota: the city's target is its Annex 2 share.
    const quota = revision.quotas.find((q) => q.region === null && q.level === "split");
    const share = revision.quotas.find((q) => q.region === city && q.key === `${quota?.key}-累计` && q.year === quota?.year);
    if (!quota || !share) throw new Error("the plan has no split quota");
    const file = cityFile("hz.xlsx", revision, city, {}, {
      edit: (_, sheet, rowOf) => {
        sheet.getCell(rowOf(quota.id), COLUMN.target + 1).value = (share.target as number) - 1;
      },
    });
    expect(await rules(file)).toEqual(["target-changed"]);
  });

  test("a quota id the plan does not know is rejected", async () => {
    const quota = revision.quotas.find((q) => q.region === null) as (typeof revision.quotas)[number];
    const file = cityFile("hz.xlsx", revision, city, {}, {
      edit: (workbook, sheet, rowOf) => {
        sheet.getCell(rowOf(quota.id), COLUMN.id + 1).value = "X-999";
        const meta = workbook.getWorksheet(META_SHEET);
        meta?.eachRow((row) => {
          if (row.getCell(3).value === quota.id) row.getCell(3).value = "X-999";
        });
      },
    });
    expect(await rules(file)).toEqual(["merge-unknown-quota"]);
  });
});
