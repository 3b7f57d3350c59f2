import { matchGroup } from "../shared/required";

/**
 * 责任单位 cells list units with 、 or with nothing between them (省人力社保厅省经信厅). A unit name
 * starts with 省, 浙江, 团省委 or 国家, so a list is split before each such start that follows the
 * end of a unit name (厅, 局, 委, 会, 联, 办…).
 */
const UNIT_START = /(?<=[厅局委会联办院部社])(?=省|浙江|团省委|国家)/g;
/** Phrases that say how units share the work, not who they are. */
const SHARING_PHRASES = /(按职责分工负责|按职责分工参与|按职责分工|牵头|负责|配合)$/;

export function splitUnits(cell: string): string[] {
  return cell
    .split(/[、,，;；\s]+/)
    .flatMap((part) => part.split(UNIT_START))
    .map((unit) => unit.replace(SHARING_PHRASES, "").trim())
    .filter((unit) => unit !== "");
}

/** The units a measure names, its lead units (牵头, the quota's report goes to them) apart from supporting ones (配合). */
export interface MeasureUnits {
  lead: string[];
  supporting: string[];
}

/**
 * Reads a units cell in any of the ways task lists name them: a plain 责任单位 list (all lead);
 * `牵头单位:…;配合单位:…` (the labels importers of other layouts write, as the documents do);
 * `A、B牵头,C、D配合` (the bracket at an item's end).
 */
export function readUnits(cell: string): MeasureUnits {
  const labelled = /(?:牵头单位|责任单位|主责单位)\s*[:：]\s*([^;；]*)(?:[;；]\s*(?:配合单位|协同单位|协办单位)\s*[:：]\s*(.*))?$/.exec(cell);
  if (labelled) return { lead: splitUnits(matchGroup(labelled, 1)), supporting: splitUnits(labelled[2] ?? "") };
  const supportingOnly = /^(?:配合单位|协同单位|协办单位)\s*[:：]\s*(.*)$/.exec(cell);
  if (supportingOnly) return { lead: [], supporting: splitUnits(matchGroup(supportingOnly, 1)) };
  const shared = /^(.+?)牵头[,，;；、\s]*(.+?)(?:配合|协同|参与)$/.exec(cell);
  if (shared) return { lead: splitUnits(matchGroup(shared, 1)), supporting: splitUnits(matchGroup(shared, 2)) };
  return { lead: splitUnits(cell), supporting: [] };
}
