/**
 * Level corrections travel with the files handed out (issue 15): a quota corrected from contributed
 * to province-only leaves every city template, a returned city file checked alone does not ask for
 * it, and a merge leaves it out; the reverse correction (province-only → contributed) adds it, asks
 * for it and sums it. The corrections come from `--corrections` (`level` entries) or from a workbook
 * whose 计划 view saved them (`--revision book.xlsx`); a file made with other levels is a merge warning.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { readMeta } from "../../../src/core/snapshot";
import { COLUMN, EMPTY_META, metaRows, metaSheetSpec } from "../../../src/core/template";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { writeWorkbook } from "../../../src/xlsx/render";
import { planbook } from "../../support/cli";
import { currentRevision } from "../../support/plan";
import { firstReport } from "../../support/report";

const revision = currentRevision();
/** Contributed as read (每年…高级职称 counts every city adds to), corrected to province-only. */
const TO_PROVINCE = "I20-高级职称-2027";
/** Province-only as read (浙江工匠), corrected to contributed. */
const TO_CITIES = "I21-浙江工匠-2025";
const LEVELS = [
  { quotaId: TO_PROVINCE, level: "province-only" },
  { quotaId: TO_CITIES, level: "contributed" },
] as const;
const PERIOD = "2025-12";

const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-levels-"));
const run = (...args: string[]) => planbook(args, dir);
const fileOf = (folder: string, city: string) => path.join(dir, folder, `${city} ${PERIOD}.xlsx`);
const reportOf = async (file: string) => firstReport(await readWorkbookFile(readFileSync(file)));
const rowIds = async (file: string) => (await reportOf(file)).rows.map((r) => r.quotaId);

/** A returned file: the template with `figure` typed as the 累计 of each quota named (as another program would). */
async function filled(template: string, out: string, figures: Record<string, number>): Promise<string> {
  const report = await reportOf(template);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(template) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(report.name) as ExcelJS.Worksheet;
  for (const [quotaId, figure] of Object.entries(figures)) {
    const row = report.rows.find((r) => r.quotaId === quotaId);
    if (row) sheet.getCell(row.row, COLUMN.cumulative + 1).value = figure;
  }
  const file = path.join(dir, out);
  writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return file;
}

const checkedIds = (file: string): string[] => {
  const result = run("check", file, "--end-of-period", "--json");
  return (JSON.parse(result.stdout) as { findings: { quotaId: string | null; rule: string }[] }).findings.filter((f) => f.rule === "required-blank").map((f) => f.quotaId ?? "");
};

interface MergeJson {
  totals: { quotaId: string; actual: number | null }[];
  findings: { rule: string; file?: string; params: Record<string, unknown> }[];
}
const merged = (out: string, files: string[], ...options: string[]): MergeJson => {
  const result = run("merge", ...files, "--out", out, "--json", ...options);
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as MergeJson;
};

beforeAll(async () => {
  writeFileSync(path.join(dir, "levels.json"), JSON.stringify(LEVELS.map((l) => ({ id: l.quotaId, level: l.level }))));
  // The workbook a person corrected levels in (the 计划 view saves them in its metadata), as the CLI's plan.
  writeFileSync(path.join(dir, "book.xlsx"), await writeWorkbook([metaSheetSpec(metaRows({ ...EMPTY_META, levels: LEVELS.map((l) => ({ ...l })) }), null)]));
  for (const [folder, args] of [
    ["corrected", ["--corrections", "levels.json"]],
    ["from-book", ["--revision", "book.xlsx"]],
    ["derived", []],
  ] as const) {
    const result = run("template", "--all-cities", "--period", PERIOD, "--out", folder, ...args);
    if (result.status !== 0) throw new Error(result.stderr);
  }
  mkdirSync(path.join(dir, "returned"));
}, 120_000);

describe("level corrections in the templates handed out", () => {
  test.each([["--corrections"], ["--revision book.xlsx"]])("with %s a quota corrected to province-only is on no city template, one corrected to contributed on every one", async (how) => {
    const folder = how === "--corrections" ? "corrected" : "from-book";
    for (const city of revision.cities) {
      const ids = await rowIds(fileOf(folder, city));
      expect([ids.includes(TO_PROVINCE), ids.includes(TO_CITIES)]).toEqual([false, true]);
    }
  });

  test("without corrections the levels are the text's", async () => {
    const ids = await rowIds(fileOf("derived", "杭州市"));
    expect([ids.includes(TO_PROVINCE), ids.includes(TO_CITIES)]).toEqual([true, false]);
  });

  test("each file's metadata holds the corrections it was made with", async () => {
    const meta = readMeta(await readWorkbookFile(readFileSync(fileOf("corrected", "宁波市"))));
    expect(meta.levels).toEqual(expect.arrayContaining(LEVELS.map((l) => ({ ...l }))));
    expect(meta.levels).toHaveLength(2);
  });

  test("planbook plan --corrections lists the corrected levels", () => {
    const quotas = JSON.parse(run("plan", "--corrections", "levels.json", "--json").stdout) as { id: string; level: string }[];
    expect(LEVELS.map((l) => quotas.find((q) => q.id === l.quotaId)?.level)).toEqual(LEVELS.map((l) => l.level));
  });
});

describe("a returned city file checked alone goes by the levels it was made with", () => {
  test("at the end of the period it asks for the quota corrected to contributed, not the one corrected to province-only", () => {
    const asked = checkedIds(fileOf("corrected", "杭州市"));
    expect([asked.includes(TO_PROVINCE), asked.includes(TO_CITIES)]).toEqual([false, true]);
  });

  test("a file made without corrections asks the reverse", () => {
    const asked = checkedIds(fileOf("derived", "杭州市"));
    expect([asked.includes(TO_PROVINCE), asked.includes(TO_CITIES)]).toEqual([true, false]);
  });
});

describe("a merge of returned files goes by their levels", () => {
  const figures = (index: number) => ({ [TO_CITIES]: 10 + index, [TO_PROVINCE]: 100 + index, "I01-先进制造业-每年": 1 });
  const total = (json: MergeJson, id: string) => json.totals.find((t) => t.quotaId === id)?.actual;

  test("files made with the corrections: the contributed quota is summed, the province-only one left out, no warning", async () => {
    const files = await Promise.all(revision.cities.map((city, i) => filled(fileOf("corrected", city), path.join("returned", `c-${city}.xlsx`), figures(i))));
    const json = merged("merged-corrected.xlsx", files);
    expect(total(json, TO_CITIES)).toBe(revision.cities.reduce((sum, _c, i) => sum + 10 + i, 0));
    expect(json.totals.some((t) => t.quotaId === TO_PROVINCE)).toBe(false);
    expect(json.findings.filter((f) => f.rule === "merge-levels-differ")).toEqual([]);
  });

  test("one file made without them is a warning naming both quotas, and its rows the merge does not take are not summed", async () => {
    const files = await Promise.all(
      revision.cities.map((city, i) => filled(fileOf(city === "杭州市" ? "derived" : "corrected", city), path.join("returned", `m-${city}.xlsx`), figures(i))),
    );
    const json = merged("merged-mixed.xlsx", files);
    const warnings = json.findings.filter((f) => f.rule === "merge-levels-differ");
    expect(warnings.map((w) => [w.file, w.params.quotaIds])).toEqual([[`m-杭州市.xlsx`, [TO_PROVINCE, TO_CITIES]]]);
    expect(total(json, TO_CITIES)).toBe(revision.cities.reduce((sum, _c, i) => (i === 0 ? sum : sum + 10 + i), 0));
    expect(json.totals.some((t) => t.quotaId === TO_PROVINCE)).toBe(false);
  });

  test("the aggregator's corrections rule over the files': without them (the text's levels) the corrected files are the ones warned about", async () => {
    const files = await Promise.all(revision.cities.map((city, i) => filled(fileOf("corrected", city), path.join("returned", `a-${city}.xlsx`), figures(i))));
    writeFileSync(path.join(dir, "as-read.json"), JSON.stringify([{ id: TO_PROVINCE, level: "contributed" }, { id: TO_CITIES, level: "province-only" }]));
    const json = merged("merged-as-read.xlsx", files, "--corrections", "as-read.json");
    expect(json.findings.filter((f) => f.rule === "merge-levels-differ")).toHaveLength(revision.cities.length);
    expect(json.totals.some((t) => t.quotaId === TO_CITIES)).toBe(false);
  });
});

describe("bad level corrections", () => {
  test("a level that is not one of the four is refused by entry, Chinese then English", () => {
    writeFileSync(path.join(dir, "bad-level.json"), JSON.stringify([{ id: TO_PROVINCE, level: "city-only" }]));
    const result = run("template", "--scope", "city:杭州市", "--period", PERIOD, "--out", "bad.xlsx", "--corrections", "bad-level.json");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/bad-level\.json #1.*level 应为 province-only.*level must be one of/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test("a level for a quota the plan does not have is refused by id", () => {
    writeFileSync(path.join(dir, "bad-id.json"), JSON.stringify([{ id: "I99-没有-2027", level: "contributed" }]));
    const result = run("template", "--scope", "city:杭州市", "--period", PERIOD, "--out", "bad.xlsx", "--corrections", "bad-id.json");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("I99-没有-2027");
  });
});
