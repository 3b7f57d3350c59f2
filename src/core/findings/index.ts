/**
 * The findings room's front door: what code outside src/core/findings may import from it.
 * The rule registry and the findings every room reports (rules, findings), and why a file
 * cannot be read (file-problems).
 */
export { cannotReadFileMessage, fileProblem, fileProblemText, type FileReadProblem, type WorkbookFileProblem } from "./file-problems";
export { countByRule, countBySeverity, finding, type Finding, findingMessage, findingText, inFile, type MessageLanguage, ruleName } from "./findings";
export type { Severity } from "./rule-definition";
export { RULES } from "./rules";
