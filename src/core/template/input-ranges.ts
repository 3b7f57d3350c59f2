/** Where a template's inputs are: the unlocked ranges, their validation and number formats. */
import { type Quota, isPercentKind } from "../plan/types";
import { runs } from "../snapshot/a1";
import { expectedInput, isCountUnit } from "../plan/quota-units";
import { COLUMN, MILESTONE_STATUSES } from "./columns";
import { partsOf } from "./ratio-parts";
import { type SheetSpec, type StyleSpec, type ValidationRule, type ValidationSpec } from "./spec";
import { PERCENT_FORMAT, RATIO_FORMAT, stateFormats } from "./styles";
import { letter, LAST_COLUMN, type QuotaRow, type PartRow } from "./draft";

function validationRule(quota: Pick<Quota, "kind" | "unit">): ValidationRule {
  if (quota.kind === "milestone") return { type: "list", items: [...MILESTONE_STATUSES] };
  if (quota.kind === "ratio") return { type: "decimal", min: 0, max: 1 };
  // A growth rate may be negative (the figure fell), never below −100 %.
  if (quota.kind === "growth") return { type: "decimal", min: -1, max: 100 };
  return isCountUnit(quota.unit) ? { type: "whole", min: 0 } : { type: "decimal", min: 0 };
}

/**
 * The validation the template gives the input cells of a range whose quota has this kind and unit
 * (a ratio's numerator or denominator: a cumulative count in its own unit). Live checking puts it
 * back on a cell a paste took it from.
 */
export function inputValidation(range: string, shape: Pick<Quota, "kind" | "unit">): ValidationSpec {
  const expected = expectedInput(shape);
  return {
    range,
    rule: validationRule(shape),
    prompt: { title: "请填写 / Enter", message: `请填写${expected.zh}。` },
    error: { title: "输入有误 / Invalid entry", message: `此处应填写${expected.zh}。/ Expected ${expected.en}.` },
  };
}

/** The cells a person types in, and their validations: one per run of rows that share a rule. */
export function inputCells(quotaRows: QuotaRow[], partRows: PartRow[]): { ranges: string[]; validations: ValidationSpec[] } {
  type Shape = Pick<Quota, "kind" | "unit">;
  // A group's rule is its shape's (`validationRule`), given to each of its ranges by `inputValidation`.
  const groups = new Map<string, { shape: Shape; numericRows: number[]; periodRows: number[]; statusRows: number[] }>();
  const groupOf = (shape: Shape) => {
    // Rows share a validation only when its message fits them all: same rule, same unit.
    const key = JSON.stringify([validationRule(shape), shape.unit]);
    const group = groups.get(key) ?? { shape, numericRows: [], periodRows: [], statusRows: [] };
    groups.set(key, group);
    return group;
  };
  for (const { row, quota, stage } of quotaRows) {
    if (stage.closed) continue;
    const group = groupOf(quota);
    if (quota.kind === "milestone") group.statusRows.push(row);
    // A ratio collected as two figures is typed on their rows; its own 累计完成 is their quotient.
    else if (partsOf(quota).length === 0) {
      group.numericRows.push(row);
      if (!isPercentKind(quota.kind)) group.periodRows.push(row);
    }
  }
  // A numerator or denominator is a count at the period's end: only 累计完成.
  for (const { row, part, closed } of partRows) if (!closed) groupOf({ kind: "cumulative", unit: part.unit }).numericRows.push(row);
  const rangesOf = (rows: number[], key: keyof typeof COLUMN): string[] =>
    runs(rows).map(([first, last]) => `${letter(key)}${first}:${letter(key)}${last}`);
  const ranges: string[] = [];
  const validations: ValidationSpec[] = [];
  for (const group of groups.values()) {
    const groupRanges = [...rangesOf(group.periodRows, "period"), ...rangesOf(group.numericRows, "cumulative"), ...rangesOf(group.statusRows, "status")];
    validations.push(...groupRanges.map((range) => inputValidation(range, group.shape)));
    ranges.push(...groupRanges);
  }
  ranges.push(...rangesOf([...quotaRows, ...partRows].map((q) => q.row).sort((a, b) => a - b), "note"));
  return { ranges, validations };
}

/** Borders, number formats and the coloured 状态 of the quota rows. */
export function quotaRowFormats(quotaRows: QuotaRow[], partRows: PartRow[], readingRows: number[]): Pick<SheetSpec, "styles" | "numberFormats" | "conditionalFormats"> {
  const styles: StyleSpec[] = [];
  const numberFormats: { range: string; format: string }[] = [];
  const rows = [...[...quotaRows, ...partRows].map((q) => q.row), ...readingRows].sort((a, b) => a - b);
  const column = (key: keyof typeof COLUMN, first: number, last: number): string => `${letter(key)}${first}:${letter(key)}${last}`;
  for (const [first, last] of runs(rows)) {
    styles.push({ range: `A${first}:${LAST_COLUMN}${last}`, border: true, wrap: true, vertical: "Top" });
    for (const key of ["target", "previous", "period", "cumulative"] as const) numberFormats.push({ range: column(key, first, last), format: "General" });
    for (const key of ["completion", "progress"] as const) numberFormats.push({ range: column(key, first, last), format: PERCENT_FORMAT });
  }
  // Ratios and growth rates are typed and shown as percentages.
  const ratioRows = quotaRows.filter((q) => isPercentKind(q.quota.kind)).map((q) => q.row);
  for (const [first, last] of runs(ratioRows)) {
    numberFormats.push({ range: `${letter("target")}${first}:${letter("cumulative")}${last}`, format: RATIO_FORMAT });
  }
  const first = rows[0];
  const last = rows.at(-1);
  const conditionalFormats = first === undefined || last === undefined ? [] : stateFormats(column("state", first, last), `$${letter("state")}${first}`);
  return { styles, numberFormats, conditionalFormats };
}
