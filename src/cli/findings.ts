import { type Finding, findingMessage, type MessageLanguage } from "../core/findings";
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
