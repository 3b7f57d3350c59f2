/**
 * Property: when a new revision changes only the wording of a quota's measure (its item, unit,
 * deadline and target stay), upgrading a filled sheet keeps what was typed for that quota on that
 * quota's row, and archives nothing — whatever the quota and the rewording.
 */
import { readFileSync } from "fs";
import path from "path";
import fc from "fast-check";
import { parsePeriod } from "../../src/core/period";
import { COUNTIES_FILE, CURRENT_SEED, parseCounties, parsePlan, type PlanRevision, type Quota } from "../../src/core/plan";
import { carriedInputs } from "../../src/core/snapshot";
import { buildTemplate, COLUMN, partsOf } from "../../src/core/template";
import { PROVINCE, sheetName, type, workbookOf } from "../unit/checks/fixture";
import { firstReport } from "../support/report";
import { present } from "../support/present";

const SEEDS = path.join(__dirname, "..", "..", "seeds");
const seedText = readFileSync(path.join(SEEDS, CURRENT_SEED), "utf8");
const geography = parseCounties(readFileSync(path.join(SEEDS, COUNTIES_FILE), "utf8"));
const parse = (text: string): PlanRevision => parsePlan(text, { geography });
const current = parse(seedText);
const PERIOD = "2026-10";
const SHEET = sheetName({ scope: PROVINCE, period: PERIOD });

/**
 * Quotas a province sheet asks a figure for on a row of their own (not a ratio, typed on its figure
 * rows, nor a department split's whole, typed on its parts' rows), whose measure's wording appears
 * once in the text (so one rewording changes one measure).
 */
const onTheSheet = new Set(present(workbookOf([{ scope: PROVINCE, period: PERIOD }], current).sheets[0], "the province sheet").values.map((row) => row[COLUMN.id]));
const candidates = current.quotas.filter(
  (q) => onTheSheet.has(q.id) && q.region === null && q.kind !== "milestone" && partsOf(q).length === 0 && seedText.split(q.measure).length === 2 && q.measure.length >= 6,
);

/** Wordings a drafting office changes without changing what is asked: an added adverb, a reordered phrase's particle. */
const REWORDINGS: ((measure: string) => string)[] = [
  (m) => `积极${m}`,
  (m) => `进一步${m}`,
  (m) => `${m}工作`,
  (m) => m.replace(/^开展/, "组织开展"),
];

/** The new revision's quota for an old one: same item, unit, deadline, target and responsible units, its measure reworded. */
const counterpart = (revision: PlanRevision, old: Quota, measure: string): Quota | undefined =>
  revision.quotas.find(
    (q) =>
      q.item === old.item &&
      q.unit === old.unit &&
      q.year === old.year &&
      q.target === old.target &&
      q.measure === measure &&
      q.subject === old.subject &&
      q.units.join("、") === old.units.join("、"),
  );

test("upgrading across a rewording keeps the typed figures on the reworded quota", () => {
  fc.assert(
    fc.property(fc.constantFrom(...candidates), fc.constantFrom(...REWORDINGS.keys()), fc.integer({ min: 1, max: 9999 }), (quota, rewording, figure) => {
      const measure = present(REWORDINGS[rewording], `rewording #${rewording + 1}`)(quota.measure);
      const reworded = parse(seedText.replace(quota.measure, measure));
      const after = counterpart(reworded, quota, measure);
      // A rewording that made the text unreadable for this quota is not the case under test.
      fc.pre(after !== undefined);
      const snapshot = workbookOf([{ scope: PROVINCE, period: PERIOD }], current);
      type(snapshot, SHEET, quota.id, { cumulative: figure, note: "已核实" });
      const report = firstReport(snapshot);
      const built = buildTemplate({ revision: reworded, scope: PROVINCE, period: parsePeriod(PERIOD), generatedAt: "2026-11-01T00:00:00Z", carried: carriedInputs(report, snapshot.sheets[0]) });
      const row = built.rowRecords.find((r) => r.quotaId === after?.id && !r.archived)?.row ?? 0;
      const valueAt = (key: keyof typeof COLUMN): unknown => {
        const cell = built.sheet.cells[row - 1]?.[COLUMN[key]];
        return cell && "value" in cell ? cell.value : undefined;
      };
      expect([valueAt("cumulative"), valueAt("note"), built.archived]).toEqual([figure, "已核实", []]);
    }),
    { numRuns: 60 },
  );
});
