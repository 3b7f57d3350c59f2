/** What a template takes from the previous period's report: its period checked, its rows matched to the plan's quotas, shares typed before a ratio had parts. */
import { type Quota } from "../plan/types";
import { type Period, comparePeriods, formatPeriod, periodOrNull } from "../period/period";
import { PreviousSheetError } from "../shared/errors";
import { type Scope, formatScope } from "../plan/scope";
import { isBlank } from "../snapshot/cells";
import { wordingSimilarity } from "../plan/subject";
import type { CarriedRow, PreviousReport } from "./carried";
import { quotaLabel } from "./labels";
import { partsOf } from "./ratio-parts";

/** The previous sheet's period, when it is the same scope's and an earlier period; else a `PreviousSheetError`. */
export function checkedPreviousPeriod(previous: PreviousReport, scope: Scope, period: Period): Period {
  const from = periodOrNull(previous.period);
  if (previous.scope !== formatScope(scope)) {
    throw new PreviousSheetError(previous.source, {
      zh: `它是「${previous.scope}」的报表，不是「${formatScope(scope)}」的`,
      en: `it is the report of "${previous.scope}", not of "${formatScope(scope)}"`,
    });
  }
  if (!from || comparePeriods(from, period) >= 0) {
    throw new PreviousSheetError(previous.source, {
      zh: `它的报告期「${previous.period}」不早于 ${formatPeriod(period)}`,
      en: `its period "${previous.period}" is not before ${formatPeriod(period)}`,
    });
  }
  return from;
}

/** Rows of the earlier sheet this close in wording (Dice, with the same item and unit) are the same quota reworded. */
const SAME_WORDING = 0.75;

/**
 * What was typed for each quota in the earlier sheet: the row with one of the ids it may carry there
 * (`idsOnSheet`: a city sheet made before levels held its Annex 2 share on a row of its own), its
 * own or a former id (a sheet made with the first id scheme), else — for an upgrade to a revision that
 * reworded it — the row of the same item and unit whose wording is closest. Typed values follow
 * the quota, never the row.
 */
export function carriedByQuota(quotas: Quota[], rows: CarriedRow[], idsOf: (quota: Quota) => string[]): Map<string, CarriedRow> {
  const byId = new Map(rows.map((row) => [row.quotaId, row]));
  const out = new Map<string, CarriedRow>();
  const used = new Set<CarriedRow>();
  for (const quota of quotas) {
    const row = idsOf(quota).map((id) => byId.get(id)).find((r) => r !== undefined && !used.has(r));
    if (row) {
      out.set(quota.id, row);
      used.add(row);
    }
  }
  const itemOf = (id: string): number | null => {
    const match = /^I(\d+)-/.exec(id);
    return match ? Number(match[1]) : null;
  };
  const pairs = quotas
    .filter((quota) => !out.has(quota.id))
    .flatMap((quota) =>
      rows
        .filter((row) => !used.has(row) && itemOf(row.quotaId) === quota.item && String(row.unit ?? "—") === (quota.unit ?? "—"))
        .map((row) => ({ quota, row, score: wordingSimilarity(String(row.measure ?? ""), quotaLabel(quota)) })),
    )
    .filter((pair) => pair.score >= SAME_WORDING)
    .sort((a, b) => b.score - a.score);
  for (const { quota, row } of pairs) {
    if (out.has(quota.id) || used.has(row)) continue;
    out.set(quota.id, row);
    used.add(row);
  }
  // A ratio's numerator and denominator follow it by their own ids.
  for (const part of quotas.flatMap(partsOf)) {
    const row = byId.get(part.id);
    if (row) out.set(part.id, row);
  }
  return out;
}

/**
 * A ratio typed as a share in a sheet made before ratios were collected as two figures: the share
 * has no cell of its own any more (the ratio's 累计完成 is a formula over them), so it is kept in
 * the archive area under the ratio's id marked 原填报比例, never dropped. Its 说明 stays on its row.
 */
export function sharesWithoutParts(quotas: Quota[], carried: Map<string, CarriedRow>): CarriedRow[] {
  return quotas.flatMap((quota) => {
    const row = carried.get(quota.id);
    const [numerator] = partsOf(quota);
    if (!row || !numerator || carried.has(numerator.id) || isBlank(row.cumulative)) return [];
    return [{ ...row, quotaId: `${quota.id}/${SHARE_TYPED_BEFORE}`, period: null, status: null, note: null }];
  });
}

/** Marks the archived share a ratio had before it was collected as numerator and denominator. */
const SHARE_TYPED_BEFORE = "原填报比例";
