import { InvalidCorrectionError } from "../shared/errors";
import { fnv1a } from "../shared/text";
import { type ParseOptions, parsePlan } from "./parse";
import type { Comparator, PlanRevision, Quota, QuotaKind } from "./types";
import { type LevelRecord, type QuotaLevel, QUOTA_LEVELS, isQuotaLevel } from "./level";

/**
 * What a person corrects in an imported plan before generating from it (the 计划 view's review, or a
 * corrections file for `planbook plan --corrections`): a quota's kind, target, comparator, deadline,
 * lead units or level, by quota id. Only the fields given change. The corrected plan is a revision of its
 * own (its id is the text's plus a hash of the corrections), so a sheet made from it is never
 * mistaken for one made from the text as read.
 */
export interface QuotaCorrection {
  id: string;
  kind?: QuotaKind;
  /** In the quota's unit (5.5 for 5.5 %); null: not decided yet (待定). */
  target?: number | null;
  comparator?: Comparator;
  /** The deadline year; null: due every year. */
  year?: number | null;
  /** The 责任单位 (the units responsible; beside a lead, the co-responsible ones). */
  units?: string[];
  /** The 牵头单位 its report goes to, named apart from the 责任单位. */
  lead?: string[];
  /**
   * Who reports it (province-only, contributed, split, per-unit), as the 计划 view's level
   * correction: kept apart from the others (see withoutLevels), it does not make a revision of its own.
   */
  level?: QuotaLevel;
}

const KINDS: readonly QuotaKind[] = ["annual", "cumulative", "ratio", "growth", "milestone"];
const COMPARATORS: readonly Comparator[] = [">=", "≈", "<=", "="];
const FIELDS = ["id", "kind", "target", "comparator", "year", "units", "lead", "level"];

/** A corrections list as JSON gives it (`[{ "id": …, "target": … }]`), checked field by field; `source` names it in messages. */
export function readCorrections(json: unknown, source: string): QuotaCorrection[] {
  if (!Array.isArray(json)) throw new InvalidCorrectionError(source, "应为数组 [{ id, kind?, target?, comparator?, year?, units? }] / expected an array of corrections");
  return json.map((entry: unknown, index): QuotaCorrection => {
    const where = `${source} #${index + 1}`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new InvalidCorrectionError(where, "应为对象 / expected an object");
    const fields = entry as Record<string, unknown>;
    const unknown = Object.keys(fields).find((key) => !FIELDS.includes(key));
    if (unknown !== undefined) throw new InvalidCorrectionError(where, `未知字段「${unknown}」（可用：${FIELDS.join("、")}） / unknown field "${unknown}"`);
    const { id, kind, target, comparator, year, units, lead, level } = fields;
    if (typeof id !== "string" || id === "") throw new InvalidCorrectionError(where, "缺少指标编号 id / no quota id");
    if (kind !== undefined && !KINDS.includes(kind as QuotaKind)) throw new InvalidCorrectionError(where, `kind 应为 ${KINDS.join("、")} / kind must be one of ${KINDS.join(", ")}`);
    if (target !== undefined && target !== null && (typeof target !== "number" || !Number.isFinite(target) || target < 0)) {
      throw new InvalidCorrectionError(where, "target 应为不小于 0 的数或 null / target must be a number ≥ 0 or null");
    }
    if (comparator !== undefined && !COMPARATORS.includes(comparator as Comparator)) throw new InvalidCorrectionError(where, `comparator 应为 ${COMPARATORS.join("、")} / comparator must be one of ${COMPARATORS.join(", ")}`);
    if (year !== undefined && year !== null && (typeof year !== "number" || !Number.isInteger(year) || year < 1900 || year > 2200)) {
      throw new InvalidCorrectionError(where, "year 应为年份（如 2026）或 null / year must be a year such as 2026, or null");
    }
    if (units !== undefined && (!Array.isArray(units) || units.length === 0 || units.some((u) => typeof u !== "string" || u.trim() === ""))) {
      throw new InvalidCorrectionError(where, "units 应为非空的单位名数组 / units must be a non-empty array of unit names");
    }
    if (lead !== undefined && (!Array.isArray(lead) || lead.length === 0 || lead.some((u) => typeof u !== "string" || u.trim() === ""))) {
      throw new InvalidCorrectionError(where, "lead 应为非空的单位名数组 / lead must be a non-empty array of unit names");
    }
    if (level !== undefined && (typeof level !== "string" || !isQuotaLevel(level))) {
      throw new InvalidCorrectionError(where, `level 应为 ${QUOTA_LEVELS.join("、")} / level must be one of ${QUOTA_LEVELS.join(", ")}`);
    }
    return {
      id,
      ...(level !== undefined ? { level } : {}),
      ...(kind !== undefined ? { kind: kind as QuotaKind } : {}),
      ...(target !== undefined ? { target: target } : {}),
      ...(comparator !== undefined ? { comparator: comparator as Comparator } : {}),
      ...(year !== undefined ? { year: year } : {}),
      ...(units !== undefined ? { units: (units as string[]).map((u) => u.trim()) } : {}),
      ...(lead !== undefined ? { lead: (lead as string[]).map((u) => u.trim()) } : {}),
    };
  });
}

/**
 * Corrections split into those that change the plan (a revision of its own) and the level
 * corrections, which say who reports a quota and are stored as the 计划 view stores them. A level
 * naming no quota of the revision is an error, as any correction's.
 */
export function withoutLevels(revision: PlanRevision, corrections: readonly QuotaCorrection[]): { corrections: QuotaCorrection[]; levels: LevelRecord[] } {
  const levels: LevelRecord[] = [];
  const rest: QuotaCorrection[] = [];
  for (const { level, ...correction } of corrections) {
    if (level !== undefined) {
      if (!revision.quotas.some((q) => q.id === correction.id && q.region === null)) {
        throw new InvalidCorrectionError(correction.id, `计划版本 ${revision.revision} 中没有此指标 / revision ${revision.revision} has no such quota`);
      }
      levels.push({ quotaId: correction.id, level });
    }
    if (Object.keys(correction).length > 1) rest.push(correction);
  }
  return { corrections: rest, levels };
}

/** A plan a person imported into a workbook: its text as read, and the corrections made in review. */
export interface ImportedPlan {
  text: string;
  corrections: QuotaCorrection[];
}

/** The revision an imported plan stands for: its text parsed, its corrections applied. */
export function importedRevision(plan: ImportedPlan, options: ParseOptions = {}): PlanRevision {
  return applyCorrections(parsePlan(plan.text, options), plan.corrections);
}

/** One quota with a correction applied: its path, cadence and unit follow the corrected kind, target and deadline. */
function corrected(quota: Quota, correction: QuotaCorrection): Quota {
  const kind = correction.kind ?? quota.kind;
  const milestone = kind === "milestone";
  const target = milestone ? null : correction.target !== undefined ? correction.target : quota.target;
  const comparator = milestone ? "=" : (correction.comparator ?? (quota.kind === "milestone" ? ">=" : quota.comparator));
  // Every year (annual, growth without a deadline) is due each year; a kind that builds up is due once.
  const year = kind === "annual" ? null : correction.year !== undefined ? correction.year : quota.year;
  const cadence: Quota["cadence"] = kind === "annual" || kind === "growth" ? (quota.cadence === "once" ? "annual" : quota.cadence) : year === null ? quota.cadence : "once";
  const unit = kind === "ratio" || kind === "growth" ? "%" : milestone ? null : quota.unit === "%" ? null : quota.unit;
  const point = { year: year as number, target, comparator, text: quota.text };
  // The last point is the one corrected; earlier points of a path stay as the text gave them.
  const path = year === null || kind === "annual" ? [] : [...quota.path.slice(0, -1).filter((p) => p.year < year), point];
  return {
    ...quota,
    kind,
    target,
    comparator,
    pending: !milestone && target === null,
    unit,
    year,
    cadence,
    path,
    units: correction.units ?? quota.units,
    ...(correction.lead ? { lead: correction.lead } : {}),
    ratio: kind === "ratio" ? quota.ratio : null,
    ...(correction.target !== undefined || milestone ? { range: undefined } : {}),
  };
}

/**
 * The revision with the person's corrections applied, as a revision of its own (id and label say
 * so); no corrections: the revision itself. A correction naming no quota of the revision is an error.
 */
export function applyCorrections(revision: PlanRevision, corrections: readonly QuotaCorrection[]): PlanRevision {
  if (corrections.length === 0) return revision;
  const byId = new Map<string, QuotaCorrection>();
  for (const correction of corrections) {
    if (!revision.quotas.some((q) => q.id === correction.id)) {
      throw new InvalidCorrectionError(correction.id, `计划版本 ${revision.revision} 中没有此指标 / revision ${revision.revision} has no such quota`);
    }
    byId.set(correction.id, { ...byId.get(correction.id), ...correction });
  }
  return {
    ...revision,
    revision: `${revision.revision}+${fnv1a(JSON.stringify(corrections))}`,
    label: `${revision.label}（已校正 ${byId.size} 项 / ${byId.size} corrected）`,
    quotas: revision.quotas.map((quota) => {
      const correction = byId.get(quota.id);
      return correction ? withoutUndefined(corrected(quota, correction)) : quota;
    }),
  };
}

/** A quota without the optional fields a correction cleared, so its JSON has no `range: undefined`. */
function withoutUndefined(quota: Quota): Quota {
  return Object.fromEntries(Object.entries(quota).filter(([, value]) => value !== undefined)) as unknown as Quota;
}
