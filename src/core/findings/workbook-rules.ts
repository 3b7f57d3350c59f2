import { list, quote, rule, type Text } from "./rule-definition";
import type { CellValue } from "../template/spec";

/**
 * For whoever opens or checks a workbook (the official who fills it in, the auditor, the
 * aggregator): the workbook is not the Planbook sheet expected — its metadata, a sheet, the header
 * or a quota row is missing, or it is for another plan revision, scope or period.
 */

const mismatch = (p: { expected: string; found: CellValue }): Text => ({
  zh: `应为「${p.expected}」，实为「${quote(p.found)}」`,
  en: `expected "${p.expected}", found "${quote(p.found)}"`,
});

export const WORKBOOK_RULES = {
  // Reading a workbook: what the metadata names and the sheets do not have.
  "meta-missing": rule({
    severity: "error",
    area: "sheet",
    zh: "不是 Planbook 工作簿（缺少元数据）",
    en: "not a Planbook workbook (no metadata)",
    clearedBy: "correction",
    message: () => ({ zh: "工作簿中没有 Planbook 元数据，无法识别填报表", en: "the workbook has no Planbook metadata" }),
  }),
  "sheet-missing": rule<{ sheet: string }>({
    severity: "error",
    area: "sheet",
    zh: "填报表缺失或被改名",
    en: "report sheet missing or renamed",
    clearedBy: "correction",
    message: (p) => ({ zh: `找不到工作表「${p.sheet}」（已删除或改名）`, en: `sheet "${p.sheet}" is missing (deleted or renamed)` }),
  }),
  "header-missing": rule<{ sheet: string }>({
    severity: "error",
    area: "sheet",
    zh: "表头缺失或被改动",
    en: "header row missing or changed",
    clearedBy: "correction",
    message: (p) => ({ zh: `工作表「${p.sheet}」找不到表头行（编号、目标值…）`, en: `sheet "${p.sheet}" has no header row` }),
  }),
  "column-missing": rule<{ title: string }>({
    severity: "error",
    area: "sheet",
    zh: "表头缺少列（列被删除或标题被改动）",
    en: "column missing (deleted or retitled)",
    clearedBy: "correction",
    message: (p) => ({
      zh: `表头缺少「${p.title}」列（列被删除，或标题被改动），该列无法读取；请撤销删除或恢复标题`,
      en: `the header has no "${p.title}" column (deleted, or its title changed), so the column cannot be read; undo the deletion or restore the title`,
    }),
  }),
  "row-missing": rule<{ sheet: string; quotaId: string; row: number }>({
    severity: "error",
    area: "sheet",
    zh: "指标行缺失（编号被删除或覆盖）",
    en: "quota row missing (id deleted or overwritten)",
    clearedBy: "correction",
    message: (p) => ({
      zh: `工作表「${p.sheet}」缺少指标 ${p.quotaId} 的行（原在第 ${p.row} 行）`,
      en: `row of quota ${p.quotaId} is missing (was row ${p.row})`,
    }),
  }),

  // A sheet's identity: what its metadata says against what is known and expected.
  "duplicate-row": rule<{ quotaId: string; first: number; again: number }>({
    severity: "error",
    area: "sheet",
    zh: "指标行重复（同一编号出现两次）",
    en: "quota row duplicated (same id twice)",
    clearedBy: "correction",
    message: (p) => ({
      zh: `指标 ${p.quotaId} 的行重复（第 ${p.first} 行与第 ${p.again} 行），只读取第 ${p.first} 行：请删去多余的一行`,
      en: `the row of quota ${p.quotaId} appears twice (rows ${p.first} and ${p.again}); only row ${p.first} is read: delete the extra row`,
    }),
  }),
  "unknown-revision": rule<{ revision: string; known: readonly string[] }>({
    severity: "error",
    area: "sheet",
    zh: "未知的计划版本",
    en: "unknown plan revision",
    clearedBy: "correction",
    message: (p) => ({
      zh: `工作表按未知的计划版本「${quote(p.revision)}」生成（已知版本：${list(p.known).zh || "无"}）`,
      en: `made from an unknown plan revision "${quote(p.revision)}" (known: ${list(p.known).en || "none"})`,
    }),
  }),
  "wrong-revision": rule<{ expected: string; found: string }>({
    severity: "error",
    area: "sheet",
    zh: "计划版本不符",
    en: "wrong plan revision",
    clearedBy: "correction",
    message: mismatch,
  }),
  "wrong-scope": rule<{ expected: string; found: string }>({
    severity: "error",
    area: "sheet",
    zh: "填报范围不符",
    en: "wrong scope",
    clearedBy: "correction",
    message: mismatch,
  }),
  /** `expected` null: the period cannot be read at all. */
  "wrong-period": rule<{ expected: string | null; found: string }>({
    severity: "error",
    area: "sheet",
    zh: "报告期不符",
    en: "wrong period",
    clearedBy: "correction",
    message: (p) =>
      p.expected === null
        ? { zh: `报告期「${quote(p.found)}」无法识别`, en: `the period "${quote(p.found)}" cannot be read` }
        : mismatch({ expected: p.expected, found: p.found }),
  }),
} as const;
