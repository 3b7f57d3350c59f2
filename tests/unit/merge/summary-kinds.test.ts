import { HyperFormula } from "hyperformula";
import { parseCell } from "../../../src/core/snapshot";
import { buildSummary, type BuiltSummary, BULLETIN_SHEET, canMerge, cityRollup, MATRIX_SHEET, type MergeInputFile, PROVINCE_SHEET, RANKING_SHEET, summaryColumns } from "../../../src/core/merge";
import { readFileSync } from "fs";
import path from "path";
import { parseCounties } from "../../../src/core/plan";
import { type CellValue, gridToFormulas } from "../../../src/core/template";
import { provinceSplitRevision } from "../../support/plan";
import { type Typed, cityWorkbook } from "./fixture";

/**
 * The province summary of a written plan with every kind of quota (tests/fixtures/plans/province-split.ts):
 * its 状态, 滞后市数 and 通报 decide as the reports do — a level (a ceiling, a growth rate) against
 * its whole target, a deadline final with no tolerance, a city along its own Annex 2 path.
 */
const revision = provinceSplitRevision();
const mergedAt = "2026-11-05T09:00:00.000Z";

function merge(period: string, typed: Record<string, Typed>): BuiltSummary {
  const files: MergeInputFile[] = Object.entries(typed).map(([city, figures]) => ({
    name: `${city}.xlsx`,
    snapshot: cityWorkbook(city, figures, { revision, period, generatedAt: mergedAt }),
  }));
  const plan = canMerge(files, { revision, period });
  return buildSummary(plan.accepted, { revision, period, mergedAt, rejected: plan.rejected });
}

/** Every sheet of the summary evaluated together (the views read the detail sheet). */
function evaluate(built: BuiltSummary): (sheet: string, address: string) => CellValue {
  const sheets = Object.fromEntries(built.sheets.map((spec) => [spec.name, gridToFormulas(spec.cells).map((row) => row.map((v) => (v === "" ? null : v)))]));
  const engine = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  return (sheet, address) => {
    const { row, col } = parseCell(address);
    const value = engine.getCellValue({ sheet: engine.getSheetId(sheet) ?? -1, row, col });
    return typeof value === "object" && value !== null ? `#ERROR ${String((value as { type?: string }).type)}` : value;
  };
}

/** 汇总's row of a quota: its 状态 (column I) and 滞后市数 (column J), computed. */
function provinceLine(built: BuiltSummary, quotaId: string): { state: CellValue; lagging: CellValue } {
  const sheet = built.views.find((s) => s.name === PROVINCE_SHEET);
  const index = (sheet?.cells ?? []).findIndex((row) => row[0] !== null && row[0] !== undefined && "value" in row[0] && row[0].value === quotaId);
  if (index === -1) throw new Error(`no 汇总 row for ${quotaId}`);
  const value = evaluate(built);
  return { state: value(PROVINCE_SHEET, `I${index + 1}`), lagging: value(PROVINCE_SHEET, `J${index + 1}`) };
}

/** 通报's entries as `kind 编号 市`. */
function bulletin(built: BuiltSummary): string[] {
  const sheet = built.views.find((s) => s.name === BULLETIN_SHEET);
  return (sheet?.cells ?? []).slice(3).flatMap((row) => {
    const texts = [row[1], row[2], row[4]].map((c) => (c && "value" in c ? c.value : null));
    return texts.every((t) => t !== null) ? [texts.join(" ")] : [];
  });
}

const UNEMPLOYMENT = "I01-城镇调查失业率";
const NEW_JOBS = "I01-城镇新增就业-每年";
const INCOME = "I02-城乡居民人均可支配收入-每年";
const ACCIDENTS = "I03-重大生产安全事故-每年";
const TRAINING_BASES = "I04-公共实训基地-2027";

describe("汇总's 状态 follows the reports' rule for every kind of quota", () => {
  test("a rate under its ceiling before the year's end is 正常, not 已完成", () => {
    const built = merge("2026-Q3", { 杭州市: { [UNEMPLOYMENT]: { cumulative: 0.048 } }, 宁波市: { [UNEMPLOYMENT]: { cumulative: 0.046 } } });
    expect(provinceLine(built, UNEMPLOYMENT).state).toBe("正常");
  });

  test("a growth rate below its target less 10 points is 滞后 whatever the time elapsed", () => {
    const built = merge("2026-Q3", { 杭州市: { [INCOME]: { cumulative: 0.058 } }, 宁波市: { [INCOME]: { cumulative: 0.045 } } });
    expect(provinceLine(built, INCOME).state).toBe("滞后");
  });

  test("at the year's end a 左右 total of 96 of 100 is 已完成", () => {
    const built = merge("2026-12", { 杭州市: { [NEW_JOBS]: { period: 5, cumulative: 50 } }, 宁波市: { [NEW_JOBS]: { period: 5, cumulative: 46 } } });
    expect(provinceLine(built, NEW_JOBS).state).toBe("已完成");
  });

  test("at the year's end a 左右 total of 93 of 100 is 未完成, not 正常", () => {
    const built = merge("2026-12", { 杭州市: { [NEW_JOBS]: { period: 5, cumulative: 50 } }, 宁波市: { [NEW_JOBS]: { period: 5, cumulative: 43 } } });
    expect(provinceLine(built, NEW_JOBS).state).toBe("未完成");
  });
});

describe("滞后市数 counts the cities whose own 状态 is 滞后", () => {
  test("a city over the rate ceiling counts, however early in the year", () => {
    const built = merge("2026-Q3", { 杭州市: { [UNEMPLOYMENT]: { cumulative: 0.052 } }, 宁波市: { [UNEMPLOYMENT]: { cumulative: 0.046 } } });
    expect(provinceLine(built, UNEMPLOYMENT).lagging).toBe(1);
  });

  test("a city ahead of its own Annex 2 path does not count though it trails the province's (57 of 100: 杭州市 expects 65.625)", () => {
    const built = merge("2026-Q3", { 杭州市: { [TRAINING_BASES]: { period: 5, cumulative: 57 } }, 宁波市: { [TRAINING_BASES]: { period: 5, cumulative: 50 } } });
    expect(provinceLine(built, TRAINING_BASES).lagging).toBe(0);
  });
});

describe("通报 lists what the reports call 滞后 or 未完成", () => {
  test("a city behind its own Annex 2 path is listed (44 of 70: 宁波市 expects 51.25), one ahead of it is not", () => {
    const built = merge("2026-Q3", { 杭州市: { [TRAINING_BASES]: { period: 5, cumulative: 57 } }, 宁波市: { [TRAINING_BASES]: { period: 5, cumulative: 44 } } });
    const listed = bulletin(built);
    expect(listed).toContain(`市滞后 ${TRAINING_BASES} 宁波市`);
    expect(listed).not.toContain(`市滞后 ${TRAINING_BASES} 杭州市`);
  });

  test("one accident against 不超过0起 (零事故) is listed for the province, its completion 0", () => {
    const built = merge("2026-Q3", { 杭州市: { [ACCIDENTS]: { period: 1, cumulative: 1 } }, 宁波市: { [ACCIDENTS]: { period: 0, cumulative: 0 } } });
    expect(bulletin(built)).toContain(`指标滞后 ${ACCIDENTS} 全省`);
    expect(built.totals.find((t) => t.quotaId === ACCIDENTS)).toMatchObject({ actual: 1, completion: 0 });
  });

  test("a 左右 total short of 95 % at the year's end is listed as 未完成", () => {
    const built = merge("2026-12", { 杭州市: { [NEW_JOBS]: { period: 5, cumulative: 50 } }, 宁波市: { [NEW_JOBS]: { period: 5, cumulative: 43 } } });
    expect(bulletin(built)).toContain(`指标未完成 ${NEW_JOBS} 全省`);
  });
});

describe("a ratio's numerator and denominator are counts, not quotas", () => {
  const RATIO = "I05-技能人才自主评价-2026";
  const built = merge("2026-Q3", {
    杭州市: { [`${RATIO}/分子`]: { cumulative: 30 }, [`${RATIO}/分母`]: { cumulative: 60 } },
    宁波市: { [`${RATIO}/分子`]: { cumulative: 50 }, [`${RATIO}/分母`]: { cumulative: 60 } },
  });

  test("各市明细 gives their rows no city target (the ratio's 60 % is the ratio's)", () => {
    const col = summaryColumns(revision.cities.length);
    const rows = built.summary.cells.filter((row) => {
      const id = row[col.id];
      return id !== null && id !== undefined && "value" in id && String(id.value).startsWith(`${RATIO}/`);
    });
    expect(rows.map((row) => row.slice(col.childTarget, col.childTarget + revision.cities.length).filter((c) => c !== null))).toEqual([[], []]);
  });

  test("排名 ranks the ratio by city, never its figures", () => {
    const ranking = built.views.find((s) => s.name === RANKING_SHEET);
    const titles = (ranking?.cells ?? []).flatMap((row) => (row[0] && "value" in row[0] && String(row[0].value).startsWith(RATIO) ? [String(row[0].value).split("　")[0]] : []));
    expect(titles).toEqual([RATIO]);
  });
});

test("汇总 shows no 序时进度 on a ratio's numerator and denominator rows, only on the ratio's", () => {
  const RATIO = "I05-技能人才自主评价-2026";
  const built = merge("2026-Q3", { 杭州市: { [`${RATIO}/分子`]: { cumulative: 30 }, [`${RATIO}/分母`]: { cumulative: 60 } } });
  const sheet = built.views.find((s) => s.name === PROVINCE_SHEET);
  const progress = (sheet?.cells ?? []).flatMap((row) => (row[0] && "value" in row[0] && String(row[0].value).startsWith(RATIO) ? [row[7] !== null] : []));
  expect(progress).toEqual([true, false, false]);
});

describe("a city's summary of its counties names the city and its counties, not 全省 and 市", () => {
  const geography = parseCounties(readFileSync(path.join(__dirname, "..", "..", "..", "seeds", "zhejiang-counties.tsv"), "utf8"));
  const built = buildSummary([], { revision, period: "2026-Q3", mergedAt, geography, rollup: cityRollup("杭州市", geography) });
  const sheet = (name: string) => built.views.find((s) => s.name === name);
  const text = (name: string, row: number): string[] => (sheet(name)?.cells[row - 1] ?? []).map((c) => (c && "value" in c ? String(c.value) : ""));

  test("汇总's title and columns", () => {
    expect(text(PROVINCE_SHEET, 1)[0]).toBe(`${revision.title}杭州市汇总表`);
    expect(text(PROVINCE_SHEET, 3)).toEqual(["编号", "工作举措/指标", "计量单位", "杭州市目标", "杭州市合计", "本期合计", "完成率", "序时进度", "状态", "滞后县数", "已报县数"]);
  });

  test("各市完成率's first columns and 通报's", () => {
    expect(text(MATRIX_SHEET, 3).slice(0, 4)).toEqual(["编号", "指标", "杭州市", "上城区"]);
    expect(text(BULLETIN_SHEET, 3)).toEqual(["序号", "类型", "编号", "指标", "县", "完成率", "序时进度", "说明"]);
  });
});
