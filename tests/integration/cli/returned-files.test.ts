/**
 * Returned files that are silently wrong as reports (tests/fixtures/returned-files.ts), each among
 * the ten other cities' clean files, through `planbook check` and `planbook merge` as an
 * aggregator runs them. Each class asserts the exit code, the finding naming the file and cell,
 * that no input changed, and the province total.
 */
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { QUOTA, type ReturnedFileCase, cleanCities, quotaCell, returnedFileCases, revision } from "../../fixtures/returned-files";
import { buildCli, planbook } from "../../support/cli";
import { present } from "../../support/present";

interface Finding {
  file: string;
  rule: string;
  cell: string | null;
  message: string;
}
interface MergeJson {
  totals: { quotaId: string; actual: number | null }[];
  accepted: { file: string; city: string; excluded: { cell: string; rule: string }[] }[];
  rejected: { file: string; reasons: string[] }[];
  notFilled: { file: string; city: string }[];
  findings: Finding[];
}

const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

let cases: ReturnedFileCase[] = [];

beforeAll(async () => {
  buildCli();
  cases = returnedFileCases(await quotaCell(present(revision.cities[0], "the plan's first city")));
});

/** Writes the case's files into a fresh folder; returns it, the hostile file's name, every file and their hashes. */
async function folderFor(what: string) {
  const hostileCase = cases.find((c) => c.what === what) as ReturnedFileCase;
  const dir = mkdtempSync(path.join(os.tmpdir(), "planbook-returned-"));
  const hostile = await hostileCase.build();
  const files = [...(await cleanCities(hostileCase.without)), hostile];
  for (const file of files) writeFileSync(path.join(dir, file.name), file.data);
  const names = files.map((f) => f.name);
  const before = new Map(names.map((name) => [name, hash(path.join(dir, name))]));
  return { hostileCase, dir, hostileName: hostile.name, names, unchanged: () => names.every((name) => hash(path.join(dir, name)) === before.get(name)) };
}

const totalOf = (json: MergeJson): number | null => json.totals.find((t) => t.quotaId === QUOTA.id)?.actual ?? null;

// The case names are known before the fixture runs; the cases themselves need the cell address, read from a real file.
const CASE_NAMES = [
  "a date typed into a number cell",
  "TRUE in a number cell",
  "an error value in a number cell",
  "1e308, a value no plan reports",
  "a formula with no stored result that can be computed (=100+30)",
  "a formula with no stored result that cannot be computed safely",
  "a formula with an empty stored result that can be computed (<f>100+20</f><v></v>, as openpyxl writes)",
  "a formula with an empty stored result that cannot be computed safely",
  "a formula XlsxWriter wrote (<f>100+20</f><v>0</v>, with fullCalcOnLoad)",
  "a figure 10,000 times the plan's whole target",
  "a template returned with nothing filled in",
  "a quota row pasted twice",
  "an edited target with its fingerprint recomputed",
  "a file renamed to another city",
  "a value in the sheet's last cell, XFD1048576",
];

describe.each(CASE_NAMES)("%s", (what) => {
  let folder: Awaited<ReturnType<typeof folderFor>>;

  beforeAll(async () => {
    folder = await folderFor(what);
  });

  afterAll(() => {
    expect(folder.unchanged()).toBe(true);
  });

  test("check gives the finding, naming the file and the cell", () => {
    const { hostileCase, dir, hostileName } = folder;
    const result = planbook(["check", "--json", hostileName], dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(hostileCase.check.exit);
    const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
    if (hostileCase.check.rule === "") {
      expect(findings.filter((f) => f.rule !== "behind-schedule")).toEqual([]);
      return;
    }
    const found = findings.find((f) => f.rule === hostileCase.check.rule);
    expect(found).toMatchObject({ file: hostileName });
    if (hostileCase.check.cell) expect(found).toMatchObject({ cell: hostileCase.check.cell });
    expect(found?.message).toContain(found?.cell as string);
  });

  test("merge leaves the file out unless accepted, says why, and totals the rest", () => {
    const { hostileCase, dir, hostileName, names } = folder;
    const result = planbook(["merge", "--json", "--out", "summary.xlsx", ...names], dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(hostileCase.merge.exit);
    const json = JSON.parse(result.stdout) as MergeJson;
    expect(totalOf(json)).toBe(hostileCase.merge.total);
    const rules = json.findings.filter((f) => f.file === hostileName || f.rule === "merge-city-missing").map((f) => f.rule);
    for (const rule of hostileCase.merge.rules) expect(rules).toContain(rule);
    for (const f of json.findings.filter((f) => f.file === hostileName)) expect(f.message).toContain(hostileName);
  });

  test("merge --accept-errors takes the file but none of its erroneous cells, and lists them", () => {
    const { hostileCase, dir, hostileName, names } = folder;
    if (!hostileCase.accepted) {
      // Nothing to accept: the option changes nothing.
      const result = planbook(["merge", "--json", "--accept-errors", "--out", "accepted.xlsx", ...names], dir);
      expect(totalOf(JSON.parse(result.stdout) as MergeJson)).toBe(hostileCase.merge.total);
      return;
    }
    const result = planbook(["merge", "--json", "--accept-errors", "--out", "accepted.xlsx", ...names], dir);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as MergeJson;
    expect(totalOf(json)).toBe(hostileCase.accepted.total);
    const file = json.accepted.find((a) => a.file === hostileName);
    expect(file?.excluded.map((x) => x.cell)).toEqual(hostileCase.accepted.excluded);
    for (const cell of hostileCase.accepted.excluded) {
      expect(json.findings).toContainEqual(expect.objectContaining({ rule: "merge-cell-excluded", file: hostileName, cell }));
    }
  });
});

describe("what the merge says about cities", () => {
  test("a blank template's city is 'not yet filled', and still missing", async () => {
    const { dir, hostileName, names, unchanged } = await folderFor("a template returned with nothing filled in");
    const json = JSON.parse(planbook(["merge", "--json", "--out", "s.xlsx", ...names], dir).stdout) as MergeJson;
    expect(json.notFilled).toEqual([{ file: hostileName, city: revision.cities[0] }]);
    expect(json.accepted.map((a) => a.city)).not.toContain(revision.cities[0]);
    const missing = json.findings.find((f) => f.rule === "merge-city-missing");
    expect(missing?.message).toContain(revision.cities[0]);
    expect(missing?.message).toContain(hostileName);
    expect(unchanged()).toBe(true);
  });

  test("a file renamed to another city is counted as its content's city, and the name's city is said to be missing", async () => {
    const [hangzhou, ningbo] = revision.cities;
    const { dir, hostileName, names, unchanged } = await folderFor("a file renamed to another city");
    const json = JSON.parse(planbook(["merge", "--json", "--out", "s.xlsx", ...names], dir).stdout) as MergeJson;
    expect(json.accepted.find((a) => a.file === hostileName)?.city).toBe(hangzhou);
    const renamed = json.findings.find((f) => f.rule === "merge-file-name-city");
    expect(renamed?.message).toContain(hangzhou);
    expect(renamed?.message).toContain(ningbo);
    const missing = json.findings.find((f) => f.rule === "merge-city-missing");
    expect(missing?.message).toContain(ningbo);
    expect(missing?.message).toContain(hostileName);
    expect(unchanged()).toBe(true);
  });
});
