/** Contributions judged across the merged files: the ones far outside the others' range. */
import { type Contribution, isContributedCount, outsideOthers } from "../checks/plausibility";
import { type Finding } from "../findings/findings";
import { isBlankInput } from "../snapshot/cells";
import { quotaIndex } from "../plan/ids";
import type { PlanRevision, Quota } from "../plan/types";
import type { AcceptedFile } from "./merge";

/**
 * The cities' (counties') contributions without a target that are far outside the others' range,
 * by file: judged across the files, so only the merge can tell (each file's own check judges it
 * against the province's target alone).
 */
export function outlierFindings(accepted: AcceptedFile[], revision: PlanRevision): Map<AcceptedFile, Finding[]> {
  const quotas = quotaIndex(revision.quotas);
  const byQuota = new Map<Quota, { file: AcceptedFile; contribution: Contribution }[]>();
  for (const file of accepted) {
    const excluded = new Set(file.excluded.map((cell) => cell.quotaId));
    for (const row of file.report.rows) {
      const quota = quotas.get(row.quotaId);
      const figure = row.values.cumulative;
      if (!quota || quota === "retired" || !isContributedCount(quota) || excluded.has(row.quotaId)) continue;
      if (typeof figure !== "number" || typeof row.values.target === "number") continue;
      const at = { sheet: file.report.name, cell: file.report.address(row, "cumulative"), quotaId: row.quotaId, file: file.name };
      // Above the province's whole target is the file's own finding already (its check).
      const judged = file.findings.some((f) => f.rule === "contribution-implausible" && f.cell === at.cell);
      const contribution = { child: file.child, figure, explained: judged || !isBlankInput(row.values.note), at };
      byQuota.set(quota, [...(byQuota.get(quota) ?? []), { file, contribution }]);
    }
  }
  const out = new Map<AcceptedFile, Finding[]>();
  for (const [quota, entries] of byQuota) {
    const all = entries.map((e) => e.contribution);
    for (const { file, contribution } of entries) {
      const found = outsideOthers(quota, contribution, all);
      if (found.length > 0) out.set(file, [...(out.get(file) ?? []), ...found]);
    }
  }
  return out;
}
