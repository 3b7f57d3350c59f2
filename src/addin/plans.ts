import { type Geography, loadPlanLibrary, parseCounties, type PlanLibrary } from "../core/plan";
// The seed texts and the counties table are bundled as strings (webpack asset/source; jest reads them as text too).
import currentSeed from "../../seeds/003_b259c65e08fddcd3.txt";
import previousSeed from "../../seeds/000_445b9ef01ca4c3e2.txt";
import countiesTable from "../../seeds/zhejiang-counties.tsv";

/** A library of the built-in revisions, newest first (the first is the one templates are made from). */
export function builtInPlanLibrary(): PlanLibrary {
  return loadPlanLibrary([currentSeed, previousSeed], builtInCounties());
}

/** Zhejiang's cities and counties, bundled like the seed texts. */
export function builtInCounties(): Geography {
  return parseCounties(countiesTable);
}
