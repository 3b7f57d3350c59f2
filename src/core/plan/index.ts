/**
 * The plan room's front door: what code outside src/core/plan may import from it.
 * The plan: its text parsed into quotas (parse, goal, layouts), levels and counties, whose sheet it
 * is (scope), the units a quota counts in (quota-units), corrections of the plan's reading
 * (reading-corrections).
 */
export { checkPlan } from "./consistency";
export { cityOfCounty, countiesOf, type Geography, parseCounties } from "./counties";
export { diffRevisions } from "./diff";
export { extractQuotas } from "./goal";
export { quotaIndex } from "./ids";
export { isQuotaLevel, LEVEL_LABELS, LEVEL_RULES, type LevelRecord, levelRule, QUOTA_LEVELS, type QuotaLevel, withLevelCorrections } from "./level";
export { loadPlanLibrary, PlanLibrary } from "./library";
export { parsePlan } from "./parse";
export { isCountUnit } from "./quota-units";
export { applyCorrections, type ImportedPlan, importedRevision, type QuotaCorrection, readCorrections, withoutLevels } from "./reading-corrections";
export { formatScope, localQuotas, localUnitsToCover, parseScope, planShare, quotasInScope, type Scope, scopeLabel, unitsOf } from "./scope";
export { COUNTIES_FILE, CURRENT_SEED, PREVIOUS_SEED } from "./seeds";
export { ATTRIBUTE_LABELS, type Comparator, isPercentKind, leadUnits, MEASURE_LABELS, type PlanRevision, type Quota, type QuotaAttribute, type QuotaKind, type QuotaMeasure, responsibleUnits } from "./types";
export { readUnits } from "./units";
