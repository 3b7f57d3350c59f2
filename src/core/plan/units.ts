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
