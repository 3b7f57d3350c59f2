/**
 * A plan that is not built in (`--revision <seed>`) is known to every command given it: a
 * template made from it checks clean, not as a sheet of an unknown revision.
 */
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../../src/cli/main";

/** A small but complete Annex 1: a header and two measures of one key work item. */
const IMPORTED_ANNEX = [
  "附件1",
  "重点工作任务清单",
  "主要任务 | 重点工作 | 工作举措 | 责任单位 | 工作目标 | ||",
  "一、实施“技能照亮前程”培训行动 | (一)推行“订单式”培训促进精准就业 | 开展职业技能提升培训 | 开展先进制造业领域职业技能提升培训 | 省人力社保厅 | 每年培训40万人次 | |",
  "开展数字经济领域职业技能提升培训 | 省经信厅 | 每年培训10万人次 | ||||",
].join("\n");

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("planbook check --revision", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-imported-"));
  const seed = path.join(dir, "imported.txt");
  const file = path.join(dir, "province.xlsx");

  beforeAll(async () => {
    writeFileSync(seed, IMPORTED_ANNEX);
    await run(["template", "--revision", seed, "--scope", "province", "--period", "2026-10", "--out", file]);
  });

  test("knows the plan a template was made from: no unknown-revision finding", async () => {
    const { code, out } = await run(["check", "--json", "--revision", seed, file]);
    const report = JSON.parse(out) as { findings: { rule: string }[] };
    expect([code, report.findings.filter((f) => f.rule === "unknown-revision")]).toEqual([0, []]);
  });

  test("without it the plan is unknown, as before", async () => {
    const { out } = await run(["check", "--json", file]);
    const report = JSON.parse(out) as { findings: { rule: string }[] };
    expect(report.findings.map((f) => f.rule)).toContain("unknown-revision");
  });
});
