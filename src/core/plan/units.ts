import { matchGroup } from "../shared/required";

/**
 * 责任单位 cells list units with 、 or with nothing between them (省人力社保厅省经信厅, 区人力社保局区教育局).
 * A unit name starts with 省, 浙江, 团省委, 国家 or a 市/区/县 of its own (not 市场…), so a list is
 * split before each such start that follows the end of a unit name (厅, 局, 委, 会, 联, 办…).
 */
const UNIT_START = /(?<=[厅局委会联办院部社])(?=省|浙江|团省委|国家|[市区县](?!场|委|级|属|域))/g;
/** Phrases that say how units share the work, not who they are. */
const SHARING_PHRASES = /(按职责分工负责|按职责分工参与|按职责分工|牵头|负责|配合|参与|协同|协办)$/;

export function splitUnits(cell: string): string[] {
  return cell
    .split(/[、,，;；\s]+/)
    .flatMap((part) => part.split(UNIT_START))
    .map((unit) => unit.replace(/^(由|为)/, "").replace(SHARING_PHRASES, "").trim())
    .filter((unit) => unit !== "");
}

/**
 * The units a measure names. A list names them one of two ways: a plain 责任单位 list (the first
 * listed leads), or a lead apart (牵头单位:…, A牵头, (A牵头)) from the units that share the work —
 * 责任单位 beside a 牵头单位 (co-responsible, each reporting its own part) and 配合单位 (supporting).
 */
export interface MeasureUnits {
  /** 牵头单位 the list names as such; empty when it names none apart. */
  lead: string[];
  /** 责任单位: the units responsible, beside the lead when the list names one (lead not repeated). */
  responsible: string[];
  /** 配合单位 (协同, 协办, 参与). */
  supporting: string[];
}

/** Labels a units cell or line is written with, by role (主责 is a lead; 责任 beside a lead is co-responsible). */
export const UNIT_LABELS = /(牵头单位|主责单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协同单位|协办单位|参与单位)\s*(?:为|是)?\s*[:：]?\s*/g;
export type UnitRole = keyof MeasureUnits;

export function unitRoleOfLabel(label: string): UnitRole {
  if (/牵头|主责/.test(label)) return "lead";
  if (/配合|协同|协办|参与/.test(label)) return "supporting";
  return "responsible";
}

/**
 * Reads a units cell in any of the ways task lists name them: a plain 责任单位 list;
 * labelled parts in any order (`牵头单位:…;责任单位:…;配合单位:…`, as the documents write them and as
 * other layouts pass them on); `A、B牵头,C、D配合` (the bracket at an item's end, a table's cell);
 * `A牵头` alone.
 */
export function readUnits(written: string): MeasureUnits {
  // 区发改局(牵头)、区财政局: a lead marked in brackets after its name.
  const cell = written.replace(/[(（](牵头|配合)[)）]/g, "$1");
  const out: MeasureUnits = { lead: [], responsible: [], supporting: [] };
  const labels = [...cell.matchAll(UNIT_LABELS)];
  if (labels.length > 0 && (labels[0]?.index ?? 0) === 0) {
    labels.forEach((label, index) => {
      const start = (label.index ?? 0) + label[0].length;
      const end = labels[index + 1]?.index ?? cell.length;
      const part = cell.slice(start, end).replace(/[;；,，。.\s]+$/, "");
      // A labelled part may itself say who leads (责任单位:A牵头,B配合).
      const shared = readShared(part);
      if (shared) for (const role of ["lead", "responsible", "supporting"] as const) out[role].push(...shared[role]);
      else out[unitRoleOfLabel(matchGroup(label, 1))].push(...splitUnits(part));
    });
    return dedupe(out);
  }
  const shared = readShared(cell);
  if (shared) return dedupe(shared);
  return { lead: [], responsible: splitUnits(cell), supporting: [] };
}

/** `A牵头,B配合`, `A牵头,B负责`, `A牵头`: lead apart from the others; null when the cell says no 牵头. */
function readShared(cell: string): MeasureUnits | null {
  const shared = /^(.+?)牵头(?:负责|抓总)?[,，;；、\s]*(.*?)(配合|协同|参与|协办|负责|按职责分工负责|按职责分工参与)?$/.exec(cell);
  if (!shared) return null;
  const others = splitUnits(shared[2] ?? "");
  // The others support only when the list says so (B配合); else they share the work (A牵头,B、C).
  const supporting = shared[3] !== undefined && /配合|协同|参与|协办/.test(shared[3]);
  return { lead: splitUnits(matchGroup(shared, 1)), responsible: supporting ? [] : others, supporting: supporting ? others : [] };
}

function dedupe(units: MeasureUnits): MeasureUnits {
  const lead = [...new Set(units.lead)];
  return {
    lead,
    responsible: [...new Set(units.responsible)].filter((u) => !lead.includes(u)),
    supporting: [...new Set(units.supporting)].filter((u) => !lead.includes(u)),
  };
}

/** Brackets at the end of a sentence that name units (…局、…办, …牵头) rather than explain (如…). */
export const BRACKET_UNITS = /\(([^()]*(?:厅|局|委|办|会|院|部|府|联|中心|政府|公司|集团|牵头|配合|负责))\)[。.;]?$/;

/** A sentence's trailing units bracket (`…。(A牵头,B配合)`) split off, or null when it ends in none. */
export function trailingUnits(text: string): { text: string; units: string } | null {
  const match = BRACKET_UNITS.exec(text);
  return match ? { text: text.slice(0, match.index).trim(), units: matchGroup(match, 1).replace(/负责$/, "") } : null;
}
