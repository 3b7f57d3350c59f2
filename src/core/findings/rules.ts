import type { RuleDefinition } from "./rule-definition";
import { WORKBOOK_RULES } from "./workbook-rules";
import { TEMPLATE_CELL_RULES } from "./template-cell-rules";
import { INPUT_RULES } from "./input-rules";
import { PREVIOUS_PERIOD_RULES } from "./previous-period-rules";
import { MERGE_RULES } from "./merge-rules";
import { SPLIT_RULES } from "./split-rules";
import { PLAN_TEXT_RULES } from "./plan-text-rules";

/**
 * The rule registry: every rule any part of Planbook reports (the checks of a sheet, the reading of
 * a workbook or file, merge, split, the plan text), each with its severity, its name, the message
 * it says and what clears it — in one table. The audit sheet and the task pane count findings by
 * rule in the table's order.
 *
 * The table is assembled here from one part per audience, in this order:
 *   - workbook-rules: whoever opens or checks a workbook — not the Planbook sheet expected;
 *   - template-cell-rules: the official filling in a sheet — cells of the template changed;
 *   - input-rules: the official filling in a sheet — what was typed (errors, and warnings a 说明 explains);
 *   - previous-period-rules: the auditor — a sheet against the previous period's file;
 *   - merge-rules: the aggregator merging the returned files;
 *   - split-rules: the aggregator splitting a target;
 *   - plan-text-rules: whoever imports a plan text.
 * What a rule is, and the words several parts say, are in ./rule-definition.
 *
 * A finding carries the rule's id and its parameters, never a finished sentence: the message is
 * rendered where it is shown (`findingMessage` in ./findings), in the language of the place that
 * shows it. The renderer puts the location first (file, then cell), so a template says only what
 * is wrong.
 *
 * To add a rule:
 *   1. add an entry to the part of the audience who meets it, in the group it belongs to:
 *      `"my-rule": rule<{ …params }>({ severity, area, zh, en, clearedBy, message: (p) => ({ zh: …,
 *      en: … }) })`. Params are plain data (strings, numbers, booleans, null, arrays of them) so
 *      findings stay JSON; quote what a person typed with `quote()`. The Chinese message comes first
 *      and must read on its own; so must the English;
 *   2. make findings of it with `finding("my-rule", where, params)` from ./findings — the only way
 *      to make a finding (severity comes from here, nowhere else);
 *   3. a rule cleared by a 说明 (`clearedBy: "note"`) must be about one quota row.
 */
export const RULES = {
  ...WORKBOOK_RULES,
  ...TEMPLATE_CELL_RULES,
  ...INPUT_RULES,
  ...PREVIOUS_PERIOD_RULES,
  ...MERGE_RULES,
  ...SPLIT_RULES,
  ...PLAN_TEXT_RULES,
} as const;

/**
 * A rule id in two parts would be one entry of the table, the later part's silently replacing the
 * earlier's (one object literal refused a repeated key; a spread does not): `tsc` names it here.
 */
type Parts = [
  typeof WORKBOOK_RULES,
  typeof TEMPLATE_CELL_RULES,
  typeof INPUT_RULES,
  typeof PREVIOUS_PERIOD_RULES,
  typeof MERGE_RULES,
  typeof SPLIT_RULES,
  typeof PLAN_TEXT_RULES,
];
type KeyOfEach<T> = T extends object ? keyof T : never;
type InTwoParts<P extends readonly object[]> = P extends readonly [infer First, ...infer Rest extends readonly object[]] ? Extract<keyof First, KeyOfEach<Rest[number]>> | InTwoParts<Rest> : never;
type NoneOf<T extends never> = T;
type _EachRuleInOnePart = NoneOf<InTwoParts<Parts>>;

export type RuleId = keyof typeof RULES;

/** The parameters a rule's message takes. */
export type ParamsOf<R extends RuleId> = (typeof RULES)[R] extends RuleDefinition<infer P> ? P : never;
