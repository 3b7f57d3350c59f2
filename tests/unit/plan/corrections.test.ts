import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../../../src/cli/main";
import { InvalidCorrectionError } from "../../../src/core/shared";
import { applyCorrections, parsePlan, readCorrections } from "../../../src/core/plan";
import { EMPTY_META, META_SHEET, metaRows, parseMetaRows, withImportedPlan } from "../../../src/core/template";
import { QUOTA_KINDS_PLAN } from "../../fixtures/plans/quota-kinds";

/** Correcting what the importer read, before generating: by quota id, in the pane or from a file. */

const revision = parsePlan(QUOTA_KINDS_PLAN);
const GROWTH = "I01-地区生产总值-每年";
const RANGE = "I03-市级技能大师工作室-2026";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("applying corrections to an imported plan", () => {
  test("a corrected target, deadline and lead unit replace what was read; the rest is kept", () => {
    const corrected = applyCorrections(revision, [{ id: RANGE, target: 4, year: 2027, units: ["市总工会"] }]);
    expect(corrected.quotas.find((q) => q.id === RANGE)).toEqual(
      expect.objectContaining({ target: 4, year: 2027, units: ["市总工会"], pending: false, path: [expect.objectContaining({ year: 2027, target: 4 })] }),
    );
    expect(corrected.quotas.find((q) => q.id === RANGE)?.range).toBeUndefined();
    expect(corrected.quotas.filter((q) => q.id !== RANGE)).toEqual(revision.quotas.filter((q) => q.id !== RANGE));
  });

  test("a corrected kind brings its unit and cadence: a growth rate read as a ratio becomes growth, due every year", () => {
    const asRatio = applyCorrections(revision, [{ id: GROWTH, kind: "ratio", year: 2027 }]);
    expect(asRatio.quotas.find((q) => q.id === GROWTH)).toEqual(expect.objectContaining({ kind: "ratio", unit: "%", year: 2027, cadence: "once" }));
    const back = applyCorrections(asRatio, [{ id: GROWTH, kind: "growth", year: null }]);
    expect(back.quotas.find((q) => q.id === GROWTH)).toEqual(expect.objectContaining({ kind: "growth", unit: "%", year: null, path: [] }));
  });

  test("the corrected plan is a revision of its own, labelled corrected", () => {
    const corrected = applyCorrections(revision, [{ id: GROWTH, target: 6.5 }]);
    expect(corrected.revision).not.toBe(revision.revision);
    expect(corrected.revision.startsWith(`${revision.revision}+`)).toBe(true);
    expect(corrected.label).toMatch(/已校正 1 项/);
  });

  test("no corrections: the plan as read", () => {
    expect(applyCorrections(revision, [])).toBe(revision);
  });

  test("a correction naming no quota of the plan is refused, naming it", () => {
    expect(() => applyCorrections(revision, [{ id: "I99-没有", target: 1 }])).toThrow(InvalidCorrectionError);
    expect(() => applyCorrections(revision, [{ id: "I99-没有", target: 1 }])).toThrow(/I99-没有/);
  });
});

describe("a corrections file", () => {
  test.each([
    [{ id: GROWTH, target: "6" }, /#1.*target/],
    [{ id: GROWTH, kind: "percent" }, /#1.*kind/],
    [{ id: GROWTH, deadline: 2026 }, /#1.*deadline/],
    [{ target: 6 }, /#1.*id/],
  ])("%j is refused with the entry and the field named", (entry, message) => {
    expect(() => readCorrections([entry], "c.json")).toThrow(message);
  });
});

describe("an imported plan stored in the workbook's metadata", () => {
  test("is read back with its corrections, however long its text", () => {
    const long = `${QUOTA_KINDS_PLAN}\n${"说明".repeat(40000)}`;
    const plan = { text: long, corrections: [{ id: GROWTH, target: 6.5 }] };
    const stored = withImportedPlan(withImportedPlan(EMPTY_META, { text: long, corrections: [] }), plan);
    expect(parseMetaRows(metaRows(stored)).plans).toEqual([plan]);
  });
});

describe("planbook plan with corrections", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-corrections-"));
  const planFile = path.join(dir, "list.txt");
  writeFileSync(planFile, QUOTA_KINDS_PLAN);

  test("--corrections applies a corrections file to the --revision plan", async () => {
    const file = path.join(dir, "corrections.json");
    writeFileSync(file, JSON.stringify([{ id: GROWTH, target: 6.5, comparator: ">=" }]));
    const { code, out } = await run(["plan", "--json", "--revision", planFile, "--corrections", file]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toContainEqual(expect.objectContaining({ id: GROWTH, kind: "growth", target: 6.5, comparator: ">=" }));
  });

  test("a bad corrections file exits 2 naming the file and the entry", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify([{ id: "I99-没有", target: 1 }]));
    const { code, err } = await run(["plan", "--json", "--revision", planFile, "--corrections", file]);
    expect(code).toBe(2);
    expect(err).toMatch(/bad\.json.*I99-没有/);
  });

  test("--revision <workbook.xlsx> reads the plan imported into it, as corrected", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(META_SHEET);
    for (const row of metaRows(withImportedPlan(EMPTY_META, { text: QUOTA_KINDS_PLAN, corrections: [{ id: RANGE, target: 5 }] }))) sheet.addRow(row);
    const file = path.join(dir, "book.xlsx");
    await book.xlsx.writeFile(file);
    const { code, out } = await run(["plan", "--json", "--revision", file]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toContainEqual(expect.objectContaining({ id: RANGE, target: 5 }));
  });

  test("a workbook with no imported plan exits 2 saying so", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sheet1");
    const file = path.join(dir, "empty.xlsx");
    await book.xlsx.writeFile(file);
    const { code, err } = await run(["plan", "--revision", file]);
    expect(code).toBe(2);
    expect(err).toMatch(/没有导入的计划/);
  });
});
