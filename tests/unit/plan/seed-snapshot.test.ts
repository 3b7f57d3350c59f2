import { readFileSync } from "fs";
import path from "path";
import { main } from "../../../src/cli/main";

const ROOT = path.join(__dirname, "..", "..", "..");

/**
 * The seeds must read exactly as they did before the plan importer learned other layouts: the
 * snapshots are `planbook plan --json --revision seeds/<seed>` taken before that work, retaken
 * when quotas became paths (issue 14: a quota's points joined, readable ids) with the parser of
 * that time, which still read only the annex's table layout, and with each quota's reporting level
 * and the co-responsible totals' parts added since (issue 15); a count of one provincial catalogue
 * (比照目录涉及行业类别) became the province's own (issue 26).
 */
describe("the seeds parse to the same plan as before other layouts were understood", () => {
  test.each(["003_b259c65e08fddcd3.txt", "000_445b9ef01ca4c3e2.txt"])("%s", async (seed) => {
    let out = "";
    let err = "";
    const code = await main(["plan", "--json", "--revision", path.join(ROOT, "seeds", seed)], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(code).toBe(0);
    expect(err).toBe("");
    const snapshot = readFileSync(path.join(ROOT, "tests", "fixtures", "plan-json", seed.replace(/\.txt$/, ".json")), "utf8");
    expect(JSON.parse(out)).toEqual(JSON.parse(snapshot));
  });
});
