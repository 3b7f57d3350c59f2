import { carriedInputs, columnLetter, parseCell, parseRange } from "../../../src/core/snapshot";
import { parsePeriod } from "../../../src/core/period";
import { buildTemplate, type BuiltTemplate, type CellSpec, COLUMN, partId } from "../../../src/core/template";
import { PROVINCE, revision, setCell, sheetName, type, workbookOf } from "../checks/fixture";
import { firstReport } from "../../support/report";
import { gridRow, present } from "../../support/present";

/** 已建会规上企业开展能级工资集体协商比例: 60% by 2025, 全覆盖 by 2027. */
const RATIO = "I14-能级工资集体协商-2027";
const NUMERATOR = partId(RATIO, "numerator");
const DENOMINATOR = partId(RATIO, "denominator");

const build = (carried?: Parameters<typeof buildTemplate>[0]["carried"]): BuiltTemplate =>
  buildTemplate({ revision, scope: PROVINCE, period: parsePeriod("2026-10"), generatedAt: "2026-10-31T00:00:00Z", carried });

const rowOf = (built: BuiltTemplate, id: string): number => {
  const row = built.rowRecords.find((r) => r.quotaId === id)?.row;
  if (row === undefined) throw new Error(`no row for ${id}`);
  return row;
};
const at = (key: keyof typeof COLUMN, row: number): string => `${columnLetter(COLUMN[key])}${row}`;
const cellOf = (built: BuiltTemplate, row: number, key: keyof typeof COLUMN): CellSpec | null => present(gridRow(built.sheet.cells, row - 1)[COLUMN[key]], `column ${key} of row ${row}`);
const valueOf = (built: BuiltTemplate, row: number, key: keyof typeof COLUMN): unknown => {
  const cell = cellOf(built, row, key);
  return cell && "value" in cell ? cell.value : undefined;
};
/** Whether a cell lies in one of the ranges. */
const inRanges = (ranges: readonly string[], address: string): boolean => {
  const { row, col } = parseCell(address);
  return ranges.some((range) => {
    const { start, end } = parseRange(range);
    return row >= start.row && row <= end.row && col >= start.col && col <= end.col;
  });
};

describe("a ratio is collected as its numerator and denominator", () => {
  const built = build();
  const ratio = rowOf(built, RATIO);

  test("its two figures sit on the rows right below it, named from the plan's text", () => {
    expect([rowOf(built, NUMERATOR), rowOf(built, DENOMINATOR)]).toEqual([ratio + 1, ratio + 2]);
    expect([valueOf(built, ratio + 1, "measure"), valueOf(built, ratio + 2, "measure")]).toEqual(["分子：开展能级工资集体协商企业数", "分母：已建会规上企业数"]);
    expect([valueOf(built, ratio + 1, "unit"), valueOf(built, ratio + 2, "kind")]).toEqual(["家", "分母"]);
  });

  test("the ratio's 累计完成 is their quotient, locked; their 累计完成 are typed in, as whole numbers", () => {
    const numerator = at("cumulative", ratio + 1);
    const denominator = at("cumulative", ratio + 2);
    expect(cellOf(built, ratio, "cumulative")).toEqual({
      formula: `=IF(OR(NOT(ISNUMBER(${numerator})),NOT(ISNUMBER(${denominator}))),"",IF(${denominator}=0,"",${numerator}/${denominator}))`,
    });
    const unlocked = built.sheet.unlocked;
    expect([inRanges(unlocked, at("cumulative", ratio)), inRanges(unlocked, numerator), inRanges(unlocked, denominator)]).toEqual([false, true, true]);
    expect([inRanges(unlocked, at("period", ratio + 1)), inRanges(unlocked, at("status", ratio + 2)), inRanges(unlocked, at("note", ratio + 1))]).toEqual([false, false, true]);
    const rule = built.sheet.validations.find((v) => inRanges([v.range], numerator));
    expect(rule?.rule).toEqual({ type: "whole", min: 0 });
    expect(rule?.prompt?.message).toContain("家");
  });

  test("the ratio's figures carry into a regenerated sheet, by their own ids", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }]);
    const name = sheetName({ scope: PROVINCE, period: "2026-10" });
    type(snapshot, name, NUMERATOR, { cumulative: 1200, note: "含新建会企业" });
    type(snapshot, name, DENOMINATOR, { cumulative: 2400 });
    const report = firstReport(snapshot);
    const again = build(carriedInputs(report, snapshot.sheets[0]));
    const row = rowOf(again, RATIO);
    expect([valueOf(again, row + 1, "cumulative"), valueOf(again, row + 1, "note"), valueOf(again, row + 2, "cumulative"), again.archived]).toEqual([1200, "含新建会企业", 2400, []]);
  });

  test("a share typed before ratios had figures is kept in the archive area, its 说明 on the ratio's row", () => {
    const snapshot = workbookOf([{ scope: PROVINCE, period: "2026-10" }]);
    const name = sheetName({ scope: PROVINCE, period: "2026-10" });
    // A sheet of the earlier format: the ratio's own cell held the typed share, and no figure rows.
    setCell(snapshot, name, at("cumulative", rowOf(build(), RATIO)), 0.55);
    type(snapshot, name, RATIO, { note: "抽样估算" });
    const report = firstReport(snapshot);
    const carried = carriedInputs(report, snapshot.sheets[0]);
    const withoutFigures = { ...carried, rows: carried.rows.filter((r) => r.quotaId !== NUMERATOR && r.quotaId !== DENOMINATOR) };
    const again = build(withoutFigures);
    const row = rowOf(again, RATIO);
    const kept = again.rowRecords.find((r) => r.archived);
    expect([again.archived, valueOf(again, row, "note"), kept && valueOf(again, kept.row, "cumulative")]).toEqual([[`${RATIO}/原填报比例`], "抽样估算", 0.55]);
  });
});
