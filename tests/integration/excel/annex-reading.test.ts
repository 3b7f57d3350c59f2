/**
 * The Office.js path of the annex-reading table (tests/fixtures/annex-reading-expectations.ts): the
 * province's sheet generated in the strict in-memory host, typed into and recalculated — its row by
 * Annex 1 and the line under it by Annex 2 —, 校验 of it, and the pane's merge of city returns into
 * 汇总: the same numbers as the LibreOffice tests of CLI-made files.
 */
import { createExcelHost } from "@planbook/excel-host";
import { PROVINCE_SHEET } from "../../../src/core/merge";
import { parsePeriod } from "../../../src/core/period";
import { columnLetter } from "../../../src/core/snapshot";
import { COLUMN } from "../../../src/core/template";
import { runAudit } from "../../../src/excel/audit";
import { generateTemplate } from "../../../src/excel/generate";
import { mergeWorkbooks } from "../../../src/excel/merge";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { ANNEX_READING_CASES, type AnnexReadingCase, QUOTA, READING, shownReading, splitAmongCities } from "../../fixtures/annex-reading-expectations";
import { currentRevision } from "../../support/plan";
import { gridRow } from "../../support/present";
import { cityFile } from "../merge/files";

const revision = currentRevision();
const at = (key: keyof typeof COLUMN, row: number) => `${columnLetter(COLUMN[key])}${row}`;

async function provinceSheet(c: AnnexReadingCase) {
  const host = createExcelHost();
  const result = await host.run((context) => generateTemplate(context, { revision, scope: { kind: "province" }, period: parsePeriod(c.period) }));
  const ids = host.values(result.sheetName, "A1:A300").map((r) => r[0]);
  const rowOf = (id: string): number => {
    const row = ids.indexOf(id) + 1;
    if (row === 0) throw new Error(`no row for ${id}`);
    return row;
  };
  await host.userEdit(result.sheetName, at("cumulative", rowOf(QUOTA)), [[c.typed]]);
  const read = (id: string) => {
    const row = rowOf(id);
    const [target] = gridRow(host.values(result.sheetName, at("target", row)), 0);
    const [completion, progress, state] = gridRow(host.values(result.sheetName, `${at("completion", row)}:${at("state", row)}`), 0);
    return shownReading({ target, completion, progress, state });
  };
  return { host, read };
}

describe("the province's two readings where the annexes disagree, in the in-memory Excel host", () => {
  test.each(ANNEX_READING_CASES.map((c) => [c.name, c] as const))("province sheet, %s", async (_name, c) => {
    const { read } = await provinceSheet(c);
    expect({ annex1: read(QUOTA), annex2: read(READING) }).toEqual({ annex1: shownReading(c.annex1), annex2: shownReading(c.annex2) });
  });

  test("校验 finds nothing wrong with the line by Annex 2, and it is under the quota's row", async () => {
    const [c] = ANNEX_READING_CASES;
    if (!c) throw new Error("no case");
    const { host } = await provinceSheet(c);
    const { findings } = await host.run((context) => runAudit(context, { revisions: [revision] }));
    expect(findings.filter((f) => f.quotaId === READING || f.quotaId === QUOTA)).toEqual([]);
  });

  test.each(ANNEX_READING_CASES.map((c) => [c.name, c] as const))("汇总 after the pane's merge, %s", async (_name, c) => {
    const files = await Promise.all(Object.entries(splitAmongCities(c.typed)).map(([city, figure]) => cityFile(`${city}.xlsx`, revision, city, { [QUOTA]: { cumulative: figure } }, { period: c.period })));
    const host = createExcelHost();
    await host.run(async (context) => mergeWorkbooks(context, { revision, period: c.period, files: await readMergeFiles(files), now: new Date("2026-11-05T09:00:00.000Z") }));
    const lines = host.values(PROVINCE_SHEET, "A1:K80");
    const line = (id: string) => {
      const found = lines.find((row) => row[0] === id) ?? [];
      return shownReading({ target: found[3], completion: found[6], progress: found[7], state: found[8] });
    };
    expect({ annex1: line(QUOTA), annex2: line(READING), next: lines[lines.findIndex((row) => row[0] === QUOTA) + 1]?.[0] }).toEqual({
      annex1: shownReading(c.annex1),
      annex2: shownReading(c.annex2),
      next: READING,
    });
  });
});
