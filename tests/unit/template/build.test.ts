import { parsePeriod } from "../../../src/core/period";
import { buildTemplate, type CellSpec, COLUMN, HEADER_ROW, identityRow, NOT_ASSIGNED, PENDING, REPORT_COLUMNS, type SheetSpec, type TemplateRequest } from "../../../src/core/template";
import { columnLetter, parseCell, parseRange } from "../../../src/core/snapshot";
import { loadSeed } from "../../../src/cli/io";
import { fixtureRevision, QUOTA } from "../merge/fixture";
import { gridRow, present } from "../../support/present";

function build(overrides: Partial<TemplateRequest> = {}) {
  return buildTemplate({
    revision: fixtureRevision(),
    scope: { kind: "province" },
    period: parsePeriod("2026-10"),
    generatedAt: "2026-10-31T00:00:00.000Z",
    ...overrides,
  });
}

function rowOf(built: ReturnType<typeof build>, quotaId: string): number {
  const record = built.rowRecords.find((r) => r.quotaId === quotaId);
  if (!record) throw new Error(`no row for ${quotaId}`);
  return record.row;
}

function cell(sheet: SheetSpec, row: number, key: keyof typeof COLUMN): CellSpec | null {
  return present(gridRow(sheet.cells, row - 1)[COLUMN[key]], `column ${key} of row ${row}`);
}

const at = (key: keyof typeof COLUMN, row: number): string => `${columnLetter(COLUMN[key])}${row}`;

describe("the reporting template", () => {
  test("the header row carries the titles checks and merges look for", () => {
    const titles = gridRow(build().sheet.cells, HEADER_ROW - 1).map((c) => (c && "value" in c ? c.value : null));
    expect(titles).toEqual(expect.arrayContaining(["编号", "目标值", "本期完成", "累计完成", "完成率", "说明"]));
    expect(titles).toHaveLength(REPORT_COLUMNS.length);
  });

  test("the province sheet has one row per province-wide quota", () => {
    expect(build().quotaRows).toBe(5);
  });

  test("a city sheet adds its own Annex 2 quotas with its own numbers", () => {
    const built = build({ scope: { kind: "city", city: "宁波市" } });
    expect(built.quotaRows).toBe(8);
    expect(cell(built.sheet, rowOf(built, "E27-宁波市"), "target")).toEqual({ value: 1525 });
  });

  test("a city sheet shows a province-wide target as not assigned", () => {
    const built = build({ scope: { kind: "city", city: "宁波市" } });
    expect(cell(built.sheet, rowOf(built, QUOTA.training), "target")).toEqual({ value: NOT_ASSIGNED });
  });

  test("a split target becomes the city's own target", () => {
    const built = build({
      scope: { kind: "city", city: "宁波市" },
      splits: [{ quotaId: QUOTA.training, city: "宁波市", target: 1.25 }],
    });
    expect(cell(built.sheet, rowOf(built, QUOTA.training), "target")).toEqual({ value: 1.25 });
  });

  test("an undecided target is pending, never zero", () => {
    const built = build();
    expect(cell(built.sheet, rowOf(built, QUOTA.pending), "target")).toEqual({ value: PENDING });
  });

  test("a ratio target is written as a fraction shown as a percentage", () => {
    const built = build();
    const row = rowOf(built, QUOTA.ratio);
    expect(cell(built.sheet, row, "target")).toEqual({ value: 0.6 });
    expect(built.sheet.numberFormats).toContainEqual({ range: `${at("target", row)}:${at("cumulative", row)}`, format: "0%" });
  });

  test("completion is a formula over cumulative and target, blank while either is not a number", () => {
    const built = build();
    const row = rowOf(built, QUOTA.training);
    expect(cell(built.sheet, row, "completion")).toEqual({
      formula: `=IF(OR(NOT(ISNUMBER(${at("cumulative", row)})),NOT(ISNUMBER(${at("target", row)}))),"",IF(${at("target", row)}=0,"",${at("cumulative", row)}/${at("target", row)}))`,
    });
  });

  test("序时进度 shows where it comes from: the path's expected value over the stage's target", () => {
    const built = build();
    const formula = cell(built.sheet, rowOf(built, QUOTA.enterprises), "progress");
    // 10000 by the end of 2027 from 0 at the start of 2025: 22 of 36 months by October 2026.
    expect(formula).toEqual({ formula: expect.stringContaining(",(0+(10000-0)*22/36)/10000)") });
  });

  test("a quota past its only deadline asks for nothing: its inputs are locked", () => {
    const built = build();
    const row = rowOf(built, QUOTA.milestone);
    expect(built.sheet.unlocked.filter((range) => range.includes(`${at("status", row)}`) || range.startsWith(`${at("cumulative", row)}`))).toEqual([]);
  });

  test("a quota past its only deadline has a final status: 已完成 or 未完成", () => {
    const built = build();
    expect(cell(built.sheet, rowOf(built, QUOTA.milestone), "state")).toEqual({ formula: expect.stringContaining('"未完成"') });
  });

  test("a count quota accepts whole numbers only", () => {
    const built = build();
    const row = rowOf(built, QUOTA.enterprises);
    const rule = built.sheet.validations.find((v) => v.range.includes(`${at("cumulative", row)}`));
    expect(rule?.rule).toEqual({ type: "whole", min: 0 });
    expect(rule?.error.message).toMatch(/整数.*whole number/);
  });

  test("a milestone is reported by a status list in its status cell", () => {
    const open = build({ period: parsePeriod("2025-10") });
    const row = rowOf(open, QUOTA.milestone);
    const rule = open.sheet.validations.find((v) => v.range.startsWith(at("status", row)));
    expect(rule?.rule).toEqual({ type: "list", items: ["未启动", "推进中", "已完成"] });
  });

  test("inputs are unlocked and targets are not", () => {
    const built = build();
    const row = rowOf(built, QUOTA.training);
    const unlockedCells = built.sheet.unlocked.join(" ");
    expect(unlockedCells).toContain(at("note", row));
    expect(unlockedCells).not.toContain(at("target", row));
  });

  test("the signature block follows the rows with an input beside each label", () => {
    const built = build();
    const labels = built.sheet.cells.map((row) => (row[0] && "value" in row[0] ? row[0].value : null));
    expect(labels.slice(-5)).toEqual(["单位负责人：", "统计负责人：", "填表人：", "联系电话：", "报出日期："]);
    expect(built.sheet.unlocked).toContain(`B${built.sheet.cells.length}`);
  });

  test("typed values are carried into a regenerated sheet by quota id", () => {
    const built = build({
      carried: {
        rows: [{ quotaId: QUOTA.training, period: 1.5, cumulative: 8, status: "", note: "按计划", measure: "", target: 10, unit: "万人次", previous: null }],
        signature: { 填表人: "张三" },
      },
    });
    const row = rowOf(built, QUOTA.training);
    expect(cell(built.sheet, row, "cumulative")).toEqual({ value: 8 });
    expect(cell(built.sheet, row, "note")).toEqual({ value: "按计划" });
  });

  test("a dropped quota with data is archived, never deleted", () => {
    const built = build({
      carried: {
        rows: [{ quotaId: "OLD-1", period: 3, cumulative: 9, status: "", note: "", measure: "旧举措", target: 12, unit: "家", previous: null }],
        signature: {},
      },
    });
    expect(built.archived).toEqual(["OLD-1"]);
    const record = built.rowRecords.find((r) => r.quotaId === "OLD-1");
    expect(record?.archived).toBe(true);
    expect(cell(built.sheet, record?.row ?? 0, "cumulative")).toEqual({ value: 9 });
  });

  test("a dropped quota without data is not archived", () => {
    const built = build({
      carried: { rows: [{ quotaId: "OLD-2", period: "", cumulative: "", status: "", note: "", measure: "", target: 1, unit: "家", previous: null }], signature: {} },
    });
    expect(built.archived).toEqual([]);
  });

  test("the sheet is named after scope and period", () => {
    expect(build({ scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-Q3") }).sheet.name).toBe("杭州市 2026-Q3");
  });
});

describe("input messages on the seed plan", () => {
  // In 2025 every quota is still open, so every one asks for its figure.
  const seedBuilt = buildTemplate({ revision: loadSeed().revision, scope: { kind: "province" }, period: parsePeriod("2025-10"), generatedAt: "2025-10-31T00:00:00.000Z" });
  const validationAt = (address: string) => seedBuilt.sheet.validations.find((v) => rangeContains(v.range, address));
  const countRows = seedBuilt.rowRecords
    .map((record) => ({ record, quota: loadSeed().revision.quotas.find((q) => q.id === record.quotaId) }))
    .filter(({ quota }) => quota !== undefined && (quota.kind === "annual" || quota.kind === "cumulative"));

  test("every count cell's prompt and error name the row's own unit", () => {
    const wrong = countRows.filter(({ record, quota }) => {
      const validation = validationAt(at("cumulative", record.row));
      const unit = `（${quota?.unit}）`;
      return !validation || !validation.prompt.message.includes(unit) || !validation.error.message.includes(unit);
    });
    expect(wrong.map(({ record }) => record.quotaId)).toEqual([]);
  });

  test("the seed plan's count rows use more than one unit (so the test above can fail)", () => {
    expect(new Set(countRows.map(({ quota }) => quota?.unit)).size).toBeGreaterThan(3);
  });
});

/** Whether an A1 range such as `K5:K9` holds the cell `K7`. */
function rangeContains(range: string, address: string): boolean {
  const { start, end } = parseRange(range);
  const { row, col } = parseCell(address);
  return row >= start.row && row <= end.row && col >= start.col && col <= end.col;
}

describe("where a sheet's identity is shown", () => {
  test("on a sheet with the form's frame, each part on its own frame line", () => {
    expect([identityRow("scope", HEADER_ROW), identityRow("period", HEADER_ROW), identityRow("revision", HEADER_ROW)]).toEqual([2, 3, 4]);
  });

  test("on a sheet made before the frame (header on row 3), the one information line above the header", () => {
    expect([identityRow("scope", 3), identityRow("period", 3), identityRow("revision", 3)]).toEqual([2, 2, 2]);
  });
});
