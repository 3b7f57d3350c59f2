import { annex2Totals } from "./parse";
import { type Finding, finding } from "../findings";
import type { PlanRevision } from "./types";

/**
 * Findings about the plan text itself: Annex 2's 合计 row against the sum of its cities, and
 * Annex 2's totals against the Annex 1 quota for the same thing and year. A disagreement between
 * the annexes is a warning naming both lines — the plan is what it is; Planbook does not "fix" it,
 * it shows both figures on the province row.
 */
export function checkPlan(revision: PlanRevision, text: string): Finding[] {
  const findings: Finding[] = [];
  const regional = revision.quotas.filter((q) => q.region !== null);
  const columns = [...new Set(regional.map((q) => q.key ?? ""))].flatMap((key) =>
    [...new Set(regional.filter((q) => q.key === key).map((q) => q.year))].map((year) => ({
      key,
      year,
      quotas: regional.filter((q) => q.key === key && q.year === year),
    })),
  );
  const totals = annex2Totals(text);
  columns.forEach((column, index) => {
    const sum = column.quotas.reduce((acc, q) => acc + (q.target ?? 0), 0);
    const written = totals[index];
    const label = column.quotas[0].text.replace(column.quotas[0].region ?? "", "").replace(/\d+\D*$/, "");
    if (written && written.total !== sum) {
      findings.push(finding("annex2-total", { sheet: "", cell: null, quotaId: null, line: written.line }, { label, total: written.total, sum }, written.total));
    }
    if (!column.key.endsWith("累计")) return;
    const family = column.key.replace(/-累计$/, "");
    const annex1 = revision.quotas.find((q) => q.region === null && q.key === family && q.year === column.year);
    if (!annex1 || annex1.target === null) return;
    const annexTotal = written?.total ?? sum;
    if (annex1.target === annexTotal) return;
    const annex2Line = written?.line ?? column.quotas[0].line;
    findings.push(
      finding(
        "annex1-annex2-differ",
        { sheet: "", cell: null, quotaId: annex1.id, line: annex2Line },
        { text: annex1.text, target: annex1.target, total: annexTotal, unit: annex1.unit, annex1Line: annex1.line, annex2Line, label },
        annexTotal,
      ),
    );
  });
  return findings;
}
