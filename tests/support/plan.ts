import { COUNTIES_FILE, CURRENT_SEED, type Geography, parseCounties, parsePlan, type PlanRevision, PREVIOUS_SEED } from "../../src/core/plan";
import { readFileSync } from "fs";
import path from "path";
import { QUOTA_KINDS_PLAN } from "../fixtures/plans/quota-kinds";
import { PROVINCE_SPLIT_PLAN } from "../fixtures/plans/province-split";

const SEEDS = path.join(__dirname, "..", "..", "seeds");

/** The built-in revisions, parsed from the seed texts as the add-in does. */
/** The county table, as the CLI and the pane read it. */
export const geography = (): Geography => parseCounties(readFileSync(path.join(SEEDS, COUNTIES_FILE), "utf8"));
export const currentRevision = (): PlanRevision => parsePlan(readFileSync(path.join(SEEDS, CURRENT_SEED), "utf8"), { geography: geography() });
export const previousRevision = (): PlanRevision => parsePlan(readFileSync(path.join(SEEDS, PREVIOUS_SEED), "utf8"), { geography: geography() });
/** The written task list with one quota of each kind (growth, ceiling, range, components, milestone) and no Annex 2. */
export const quotaKindsRevision = (): PlanRevision => parsePlan(QUOTA_KINDS_PLAN, { geography: geography() });
/** The written provincial plan with an Annex 2 city split and every kind of quota (tests/fixtures/plans/province-split.ts). */
export const provinceSplitRevision = (): PlanRevision => parsePlan(PROVINCE_SPLIT_PLAN, { geography: geography() });
