import { EXCEL_CELL_CHARACTERS, sameCellValue } from "../snapshot/cells";
import type { CellChange } from "./changelog";
import { CorrectionError } from "../shared/errors";
import { readWorkbook } from "../snapshot/read-sheets";
import type { WorkbookSnapshot } from "../snapshot/snapshot";
import { MILESTONE_STATUSES } from "../template/columns";
import type { CellValue } from "../template/spec";

/** The inputs of a returned report a correction may set: the figures, the status and the 说明. */
export const CORRECTABLE_KEYS = ["period", "cumulative", "status", "note"] as const;
export type CorrectableKey = (typeof CORRECTABLE_KEYS)[number];

export interface CorrectionRequest {
  quotaId: string;
  values: Partial<Record<CorrectableKey, CellValue>>;
  /** The sheet, when the workbook holds several Planbook sheets with the quota. */
  sheet?: string;
}

/**
 * Ask before you change: the cells a correction to one quota of a returned report changes, each
 * with what it holds and what it will (none when it already says so). Throws CorrectionError
 * naming the file (and the cell) when the workbook has no Planbook sheet with the quota, it is on
 * several and none is named, a cell is a formula (a ratio's 累计完成 is its figures' quotient:
 * correct them), a status is not one of the list's, or a text is longer than a cell holds.
 */
export function correctionOf(snapshot: WorkbookSnapshot, request: CorrectionRequest, file: string): CellChange[] {
  const reports = readWorkbook(snapshot).reports.filter((r) => (request.sheet === undefined || r.name === request.sheet) && r.rows.some((row) => row.quotaId === request.quotaId));
  const [report] = reports;
  if (report === undefined) {
    throw new CorrectionError(file, {
      zh: `其中没有${request.sheet === undefined ? "" : `工作表「${request.sheet}」中`}编号为「${request.quotaId}」的指标`,
      en: `it has no quota "${request.quotaId}"${request.sheet === undefined ? "" : ` on the sheet "${request.sheet}"`}`,
    });
  }
  if (reports.length > 1) {
    const names = reports.map((r) => r.name);
    throw new CorrectionError(file, { zh: `指标「${request.quotaId}」在多张报表中（${names.join("、")}），请指定工作表`, en: `the quota "${request.quotaId}" is on several sheets (${names.join(", ")}); name the sheet` });
  }
  const row = report.rows.find((r) => r.quotaId === request.quotaId);
  if (!row) return [];
  return CORRECTABLE_KEYS.flatMap((key): CellChange[] => {
    if (!(key in request.values)) return [];
    const after = request.values[key] ?? "";
    const cell = report.address(row, key);
    if (cell === null) throw new CorrectionError(file, { zh: `报表「${report.name}」没有这一列（${key}）`, en: `the sheet "${report.name}" has no such column (${key})` });
    if (row.formulas[key] !== undefined && String(row.formulas[key] ?? "").startsWith("=")) {
      throw new CorrectionError(file, { zh: `${report.name}!${cell} 是公式，不能直接更正（比例请更正其分子、分母）`, en: `${report.name}!${cell} is a formula and cannot be corrected (for a ratio correct its numerator and denominator)` });
    }
    if (key === "status" && after !== "" && !(MILESTONE_STATUSES as readonly CellValue[]).includes(after)) {
      throw new CorrectionError(file, { zh: `进展状态应为 ${MILESTONE_STATUSES.join("、")} 之一，不是「${String(after)}」`, en: `a status is one of ${MILESTONE_STATUSES.join(", ")}, not "${String(after)}"` });
    }
    // Excel would refuse it (the pane) or not keep it whole (a file): said now, nothing written.
    if (typeof after === "string" && after.length > EXCEL_CELL_CHARACTERS) {
      throw new CorrectionError(file, {
        zh: `${report.name}!${cell} 的新内容有 ${after.length} 个字符，超过 Excel 单元格最多可容纳的 ${EXCEL_CELL_CHARACTERS} 个字符`,
        en: `the new content of ${report.name}!${cell} has ${after.length} characters, more than the ${EXCEL_CELL_CHARACTERS} an Excel cell holds`,
      });
    }
    const before = row.values[key];
    return sameCellValue(before, after) && typeof before === typeof after ? [] : [{ sheet: report.name, cell, quotaId: row.quotaId, before, after }];
  });
}
