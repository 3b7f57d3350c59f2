import { type Comparator, type PlanRevision, type Quota, type QuotaKind, isPercentKind, responsibleUnits } from "../plan/types";
import { columnLetter } from "../snapshot/a1";
import { isStandaloneRegional } from "../plan/level";
import { quotaLabel } from "../template/labels";
import type { Period } from "../period/period";
import { type TargetContext, reportText, targetCell } from "../template/targets";
import type { CellValue } from "../template/spec";
import { PENDING } from "../template/columns";
import { familyLabel, regionalFamilies } from "./family";
import { PART_LABELS, type PartKey, partId, partsOf } from "../template/ratio-parts";
import { type Rollup, provinceRollup, rollupQuotas } from "./rollup";

/**
 * Where things sit on the 汇总 and 来源 sheets. Building a summary and reading one back (to merge
 * again) both go through here, so the two can never disagree.
 */

/**
 * The sheet with every city's figures (actuals, targets, completion, this period, notes): what the
 * summary views compute from, and what a later merge reads back to keep the cities it does not
 * replace.
 */
export const DETAIL_SHEET = "各市明细";
export const SOURCES_SHEET = "来源";

/** 1-based rows of the summary sheet. */
export const SUMMARY_ROWS = {
  title: 1,
  /** A: 报告期 label, B: period code, C: 计划版本 label, D: revision id. */
  info: 2,
  /** Merged titles over each column block. */
  group: 3,
  header: 4,
  /** The file each city's figures came from, in the city's actual column. */
  file: 5,
  firstData: 6,
} as const;

export const INFO_LABELS = { period: "报告期", revision: "计划版本" } as const;
export const FILE_ROW_LABEL = "来源文件";

/** 0-based columns of the summary sheet for a revision with `cityCount` cities. */
export interface SummaryColumns {
  id: number;
  label: number;
  unit: number;
  target: number;
  /** First column of each city block; city i sits at block + i. */
  actual: number;
  total: number;
  completion: number;
  childTarget: number;
  childCompletion: number;
  childPeriod: number;
  periodTotal: number;
  note: number;
  width: number;
}

export function summaryColumns(childCount: number): SummaryColumns {
  const actual = 4;
  const total = actual + childCount;
  const completion = total + 1;
  const childTarget = completion + 1;
  const childCompletion = childTarget + childCount;
  const childPeriod = childCompletion + childCount;
  const periodTotal = childPeriod + childCount;
  const note = periodTotal + 1;
  return {
    id: 0,
    label: 1,
    unit: 2,
    target: 3,
    actual,
    total,
    completion,
    childTarget,
    childCompletion,
    childPeriod,
    periodTotal,
    note,
    width: note + childCount,
  };
}

/** The column titles of the header row and the titles over each block. */
export const SUMMARY_TITLES = {
  id: "编号",
  label: "工作举措/指标",
  unit: "单位",
  target: "全省目标",
  total: "全省合计",
  completion: "完成率",
  periodTotal: "本期合计",
  blocks: {
    actual: "各市累计完成（进展状态）",
    childTarget: "各市目标",
    childCompletion: "各市完成率",
    childPeriod: "各市本期完成",
    note: "各市说明",
  },
} as const;

/** The 来源 sheet's columns, in order. */
export const SOURCE_TITLES = [
  "文件",
  "范围",
  "报告期",
  "计划版本",
  "生成时间",
  "错误",
  "警告",
  "采用",
  "原因",
  "汇总时间",
] as const;
export const SOURCE_HEADER_ROW = 2;
export const ACCEPTED_TEXT = { yes: "是", no: "否" } as const;

/** One line of the 来源 sheet. */
export interface SourceRow {
  file: string;
  scope: string;
  period: string;
  revision: string;
  generatedAt: string;
  errors: number;
  warnings: number;
  accepted: boolean;
  reasons: string;
  mergedAt: string;
}

/**
 * One row of the summary: a quota every child reports (the same quota in each child's column), or,
 * in the province summary, an Annex 2 family of city quotas of their own (each city its member).
 */
export interface SummaryRow {
  id: string;
  label: string;
  unit: string | null;
  kind: QuotaKind;
  /** How a figure meets the target: `<=` for a ceiling, where lower is better. */
  comparator: Comparator;
  item: number;
  /** The parent's target (the province's, the city's, the lead unit's). */
  provinceTarget: CellValue;
  /** The quota whose figures fill each child's columns; a child without one has no entry. */
  quotaByChild: Record<string, Quota>;
  regional: boolean;
  /** On a ratio's numerator or denominator row (right below the ratio's, in that order): which figure it is. */
  part?: PartKey;
  /** A per-unit quota whose children's figures are counts, not coverage (see coverageOf): how the parent's coverage is made of them. */
  covers?: Coverage;
}

/**
 * How a parent's coverage is made of its children's counts of things (本县数量): `children` — each
 * child is a unit to cover (the counties of 每个县(市、区)), so the parent's figure is how many have at
 * least `each` (two ecosystems in one county cover one county); `parent` — the parent is the unit
 * (a city of 每个设区市), covered once its children have `each` between them (1, else 0).
 */
export interface Coverage {
  units: "children" | "parent";
  each: number;
}

/**
 * Coverage in a roll-up whose children report counts of things: a city's counties. Cities report
 * coverage already (本市覆盖县数, at most their counties, see coverage-above-units), which adds up
 * across cities; so do units. None for any other quota.
 */
function coverageOf(quota: Quota, rollup: Rollup): Coverage | undefined {
  if (quota.level !== "per-unit" || rollup.childKind !== "county") return undefined;
  return { units: quota.perUnit?.per === "city" ? "parent" : "children", each: quota.perUnit?.each ?? 1 };
}

/**
 * The roll-up's quotas in plan order (each child's own), then, for the province, one row per Annex 2
 * family of its own; targets are the period's stage's.
 */
export function summaryRows(
  revision: PlanRevision,
  period: Period,
  rollup: Rollup = provinceRollup(revision),
  targets: Omit<TargetContext, "revision" | "period"> = {},
): SummaryRow[] {
  const context: TargetContext = { ...targets, revision, period };
  const asTarget = (quota: Quota): CellValue => targetCell(quota, rollup.parent, context);
  const own = rollupQuotas(rollup, revision).map(
    (quota): SummaryRow => ({
      id: quota.id,
      label: quotaLabel(quota, reportText(quota, rollup.parent, context)),
      unit: quota.unit,
      kind: quota.kind,
      comparator: quota.comparator,
      item: quota.item,
      provinceTarget: asTarget(quota),
      quotaByChild: Object.fromEntries(
        rollup.children.filter((child) => rollup.childKind !== "unit" || responsibleUnits(quota).includes(child)).map((child) => [child, quota]),
      ),
      regional: false,
      ...(coverageOf(quota, rollup) ? { covers: coverageOf(quota, rollup) } : {}),
    }),
  ).flatMap((row): SummaryRow[] => [row, ...partRows(row)]);
  if (rollup.parent.kind !== "province") return own;
  const regional = regionalFamilies(revision)
    .filter((family) => Object.values(family.byCity).every((member) => isStandaloneRegional(member, revision.quotas)))
    .map((family): SummaryRow => {
      const members = Object.values(family.byCity);
      const targets = members.map(asTarget);
      const provinceTarget = targets.every((t): t is number => typeof t === "number")
        ? targets.reduce((a, b) => a + b, 0)
        : targets.includes("—")
          ? "—"
          : PENDING;
      return {
        id: family.id,
        label: familyLabel(family),
        unit: family.representative.unit,
        kind: family.representative.kind,
        comparator: family.representative.comparator,
        item: family.representative.item,
        provinceTarget,
        quotaByChild: family.byCity,
        regional: true,
      };
    });
  return [...own, ...regional];
}

/** A ratio's numerator and denominator rows: counts the cities' files report on rows of their own, summed, with no target. */
function partRows(ratio: SummaryRow): SummaryRow[] {
  const quota = Object.values(ratio.quotaByChild)[0];
  if (!quota) return [];
  return partsOf(quota).map((part) => ({
    ...ratio,
    id: partId(ratio.id, part.key),
    label: `${PART_LABELS[part.key]}：${part.name}`,
    unit: part.unit,
    kind: "cumulative",
    provinceTarget: null,
    part: part.key,
  }));
}

/** Whether the ratio on row `index` is collected as figures (its numerator's row follows it). */
export const hasParts = (rows: readonly SummaryRow[], index: number): boolean => rows[index + 1]?.part === "numerator";

const numbersIn = (values: CellValue[]): number[] => values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

/**
 * A summary row's province figure from the cities' figures (`actualsOf(index)`, one per city):
 * their sum; for a ratio collected as figures, the sum of the numerators over the sum of the
 * denominators — never a mean of shares, which would weigh a city of 10 enterprises like one of
 * 10,000; the mean only for a share without figures (a growth rate, a ratio in a file made before).
 * None for a milestone.
 */
export function rowTotal(rows: readonly SummaryRow[], index: number, actualsOf: (index: number) => CellValue[]): number | null {
  const row = rows[index];
  // No row there (a ratio's figure rows missing from a summary made before them): no total.
  if (!row || row.kind === "milestone") return null;
  if (row.kind === "ratio" && hasParts(rows, index)) {
    const numerator = rowTotal(rows, index + 1, actualsOf);
    const denominator = rowTotal(rows, index + 2, actualsOf);
    return numerator === null || denominator === null || denominator <= 0 ? null : numerator / denominator;
  }
  const found = numbersIn(actualsOf(index));
  if (found.length === 0) return null;
  const sum = found.reduce((a, b) => a + b, 0);
  if (row.covers) return coveredBy(row.covers, found, sum);
  return isPercentKind(row.kind) ? sum / found.length : sum;
}

/** A parent's coverage from its children's counts (see Coverage), as coverageFormula computes it. */
function coveredBy(covers: Coverage, counts: number[], sum: number): number {
  if (covers.units === "children") return counts.filter((count) => count >= covers.each).length;
  return sum >= covers.each ? 1 : 0;
}

/** `E6:O6`: a city block's cells on one row. */
export function blockRange(first: number, childCount: number, row: number): string {
  return `${columnLetter(first)}${row}:${columnLetter(first + childCount - 1)}${row}`;
}
