import { readFileSync } from "fs";
import path from "path";
import { parsePlan } from "../../src/core/plan/parse";
import { CURRENT_SEED, PREVIOUS_SEED } from "../../src/core/plan/seeds";
import type { PlanRevision } from "../../src/core/plan/types";

const SEEDS = path.join(__dirname, "..", "..", "seeds");

/** The built-in revisions, parsed from the seed texts as the add-in does. */
export const currentRevision = (): PlanRevision => parsePlan(readFileSync(path.join(SEEDS, CURRENT_SEED), "utf8"));
export const previousRevision = (): PlanRevision => parsePlan(readFileSync(path.join(SEEDS, PREVIOUS_SEED), "utf8"));
