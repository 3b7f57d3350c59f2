/** A sheet's metadata (计划版本, 填报单位, 报告期, format) against what the caller expects and knows. */
import { cellAddress } from "../snapshot/a1";
import { type Finding, finding, type RuleId } from "../findings/findings";
import { normalisedPeriod } from "../period/period";
import { formatScope, parseScope } from "../plan/scope";
import { FRAME_ROWS, identityRow } from "../template/columns";
import { FORMAT_VERSION } from "../template/meta";
import { type CheckContext, type SheetUnderCheck } from "./sheet-under-check";

/** The same scope or period however it was written (全省 is province, 2026-3 is 2026-03). */
function normalised(kind: "scope" | "period", text: string): string {
  if (kind === "period") return normalisedPeriod(text);
  try {
    return formatScope(parseScope(text));
  } catch {
    return text.trim();
  }
}

/**
 * What the sheet's metadata says against what the caller expects and knows, each told at its line
 * of the form's frame (填报单位, 报告期, 计划版本) — or at the one information line of a sheet made
 * before the frame — found from the header so rows inserted above move it along.
 */
export function checkIdentity(sheet: SheetUnderCheck, context: CheckContext): Finding[] {
  const { report } = sheet;
  const record = report.record;
  const atLine = (part: keyof typeof FRAME_ROWS) => ({ sheet: report.name, cell: cellAddress(identityRow(part, report.headerRow) - 1, 0), quotaId: null });
  const at = atLine("revision");
  const out: Finding[] = [];
  if (!sheet.known) {
    out.push(finding("unknown-revision", at, { revision: record.revision, known: context.revisions.map((r) => r.revision) }, record.revision));
  }
  const expected = context.expected ?? {};
  const mismatches: [Extract<RuleId, `wrong-${string}`>, keyof typeof FRAME_ROWS, string | undefined, string, string][] = [
    ["wrong-revision", "revision", expected.revision, record.revision, record.revision],
    ["wrong-scope", "scope", expected.scope && normalised("scope", expected.scope), normalised("scope", record.scope), record.scope],
    ["wrong-period", "period", expected.period && normalised("period", expected.period), normalised("period", record.period), record.period],
  ];
  for (const [rule, line, want, have, written] of mismatches) {
    if (want !== undefined && want !== have) {
      out.push(finding(rule, atLine(line), { expected: want, found: written }, written));
    }
  }
  if (isOutdated(sheet)) out.push(finding("sheet-outdated", at, { found: record.formatVersion, current: FORMAT_VERSION }, record.formatVersion));
  if (!sheet.period && !out.some((f) => f.rule === "wrong-period")) {
    out.push(finding("wrong-period", atLine("period"), { expected: null, found: record.period }, record.period));
  }
  return out;
}

/** A sheet made by an earlier format of the template (its metadata says so; a blank format is the first). */
export const isOutdated = (sheet: SheetUnderCheck): boolean => (Number(sheet.report.record.formatVersion) || 1) < FORMAT_VERSION;
