/**
 * `planbook check --previous`: two real 杭州市 files, Q2 and Q3, made by `planbook template` and
 * filled by another program (ExcelJS); a cumulative that fell between them is an error naming the
 * Q3 file and cell, which checking the Q3 file alone cannot see.
 */
import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { COLUMN, KIND_LABELS } from "../../../src/core/template";
import { columnLetter } from "../../../src/core/snapshot";
import { planbook } from "../../support/cli";
import { present } from "../../support/present";

interface Report {
  findings: { file: string; rule: string; severity: string; cell: string | null; quotaId: string | null }[];
  errors: number;
  warnings: number;
}

/** Types the cumulative of the first 累计 quota row of the file; returns its id and cell. */
async function fillFirstCumulative(file: string, value: number): Promise<{ quotaId: string; cell: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = present(workbook.worksheets[0], "the file's first sheet");
  let found: { quotaId: string; cell: string } | null = null;
  sheet.eachRow((row, number) => {
    const kind = row.getCell(COLUMN.kind + 1).value;
    const quotaId = row.getCell(COLUMN.id + 1).value;
    if (found || typeof kind !== "string" || kind.trim() !== KIND_LABELS.cumulative || typeof quotaId !== "string") return;
    row.getCell(COLUMN.cumulative + 1).value = value;
    found = { quotaId, cell: `${columnLetter(COLUMN.cumulative)}${number}` };
  });
  if (!found) throw new Error(`no 累计 row in ${file}`);
  await workbook.xlsx.writeFile(file);
  return found;
}

describe("planbook check --previous", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-previous-"));
  const q2 = path.join(dir, "杭州市 2026-Q2.xlsx");
  const q3 = path.join(dir, "杭州市 2026-Q3.xlsx");
  let planted: { quotaId: string; cell: string };

  beforeAll(async () => {
    for (const [period, out] of [["2026-Q2", q2], ["2026-Q3", q3]] as const) {
      expect(planbook(["template", "--scope", "city:杭州市", "--period", period, "--out", out], dir).status).toBe(0);
    }
    await fillFirstCumulative(q2, 900);
    planted = await fillFirstCumulative(q3, 800);
  });

  test("Q3 alone has no error: the fall is across files", () => {
    const result = planbook(["check", "--json", q3], dir);
    expect((JSON.parse(result.stdout) as Report).errors).toBe(0);
  });

  test("Q3 against Q2 is an error naming the file and cell, and the inputs are not written", () => {
    const before = [readFileSync(q2), readFileSync(q3)];
    const result = planbook(["check", "--json", "--previous", q2, q3], dir);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.errors).toBe(1);
    expect(report.findings).toContainEqual(expect.objectContaining({ file: q3, rule: "cumulative-fell", severity: "error", cell: planted.cell, quotaId: planted.quotaId }));
    expect([readFileSync(q2), readFileSync(q3)]).toEqual(before);
  });

  test("the text output names the file, the cell and the previous period", () => {
    const result = planbook(["check", "--lang", "zh", "--previous", q2, q3], dir);
    expect(result.stdout).toContain(`${q3} 杭州市 2026-Q3!${planted.cell} [error] cumulative-fell`);
    expect(result.stdout).toContain("2026-Q2");
  });
});
