/** Rows moved by rows inserted above, on the in-memory Excel host that shifts formulas as Excel does. */
import { checkWorkbook } from "../../../src/core/checks";
import { columnLetter } from "../../../src/core/snapshot";
import { parsePeriod } from "../../../src/core/period";
import { COLUMN } from "../../../src/core/template";
import { generateTemplate } from "../../../src/excel/generate";
import { readWorkbookSnapshot } from "../../../src/excel/workbook";
import { createExcelHost } from "@planbook/excel-host";
import { revision } from "./fixture";

const SHEET = "全省 2026-10";
const QUOTA = "I08-技能型企业-2027";

async function provinceWithRowsInsertedAbove() {
  const host = createExcelHost();
  await host.run((context) => generateTemplate(context, { revision, scope: { kind: "province" }, period: parsePeriod("2026-10") }));
  host.userUnprotect(SHEET);
  await host.userInsertRows(SHEET, 5, 3);
  const row = host.values(SHEET, "A1:A200").findIndex((r) => r[0] === QUOTA) + 1;
  const check = async () => checkWorkbook(await host.run(readWorkbookSnapshot), { revisions: [revision] }).map((f) => [f.rule, f.cell, f.quotaId]);
  return { host, row, check };
}

describe("a sheet with rows inserted above its quotas", () => {
  test("reports nothing when nothing else changed", async () => {
    const { check } = await provinceWithRowsInsertedAbove();
    expect(await check()).toEqual([]);
  });

  test("still recognises a row whose id was then overwritten", async () => {
    const { host, row, check } = await provinceWithRowsInsertedAbove();
    await host.userEdit(SHEET, `A${row}`, [["改过的编号"]]);
    expect(await check()).toEqual([["id-changed", `A${row}`, QUOTA]]);
  });

  test("finds a value pasted over a moved row's 状态 formula on that cell", async () => {
    const { host, row, check } = await provinceWithRowsInsertedAbove();
    const cell = `${columnLetter(COLUMN.state)}${row}`;
    await host.userEdit(SHEET, cell, [["正常"]], { paste: true });
    expect(await check()).toEqual([["formula-changed", cell, QUOTA]]);
  });
});
