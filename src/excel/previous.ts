import { syncWithEventsRestored } from "./write";
import { queueChangeLogAppend, queueChangeLogRead } from "./change-log";
import { type CellChange, previousRefresh } from "../core/checks";
import { PreviousSheetError } from "../core/shared";
import { META_SHEET, parseMetaRows } from "../core/template";
import { PROTECTION_OPTIONS } from "./render";
import { queueSheetRead, syncSheetReads } from "./workbook";

export interface RefreshPreviousOptions {
  password?: string | null;
  /** When the change is logged; defaults to now. */
  now?: Date;
}

export interface RefreshPreviousResult {
  /** The sheet brought in line (the active one). */
  sheet: string;
  /** Each 上期累计 changed, with what it was and what it is now (also in 修改记录). */
  changes: CellChange[];
}

/**
 * 更新上期累计: after the previous period's sheet in this workbook was corrected, the active Planbook
 * sheet's 上期累计 brought in line with it (`previousRefresh`, as `planbook correct --previous`),
 * each change appended to 修改记录 with both values — an explicit act, which the sheet's own check
 * then accepts. Nothing else is touched.
 *
 * Syncs: one to name the active sheet and read the metadata, one to read the Planbook sheets of
 * its scope and the log's extent, one to write — whatever the row count.
 */
export async function refreshPrevious(context: Excel.RequestContext, options: RefreshPreviousOptions = {}): Promise<RefreshPreviousResult> {
  const worksheets = context.workbook.worksheets;
  const active = worksheets.getActiveWorksheet().load("name");
  const metaRead = queueSheetRead(worksheets.getItemOrNullObject(META_SHEET));
  await syncSheetReads(context, [metaRead]);
  const meta = metaRead.result();
  const records = meta ? parseMetaRows(meta.values).sheets : [];
  const record = records.find((s) => s.sheet === active.name);
  if (!meta || !record) {
    throw new PreviousSheetError(active.name, { zh: "它不是 Planbook 生成的报表，请先选中要更新上期累计的报表", en: "it is not a Planbook report sheet; select the sheet whose 上期累计 to bring in line" });
  }
  const sameScope = records.filter((s) => s.scope === record.scope && s.sheet !== record.sheet).map((s) => s.sheet);
  const currentRead = queueSheetRead(active);
  const earlierReads = sameScope.map((name) => queueSheetRead(worksheets.getItem(name)));
  const logRead = queueChangeLogRead(context);
  await syncSheetReads(context, [currentRead, ...earlierReads, logRead.read]);
  const current = currentRead.result();
  if (!current) return { sheet: active.name, changes: [] };
  const earlier = earlierReads.flatMap((read) => read.result() ?? []);
  const changes = previousRefresh({ sheets: [current, meta] }, { sheets: [...earlier, meta] }, active.name);
  if (changes.length === 0) return { sheet: active.name, changes };

  const password = options.password ?? undefined;
  const at = (options.now ?? new Date()).toISOString();
  context.runtime.enableEvents = false;
  try {
    if (current.protected) active.protection.unprotect(password);
    for (const change of changes) active.getRange(change.cell).values = [[change.after ?? ""]];
    if (current.protected) active.protection.protect(PROTECTION_OPTIONS, password);
    queueChangeLogAppend(context, logRead, changes.map((change) => ({ ...change, at, reason: "上期报表已更正 previous report corrected" })), options.password ?? null);
  } finally {
    context.runtime.enableEvents = true;
  }
  await syncWithEventsRestored(context);
  return { sheet: active.name, changes };
}
