import { cleanFormSettings, EMPTY_META, formOf, type FormSettings, META_SHEET, metaRows, metaSheetSpec, parseMetaRows, withFormSettings } from "../core/template";
import { queueSheetRead, syncSheetReads } from "./workbook";
import { currentOf, writeSheets } from "./write";

/** The form settings (表号, 制表机关…) stored in the open workbook's metadata; blank where unset. One sync. */
export async function readFormSettings(context: Excel.RequestContext): Promise<FormSettings> {
  const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const snapshot = metaRead.result();
  return formOf(snapshot ? parseMetaRows(snapshot.values) : EMPTY_META);
}

/**
 * Stores the form settings in the workbook's metadata; templates generated (or handed out) from
 * this workbook afterwards carry them. Syncs: one to read the metadata, one to write it.
 */
export async function saveFormSettings(context: Excel.RequestContext, settings: FormSettings, password: string | null = null): Promise<FormSettings> {
  const metaRead = queueSheetRead(context.workbook.worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const snapshot = metaRead.result();
  const form = cleanFormSettings(settings);
  const meta = withFormSettings(snapshot ? parseMetaRows(snapshot.values) : EMPTY_META, form);
  await writeSheets(context, [{ spec: metaSheetSpec(metaRows(meta), password), current: currentOf(snapshot) }], { password });
  return form;
}
