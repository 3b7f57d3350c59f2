/** Which quotas a summary's charts can show. */
import { canonicalPeriod, parsePeriod } from "../period/period";
import { rankedRows, shortLabel } from "./views";
import { summaryRows } from "./layout";
import type { AcceptedFile, MergeContext } from "./merge";
import { provinceRollup } from "./rollup";
import { stateFor } from "./state";
import { cityColumns, cityFigures } from "./child-figures";

/**
 * The quotas whose completion by city 排名 can chart — the choices for `chartQuota` — in 排名's
 * order, the default (the first) first. The same files and context as the merge give the same list.
 */
export function chartQuotaChoices(accepted: AcceptedFile[], context: MergeContext): { id: string; label: string }[] {
  const period = canonicalPeriod(context.period);
  const rollup = context.rollup ?? provinceRollup(context.revision);
  const rows = summaryRows(context.revision, parsePeriod(period), rollup, { splits: context.splits, geography: context.geography });
  const existing = stateFor(context.existing, period, context.revision.revision);
  const figures = cityFigures(rows, cityColumns(accepted, rows, rollup, context, existing), context, rollup, parsePeriod(period));
  return rankedRows({ rows, cities: rollup.children, figures }).flatMap((index) => {
    const row = rows[index];
    return row ? [{ id: row.id, label: shortLabel(row) }] : [];
  });
}
