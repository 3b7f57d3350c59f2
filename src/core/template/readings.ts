/**
 * A second reading of a province row where the plan contradicts itself: Annex 1 says 500 技能型乡村
 * by 2025, Annex 2's cities add up to 538. The quota's row keeps Annex 1's figure; a locked row
 * right under it (id `I11-技能型乡村-2027/附件2`) holds the same 累计完成 against Annex 2's total,
 * with its own 完成率, 序时进度 and 状态 — both statuses shown, each saying which figure it uses. It
 * has no inputs and is no quota of its own: reading a sheet keeps it apart from the quota rows.
 */
export const READING_LABEL = "附件2";

/** What its 指标类型 cell says. */
export const READING_KIND_LABEL = "附件2口径";

/** The reading row's id: its quota's and `/附件2`. */
export const readingId = (quotaId: string): string => `${quotaId}/${READING_LABEL}`;

/** The quota a reading row's id is of, or null when the id is not a reading's. */
export function parseReadingId(id: string): string | null {
  const suffix = `/${READING_LABEL}`;
  return id.endsWith(suffix) && id.length > suffix.length ? id.slice(0, -suffix.length) : null;
}
