import { parseCounties, type Geography } from "../core/plan/counties";
import { parsePlan } from "../core/plan/parse";
import type { PlanRevision } from "../core/plan/types";
// The seed texts are bundled as strings (webpack asset/source); jest cannot import them, so
// only the entry points call this module and components receive revisions as props.
import currentSeed from "../../seeds/003_b259c65e08fddcd3.txt";
import previousSeed from "../../seeds/000_445b9ef01ca4c3e2.txt";
import countiesTable from "../../seeds/zhejiang-counties.tsv";

/** The built-in revisions, newest first (the first is the one templates are made from). */
export function builtInRevisions(): PlanRevision[] {
  return [parsePlan(currentSeed), parsePlan(previousSeed)];
}

/** Zhejiang's cities and counties, bundled like the seed texts. */
export function builtInCounties(): Geography {
  return parseCounties(countiesTable);
}
