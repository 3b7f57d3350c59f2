import type { ImportedPlan } from "../core/plan";
import { EMPTY_META, META_SHEET, metaRows, metaSheetSpec, parseMetaRows, withImportedPlan } from "../core/template";
import { queueSheetRead, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";

/** The plans imported into the open workbook (计划 view), with their corrections. One sync. */
export async function readImportedPlans(context: Excel.RequestContext): Promise<ImportedPlan[]> {
  const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const snapshot = metaRead.result();
  return (snapshot ? parseMetaRows(snapshot.values) : EMPTY_META).plans ?? [];
}

/**
 * Stores an imported plan and its corrections in the workbook's metadata, so that the pane (opened
 * again) and the CLI (`--revision <workbook.xlsx>`) use the plan as corrected. Syncs: one to read
 * the metadata, one to write it.
 */
export async function saveImportedPlan(context: Excel.RequestContext, plan: ImportedPlan, password: string | null = null): Promise<void> {
  const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const snapshot = metaRead.result();
  const meta = withImportedPlan(snapshot ? parseMetaRows(snapshot.values) : EMPTY_META, plan);
  await writeSheets(context, [{ spec: metaSheetSpec(metaRows(meta), password), current: currentOf(snapshot) }], { password });
}
