import type { Rect } from "../address";
import { excelError } from "../errors";
import { type ProtectionOptions, type SheetModel, defaultProtectionOptions } from "./sheet";

/**
 * What a protected sheet still lets the add-in do, by kind of write, mirroring Excel's "Protect
 * Sheet" options: contents only in unlocked cells; cell formats (font, fill, number format,
 * alignment, borders, conditional formats) only with "Format cells"; widths/heights only with
 * "Format columns/rows"; rows in or out only with "Insert/Delete rows" (deleting also needs every
 * cell of the rows unlocked); locks, merges, data validation, outlines and shifted cells never.
 */
export type ProtectedWrite =
  | "contents"
  | "formatCells"
  | "formatColumns"
  | "formatRows"
  | "lockCells"
  | "merge"
  | "validation"
  | "outline"
  | "shiftCells"
  | "insertRows"
  | "deleteRows"
  | "insertColumns"
  | "deleteColumns"
  | "hyperlink"
  | "objects";

const PROTECTION_RULES: Record<ProtectedWrite, { option?: keyof ProtectionOptions; needsUnlocked?: boolean }> = {
  contents: { needsUnlocked: true },
  formatCells: { option: "allowFormatCells" },
  formatColumns: { option: "allowFormatColumns" },
  formatRows: { option: "allowFormatRows" },
  lockCells: {},
  merge: {},
  validation: {},
  outline: {},
  shiftCells: {},
  insertRows: { option: "allowInsertRows" },
  deleteRows: { option: "allowDeleteRows", needsUnlocked: true },
  insertColumns: { option: "allowInsertColumns" },
  deleteColumns: { option: "allowDeleteColumns", needsUnlocked: true },
  hyperlink: { option: "allowInsertHyperlinks", needsUnlocked: true },
  objects: { option: "allowEditObjects" },
};

export function assertAllowed(sheet: SheetModel, write: ProtectedWrite, rect: Rect, location: string): void {
  if (!sheet.protection.protected) return;
  const rule = PROTECTION_RULES[write];
  if (rule.option === undefined && !rule.needsUnlocked) throw excelError("AccessDenied", location);
  if (rule.option !== undefined && !sheet.protection.options[rule.option]) throw excelError("AccessDenied", location);
  if (rule.needsUnlocked && sheet.formats.distinct(rect, "locked").includes(true)) throw excelError("AccessDenied", location);
}

export function protect(sheet: SheetModel, options: Excel.WorksheetProtectionOptions | undefined, password: string | undefined, location: string): void {
  if (sheet.protection.protected) throw excelError("AccessDenied", location);
  const known = defaultProtectionOptions();
  for (const key of Object.keys(options ?? {})) {
    if (!(key in known)) throw excelError("InvalidArgument", location);
  }
  sheet.protection = { protected: true, password: password || undefined, options: { ...known, ...(options ?? {}) } };
}

export function unprotect(sheet: SheetModel, password: string | undefined, location: string): void {
  if (!sheet.protection.protected) throw excelError("AccessDenied", location);
  // Excel accepts any password for a sheet protected without one.
  if (sheet.protection.password !== undefined && sheet.protection.password !== password) throw excelError("InvalidArgument", location);
  sheet.protection = { protected: false, password: undefined, options: sheet.protection.options };
}
