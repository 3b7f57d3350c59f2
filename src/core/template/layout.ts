import type { PlanRevision, Quota } from "../plan/types";
import type { CarriedRow, LooseCell } from "./carried";
import { HEADER_ROW, SIGNATURE_FIELDS } from "./columns";
import { actionLabel, itemLabel } from "./labels";
import { type QuotaPart, partsOf } from "./ratio-parts";

/**
 * The report sheet from top to bottom: title, information and header rows, then per action a
 * header row, per key work item a header row and its quotas (a ratio followed by the rows of its
 * numerator and denominator); then the archive area, the area
 * of kept cells (each only when it has something) and the signature block.
 */
export type Line =
  | { kind: "action"; text: string }
  | { kind: "item"; text: string }
  | { kind: "quota"; quota: Quota }
  | { kind: "part"; quota: Quota; part: QuotaPart }
  | { kind: "archiveTitle" }
  | { kind: "archived"; row: CarriedRow }
  | { kind: "keptTitle" }
  | { kind: "kept"; cell: LooseCell }
  | { kind: "blank" }
  | { kind: "signature"; field: (typeof SIGNATURE_FIELDS)[number] };

/** The 1-based row of the first line (the rows above are the title, information and header). */
export const FIRST_LINE_ROW = HEADER_ROW + 1;

/** The lines below the header, in order; line i sits on row `FIRST_LINE_ROW + i`. */
export function reportLines(revision: PlanRevision, quotas: Quota[], archived: CarriedRow[], loose: LooseCell[]): Line[] {
  const lines: Line[] = [];
  for (const action of revision.actions) {
    const actionQuotas = quotas.filter((q) => q.action === action.number);
    if (actionQuotas.length === 0) continue;
    lines.push({ kind: "action", text: actionLabel(action) });
    for (const item of revision.items.filter((i) => i.action === action.number)) {
      const itemQuotas = actionQuotas.filter((q) => q.item === item.number);
      if (itemQuotas.length === 0) continue;
      lines.push({ kind: "item", text: itemLabel(item) });
      for (const quota of itemQuotas) {
        lines.push({ kind: "quota", quota });
        for (const part of partsOf(quota)) lines.push({ kind: "part", quota, part });
      }
    }
  }
  if (archived.length > 0) {
    lines.push({ kind: "blank" }, { kind: "archiveTitle" });
    for (const row of archived) lines.push({ kind: "archived", row });
  }
  if (loose.length > 0) {
    lines.push({ kind: "blank" }, { kind: "keptTitle" });
    for (const cell of loose) lines.push({ kind: "kept", cell });
  }
  lines.push({ kind: "blank" });
  for (const field of SIGNATURE_FIELDS) lines.push({ kind: "signature", field });
  return lines;
}
