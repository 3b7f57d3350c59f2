import fc from "fast-check";
import { checkCells, type CheckContext, checkWorkbook, parseNumberInput } from "../../../src/core/checks";
import { buildTemplate, COLUMN, type ColumnKey, EMPTY_META, metaRows, metaSheetSpec, withSheetRecords } from "../../../src/core/template";
import { columnLetter, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { CITIES, cityWorkbook, fixtureRevision, QUOTA, type Typed } from "../merge/fixture";
import { specSnapshot } from "../../../scripts/workloads";
import { parsePeriod } from "../../../src/core/period";
import { findingMessage } from "../../../src/core/findings";
import { gridRow, present } from "../../support/present";

const context: CheckContext = { revisions: [fixtureRevision()] };
const CITY = "杭州市";
const SHEET = `${CITY} 2026-10`;

function workbook(typed: Typed, options: Parameters<typeof cityWorkbook>[2] = {}): WorkbookSnapshot {
  return cityWorkbook(CITY, typed, options);
}

/** The A1 address of a quota's cell in the fixture's city sheet. */
function at(snapshot: WorkbookSnapshot, quotaId: string, key: ColumnKey): string {
  const sheet = present(snapshot.sheets[0], "the city sheet");
  const row = sheet.values.findIndex((r) => r[0] === quotaId);
  return `${columnLetter(COLUMN[key])}${row + 1}`;
}

const only = (snapshot: WorkbookSnapshot, ctx: CheckContext = context) =>
  checkWorkbook(snapshot, ctx).map((f) => ({ rule: f.rule, cell: f.cell, severity: f.severity, suggestion: f.suggestion }));

describe("typed values", () => {
  test("a thousands separator is not a number, and 1000 is offered", () => {
    const snapshot = workbook({ [QUOTA.enterprises]: { cumulative: "1,000" } });
    expect(only(snapshot)).toEqual([{ rule: "not-a-number", cell: at(snapshot, QUOTA.enterprises, "cumulative"), severity: "error", suggestion: 1000 }]);
  });

  test("full-width digits are offered as digits", () => {
    const snapshot = workbook({ [QUOTA.enterprises]: { cumulative: "１２３" } });
    expect(only(snapshot)[0]).toMatchObject({ rule: "not-a-number", suggestion: 123 });
  });

  test("3.5万 in a 万人次 cell means 3.5", () => {
    const snapshot = workbook({ [QUOTA.training]: { cumulative: "3.5万" } });
    expect(only(snapshot)[0]).toMatchObject({ rule: "not-a-number", suggestion: 3.5 });
  });

  test("the message says what was typed and what is expected, Chinese first", () => {
    const snapshot = workbook({ [QUOTA.enterprises]: { cumulative: "约一千" } });
    expect(findingMessage(present(checkWorkbook(snapshot, context)[0], "a finding"))).toMatch(/^[A-Z]+\d+：填写的「约一千」不是数字，应为不小于 0 的整数（家） \/ .*"约一千" is not a number/);
  });

  test("a negative figure is an error", () => {
    const snapshot = workbook({ [QUOTA.training]: { cumulative: -2 } });
    expect(only(snapshot)).toEqual([{ rule: "negative", cell: at(snapshot, QUOTA.training, "cumulative"), severity: "error", suggestion: undefined }]);
  });

  test("a fraction of enterprises is an error", () => {
    const snapshot = workbook({ [QUOTA.enterprises]: { period: 2.5, cumulative: 7000.5 } });
    expect(only(snapshot).map((f) => f.rule)).toEqual(["fraction-in-count", "fraction-in-count"]);
  });

  test("cumulative below this period is an error", () => {
    const snapshot = workbook({ [QUOTA.training]: { period: 5, cumulative: 3 } });
    expect(only(snapshot)).toContainEqual({ rule: "cumulative-below-period", cell: at(snapshot, QUOTA.training, "cumulative"), severity: "error", suggestion: undefined });
  });

  test("a milestone status outside the list is an error", () => {
    const snapshot = workbook({ [QUOTA.milestone]: { status: "差不多" } });
    expect(only(snapshot)).toEqual([{ rule: "status-not-in-list", cell: at(snapshot, QUOTA.milestone, "status"), severity: "error", suggestion: undefined }]);
  });

  test("a blank required input is an error only at the end of the period", () => {
    const snapshot = workbook({});
    expect(only(snapshot)).toEqual([]);
    expect(only(snapshot, { ...context, endOfPeriod: true }).filter((f) => f.rule === "required-blank").length).toBeGreaterThan(0);
  });

  test("fixing the value clears the finding", () => {
    expect(only(workbook({ [QUOTA.enterprises]: { cumulative: 7000 } }))).toEqual([]);
  });
});

describe("warnings", () => {
  test("a figure well behind time-progress needs an explanation", () => {
    const snapshot = workbook({ "E27-杭州市": { cumulative: 300 } });
    expect(only(snapshot)).toEqual([{ rule: "behind-schedule", cell: at(snapshot, "E27-杭州市", "cumulative"), severity: "warning", suggestion: undefined }]);
  });

  test("a 说明 clears the warning", () => {
    expect(only(workbook({ "E27-杭州市": { cumulative: 300, note: "受疫情影响，四季度集中认定" } }))).toEqual([]);
  });

  test("more than three times the target is implausible", () => {
    const snapshot = workbook({ "E27-杭州市": { cumulative: 4600 } });
    expect(only(snapshot).map((f) => f.rule)).toEqual(["far-above-target"]);
  });

  test("a cumulative figure lower than last period's sheet is a warning", () => {
    const october = workbook({ "E27-杭州市": { cumulative: 1200 } });
    const november = cityWorkbook(CITY, { "E27-杭州市": { cumulative: 1100 } }, { period: "2026-11" });
    const both: WorkbookSnapshot = { sheets: [present(october.sheets[0], "October's sheet"), present(november.sheets[0], "November's sheet"), mergeMeta(october, november)] };
    expect(checkWorkbook(both, context).map((f) => [f.rule, f.sheet])).toContainEqual(["cumulative-decreased", `${CITY} 2026-11`]);
  });
});

describe("tampering and identity", () => {
  test("a changed target is found", () => {
    const snapshot = workbook({}, { edit: (cells, rowOf) => void (gridRow(cells, rowOf("E27-杭州市") - 1)[COLUMN.target] = { value: 1 }) });
    expect(only(snapshot)).toEqual([{ rule: "target-changed", cell: at(snapshot, "E27-杭州市", "target"), severity: "error", suggestion: undefined }]);
  });

  test("a value pasted over a formula is found", () => {
    const snapshot = workbook({}, { edit: (cells, rowOf) => void (gridRow(cells, rowOf(QUOTA.training) - 1)[COLUMN.completion] = { value: 1 }) });
    expect(only(snapshot)).toEqual([{ rule: "formula-changed", cell: at(snapshot, QUOTA.training, "completion"), severity: "error", suggestion: undefined }]);
  });

  test("a sheet for another period than expected is an error", () => {
    expect(only(workbook({}), { ...context, expected: { period: "2026-11" } }).map((f) => f.rule)).toEqual(["wrong-period"]);
  });

  test("a revision the checker does not know is an error", () => {
    expect(only(workbook({}), { revisions: [] }).map((f) => f.rule)).toEqual(["unknown-revision"]);
  });

  test("a workbook without metadata is not a Planbook workbook", () => {
    const snapshot = workbook({});
    expect(only({ sheets: [present(snapshot.sheets[0], "the city sheet")] }).map((f) => f.rule)).toEqual(["meta-missing"]);
  });
});

describe("live checking", () => {
  test("only the rows of the changed cells are reported", () => {
    const snapshot = workbook({ [QUOTA.enterprises]: { cumulative: "x" }, [QUOTA.training]: { cumulative: -1 } });
    const found = checkCells(snapshot, SHEET, [at(snapshot, QUOTA.training, "cumulative")], context);
    expect(found.map((f) => f.rule)).toEqual(["negative"]);
  });
});

describe("robustness", () => {
  test("no cell value makes the checks throw", () => {
    const anyValue = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(""));
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, anyValue, (period, cumulative, status, note) => {
        const snapshot = workbook({ [QUOTA.enterprises]: { period, cumulative }, [QUOTA.milestone]: { status, note } });
        expect(Array.isArray(checkWorkbook(snapshot, context))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test("parsing never takes text for a number", () => {
    fc.assert(fc.property(fc.string(), (text) => expect(parseNumberInput(text).ok).toBe(false)));
  });
});

/** Two fixture workbooks' metadata in one sheet, as a workbook with two periods has. */
function mergeMeta(a: WorkbookSnapshot, b: WorkbookSnapshot) {
  const [metaA, metaB] = [present(a.sheets[1], "the first metadata sheet"), present(b.sheets[1], "the second metadata sheet")];
  const rowsOf = (sheet: typeof metaA, kind: string) => sheet.values.slice(1).filter((r) => r[0] === kind);
  const values = [gridRow(metaA.values, 0), ...rowsOf(metaA, "sheet"), ...rowsOf(metaB, "sheet"), ...rowsOf(metaA, "row"), ...rowsOf(metaB, "row")];
  return { ...metaA, values, formulas: values };
}

describe("cities against the province", () => {
  /** A workbook holding the province sheet and all 11 city sheets of one period. */
  function provinceAndCities(provinceFigure: number, cityFigure: number): WorkbookSnapshot {
    const revision = fixtureRevision();
    const period = parsePeriod("2026-10");
    const built = [
      buildTemplate({ revision, scope: { kind: "province" }, period, generatedAt: "" }),
      ...CITIES.map((city) => buildTemplate({ revision, scope: { kind: "city", city }, period, generatedAt: "" })),
    ];
    built.forEach((b, index) => {
      const row = b.rowRecords.find((r) => r.quotaId === QUOTA.training)!.row;
      gridRow(b.sheet.cells, row - 1)[COLUMN.cumulative] = { value: index === 0 ? provinceFigure : cityFigure };
    });
    const meta = built.reduce((records, b) => withSheetRecords(records, b.sheetRecord, b.rowRecords), EMPTY_META);
    return { sheets: [...built.map((b) => specSnapshot(b.sheet)), specSnapshot(metaSheetSpec(metaRows(meta), null))] };
  }

  test("a province figure that is not the cities' sum is a warning on the province cell", () => {
    const findings = checkWorkbook(provinceAndCities(12, 1), context).filter((f) => f.rule === "cities-not-adding-up");
    expect(findings.map((f) => [f.sheet, f.quotaId, f.severity])).toEqual([["全省 2026-10", QUOTA.training, "warning"]]);
  });

  test("a province figure equal to the cities' sum is fine", () => {
    expect(checkWorkbook(provinceAndCities(11, 1), context).filter((f) => f.rule === "cities-not-adding-up")).toEqual([]);
  });
});
