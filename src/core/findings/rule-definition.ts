import type { CellValue } from "../template/spec";

/**
 * What a rule is (its severity, area, names, message and what clears it), the one way to write
 * one (`rule`), and the words the messages of more than one part of the registry say (`quote`,
 * `list`, `LEVEL`). The rules themselves are in the *-rules.ts files, one per audience; ./rules
 * assembles them into the registry.
 */

export type Severity = "error" | "warning" | "info";

/** A text in both languages. */
export interface Text {
  zh: string;
  en: string;
}

/**
 * What makes a finding go away. `correction`: fixing what it points at (errors always).
 * `note`: a non-blank 说明 in its quota row explains the figure, and the finding is then not
 * reported at all (an explained figure is not a problem to count; the 说明 is in the sheet for the
 * auditor to read). `none`: information, nothing to do.
 */
export type Clearance = "correction" | "note" | "none";

/** A parameter value: plain data, so a finding can be written as JSON. */
export type ParamValue = CellValue | readonly string[];

/**
 * Who meets the rule: `sheet`, a person filling in or checking a Planbook sheet (the checks and
 * the reading of a workbook); `merge`, the aggregator merging city files; `split`, the aggregator
 * splitting a target; `plan`, whoever imports a plan text.
 */
export type RuleArea = "sheet" | "merge" | "split" | "plan";

export interface RuleDefinition<P> {
  severity: Severity;
  area: RuleArea;
  /** The rule's name, in counts by rule. */
  zh: string;
  en: string;
  clearedBy: Clearance;
  /** The message of one finding, from its parameters (the renderer adds the file and cell). */
  message: (params: P) => Text;
}

export const rule = <P extends Record<string, ParamValue> = Record<never, never>>(definition: RuleDefinition<P>): RuleDefinition<P> => definition;

/** Text from a cell as a message quotes it: blank said as such, and long text cut (a message lands in one Excel cell). */
export function quote(value: CellValue): string {
  if (value === null || value === "") return "（空）";
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export const list = (items: readonly string[]): Text => ({ zh: items.join("、"), en: items.join(", ") });

/** What a roll-up's children are called: its files' level. */
export const LEVEL = {
  city: { zh: "市", report: "市级报表", en: "city", plural: "cities" },
  county: { zh: "县（市、区）", report: "县级报表", en: "county", plural: "counties" },
  unit: { zh: "单位", report: "责任单位报表", en: "unit", plural: "units" },
} as const;
