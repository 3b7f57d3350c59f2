import { rule } from "./rule-definition";

/**
 * For whoever imports a plan text: where the plan's own figures disagree. The plan is what it is:
 * Planbook reports, and does not fix it.
 */

export const PLAN_TEXT_RULES = {
  // The plan text itself: the plan is what it is, Planbook reports and does not fix it.
  "annex2-total": rule<{ label: string; total: number; sum: number }>({
    severity: "error",
    area: "plan",
    zh: "附件2合计与各市之和不符",
    en: "Annex 2 total differs from the cities' sum",
    clearedBy: "correction",
    message: (p) => ({
      zh: `附件2「${p.label}」合计 ${p.total} 与各市之和 ${p.sum} 不符`,
      en: `Annex 2 total ${p.total} for "${p.label}" differs from the sum of the cities, ${p.sum}`,
    }),
  }),
  "components-exceed-total": rule<{ text: string; total: number; sum: number; unit: string | null }>({
    severity: "error",
    area: "plan",
    zh: "其中各项之和超过总数",
    en: "parts exceed their total",
    clearedBy: "correction",
    message: (p) => ({
      zh: `「${p.text}」其中各项之和 ${p.sum}${p.unit ?? ""} 超过总数 ${p.total}${p.unit ?? ""}`,
      en: `the parts of "${p.text}" add up to ${p.sum}, more than the total ${p.total}`,
    }),
  }),
  "components-short-of-total": rule<{ text: string; total: number; sum: number; unit: string | null }>({
    severity: "info",
    area: "plan",
    zh: "其中各项之和少于总数",
    en: "parts add up to less than their total",
    clearedBy: "none",
    message: (p) => ({
      zh: `「${p.text}」其中各项之和 ${p.sum}${p.unit ?? ""} 少于总数 ${p.total}${p.unit ?? ""}（其中可能只列了部分项）`,
      en: `the parts of "${p.text}" add up to ${p.sum}, less than the total ${p.total} (其中 may name only some)`,
    }),
  }),
  /** Both figures are kept: the province row's status is Annex 1's, a line under it Annex 2's, the cities have their Annex 2 shares. */
  "annex1-annex2-differ": rule<{ text: string; target: number; total: number; unit: string | null; annex1Line: number; annex2Line: number; label: string }>({
    severity: "warning",
    area: "plan",
    zh: "附件1与附件2合计不一致",
    en: "Annex 1 and Annex 2 disagree",
    clearedBy: "none",
    message: (p) => ({
      zh: `附件1 第 ${p.annex1Line} 行「${p.text}」为 ${p.target}${p.unit ?? ""}，附件2 第 ${p.annex2Line} 行「${p.label}」各市合计为 ${p.total}${p.unit ?? ""}，两者不一致：全省行的状态按附件1 ${p.target}${p.unit ?? ""}，其下一行按附件2 ${p.total}${p.unit ?? ""} 另算一个状态，各市目标按附件2`,
      en: `Annex 1 line ${p.annex1Line} says ${p.target}${p.unit ?? ""}, Annex 2 line ${p.annex2Line} totals ${p.total}${p.unit ?? ""}: the province row's status is against Annex 1's ${p.target}, the line under it has a second status against Annex 2's ${p.total}, and each city's target is its Annex 2 share`,
    }),
  }),
} as const;
