import { type Geography, parseCounties } from "../../src/core/plan/counties";
import { readFileSync } from "fs";
import path from "path";
import { parsePlan } from "../../src/core/plan/parse";
import { COUNTIES_FILE, CURRENT_SEED, PREVIOUS_SEED } from "../../src/core/plan/seeds";
import type { PlanRevision } from "../../src/core/plan/types";

const SEEDS = path.join(__dirname, "..", "..", "seeds");

/** The built-in revisions, parsed from the seed texts as the add-in does. */
/** The county table, as the CLI and the pane read it. */
const geography = (): Geography => parseCounties(readFileSync(path.join(SEEDS, COUNTIES_FILE), "utf8"));
export const currentRevision = (): PlanRevision => parsePlan(readFileSync(path.join(SEEDS, CURRENT_SEED), "utf8"), { geography: geography() });
export const previousRevision = (): PlanRevision => parsePlan(readFileSync(path.join(SEEDS, PREVIOUS_SEED), "utf8"), { geography: geography() });

/** The revision with every province-wide quota repeated `times` times (ids kept unique), for scale tests and benchmarks. */
export function scaledRevision(revision: PlanRevision, times: number): PlanRevision {
  const provinceWide = revision.quotas.filter((q) => q.region === null);
  const quotas = Array.from({ length: times }, (_, copy) =>
    provinceWide.map((q) => (copy === 0 ? q : { ...q, id: `${q.id}~${copy}` })),
  ).flat();
  return { ...revision, revision: `${revision.revision}x${times}`, quotas };
}
