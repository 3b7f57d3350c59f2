/**
 * The file path of the annex-reading table (tests/fixtures/annex-reading-expectations.ts): the
 * province's template made by `planbook template --scope province`, and 汇总 made by `planbook merge`
 * of city templates (`--all-cities`), filled with ExcelJS as another program would and recalculated
 * by LibreOffice — the row by Annex 1 and the line under it by Annex 2, with the same numbers as
 * the in-memory host test; `check` finds nothing wrong with either.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { PROVINCE_SHEET } from "../../../src/core/merge";
import type { ReportSheet } from "../../../src/core/snapshot";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { ANNEX_READING_CASES, type AnnexReadingCase, QUOTA, READING, shownReading, splitAmongCities } from "../../fixtures/annex-reading-expectations";
import { planbook } from "../../support/cli";
import { fill } from "../../support/fill";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { present } from "../../support/present";
import { firstReport } from "../../support/report";

let workDir: string;
const province = new Map<AnnexReadingCase, ReportSheet>();
const summary = new Map<AnnexReadingCase, unknown[][]>();
const checked = new Map<AnnexReadingCase, { findings: { quotaId: string | null }[] }>();

const run = (...args: string[]) => {
  const result = planbook(args, workDir);
  if (result.status !== 0 && result.status !== 1) throw new Error(result.stderr);
  return result;
};

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "planbook-annex-reading-"));
  const inputs: string[] = [];
  for (const [index, c] of ANNEX_READING_CASES.entries()) {
    const file = path.join(workDir, `province-${index}.xlsx`);
    run("template", "--scope", "province", "--period", c.period, "--out", file);
    await fill(file, { [QUOTA]: { cumulative: c.typed } });
    checked.set(c, JSON.parse(run("check", file, "--json").stdout) as { findings: { quotaId: string | null }[] });
    const cities = path.join(workDir, `cities-${index}`);
    run("template", "--all-cities", "--period", c.period, "--out", cities);
    const returned = path.join(workDir, `returned-${index}`);
    mkdirSync(returned);
    const files = Object.entries(splitAmongCities(c.typed)).map(([city, figure]) => {
      const copy = path.join(returned, `${city}.xlsx`);
      copyFileSync(path.join(cities, `${city} ${c.period}.xlsx`), copy);
      return { copy, figure };
    });
    for (const { copy, figure } of files) await fill(copy, { [QUOTA]: { cumulative: figure } });
    const merged = path.join(workDir, `汇总-${index}.xlsx`);
    run("merge", "--out", merged, ...files.map((f) => f.copy));
    inputs.push(file, merged);
  }
  const outDir = path.join(workDir, "recalculated");
  mkdirSync(outDir);
  const outputs = await convertWithLibreOffice(inputs, outDir);
  for (const [index, c] of ANNEX_READING_CASES.entries()) {
    province.set(c, firstReport(await readWorkbookFile(readFileSync(present(outputs[2 * index], `the recalculated province ${index}`)))));
    const sheets = (await readWorkbookFile(readFileSync(present(outputs[2 * index + 1], `the recalculated summary ${index}`)))).sheets;
    summary.set(c, sheets.find((s) => s.name === PROVINCE_SHEET)?.values ?? []);
  }
}, 300_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("the province's two readings where the annexes disagree, in CLI-made files recalculated by LibreOffice", () => {
  test.each(ANNEX_READING_CASES.map((c) => [c.name, c] as const))("the province's template, %s", (_name, c) => {
    const report = province.get(c);
    const values = (rows: ReportSheet["rows"] | undefined, id: string) => {
      const v = rows?.find((r) => r.quotaId === id)?.values;
      return shownReading({ target: v?.target, completion: v?.completion, progress: v?.progress, state: v?.state });
    };
    expect({ annex1: values(report?.rows, QUOTA), annex2: values(report?.readingRows, READING) }).toEqual({ annex1: shownReading(c.annex1), annex2: shownReading(c.annex2) });
  });

  test.each(ANNEX_READING_CASES.map((c) => [c.name, c] as const))("check of the filled province template finds nothing on either line, %s", (_name, c) => {
    expect(checked.get(c)?.findings.filter((f) => f.quotaId === QUOTA || f.quotaId === READING)).toEqual([]);
  });

  test.each(ANNEX_READING_CASES.map((c) => [c.name, c] as const))("汇总 of the merged city returns, %s", (_name, c) => {
    const lines = summary.get(c) ?? [];
    const line = (id: string) => {
      const found = lines.find((row) => row[0] === id) ?? [];
      return shownReading({ target: found[3], completion: found[6], progress: found[7], state: found[8] });
    };
    expect({ annex1: line(QUOTA), annex2: line(READING) }).toEqual({ annex1: shownReading(c.annex1), annex2: shownReading(c.annex2) });
  });
});
