import { annex2Totals } from "./parse";
import { type Finding, finding } from "../findings/findings";
import { type PlanRevision, type Quota, partsOfTotal } from "./types";

/**
 * Findings about the plan text itself: Annex 2's 合计 row against the sum of its cities, and
 * Annex 2's totals against the Annex 1 quota for the same thing and year. A disagreement between
 * the annexes is a warning naming both lines — the plan is what it is; Planbook does not "fix" it,
 * it shows both figures on the province row. A total's parts (其中…) that exceed it are an error of
 * the text; parts short of it are information, since 其中 may name only some.
 */
export function checkPlan(revision: PlanRevision, text: string): Finding[] {
  const findings: Finding[] = componentFindings(revision.quotas);
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
      findings.push(finding("annex2-total", { sheet: "", cell: null, quotaId: null, line: written.line }, { label, total: written.total, sum }, written.total));
    }
    if (!stock) continue;
    const family = members[0]?.key?.replace(/-累计$/, "");
    const annex1 = revision.quotas.find((q) => q.region === null && q.key === family && q.path.some((p) => p.year === year));
    const point = annex1?.path.find((p) => p.year === year);
    if (!annex1 || !point || point.target === null || point.target === written.total) continue;
    findings.push(
      finding(
        "annex1-annex2-differ",
        { sheet: "", cell: null, quotaId: annex1.id, line: written.line },
        { text: point.text, target: point.target, total: written.total, unit: annex1.unit, annex1Line: annex1.line, annex2Line: written.line, label },
        written.total,
      ),
    );
  }
  return findings;
}

/** Stated parts against their total, at the total's last point (figures rounded to what the text can say). */
function componentFindings(quotas: Quota[]): Finding[] {
  const findings: Finding[] = [];
  for (const total of quotas) {
    const parts = partsOfTotal(quotas, total.id);
    if (parts.length === 0 || total.target === null || parts.some((p) => p.target === null)) continue;
    const sum = Number(parts.reduce((acc, p) => acc + (p.target as number), 0).toFixed(10));
    if (sum === total.target) continue;
    const where = { sheet: "", cell: null, quotaId: total.id, line: total.line };
    const params = { text: total.text, total: total.target, sum, unit: total.unit };
    findings.push(finding(sum > total.target ? "components-exceed-total" : "components-short-of-total", where, params, sum));
  }
  return findings;
}
