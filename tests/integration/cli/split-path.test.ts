/**
 * The file path of the split-path table (tests/fixtures/split-path-expectations.ts): templates made
 * by `planbook template --all-cities --split plan` and `--all-counties 杭州市 --split <weights>
 * --city-split plan`, filled with ExcelJS as another program would, recalculated by LibreOffice;
 * `check` of a filled file; `merge` and `merge --history` of the filled city files, recalculated —
 * the same numbers as the in-memory host test.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { BULLETIN_SHEET, PROGRESS_SHEET, PROVINCE_SHEET } from "../../../src/core/merge";
import { readMeta } from "../../../src/core/snapshot";
import { readWorkbookFile } from "../../../src/xlsx/read";
import {
  CHECK_BEHIND,
  CHECK_TYPED,
  CATALOGUE,
  CITY,
  COUNTY,
  COUNTY_WEIGHTS,
  PERIOD,
  SPLIT_PATH_CASES,
  SPLIT_SUMMARY_CASES,
  SUMMARY_TYPED,
  type SplitPathCase,
  expectedLine,
  shownPath,
  summaryLine,
} from "../../fixtures/split-path-expectations";
import { planbook } from "../../support/cli";
import { fill } from "../../support/fill";
import { convertWithLibreOffice } from "../../support/libreoffice";
import { present } from "../../support/present";
import { firstReport } from "../../support/report";

let workDir: string;
const computed = new Map<SplitPathCase, Record<string, unknown>>();
let sheets: Awaited<ReturnType<typeof readWorkbookFile>>["sheets"] = [];
let historySheet: (typeof sheets)[number] | undefined;
let checked: { findings: { rule: string; quotaId: string | null }[] };

const run = (...args: string[]) => {
  const result = planbook(args, workDir);
  if (result.status !== 0 && result.status !== 1) throw new Error(result.stderr);
  return result;
};
const templateOf = (scope: SplitPathCase["scope"]): string =>
  scope.kind === "city" ? path.join(workDir, "cities", `${scope.city} ${PERIOD}.xlsx`) : path.join(workDir, "counties", `${scope.county} ${PERIOD}.xlsx`);
const cumulatives = (typed: Record<string, number>) => Object.fromEntries(Object.entries(typed).map(([id, figure]) => [id, { cumulative: figure }]));

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "planbook-split-path-"));
  writeFileSync(path.join(workDir, "counties.tsv"), COUNTY_WEIGHTS);
  run("template", "--all-cities", "--split", "plan", "--period", PERIOD, "--out", "cities");
  run("template", "--scope", "province", "--period", PERIOD, "--out", "province.xlsx");
  run("template", "--all-counties", CITY, "--split", "counties.tsv", "--city-split", "plan", "--period", PERIOD, "--out", "counties");
  const typedDir = path.join(workDir, "typed");
  mkdirSync(typedDir);
  const inputs = await Promise.all(
    SPLIT_PATH_CASES.map(async (c, index) => {
      const file = path.join(typedDir, `case-${index}.xlsx`);
      copyFileSync(templateOf(c.scope), file);
      await fill(file, cumulatives({ [c.quotaId]: c.typed }));
      return file;
    }),
  );
  // 杭州市's file for check, and the two cities' returns for merge (one period's folder for --history).
  const checkFile = path.join(workDir, "check.xlsx");
  copyFileSync(templateOf({ kind: "city", city: CITY }), checkFile);
  await fill(checkFile, cumulatives(CHECK_TYPED));
  checked = JSON.parse(run("check", checkFile, "--json").stdout) as typeof checked;
  const returned = path.join(workDir, "returned", PERIOD);
  mkdirSync(returned, { recursive: true });
  for (const [city, typed] of Object.entries(SUMMARY_TYPED)) {
    const file = path.join(returned, `${city} ${PERIOD}.xlsx`);
    copyFileSync(templateOf({ kind: "city", city }), file);
    await fill(file, cumulatives(typed));
  }
  run("merge", "--out", "汇总.xlsx", ...Object.keys(SUMMARY_TYPED).map((city) => path.join(returned, `${city} ${PERIOD}.xlsx`)));
  run("merge", "--history", path.join(workDir, "returned"), "--out", "进度.xlsx");
  const outDir = path.join(workDir, "recalculated");
  mkdirSync(outDir);
  const outputs = await convertWithLibreOffice([...inputs, path.join(workDir, "汇总.xlsx"), path.join(workDir, "进度.xlsx")], outDir);
  for (const [index, c] of SPLIT_PATH_CASES.entries()) {
    const values = firstReport(await readWorkbookFile(readFileSync(present(outputs[index], `the recalculated case ${index}`)))).rows.find((r) => r.quotaId === c.quotaId)?.values;
    computed.set(c, shownPath({ target: values?.target, completion: values?.completion, progress: values?.progress, state: values?.state }));
  }
  sheets = (await readWorkbookFile(readFileSync(present(outputs[SPLIT_PATH_CASES.length], "the recalculated summary")))).sheets;
  historySheet = (await readWorkbookFile(readFileSync(present(outputs[SPLIT_PATH_CASES.length + 1], "the recalculated history")))).sheets.find((s) => s.name === PROGRESS_SHEET);
}, 300_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("a count of one provincial catalogue on the command line", () => {
  test("比照目录涉及行业类别 is on the province's template, not on a city's or a county's, and --split plan gives no city a share of it", async () => {
    const rowsOf = async (file: string) => firstReport(await readWorkbookFile(readFileSync(file))).rows.map((r) => r.quotaId);
    const city = await readWorkbookFile(readFileSync(templateOf({ kind: "city", city: CITY })));
    expect([
      (await rowsOf(path.join(workDir, "province.xlsx"))).includes(CATALOGUE),
      firstReport(city).rows.some((r) => r.quotaId === CATALOGUE),
      (await rowsOf(templateOf({ kind: "county", county: COUNTY }))).includes(CATALOGUE),
      readMeta(city).splits.filter((s) => s.quotaId === CATALOGUE),
    ]).toEqual([true, false, false, []]);
  });
});

describe("a split quota's own path in CLI-made files recalculated by LibreOffice", () => {
  test.each(SPLIT_PATH_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(computed.get(c)).toEqual(shownPath(c.expected));
  });

  test(`check warns of a row behind its own path only (${COUNTY}'s city, ${CITY})`, () => {
    expect(checked.findings.filter((f) => f.rule === "behind-schedule").map((f) => f.quotaId)).toEqual(CHECK_BEHIND);
  });

  test.each(SPLIT_SUMMARY_CASES.map((c) => [c.quotaId, c] as const))("%s: merge's 滞后市数, 通报 and 进度 by each city's own path", (_id, c) => {
    const line = sheets.find((s) => s.name === PROVINCE_SHEET)?.values.find((row) => row[0] === c.quotaId);
    expect(summaryLine(line ?? [])).toEqual(expectedLine(c));
    const bulletin = (sheets.find((s) => s.name === BULLETIN_SHEET)?.values ?? []).filter((row) => row[2] === c.quotaId && row[1] === "市滞后").map((row) => row[4]);
    expect(bulletin).toEqual(c.bulletin);
    const header = (historySheet?.values[2] ?? []).map(String);
    const states = Object.fromEntries(Object.keys(c.history).map((city) => [city, historySheet?.values.find((r) => r[0] === c.quotaId && r[3] === city)?.[header.indexOf(`状态 ${PERIOD}`)]]));
    expect(states).toEqual(c.history);
  });
});
