import type { ParamValue, RuleDefinition, Severity, Text } from "./rule-definition";
import { type ParamsOf, RULES, type RuleId } from "./rules";
import type { CellValue } from "../template/spec";

export { quote, type Severity, type Text } from "./rule-definition";
export { type ParamsOf, RULES, type RuleId } from "./rules";

/** Where a finding is, and what it is about. */
export interface Where {
  /** The sheet the finding is on ("" for a whole workbook or file). */
  sheet: string;
  /** A1 address on `sheet`, or null for a finding about a whole sheet or file. */
  cell: string | null;
  quotaId: string | null;
  /** The file the finding is in, when checking or merging files. */
  file?: string;
  /** 1-based line, for a finding about a plan's text. */
  line?: number;
}

interface FindingOfRule<R extends RuleId> extends Where {
  rule: R;
  /** From the rule registry, never set by hand. */
  severity: Severity;
  /** What the rule's message says, as data: the message is rendered where it is shown (findingMessage). */
  params: ParamsOf<R>;
  /** What was seen in the cell (or the file/sheet name for whole-file findings). */
  value: CellValue;
  /** The corrected value, where the meaning is certain (e.g. `1,000` → 1000). */
  suggestion?: number;
}

/**
 * A problem found in a workbook, a file or a plan. Bad data is a finding, never an exception. It
 * carries its rule's id and parameters; `findingMessage` says it in words, naming the cell.
 */
export type Finding = { [R in RuleId]: FindingOfRule<R> }[RuleId];

/** The one way to make a finding: the severity is the rule's (see the registry in ./rules). */
export function finding<R extends RuleId>(rule: R, where: Where, params: ParamsOf<R>, value: CellValue = null, suggestion?: number): FindingOfRule<R> {
  return {
    rule,
    severity: RULES[rule].severity,
    sheet: where.sheet,
    cell: where.cell,
    quotaId: where.quotaId,
    ...(where.file === undefined ? {} : { file: where.file }),
    ...(where.line === undefined ? {} : { line: where.line }),
    params,
    value,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

/** The same finding, said to be in `file`. */
export const inFile = (f: Finding, file: string): Finding => ({ ...f, file });

/** Both languages of a finding's message, each naming the file and cell first. */
export function findingText(f: Finding): Text {
  const definition = RULES[f.rule] as RuleDefinition<Record<string, ParamValue>>;
  const text = definition.message(f.params);
  const file = f.file === undefined ? { zh: "", en: "" } : { zh: `文件「${f.file}」`, en: `file "${f.file}": ` };
  const cell = f.cell ? { zh: `${f.cell}：`, en: `${f.cell}: ` } : { zh: "", en: "" };
  return { zh: `${file.zh}${cell.zh}${text.zh}`, en: `${file.en}${cell.en}${text.en}` };
}

/** How a place shows messages: one language (the pane), or both, Chinese first (audit sheet, CLI). */
export type MessageLanguage = "zh" | "en" | "both";

/** A finding's message as a place shows it. */
export function findingMessage(f: Finding, language: MessageLanguage = "both"): string {
  const text = findingText(f);
  return language === "both" ? `${text.zh} / ${text.en}` : text[language];
}

/** A rule's name in a language, or both (Chinese first). */
export function ruleName(rule: RuleId, language: MessageLanguage = "both"): string {
  const definition = RULES[rule];
  return language === "both" ? `${definition.zh} / ${definition.en}` : definition[language];
}

/** Whether a 说明 in the finding's quota row explains it away (see Clearance in ./rule-definition). */
export const clearedByNote = (f: Finding): boolean => RULES[f.rule].clearedBy === "note";

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Counts by rule, in the order of the rule registry (for the audit sheet and the pane). */
export function countByRule(findings: Finding[]): { rule: RuleId; severity: Severity; count: number }[] {
  const counts = new Map<RuleId, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return (Object.keys(RULES) as RuleId[]).flatMap((rule) => {
    const count = counts.get(rule);
    return count === undefined ? [] : [{ rule, severity: RULES[rule].severity, count }];
  });
}
