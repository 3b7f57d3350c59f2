import path from "path";
import { main } from "../../../src/cli/main";
import { present } from "../../support/present";

const ROOT = path.join(__dirname, "..", "..", "..");

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("planbook plan", () => {
  test("without --json it prints a readable table", async () => {
    const { code, out } = await run(["plan"]);
    expect(code).toBe(0);
    expect(out).toMatch(/编号 id\s+类型 kind/);
    expect(out).toMatch(/I01-先进制造业-每年\s+annual\s+≥40\s+万人次/);
  });

  test("--revision reads another seed", async () => {
    const { out } = await run(["plan", "--json", "--revision", path.join(ROOT, "seeds", "000_445b9ef01ca4c3e2.txt")]);
    const quotas = JSON.parse(out) as { id: string; pending: boolean }[];
    expect(quotas.find((q) => q.id === "I01-低空经济-每年-省经信厅")?.pending).toBe(true);
  });

  test("plan diff prints what changed between revisions", async () => {
    const { code, out } = await run(["plan", "diff", path.join(ROOT, "seeds", "000_445b9ef01ca4c3e2.txt"), path.join(ROOT, "seeds", "003_b259c65e08fddcd3.txt")]);
    expect(code).toBe(0);
    expect(out).toMatch(/~ I01-家政服务-每年\n\s+target: 2 → 5/);
  });

  test("plan check warns of the annexes' disagreement, naming both figures", async () => {
    const { code, out } = await run(["plan", "check"]);
    expect(code).toBe(0);
    expect(out).toMatch(/\[warning\] annex1-annex2-differ .*500.*538/);
  });

  test("plan check prints each finding in Chinese, then English", async () => {
    const { out } = await run(["plan", "check"]);
    expect(out).toMatch(/annex1-annex2-differ .*500个.*538个，两者不一致.* \/ Annex 1 line \d+ says 500个, Annex 2 line \d+ totals 538个/);
  });

  test("--lang en prints the findings in English only, and the JSON keeps the rule and its parameters", async () => {
    const { code, out } = await run(["plan", "check", "--json", "--lang", "en"]);
    const differ = present((JSON.parse(out) as { rule: string; message: string; params: Record<string, unknown> }[])[0], "a finding");
    expect([code, differ.rule, differ.message, differ.params.total]).toEqual([0, "annex1-annex2-differ", "Annex 1 line 83 says 500个, Annex 2 line 111 totals 538个: the province row keeps Annex 1, each city its Annex 2 share, and both are shown", 538]);
  });

  test("--lang zh prints the findings in Chinese only", async () => {
    const { out } = await run(["plan", "check", "--lang", "zh"]);
    expect([out.includes("两者不一致"), /Annex 1 says/.test(out)]).toEqual([true, false]);
  });

  test("--lang in another language exits 2 naming the languages it takes", async () => {
    const { code, err } = await run(["plan", "check", "--lang", "fr"]);
    expect([code, err]).toEqual([2, expect.stringContaining("zh 或 en")]);
  });

  test("an unknown command exits 2 in one line naming the commands", async () => {
    const { code, err } = await run(["frobnicate"]);
    expect(code).toBe(2);
    expect(err).toContain("plan、template、check、merge");
    expect(err).toContain("planbook --help");
    expect(err.trim().split("\n")).toHaveLength(1);
  });
});
