import { mkdtempSync, readFileSync, readdirSync } from "fs";
import os from "os";
import path from "path";
import { readWorkbook } from "../../../src/core/snapshot";
import { readWorkbookFile } from "../../../src/xlsx/read";
import { planbook } from "../../support/cli";
import { fill } from "../../support/fill";

/** The target each quota row of a file's report sheet shows (the first report whose scope is given). */
async function targetsOf(file: string, scope: string): Promise<Map<string, unknown>> {
  const { reports } = readWorkbook(await readWorkbookFile(readFileSync(file)));
  const report = reports.find((r) => r.record.scope === scope);
  if (!report) throw new Error(`no ${scope} sheet in ${file}`);
  return new Map(report.rows.map((row) => [row.quotaId, row.values.target]));
}

/**
 * County templates split from the city's share of a province target (--city-split, then --split):
 * the city's summary of its counties is the city's return, so it shows the city's own target (the
 * one its counties' targets add up to), not 未分解, and the province can measure the city by it.
 */
test("a city's summary of its counties carries the city's split targets in its return", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-county-targets-"));
  const run = (...args: string[]) => planbook(args, dir);
  expect(run("template", "--all-counties", "杭州市", "--city-split", "plan", "--split", "equal", "--period", "2026-10", "--out", "counties").status).toBe(0);
  expect(run("template", "--scope", "city:杭州市", "--split", "plan", "--period", "2026-10", "--out", "hangzhou.xlsx").status).toBe(0);
  for (const file of readdirSync(path.join(dir, "counties"))) await fill(path.join(dir, "counties", file), { "I01-先进制造业-每年": { period: 0.1, cumulative: 0.4 } });
  const merged = run("merge", "--out", "city.xlsx", ...readdirSync(path.join(dir, "counties")).map((file) => path.join("counties", file)));
  expect(merged.status).toBe(0);
  const cityTargets = await targetsOf(path.join(dir, "hangzhou.xlsx"), "city:杭州市");
  const returned = await targetsOf(path.join(dir, "city.xlsx"), "city:杭州市");
  expect(typeof cityTargets.get("I01-先进制造业-每年")).toBe("number");
  expect(returned.get("I01-先进制造业-每年")).toBe(cityTargets.get("I01-先进制造业-每年"));
  expect([...returned.values()]).not.toContain("未分解");
});
