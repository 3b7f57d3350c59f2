/**
 * Property: whatever a person pastes into the input cells while the pane is open, live checking
 * answers with findings and never fails, and it changes nothing that was pasted — the same pastes
 * into a workbook nobody watches leave the very same cells.
 */
import fc from "fast-check";
import hostile from "../fixtures/hostile-cells.json";
import { columnLetter } from "../../src/core/snapshot";
import { parsePeriod } from "../../src/core/period";
import { quotasInScope } from "../../src/core/plan";
import { COLUMN } from "../../src/core/template";
import { generateTemplate } from "../../src/excel/generate";
import { startLiveChecking } from "../../src/excel/live";
import { createExcelHost, type ExcelHost } from "@planbook/excel-host";
import { currentRevision } from "../support/plan";
import { present } from "../support/present";

const revision = currentRevision();
const SHEET = "杭州市 2026-10";
const INPUTS = ["period", "cumulative", "status", "note"] as const;
const cityQuotas = quotasInScope(revision, { kind: "city", city: "杭州市" }).map((q) => q.id);

/** Formulas Excel would refuse to take as typed (HyperFormula cannot parse a DDE call) are not something a person can paste. */
const pastable = (hostile as { typed: unknown }[]).map((c) => c.typed).filter((v) => !(typeof v === "string" && v.startsWith("=cmd")));
const anyValue = fc.oneof(
  fc.constantFrom(...pastable),
  fc.string().filter((s) => !s.startsWith("=")),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
);
/** Which input cell of the row (a ratio has no 本期完成, only a milestone has a status): the n-th of the row's unlocked inputs. */
const paste = fc.record({ quotaId: fc.constantFrom(...cityQuotas), input: fc.nat(), value: anyValue });

async function generated(): Promise<{ host: ExcelHost; addressOf: (quotaId: string, input: number) => string }> {
  const host = createExcelHost();
  await host.run((context) => generateTemplate(context, { revision, scope: { kind: "city", city: "杭州市" }, period: parsePeriod("2026-10") }));
  const ids = host.values(SHEET, "A1:A200").map((r) => r[0]);
  const addressOf = (quotaId: string, input: number): string => {
    const row = ids.indexOf(quotaId) + 1;
    const open = INPUTS.map((key) => `${columnLetter(COLUMN[key])}${row}`).filter((address) => !host.cell(SHEET, address).locked);
    return present(open[input % open.length], `an input cell of ${quotaId}`);
  };
  return { host, addressOf };
}

test("live checking never fails and never changes what was pasted", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(paste, { minLength: 1, maxLength: 6 }), async (pastes) => {
      const watched = await generated();
      const unwatched = await generated();
      const errors: unknown[] = [];
      let reports = 0;
      const live = await startLiveChecking(watched.host.run.bind(watched.host), {
        revisions: [revision],
        onFindings: () => reports++,
        onError: (error) => errors.push(error),
        now: () => new Date("2026-10-20T09:00:00Z"),
      });
      for (const { quotaId, input, value } of pastes) {
        const address = watched.addressOf(quotaId, input);
        await watched.host.userEdit(SHEET, address, [[value]], { paste: true });
        await watched.host.settled();
        await live.idle();
        await unwatched.host.userEdit(SHEET, address, [[value]], { paste: true });
      }
      const cells = pastes.map(({ quotaId, input }) => watched.addressOf(quotaId, input));
      expect({ errors, reports }).toEqual({ errors: [], reports: pastes.length });
      expect(cells.map((cell) => watched.host.formulas(SHEET, cell)[0]?.[0])).toEqual(cells.map((cell) => present(unwatched.host.formulas(SHEET, cell)[0]?.[0], cell)));
    }),
    { numRuns: 12 },
  );
}, 120_000);
