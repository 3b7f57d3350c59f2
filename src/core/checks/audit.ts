import { sheetRef } from "../a1";
import type { Finding } from "../findings";
import { countBySeverity } from "../findings";
import { emptyGrid, type CellSpec, type CellValue, type SheetSpec, type StyleSpec } from "../template/spec";
import { sheetSpec } from "../template/sheet";
import { PALETTE } from "../template/styles";
import { countByRule, RULES, type RuleId } from "./check";

/** The protected sheet the 校验 button writes: counts, then one row a finding with a link to its cell. */
export const AUDIT_SHEET = "审核结果";

const FINDING_TITLES = ["序号", "工作表", "单元格", "编号", "规则", "级别", "问题说明", "所见值"];
const SEVERITY_LABELS = { error: "错误", warning: "警告", info: "提示" } as const;

/** A formula that jumps to a cell when clicked (works in Excel, WPS and LibreOffice). */
export function cellLink(sheet: string, cell: string): string {
  const target = sheetRef(sheet, cell).replace(/"/g, '""');
  return `=HYPERLINK("#${target}","${cell.replace(/"/g, '""')}")`;
}

export interface AuditInput {
  findings: Finding[];
  /** Label of the plan revision the workbook's sheets were checked against. */
  revision: string;
  /** When the check ran (ISO text). */
  ranAt: string;
  password: string | null;
}

/** The audit sheet as a spec. Text from user cells is written as text (never evaluated). */
export function auditSheetSpec(input: AuditInput): SheetSpec {
  const { findings } = input;
  const bySeverity = countBySeverity(findings);
  const byRule = countByRule(findings);
  const width = FINDING_TITLES.length;
  const rows: (CellSpec | null)[][] = [];
  const styles: StyleSpec[] = [];
  const value = (v: CellValue): CellSpec => ({ value: v });
  const line = (cells: (CellSpec | null)[]): number => {
    rows.push([...cells, ...Array<CellSpec | null>(width - cells.length).fill(null)]);
    return rows.length;
  };
  const title = line([value("审核结果 / Audit")]);
  styles.push({ range: `A${title}:H${title}`, bold: true, fontSize: 14 });
  line([value("计划版本 / Revision"), value(input.revision), null, value("校验时间 / Checked at"), value(input.ranAt)]);
  line([value("错误 / Errors"), value(bySeverity.error), null, value("警告 / Warnings"), value(bySeverity.warning), null, value("提示 / Info"), value(bySeverity.info)]);
  line([]);
  const ruleHeader = line([value("规则 / Rule"), value("级别"), value("数量 / Count"), value("说明")]);
  styles.push({ range: `A${ruleHeader}:D${ruleHeader}`, bold: true, fill: PALETTE.header, border: true });
  for (const entry of byRule) {
    line([value(entry.rule), value(SEVERITY_LABELS[entry.severity]), value(entry.count), value(`${RULES[entry.rule as RuleId].zh} / ${RULES[entry.rule as RuleId].en}`)]);
  }
  line([]);
  const header = line(FINDING_TITLES.map(value));
  styles.push({ range: `A${header}:H${header}`, bold: true, fill: PALETTE.header, border: true });
  findings.forEach((f, index) => {
    line([
      value(index + 1),
      value(f.sheet),
      f.cell ? { formula: cellLink(f.sheet, f.cell) } : value("—"),
      value(f.quotaId ?? ""),
      value(f.rule),
      value(SEVERITY_LABELS[f.severity]),
      value(f.message),
      value(f.value === null || f.value === undefined ? "" : typeof f.value === "boolean" ? String(f.value) : f.value),
    ]);
  });
  if (findings.length > 0) styles.push({ range: `A${header + 1}:H${header + findings.length}`, border: true, wrap: true, vertical: "Top" });
  line([]);
  const signature = line([value("填表人："), null, null, value("审核人："), null, null, value("审核日期：")]);
  const unlocked = [`B${signature}:C${signature}`, `E${signature}:F${signature}`, `H${signature}`];
  const cells = emptyGrid(rows.length, width).map((row, r) => row.map((_, c) => rows[r][c]));
  return sheetSpec({
    name: AUDIT_SHEET,
    cells,
    columnWidths: [8, 16, 10, 26, 22, 8, 60, 16],
    styles: [...styles, ...unlocked.map((range) => ({ range, fill: PALETTE.input, border: true }))],
    merges: unlocked.slice(0, 2),
    unlocked,
    freeze: { rows: header, columns: 0 },
    titleRows: `${header}:${header}`,
    password: input.password,
    tabColor: PALETTE.auditTab,
  });

}
