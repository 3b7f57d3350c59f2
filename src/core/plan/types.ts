/**
 * The plan as data: actions (主要任务), key work items (重点工作), measures (工作举措)
 * and quotas (指标). Everything here is derived from a seed text by `parsePlan`; nothing
 * is retyped.
 */
import { groupedBy, indexBuiltOnce } from "../shared/list-index";

import type { QuotaLevel } from "./level";

/** How a quota is reported. */
export type QuotaKind =
  /** 每年… : a count to reach again every year. */
  | "annual"
  /** 到…年底累计… : a running total to reach by a deadline year. */
  | "cumulative"
  /** a percentage (全覆盖 is 100%). */
  | "ratio"
  /**
   * 增长7%, 年均增长5%: the period's growth against the same period last year, in %; due every year.
   * Its figures are this year's and last year's; never a ratio of 7 %.
   */
  | "growth"
  /** no number: reported as a status (未启动 / 推进中 / 已完成). */
  | "milestone";

/** 约束性 (binding) or 预期性 (expected): how the plan holds a quota. */
export type QuotaAttribute = "binding" | "expected";
export const ATTRIBUTE_LABELS: Record<QuotaAttribute, string> = { binding: "约束性", expected: "预期性" };

/** What a figure measures beyond a plain count: a level from a baseline, an amount per person, a share of a total. */
export type QuotaMeasure = "level" | "per-capita" | "share";
export const MEASURE_LABELS: Record<QuotaMeasure, string> = { level: "从基期值到目标值", "per-capita": "人均", share: "占比" };

/** Every unit a quota names as responsible, its lead first: who may report it. */
export function responsibleUnits(quota: Pick<Quota, "lead" | "units">): string[] {
  return [...new Set([...(quota.lead ?? []), ...quota.units])];
}

/** The units the quota's report goes to: the lead named apart, else the first 责任单位. */
export function leadUnits(quota: Pick<Quota, "lead" | "units">): string[] {
  return quota.lead ?? quota.units.slice(0, 1);
}

/** The quotas stated as parts (其中…) of a total, in plan order (looked up once per plan, not scanned per row). */
export function partsOfTotal(quotas: readonly Quota[], totalId: string): Quota[] {
  return indexBuiltOnce(quotas, partsByTotal).get(totalId) ?? [];
}

const partsByTotal = (quotas: readonly Quota[]): Map<string, Quota[]> => groupedBy(quotas, (q) => q.partOf ?? null);

/**
 * Kinds reported as a level in percent (a ratio, a growth rate): one figure typed as a percentage,
 * no "this period" figure, the target holding for every city as it stands (never split).
 */
export function isPercentKind(kind: QuotaKind): boolean {
  return kind === "ratio" || kind === "growth";
}

/**
 * How the target binds: `>=` (以上, 不少于, 达到, plain counts, a range's lower bound), `≈` (左右),
 * `<=` (a ceiling: 控制在…以内, 不超过, 低于 — lower is better), `=`.
 */
export type Comparator = ">=" | "≈" | "<=" | "=";

export interface Action {
  /** 1–5, the order of 主要任务 in Annex 1. */
  number: number;
  /** e.g. 实施“技能照亮前程”培训行动 */
  title: string;
}

export interface KeyWorkItem {
  /** 1–21, the (一)…(二十一) numbering. */
  number: number;
  action: number;
  /** e.g. 推行“订单式”培训促进精准就业 */
  title: string;
}

export interface Measure {
  /** Stable id of the measure, unique in the revision. */
  id: string;
  action: number;
  item: number;
  /** The 工作举措 text, sub-measure included (e.g. "开展生活服务业领域职业技能提升培训 / 养老服务"). */
  text: string;
  /**
   * 牵头单位, when the list names the lead apart (牵头单位:…, A牵头, (A牵头), a 牵头单位 column): the
   * quota's report goes to them. Absent when the list names only 责任单位 (then the first of those leads).
   */
  lead?: string[];
  /** 责任单位, split into single units: beside a named lead, the co-responsible units; the lead alone when it names no other. */
  units: string[];
  /** 配合单位: units that support the lead ones; absent when the list names none. */
  supportingUnits?: string[];
  /** The whole 工作目标 text the quotas come from. */
  goal: string;
  /** 1-based line in the seed where the measure's row starts. */
  line: number;
}

/** One deadline on a quota's path: the figure to reach by the end of `year`. */
export interface PathPoint {
  year: number;
  /** In the quota's unit (60 for 60%); null while the revision has not decided it (`**`). */
  target: number | null;
  comparator: Comparator;
  /** The phrase this point was read from. */
  text: string;
  /** A deadline within the year (6月底前: 6): the point is due at that month's end, not December's. */
  month?: number;
}

/**
 * How often the quota's figure is due: once by its deadlines, every year (每年), every second year
 * (每两年; due in the plan's last year and every second year before it) or every quarter (每季度).
 */
export type Cadence = "once" | "annual" | "biennial" | "quarterly";

/** How a person says a cadence (ids and the 截止年份 cell of a quota due every period). */
export const CADENCE_LABELS: Record<Cadence, string> = { once: "—", annual: "每年", biennial: "每两年", quarterly: "每季度" };

/** A quota stated per unit (在每个县(市、区)打造1个…): reported as coverage over those units. */
export interface PerUnit {
  /** The unit each one is counted in. */
  per: "county" | "city";
  /** What each unit needs (1 for 打造1个). */
  each: number;
  /** How many units each city has (its counties, or 1 for a city); empty when the plan was read without the county table. */
  byCity: Record<string, number>;
}

/** A ratio is collected as its numerator and denominator, each named from the plan's text. */
export interface RatioParts {
  numerator: string;
  denominator: string;
}

export interface Quota {
  /** Stable id: the same in every revision where the quota is the same; never a row position. */
  id: string;
  action: number;
  item: number;
  measureId: string;
  /** The 工作举措 text of the measure. */
  measure: string;
  /** What is counted when a measure has several quotas (e.g. 网络主播), else null. */
  subject: string | null;
  /** 牵头单位 named apart (see Measure.lead); absent when the list names only 责任单位. */
  lead?: string[];
  /** 责任单位: beside a named lead the co-responsible units, else the units responsible (the first leads). */
  units: string[];
  /** 配合单位, absent when the measure names none. */
  supportingUnits?: string[];
  kind: QuotaKind;
  comparator: Comparator;
  /** The number as the text states it, in `unit` (0.1 for 0.1万人次, 60 for 60%); null when pending or a milestone. */
  target: number | null;
  /** True when the revision has not decided the target yet (`**`). */
  pending: boolean;
  /** As the text says it: 万人次, 家, 个, 名, %, 所, 场, 项…; null for milestones. */
  unit: string | null;
  /** Deadline year, or null for "every year". */
  year: number | null;
  /** null, or the city for Annex 2 quotas. */
  region: string | null;
  /** The target phrase the quota came from. */
  text: string;
  /** 1-based line in the seed. */
  line: number;
  /** The normalised subject the id is made from (e.g. 技能型企业, 先进制造业). */
  key?: string;
  /**
   * Where the quota's figure stands when the plan starts: Annex 2's stock before the plan
   * (2025年底累计 − 2025年培育数量), else 0.
   */
  baseline: number;
  /** Its deadlines in order, the last being `year` / `target`; empty for a quota due every period (每年). */
  path: PathPoint[];
  cadence: Cadence;
  /** Who reports it (derived from the text by the rule table in level.ts, correctable in the 计划 view). */
  level: QuotaLevel;
  /** For a ratio: what its numerator and denominator count. */
  ratio: RatioParts | null;
  /** For a per-unit quota (每个县…): the unit and how many each city has. */
  perUnit: PerUnit | null;
  /** A range the text states (建设3-5个): the target is its lower bound; absent otherwise. */
  range?: { low: number; high: number };
  /**
   * 约束性 (binding: a hard limit the plan must hold) or 预期性 (expected: a target to strive for), as
   * the list's 属性 says; absent when it says neither.
   */
  attribute?: QuotaAttribute;
  /**
   * What the figure measures, when it is not a plain count: a level reached from a baseline
   * (从A提高到B: `baseline` is A), an amount per person (人均…元), or a share of a total (占…比重).
   */
  measures?: QuotaMeasure;
  /** Deadline month within `year` (6月底前: 6); absent for a year's end. */
  month?: number;
  /** The figure the whole area is to reach, when the list gives one beside this area's (全市 vs 本区). */
  wholeTarget?: number;
  /** The weight (权重, 分值) the list gives the quota in its assessment. */
  weight?: number;
  /** A part named after 其中 (培训2万人次,其中…0.8万人次): the id of its total; absent otherwise. */
  partOf?: string;
  /**
   * Ids this quota had under the first id scheme, the one for the same deadline first: workbooks
   * made then are still read, checked, merged and upgraded through them.
   */
  formerIds: string[];
  /** Former ids of what is now only a point or the baseline of this quota: rows that are kept, never merged. */
  retiredIds: string[];
  /**
   * A quota the plan splits by provincial department (低空经济: 省经信厅 0.1, 省交通运输厅 0.1) is
   * one figure for a city: the whole lists its department parts' ids, each part names its whole.
   */
  departmentParts?: string[];
  departmentWhole?: string;
}

/** A quota as the parser reads it, before its level is derived (withDerivedLevels). */
export type ParsedQuota = Omit<Quota, "level">;

export interface PlanRevision {
  /** The plan's title, e.g. 技能促富助力缩小“三大差距”行动方案（2025—2027年） */
  title: string;
  /** Identifies this revision (stable for the same text), e.g. "2025-07-15" or a content hash. */
  revision: string;
  /** Human label: "published 2025-07-15" / "draft". */
  label: string;
  /** First and last year the plan covers (2025, 2027). */
  startYear: number;
  endYear: number;
  actions: Action[];
  items: KeyWorkItem[];
  measures: Measure[];
  /** Annex 1 quotas then Annex 2 regional quotas (region set). */
  quotas: Quota[];
  /**
   * The cities that report: Annex 2's, in the annex's order; for a plan without Annex 2, the county
   * table's (when the plan was read with it), else none.
   */
  cities: string[];
  /** Lines of the task list the parser could not read, each with why: shown to the person, never dropped. */
  unread?: UnreadLine[];
}

/** A line (or a table row starting at it) of a task list that became no measure or quota. */
export interface UnreadLine {
  /** 1-based line in the text. */
  line: number;
  text: string;
  /** Why, Chinese first then English (e.g. 「缺少责任单位 / no responsible unit」). */
  reason: string;
}

