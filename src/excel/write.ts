import type { SheetSpec } from "../core/template";
import { PROTECTION_OPTIONS, REQUEST_BUDGET_BYTES, chunkRows, layoutBytes, queueCells, queueClear, queueLayout } from "./render";

/** A sheet spec to write, and what the workbook holds under its name now. */
export interface SheetWrite {
  spec: SheetSpec;
  /** What the sheet holds now (from a snapshot), or null when the sheet does not exist yet. */
  current: { protected: boolean; rows: number; columns: number } | null;
  /** Queues what the spec cannot say (charts) while the sheet is unprotected, after its layout. */
  extras?: (worksheet: Excel.Worksheet) => void;
}

/**
 * Writes whole sheets in one batch: events off, each sheet unprotected (only if it
 * is protected — `unprotect()` on an unprotected sheet fails), cleared, written, protected again.
 * One sync, plus one more each time the queued request would pass Excel on the web's size limit
 * (a count of bytes, never of rows); if the batch fails, a
 * `finally` protects again whatever it left unprotected. The last sheet written is activated when
 * `activate` names it.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  writes: SheetWrite[],
  options: { password: string | null; activate?: string },
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const password = options.password ?? undefined;
  let written = false;
  let queuedBytes = 0;
  /** Syncs first when `bytes` more would take the request past the budget. */
  const makeRoom = async (bytes: number): Promise<void> => {
    if (queuedBytes > 0 && queuedBytes + bytes > REQUEST_BUDGET_BYTES) {
      await context.sync();
      queuedBytes = 0;
    }
    queuedBytes += bytes;
  };
  try {
    context.runtime.enableEvents = false;
    // Calculation stays on: after suspendApiCalculationUntilNextSync Excel leaves the
    // recalculation to the caller, and a few large writes gain nothing from suspending it.
    for (const { spec, current, extras } of writes) {
      const worksheet = current ? worksheets.getItem(spec.name) : worksheets.add(spec.name);
      if (current?.protected) worksheet.protection.unprotect(password);
      if (current) {
        queueClear(worksheet, Math.max(current.rows, spec.cells.length), Math.max(current.columns, spec.cells[0]?.length ?? 0));
      }
      for (const chunk of chunkRows(spec.cells, REQUEST_BUDGET_BYTES, spec.rowHeights)) {
        await makeRoom(chunk.bytes);
        queueCells(worksheet, spec, chunk.from, chunk.to);
      }
      await makeRoom(layoutBytes(spec));
      queueLayout(worksheet, spec);
      extras?.(worksheet);
      worksheet.protection.protect(PROTECTION_OPTIONS, password);
    }
    if (options.activate) worksheets.getItem(options.activate).activate();
    context.runtime.enableEvents = true;
    await context.sync();
    written = true;
  } finally {
    if (!written) await reprotect(context, writes.map((w) => w.spec.name), options.password);
  }
}

/** After a failed write, protects again every named sheet that is left unprotected. */
async function reprotect(context: Excel.RequestContext, names: string[], password: string | null): Promise<void> {
  const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  for (const sheet of sheets) sheet.load("protection/protected");
  context.runtime.enableEvents = true;
  await context.sync();
  for (const sheet of sheets) {
    if (!sheet.isNullObject && !sheet.protection.protected) sheet.protection.protect(PROTECTION_OPTIONS, password ?? undefined);
  }
  await context.sync();
}

/** The current state of a sheet for `SheetWrite.current`, from its snapshot. */
export function currentOf(sheet: { protected: boolean; values: unknown[][] } | null): SheetWrite["current"] {
  return sheet ? { protected: sheet.protected, rows: sheet.values.length, columns: sheet.values[0]?.length ?? 0 } : null;
}

/**
 * Syncs a batch that turned events off and queued turning them on again: a failed batch drops the
 * commands after the failure, so events are turned on again in a batch of their own before the
 * error goes on (they must never stay off).
 */
export async function syncWithEventsRestored(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    context.runtime.enableEvents = true;
    await context.sync();
    throw error;
  }
}
