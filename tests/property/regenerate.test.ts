/**
 * Property: generating again, or upgrading from the earlier revision, never changes a value a
 * person typed — whatever they typed, wherever.
 */
import fc from "fast-check";
import { createExcelHost } from "@planbook/excel-host";
import { generateTemplate } from "../../src/excel/generate";
import { parsePeriod } from "../../src/core/period";
import { COLUMN } from "../../src/core/template";
import { columnLetter } from "../../src/core/snapshot";
import { currentRevision, previousRevision } from "../support/plan";
import { present } from "../support/present";

const current = currentRevision();
const previous = previousRevision();
const SHEET = "全省 2026-10";
const sharedIds = previous.quotas.filter((q) => q.region === null && q.departmentParts === undefined && current.quotas.some((c) => c.id === q.id)).map((q) => q.id);
const typedValue = fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 100), fc.string({ maxLength: 20 }).filter((t) => t.trim() !== "" && !t.startsWith("=")));

test("regenerating and upgrading keep every typed value", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ id: fc.constantFrom(...sharedIds), key: fc.constantFrom("period", "cumulative", "note"), value: typedValue }), { minLength: 1, maxLength: 8 }),
      fc.boolean(),
      async (edits, upgrade) => {
        const host = createExcelHost();
        const generate = (revision = previous) => host.run((context) => generateTemplate(context, { revision, scope: { kind: "province" }, period: parsePeriod("2026-10") }));
        await generate();
        const rowOf = (id: string) => host.values(SHEET, "A1:A200").findIndex((r) => r[0] === id) + 1;
        const typed = new Map<string, unknown>();
        for (const edit of edits) {
          const key = edit.key as keyof typeof COLUMN;
          // A paste goes past Excel's validation, as a person's paste does.
          await host.userEdit(SHEET, `${columnLetter(COLUMN[key])}${rowOf(edit.id)}`, [[edit.value]], { paste: true }).catch(() => undefined);
          typed.set(`${edit.id}|${key}`, present(host.values(SHEET, `${columnLetter(COLUMN[key])}${rowOf(edit.id)}`)[0]?.[0], `${edit.id}'s ${key}`));
        }
        await generate(upgrade ? current : previous);
        for (const [place, value] of typed) {
          const [id, key] = place.split("|");
          expect(host.values(SHEET, `${columnLetter(COLUMN[key as keyof typeof COLUMN])}${rowOf(present(id, `the quota of ${place}`))}`)[0]?.[0]).toEqual(value);
        }
      },
    ),
    { numRuns: 15 },
  );
});
