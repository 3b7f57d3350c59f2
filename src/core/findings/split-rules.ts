import { LEVEL, rule } from "./rule-definition";
import type { CellValue } from "../template/spec";

/**
 * For the aggregator splitting a target among the cities or counties (目标分解): what they typed
 * that cannot be split by.
 */

const BY_PART = { part: { zh: "分解值", en: "the part" }, weight: { zh: "权重", en: "the weight" } } as const;

const NOT_SPLITTABLE = {
  regional: { zh: "已是各市分列的指标", en: "it is already a per-city quota" },
  "not-contributed": { zh: "不是各市贡献的指标（省级事项或按县覆盖）", en: "cities do not contribute to it (province-only or per county)" },
  pending: { zh: "目标值尚未确定", en: "its target is not decided" },
  "not-count": { zh: "只有数量类指标可以分解", en: "only count quotas can be split" },
} as const;

export const SPLIT_RULES = {
  // 目标分解: what the aggregator typed to split a provincial target.
  "split-unknown-city": rule<{ city: string }>({
    severity: "error",
    area: "split",
    zh: "不是计划中的市",
    en: "not a city of the plan",
    clearedBy: "correction",
    message: (p) => ({ zh: `「${p.city}」不是计划中的市`, en: `"${p.city}" is not a city of the plan` }),
  }),
  "split-bad-value": rule<{ city: string; by: keyof typeof BY_PART; found: CellValue }>({
    severity: "error",
    area: "split",
    zh: "分解值或权重无效",
    en: "invalid part or weight",
    clearedBy: "correction",
    message: (p) => ({
      zh: `${p.city}的${BY_PART[p.by].zh}「${String(p.found)}」应为不小于 0 的数`,
      en: `${BY_PART[p.by].en} of ${p.city} must be a number ≥ 0, got "${String(p.found)}"`,
    }),
  }),
  "split-not-splittable": rule<{ quotaId: string; reason: keyof typeof NOT_SPLITTABLE }>({
    severity: "error",
    area: "split",
    zh: "指标不能分解",
    en: "quota cannot be split",
    clearedBy: "correction",
    message: (p) => ({
      zh: `指标 ${p.quotaId} 不能分解：${NOT_SPLITTABLE[p.reason].zh}`,
      en: `quota ${p.quotaId} cannot be split: ${NOT_SPLITTABLE[p.reason].en}`,
    }),
  }),
  /** `decimals` null: the part must be whole (a count). */
  "split-precision": rule<{ city: string; part: number; unit: string | null; decimals: number | null }>({
    severity: "error",
    area: "split",
    zh: "分解值精度不符",
    en: "part too precise",
    clearedBy: "correction",
    message: (p) =>
      p.decimals === null
        ? { zh: `${p.city}的分解值 ${p.part} 应为整数（${p.unit ?? ""}）`, en: `the part of ${p.city} must be a whole number (${p.unit ?? ""})` }
        : { zh: `${p.city}的分解值 ${p.part} 最多保留 ${p.decimals} 位小数`, en: `the part of ${p.city} has too many decimals` },
  }),
  "split-not-adding-up": rule<{ sum: number; total: number; unit: string | null }>({
    severity: "error",
    area: "split",
    zh: "分解值合计不等于目标",
    en: "parts do not add up",
    clearedBy: "correction",
    message: (p) => ({
      zh: `各市分解值合计 ${p.sum} 不等于全省目标 ${p.total}${p.unit ?? ""}`,
      en: `the parts add up to ${p.sum}, not the target ${p.total}`,
    }),
  }),
  "split-share-missing": rule<{ family: string; cities: readonly string[] }>({
    severity: "error",
    area: "split",
    zh: "附件2缺少部分市的目标",
    en: "family lacks some cities' targets",
    clearedBy: "correction",
    message: (p) => ({
      zh: `附件2指标 ${p.family} 缺少${p.cities.join("、")}的目标，无法按其比例分解`,
      en: `family ${p.family} has no target for ${p.cities.join(", ")}`,
    }),
  }),
  "split-no-plan-figures": rule({
    severity: "error",
    area: "split",
    zh: "计划未给出各市的数",
    en: "the plan gives no city figures",
    clearedBy: "correction",
    message: () => ({ zh: "计划未给出各市的数（附件2），无法按计划分解；请用 equal 或权重文件", en: "the plan gives no city figures (Annex 2): split equally or by weights" }),
  }),
  "split-unknown-county": rule<{ county: string }>({
    severity: "error",
    area: "split",
    zh: "不是本市的县（市、区）",
    en: "not a county of the city",
    clearedBy: "correction",
    message: (p) => ({ zh: `「${p.county}」不是本市的县（市、区）`, en: `"${p.county}" is not a county of the city` }),
  }),
  "split-weights-missing": rule<{ names: readonly string[]; level: "city" | "county" }>({
    severity: "error",
    area: "split",
    zh: "权重缺少部分市（县）",
    en: "weights missing for some places",
    clearedBy: "correction",
    message: (p) => ({
      zh: `权重未给出${p.names.join("、")}：每个${LEVEL[p.level].zh}都须有一行权重，不参与分解的写 0`,
      en: `no weight for ${p.names.join(", ")}: every ${LEVEL[p.level].en} needs a weight line (write 0 for one that takes no share)`,
    }),
  }),
  "split-no-weight": rule({
    severity: "error",
    area: "split",
    zh: "权重之和为 0",
    en: "weights add up to 0",
    clearedBy: "correction",
    message: () => ({ zh: "权重之和为 0（每个市或县的权重都是 0），无法分解", en: "the weights add up to 0 (every place weighs 0): nothing to split by" }),
  }),
} as const;
