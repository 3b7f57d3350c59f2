import { annex2Totals } from "./parse";
import type { PlanFinding, PlanRevision } from "./types";

/**
 * Findings about the plan text itself: Annex 2's 合计 row against the sum of its cities, and
 * Annex 2's totals against the Annex 1 quota for the same thing and year. A disagreement between
 * the annexes is reported as information — the plan is what it is; Planbook does not "fix" it.
 */
export function checkPlan(revision: PlanRevision, text: string): PlanFinding[] {
  const findings: PlanFinding[] = [];
  const regional = revision.quotas.filter((q) => q.region !== null);
  for (const written of annex2Totals(text)) {
    const year = Number(/(\d{4})年/.exec(written.title)?.[1]);
    const stock = /底累计/.test(written.title);
    const members = regional.filter((q) => q.subject === written.family);
    // A stock column is a point on each city's path; a flow column (new that year) is the point less the baseline.
    const figures = members.map((q) => {
      const point = q.path.find((p) => p.year === year)?.target ?? null;
      return point === null ? null : stock ? point : point - q.baseline;
    });
    if (members.length === 0 || figures.some((f) => f === null)) continue;
    const sum = figures.reduce((acc: number, f) => acc + (f as number), 0);
    const label = `${written.family}${written.title.replace(/\(.+\)$/, "")}`;
    if (written.total !== sum) {
      findings.push({
        rule: "annex2-total",
        severity: "error",
        message: `附件2「${label}」合计 ${written.total} 与各市之和 ${sum} 不符 / Annex 2 total ${written.total} for "${label}" differs from the sum of the cities, ${sum}`,
        line: written.line,
        quotaId: null,
      });
    }
    if (!stock) continue;
    const family = members[0]?.key?.replace(/-累计$/, "");
    const annex1 = revision.quotas.find((q) => q.region === null && q.key === family && q.path.some((p) => p.year === year));
    const annex1Target = annex1?.path.find((p) => p.year === year)?.target ?? null;
    if (!annex1 || annex1Target === null) continue;
    const unit = annex1.unit ?? "";
    findings.push({
      rule: annex1Target === written.total ? "annex1-annex2-agree" : "annex1-annex2-differ",
      severity: "info",
      message:
        annex1Target === written.total
          ? `附件1「${annex1.text}」与附件2 合计 ${written.total} 一致 / Annex 1 agrees with Annex 2's total ${written.total}`
          : `附件1 ${year} 年「${annex1.subject ?? annex1.measure}」为 ${annex1Target}${unit}，附件2 合计为 ${written.total}${unit}，两者不一致（按原文保留） / Annex 1 says ${annex1Target} for ${year}, Annex 2's total is ${written.total}: kept as written`,
      line: written.line,
      quotaId: annex1.id,
    });
  }
  return findings.filter((f) => f.rule !== "annex1-annex2-agree");
}
