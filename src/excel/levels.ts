import type { LevelRecord } from "../core/plan";
import { EMPTY_META, META_SHEET, metaRows, metaSheetSpec, parseMetaRows, withLevelRecords } from "../core/template";
import { queueSheetRead, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";

/** The quota levels a person corrected in the 计划 view, stored in the open workbook's metadata. One sync. */
export async function readLevelCorrections(context: Excel.RequestContext): Promise<LevelRecord[]> {
  const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const snapshot = metaRead.result();
  return snapshot ? parseMetaRows(snapshot.values).levels : [];
}

/**
 * Stores level corrections in the workbook's metadata, each replacing an earlier one of its quota;
 * templates, checks and merges made from this workbook afterwards use them. Syncs: one to read
 * the metadata, one to write it.
 */
export async function saveLevelCorrections(context: Excel.RequestContext, levels: readonly LevelRecord[], password: string | null = null): Promise<void> {
  const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const snapshot = metaRead.result();
  const meta = withLevelRecords(snapshot ? parseMetaRows(snapshot.values) : EMPTY_META, levels);
  await writeSheets(context, [{ spec: metaSheetSpec(metaRows(meta), password), current: currentOf(snapshot) }], { password });
}
