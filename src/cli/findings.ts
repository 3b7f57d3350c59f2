import { type Finding, findingMessage, inFile, type MessageLanguage } from "../core/findings";
import { uncomputedInWorkbook } from "../core/checks";
import type { WorkbookSnapshot } from "../core/snapshot";
import { InputError } from "../core/shared";

/** The `--lang zh|en` option of the commands that print findings: one language, or both (Chinese first) when absent. */
export function messageLanguage(options: Record<string, string | true>): MessageLanguage {
  const lang = options.lang;
  if (lang === undefined) return "both";
  if (lang === "zh" || lang === "en") return lang;
  throw new InputError(`选项 --lang 应为 zh 或 en，实为「${String(lang)}」 / option --lang takes zh or en, not "${String(lang)}"`);
}

/** A finding as JSON: its rule and parameters, and the message rendered in `language`. */
export function findingJson(f: Finding, language: MessageLanguage) {
  return {
    ...(f.file === undefined ? {} : { file: f.file }),
    sheet: f.sheet,
    cell: f.cell,
    quotaId: f.quotaId,
    ...(f.line === undefined ? {} : { line: f.line }),
    rule: f.rule,
    severity: f.severity,
    message: findingMessage(f, language),
    params: f.params,
    value: f.value,
    ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
  };
}

/**
 * Stops a command that carries a returned report's figures into another file (the next period's
 * 上期累计, a corrected 上期累计) when an input cell holds a formula the file has no value for and
 * that cannot be computed: carried as blank, the figure would be lost without a word.
 */
export function refuseUncomputedInputs(snapshot: WorkbookSnapshot, file: string, use: { zh: string; en: string }): void {
  const cells = uncomputedInWorkbook(snapshot);
  if (cells.length === 0) return;
  const lines = cells.map((f) => `  ${f.sheet}: ${findingMessage(inFile(f, file))}`);
  throw new InputError(
    `「${file}」有 ${cells.length} 个单元格的公式没有计算结果，无法${use.zh}，未写入任何文件 / "${file}" has ${cells.length} cell(s) whose formula has no computed value, so ${use.en} cannot be made; nothing was written:\n${lines.join("\n")}`,
  );
}
