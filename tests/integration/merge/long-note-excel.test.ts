/**
 * A 说明 longer than an Excel cell holds (32,767 characters, only a program writes one), merged in
 * the task pane on the in-memory host, which refuses longer text as Excel does: the file's finding
 * names the cell, and the summary shows the 说明 cut to what a cell holds, marked "…", instead of
 * the merge failing on Excel's refusal or the text being cut without a word.
 */
import { DETAIL_SHEET, summaryColumns } from "../../../src/core/merge";
import { EXCEL_CELL_CHARACTERS, columnLetter } from "../../../src/core/snapshot";
import { mergeWorkbooks } from "../../../src/excel/merge";
import { createExcelHost } from "@planbook/excel-host";
import { readMergeFiles } from "../../../src/xlsx/merge-files";
import { QUOTA, cityName, cleanCities, revision } from "../../fixtures/returned-files";
import { cityFile } from "./files";
import { present } from "../../support/present";

const HANGZHOU = present(revision.cities[0], "the plan's first city");
const LONG_NOTE = "因".repeat(40_000);

test("the merge names the cell, and the summary shows the first 32,767 characters, marked as cut", async () => {
  const long = await cityFile(cityName(HANGZHOU), revision, HANGZHOU, { [QUOTA.id]: { cumulative: 9, note: LONG_NOTE } });
  const files = await readMergeFiles([...(await cleanCities([HANGZHOU])), long]);
  const host = createExcelHost();
  const result = await host.run((context) =>
    mergeWorkbooks(context, {
      revision,
      period: "2026-10",
      files,
      now: new Date("2026-11-05T09:00:00.000Z"),
      // The aggregator takes the file despite its error, as with --accept-errors.
      decide: (plan) => [...plan.accepted.map((a) => a.name), ...plan.rejected.map((r) => r.file.name)],
    }),
  );
  expect(result.written).toBe(true);
  const accepted = present(result.plan.accepted.find((a) => a.child === HANGZHOU), "杭州市's accepted file");
  expect(accepted.findings.filter((f) => f.rule === "text-too-long").map((f) => f.params)).toEqual([{ length: 40_000, limit: EXCEL_CELL_CHARACTERS }]);
  const row = host.values(DETAIL_SHEET, "A1:A400").findIndex(([value]) => value === QUOTA.id) + 1;
  const noteColumn = summaryColumns(revision.cities.length).note + revision.cities.indexOf(HANGZHOU);
  const shown = String(host.values(DETAIL_SHEET, `${columnLetter(noteColumn)}${row}`)[0]?.[0]);
  expect([shown.length, shown.endsWith("…"), shown.startsWith("因因因")]).toEqual([EXCEL_CELL_CHARACTERS, true, true]);
});
