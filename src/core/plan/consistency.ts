import { annex2Totals } from "./parse";
import type { PlanFinding, PlanRevision } from "./types";

/**
 * Findings about the plan text itself: Annex 2's 合计 row against the sum of its cities, and
 * Annex 2's totals against the Annex 1 quota for the same thing and year. A disagreement between
 * the annexes is a warning naming both lines — the plan is what it is; Planbook does not "fix" it,
 * it shows both figures on the province row.
 */
export function checkPlan(revision: PlanRevision, text: string): PlanFinding[] {
  const findings: PlanFinding[] = [];
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
      findings.push({
        rule: "annex2-total",
        severity: "error",
        message: `附件2「${label}」合计 ${written.total} 与各市之和 ${sum} 不符 / Annex 2 total ${written.total} for "${label}" differs from the sum of the cities, ${sum}`,
        line: written.line,
        quotaId: null,
      });
    }
    if (!column.key.endsWith("累计")) return;
    const family = column.key.replace(/-累计$/, "");
    const annex1 = revision.quotas.find((q) => q.region === null && q.key === family && q.year === column.year);
    if (!annex1 || annex1.target === null) return;
    const annexTotal = written?.total ?? sum;
    if (annex1.target === annexTotal) return;
    const annex2Line = written?.line ?? column.quotas[0].line;
    const unit = annex1.unit ?? "";
    findings.push({
      rule: "annex1-annex2-differ",
      severity: "warning",
      message:
        `附件1 第 ${annex1.line} 行「${annex1.text}」为 ${annex1.target}${unit}，附件2 第 ${annex2Line} 行「${label}」各市合计为 ${annexTotal}${unit}，两者不一致：全省行按附件1，各市目标按附件2，两个数都列出 / ` +
        `Annex 1 line ${annex1.line} says ${annex1.target}${unit}, Annex 2 line ${annex2Line} totals ${annexTotal}${unit}: the province row keeps Annex 1, each city its Annex 2 share, and both are shown`,
      line: annex2Line,
      quotaId: annex1.id,
    });
  });
  return findings;
}
