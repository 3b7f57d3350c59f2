/**
 * One audit, two hosts: the same city sheet and the same previous period's file checked by
 * `planbook check --previous` (a file) and by the pane's 校验 (the open workbook, on the in-memory
 * host) give the same findings — the same rule at the same cell with the same message.
 */
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { createExcelHost } from "@planbook/excel-host";
import { runCheckCommand } from "../../../src/cli/check";
import { findingMessage, inFile } from "../../../src/core/findings";
import { parsePeriod } from "../../../src/core/period";
import { columnLetter } from "../../../src/core/snapshot";
import { COLUMN } from "../../../src/core/template";
import { runAudit } from "../../../src/excel/audit";
import { generateTemplate } from "../../../src/excel/generate";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { currentRevision } from "../../support/plan";
import { reportFile } from "../merge/files";

const revision = currentRevision();
const SHEET = "杭州市 2026-10";
const HANGZHOU = { kind: "city", city: "杭州市" } as const;
/** A running total that fell (900 → 800), and a figure that is not a number. */
const FELL = "I08-技能型企业-2027";
const TEXT = "I11-技能型乡村-2027";

type Said = [string, string, string | null, string | null, string];

test("check --previous and the pane's 校验 with the previous file say the same findings", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-audit-both-ways-"));
  const september = await reportFile("杭州市 2026-09.xlsx", revision, HANGZHOU, { [FELL]: { cumulative: 900 } }, { period: "2026-09" });
  const october = await reportFile("杭州市 2026-10.xlsx", revision, HANGZHOU, { [FELL]: { cumulative: 800 }, [TEXT]: { cumulative: "三十" } }, { period: "2026-10" });
  for (const file of [september, october]) writeFileSync(path.join(dir, file.name), file.data);

  const out: string[] = [];
  await runCheckCommand(["--json", "--previous", path.join(dir, september.name), path.join(dir, october.name)], { out: (text) => out.push(text), err: () => undefined });
  const json = JSON.parse(out.join("")) as { findings: { rule: string; sheet: string; cell: string | null; quotaId: string | null; message: string }[] };
  const cli: Said[] = json.findings.map((f) => [f.rule, f.sheet, f.cell, f.quotaId, f.message]);

  const host = createExcelHost();
  await host.run((context) => generateTemplate(context, { revision, scope: HANGZHOU, period: parsePeriod("2026-10") }));
  const ids = host.values(SHEET, "A1:A300").map((row) => row[0]);
  const cell = (id: string) => `${columnLetter(COLUMN.cumulative)}${ids.indexOf(id) + 1}`;
  await host.userEdit(SHEET, cell(FELL), [[800]]);
  // Pasted: typing is refused by the cell's validation, a paste is not (as a file filled by another program).
  await host.userEdit(SHEET, cell(TEXT), [["三十"]], { paste: true });
  const previous = { name: september.name, snapshot: await readWorkbookFile(september.data, { fileName: september.name }) };
  const audit = await host.run((context) => runAudit(context, { revisions: [revision], previous }));
  // The command line names the file each finding is in; the pane's are all in the open workbook.
  const pane: Said[] = audit.findings.map((f) => inFile(f, path.join(dir, october.name))).map((f) => [f.rule, f.sheet, f.cell, f.quotaId, findingMessage(f)]);

  expect(cli.filter(([rule]) => rule === "cumulative-fell" || rule === "not-a-number").map(([rule, sheet, at, quotaId]) => [rule, sheet, at, quotaId])).toEqual([
    ["not-a-number", SHEET, cell(TEXT), TEXT],
    ["cumulative-fell", SHEET, cell(FELL), FELL],
  ]);
  expect(pane).toEqual(cli);
}, 120_000);
