/** The revisions merge integration tests run on. */
import type { PlanRevision } from "../../../src/core/plan/types";
import { fixtureRevision } from "../../unit/merge/fixture";

// TEMPORARY until src/core/plan/parse.ts lands: the unit fixture stands in for the parsed seeds.
export function currentRevision(): PlanRevision {
  return fixtureRevision();
}

export function previousRevision(): PlanRevision {
  return fixtureRevision("draft");
}
