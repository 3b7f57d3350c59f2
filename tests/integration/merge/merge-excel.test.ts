/**
 * mergeWorkbooks on the in-memory Excel host: eleven real .xlsx city workbooks (written by the
 * .xlsx writer, filled with ExcelJS) merged into 汇总 and 来源, formulas evaluated by the host.
 */
import { localQuotas, planShare } from "../../../src/core/plan";
import { columnLetter } from "../../../src/core/snapshot";
import { buildSummary, canMerge, chartQuotaChoices, planSplit, PROVINCE_SHEET, RANKING_SHEET, SOURCES_SHEET, splittableQuotas, SUMMARY_ROWS, DETAIL_SHEET, summaryColumns } from "../../../src/core/merge";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN, META_SHEET, parseMetaRows } from "../../../src/core/template";
import { generateTemplate } from "../../../src/excel/generate";
import { type MergeOptions, type MergeResult, mergeWorkbooks, saveSplit } from "../../../src/excel/merge";
import { type ExcelHost, createExcelHost } from "@planbook/excel-host";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { currentRevision, previousRevision } from "../../support/plan";
import { type CityFile, cityFile, foreignFile, typicalInputsByCity } from "./files";
import { present } from "../../support/present";

const revision = currentRevision();
const period = "2026-10";
const cities = revision.cities;
const col = summaryColumns(cities.length);
const now = new Date("2026-11-05T09:00:00.000Z");
const fileName = (city: string): string => `${city}-2026-10.xlsx`;
const typedOf = typicalInputsByCity(revision);
const cityNo = (index: number): string => present(cities[index], `city #${index + 1} of the plan`);
const lastLocalQuota = () => present(localQuotas(revision).at(-1), "the plan's last local quota");

let cityFiles: CityFile[];

beforeAll(async () => {
  cityFiles = await Promise.all(cities.map((city) => cityFile(fileName(city), revision, city, typedOf(city))));
});

/** As the task pane does: the files are read, then merged into the open workbook. */
async function merge(host: ExcelHost, files: CityFile[], options: Partial<MergeOptions> = {}): Promise<MergeResult> {
  const read = await readMergeFiles(files);
  return host.run((context) => mergeWorkbooks(context, { revision, period, files: read, now, ...options }));
}

/** 1-based row of a summary row id on the host's 汇总 sheet. */
function rowOf(host: ExcelHost, id: string): number {
  return host.values(DETAIL_SHEET, "A1:A400").findIndex(([value]) => value === id) + 1;
}
const cellValue = (host: ExcelHost, column: number, row: number): unknown => present(host.values(DETAIL_SHEET, `${columnLetter(column)}${row}`)[0]?.[0], `${DETAIL_SHEET}!${columnLetter(column)}${row}`);
/** The summary row a city's quota lands in: its own id, or its Annex 2 family's. */
const rowIdOf = (quotaId: string): string => {
  const quota = revision.quotas.find((q) => q.id === quotaId);
  return quota?.region ? quotaId.replace(quota.region, "*") : quotaId;
};
const round = (value: unknown): unknown => (typeof value === "number" ? Math.round(value * 1e6) / 1e6 : value);

/** Sum of every city's typed cumulative figure, by summary row, for count quotas. */
function typedSums(): Map<string, number> {
  const sums = new Map<string, number>();
  for (const city of cities) {
    for (const [id, typed] of Object.entries(typedOf(city))) {
      const kind = revision.quotas.find((q) => q.id === id)?.kind;
      if (kind === "annual" || kind === "cumulative") sums.set(rowIdOf(id), (sums.get(rowIdOf(id)) ?? 0) + (typed.cumulative as number));
    }
  }
  return sums;
}

describe("merging eleven city workbooks into the open workbook", () => {
  let host: ExcelHost;
  let result: MergeResult;

  beforeAll(async () => {
    host = createExcelHost();
    host.stats.resetSyncs();
    result = await merge(host, cityFiles);
  });

  test("it takes two syncs: one read, one write", () => {
    expect(host.stats.syncs).toBe(2);
  });

  test("every city is filled", () => {
    expect(result.filled).toEqual(cities);
  });

  test("each row's evaluated 全省合计 is the sum of the cities' typed figures", () => {
    const sums = typedSums();
    const evaluated = new Map([...sums.keys()].map((id) => [id, round(cellValue(host, col.total, rowOf(host, id)))]));
    expect(evaluated).toEqual(new Map([...sums].map(([id, sum]) => [id, round(sum)])));
  });

  test("each row's evaluated 完成率 is the total over the province target", () => {
    const sums = typedSums();
    const expected = new Map(
      [...sums.keys()].map((id) => {
        const target = cellValue(host, col.target, rowOf(host, id));
        return [id, typeof target === "number" && target !== 0 ? round((sums.get(id) as number) / target) : ""];
      }),
    );
    const evaluated = new Map([...sums.keys()].map((id) => [id, round(cellValue(host, col.completion, rowOf(host, id)))]));
    expect(evaluated).toEqual(expected);
  });

  test("a city's evaluated completion divides its figure by its own Annex 2 target", () => {
    const quota = revision.quotas.find((q) => q.id === "I08-技能型企业-2027") as (typeof revision.quotas)[number];
    const share = planShare(revision, quota, "舟山市")?.target as number;
    const row = rowOf(host, quota.id);
    const i = cities.indexOf("舟山市");
    expect(round(cellValue(host, col.childCompletion + i, row))).toBe(round((present(typedOf("舟山市")[quota.id], `the figure typed for ${quota.id}`).cumulative as number) / share));
  });

  test("the summary holds values, not formulas, in the city blocks", () => {
    const block = host.formulas(DETAIL_SHEET, `${columnLetter(col.actual)}${SUMMARY_ROWS.firstData}:${columnLetter(col.actual + cities.length - 1)}${rowOf(host, lastLocalQuota().id)}`);
    expect(block.flat().filter((v) => typeof v === "string" && v.startsWith("="))).toEqual([]);
  });

  test("the summary keeps its period and revision as text", () => {
    expect(host.values(DETAIL_SHEET, "B2:D2")[0]).toEqual([period, expect.anything(), revision.revision]);
  });

  test("the 来源 sheet lists every file as accepted", () => {
    const rows = host.values(SOURCES_SHEET, `A3:H${2 + cities.length}`);
    expect(rows.map((row) => [row[0], row[1], row[7]])).toEqual(cities.map((city) => [fileName(city), `city:${city}`, "是"]));
  });

  test("both sheets are protected", () => {
    expect([host.sheet(DETAIL_SHEET).protection.protected, host.sheet(SOURCES_SHEET).protection.protected]).toEqual([true, true]);
  });

  test("a clustered column chart of completion by city for a split quota sits on 排名", () => {
    const chart = host.sheet(RANKING_SHEET).charts.find((c) => c.name === "PlanbookCityCompletion");
    expect([chart?.chartType, chart?.seriesBy, chart?.title.text, chart?.series.length]).toEqual(["ColumnClustered", "Columns", expect.stringContaining("各市完成率"), 1]);
  });

  test("the city chart reads the cities and their evaluated completion", () => {
    const chart = host.sheet(RANKING_SHEET).charts.find((c) => c.name === "PlanbookCityCompletion");
    const range = (chart?.source ?? "").replace(/^.*!/, "").replace(/\$/g, "");
    const rows = host.values(RANKING_SHEET, range).slice(1);
    expect([rows.map((row) => row[0]), rows.every((row) => typeof row[1] === "number" && row[1] > 0)]).toEqual([cities, true]);
  });

  test("the key work item table starts a printed page on 汇总, so its chart prints whole", () => {
    const tableRow = host.values(PROVINCE_SHEET, "B1:B400").findIndex(([value]) => value === "重点工作");
    expect([tableRow > 0, host.sheet(PROVINCE_SHEET).rowBreaks]).toEqual([true, [tableRow]]);
  });

  test("the chart of completion by key work item sits on 汇总, below its table, at its size", () => {
    const chart = host.sheet(PROVINCE_SHEET).charts.find((c) => c.name === "PlanbookItemCompletion");
    const range = (chart?.source ?? "").replace(/^.*!/, "").replace(/\$/g, "");
    const items = host.values(PROVINCE_SHEET, range).slice(1);
    expect([items.length, chart?.width, chart?.height]).toEqual([expect.any(Number), 480, 288]);
    expect(items.every((row) => typeof row[1] === "number")).toBe(true);
  });
});

describe("integrity, by file name", () => {
  let result: MergeResult;
  let host: ExcelHost;
  const city = cityNo(0);
  /** A split quota: on every city's sheet, with the city's Annex 2 share as its target. */
  const regional = revision.quotas.find((q) => q.region === null && q.level === "split") as (typeof revision.quotas)[number];
  const reasonsOf = (name: string): string[] => result.plan.rejected.filter((r) => r.file.name === name).flatMap((r) => r.reasons.map((f) => f.rule));

  beforeAll(async () => {
    host = createExcelHost();
    const files = [
      ...cityFiles.slice(2, 10),
      await cityFile("old-draft.xlsx", previousRevision(), cityNo(1), {}),
      await cityFile("september.xlsx", revision, cityNo(1), {}, { period: "2026-09" }),
      await cityFile("hz-a.xlsx", revision, city, typedOf(city)),
      await cityFile("hz-b.xlsx", revision, city, typedOf(city)),
      await foreignFile("own-format.xlsx"),
      await cityFile("tampered.xlsx", revision, cityNo(10), {}, {
        edit: (_, sheet, rowOf) => {
          sheet.getCell(rowOf(regional.id), COLUMN.target + 1).value = 1;
        },
      }),
      await cityFile("unknown-id.xlsx", revision, cityNo(10), {}, {
        edit: (workbook, sheet, rowOf) => {
          sheet.getCell(rowOf(regional.id), COLUMN.id + 1).value = "X-999";
          workbook.getWorksheet(META_SHEET)?.eachRow((row) => {
            if (row.getCell(3).value === regional.id) row.getCell(3).value = "X-999";
          });
        },
      }),
      { name: "empty.xlsx", data: new Uint8Array() },
    ];
    result = await merge(host, files);
  });

  test("a workbook of another revision is rejected", () => {
    expect(reasonsOf("old-draft.xlsx")).toEqual(["merge-other-revision"]);
  });

  test("a workbook of another period is rejected", () => {
    expect(reasonsOf("september.xlsx")).toEqual(["merge-other-period"]);
  });

  test("two workbooks of one city are both rejected", () => {
    expect([reasonsOf("hz-a.xlsx"), reasonsOf("hz-b.xlsx")]).toEqual([["merge-duplicate-city"], ["merge-duplicate-city"]]);
  });

  test("a workbook Planbook did not make is rejected", () => {
    expect(reasonsOf("own-format.xlsx")).toEqual(["merge-not-planbook"]);
  });

  test("a changed target is rejected", () => {
    expect(reasonsOf("tampered.xlsx")).toEqual(["target-changed"]);
  });

  test("an unknown quota id is rejected", () => {
    expect(reasonsOf("unknown-id.xlsx")).toEqual(["merge-unknown-quota"]);
  });

  test("an empty file is rejected as unreadable", () => {
    expect(reasonsOf("empty.xlsx")).toEqual(["merge-unreadable"]);
  });

  test("the missing cities are listed in one finding", () => {
    const missing = result.plan.findings.filter((f) => f.rule === "merge-city-missing").map((f) => f.value);
    expect(missing).toEqual([[cityNo(0), cityNo(1), cityNo(10)].join("、")]);
  });

  test("the 来源 sheet lists each rejected file with 否 and its reason", () => {
    const rows = host.values(SOURCES_SHEET, "A3:I40").filter((row) => row[7] === "否");
    expect(rows.map((row) => row[0])).toEqual(["old-draft.xlsx", "september.xlsx", "hz-a.xlsx", "hz-b.xlsx", "own-format.xlsx", "tampered.xlsx", "unknown-id.xlsx", "empty.xlsx"]);
  });

  test("a rejected file's figures are not in the summary", () => {
    expect(host.values(DETAIL_SHEET, `${columnLetter(col.actual)}${SUMMARY_ROWS.file}`)[0]?.[0]).toBe("");
  });
});

describe("a sheet of the aggregator's own under a summary sheet's name", () => {
  test("is never written over: nothing is merged and the finding names the sheet", async () => {
    const host = createExcelHost();
    host.userAddSheet("通报");
    await host.userEdit("通报", "A1:B2", [["本月通报", "处室意见"], ["杭州市", "请加快进度"]]);
    const result = await merge(host, cityFiles.slice(0, 2));
    expect(result.written).toBe(false);
    expect(result.plan.findings.filter((f) => f.rule === "merge-sheet-taken").map((f) => f.sheet)).toEqual(["通报"]);
    expect(host.values("通报", "A1:B2")).toEqual([["本月通报", "处室意见"], ["杭州市", "请加快进度"]]);
    expect(host.sheetNames()).not.toContain(DETAIL_SHEET);
  });

  test("an empty sheet of that name, or the summary's own from an earlier merge, is written as before", async () => {
    const host = createExcelHost();
    host.userAddSheet("通报");
    expect((await merge(host, cityFiles.slice(0, 2))).written).toBe(true);
    expect((await merge(host, cityFiles.slice(2, 4))).written).toBe(true);
    expect(host.values("通报", "A1")[0]?.[0]).toMatch(/^通报/);
  });
});

describe("merging again with a newer file of one city", () => {
  let host: ExcelHost;
  const city = cityNo(3);
  const quota = revision.quotas.find((q) => q.region === null && q.kind === "cumulative") as (typeof revision.quotas)[number];
  const i = cities.indexOf(city);
  let before: unknown[][];

  beforeAll(async () => {
    host = createExcelHost();
    await merge(host, cityFiles);
    before = host.values(DETAIL_SHEET, `A1:${columnLetter(col.width - 1)}${rowOf(host, lastLocalQuota().id)}`);
    const newer = await cityFile(`${city}-v2.xlsx`, revision, city, { ...typedOf(city), [quota.id]: { cumulative: 99999 } });
    host.stats.resetSyncs();
    await merge(host, [newer]);
  });

  test("the city's figure is replaced", () => {
    expect(cellValue(host, col.actual + i, rowOf(host, quota.id))).toBe(99999);
  });

  test("the other cities' columns are untouched", () => {
    const after = host.values(DETAIL_SHEET, `A1:${columnLetter(col.width - 1)}${before.length}`);
    const otherCities = (grid: unknown[][]) =>
      grid.slice(SUMMARY_ROWS.file - 1).map((row) => cities.flatMap((c, j) => (c === city ? [] : [row[col.actual + j], row[col.childPeriod + j], row[col.note + j]])));
    expect(otherCities(after)).toEqual(otherCities(before));
  });

  test("the total follows the new figure", () => {
    const row = rowOf(host, quota.id);
    const expected = (typedSums().get(quota.id) as number) - (present(typedOf(city)[quota.id], `the figure typed for ${quota.id}`).cumulative as number) + 99999;
    expect(round(cellValue(host, col.total, row))).toBe(round(expected));
  });

  test("the file row names the newer file", () => {
    expect(cellValue(host, col.actual + i, SUMMARY_ROWS.file)).toBe(`${city}-v2.xlsx`);
  });

  test("the 来源 sheet keeps the other files and lists the newer one", () => {
    const files = host.values(SOURCES_SHEET, "A3:A20").map((row) => row[0]).filter((v) => v !== "");
    expect(files).toEqual([...cities.filter((c) => c !== city).map(fileName), `${city}-v2.xlsx`]);
  });

  test("the charts are replaced, not added again", () => {
    expect([host.sheet(PROVINCE_SHEET).charts.length, host.sheet(RANKING_SHEET).charts.length]).toEqual([1, 1]);
  });

  test("merging again also takes two syncs", () => {
    expect(host.stats.syncs).toBe(2);
  });
});

describe("the aggregator decides", () => {
  test("only the files the aggregator chooses are merged", async () => {
    const host = createExcelHost();
    const result = await merge(host, cityFiles.slice(0, 3), { decide: (plan) => plan.accepted.slice(0, 1).map((a) => a.name) });
    expect(result.filled).toEqual([cityNo(0)]);
  });

  test("choosing nothing leaves the workbook as it was", async () => {
    const host = createExcelHost();
    await merge(host, cityFiles.slice(0, 2), { decide: () => [] });
    expect(host.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("the quota charted by city on 排名", () => {
  const unsheeted = (address: string): string => address.replace(/^.*!/, "").replace(/\$/g, "");

  test("the merge charts the chosen quota, where the file path's summary (the CLI's --chart-quota) charts it", async () => {
    const read = await readMergeFiles(cityFiles);
    const context = { revision, period };
    const accepted = canMerge(read, context).accepted;
    const choices = chartQuotaChoices(accepted, context);
    const chosen = present(choices.at(-1), "a quota to chart");
    const host = createExcelHost();
    await host.run((excel) => mergeWorkbooks(excel, { ...context, files: read, now, chartQuota: chosen.id }));
    const chart = host.sheet(RANKING_SHEET).charts.find((c) => c.name === "PlanbookCityCompletion");
    const head = Number(/\d+/.exec(unsheeted(chart?.source ?? ""))?.[0]);
    const inFile = buildSummary(accepted, { ...context, mergedAt: now.toISOString(), chartQuota: chosen.id }).charts.find((c) => c.sheet === RANKING_SHEET);
    expect([choices.length > 1, host.values(RANKING_SHEET, `A${head - 1}`)[0]?.[0], chart?.title.text, unsheeted(chart?.source ?? "")]).toEqual([
      true,
      `${chosen.id}　${chosen.label}`,
      `各市完成率：${chosen.label}`,
      inFile?.source,
    ]);
  });

  test("without a choice the first quota the merge could chart is charted", async () => {
    const read = await readMergeFiles(cityFiles);
    const first = present(chartQuotaChoices(canMerge(read, { revision, period }).accepted, { revision, period })[0], "a quota to chart");
    const host = createExcelHost();
    await host.run((excel) => mergeWorkbooks(excel, { revision, period, files: read, now }));
    const chart = host.sheet(RANKING_SHEET).charts.find((c) => c.name === "PlanbookCityCompletion");
    const head = Number(/\d+/.exec(unsheeted(chart?.source ?? ""))?.[0]);
    expect(host.values(RANKING_SHEET, `A${head - 1}`)[0]?.[0]).toBe(`${first.id}　${first.label}`);
  });
});

describe("values a city typed stay values", () => {
  const quota = revision.quotas.find((q) => q.region === null && q.kind === "annual") as (typeof revision.quotas)[number];
  let host: ExcelHost;

  beforeAll(async () => {
    host = createExcelHost();
    const file = await cityFile("hz.xlsx", revision, cityNo(0), {}, {
      edit: (_, sheet, rowOf) => {
        sheet.getCell(rowOf(quota.id), COLUMN.cumulative + 1).value = { formula: "2+3", result: 5 };
        sheet.getCell(rowOf(quota.id), COLUMN.note + 1).value = "=SUM(1,2)";
      },
    });
    await merge(host, [file]);
  });

  test("a formula typed in a city's cell arrives as its value", () => {
    const cell = host.cell(DETAIL_SHEET, `${columnLetter(col.actual)}${rowOf(host, quota.id)}`);
    expect([cell.value, cell.formula]).toEqual([5, null]);
  });

  test("text that looks like a formula arrives as text", () => {
    const cell = host.cell(DETAIL_SHEET, `${columnLetter(col.note)}${rowOf(host, quota.id)}`);
    expect([cell.value, cell.formula]).toEqual(["=SUM(1,2)", null]);
  });
});

describe("splitting a provincial target", () => {
  const quota = splittableQuotas(revision).find((q) => q.unit === "家") as (typeof revision.quotas)[number];
  const family = "I08-技能型企业-2027-*";

  test("saved split records are in the workbook's metadata", async () => {
    const host = createExcelHost();
    const { records } = planSplit(revision, quota.id, { kind: "annex", familyId: family });
    await host.run((context) => saveSplit(context, records));
    const meta = parseMetaRows(host.values(META_SHEET, "A1:L200") as never);
    expect(meta.splits).toEqual(records);
  });

  test("a city template generated after the split shows the city's share of the period's stage as its target", async () => {
    const host = createExcelHost();
    const { records } = planSplit(revision, quota.id, { kind: "annex", familyId: family });
    await host.run((context) => saveSplit(context, records));
    const generated = await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod(period), now }));
    const ids = host.values(generated.sheetName, "A1:A300").map((row) => row[0]);
    const row = ids.indexOf(quota.id) + 1;
    // 2026-10 reports on the quota's last deadline: the share of its last target.
    const lastYear = quota.path[quota.path.length - 1]?.year;
    const share = records.find((r) => r.city === "杭州市" && (r.year === undefined || r.year === lastYear));
    expect(host.values(generated.sheetName, `${columnLetter(COLUMN.target)}${row}`)[0]?.[0]).toBe(share?.target);
  });

  test("saving a split takes two syncs", async () => {
    const host = createExcelHost();
    const { records } = planSplit(revision, quota.id, { kind: "annex", familyId: family });
    host.stats.resetSyncs();
    await host.run((context) => saveSplit(context, records));
    expect(host.stats.syncs).toBe(2);
  });
});
