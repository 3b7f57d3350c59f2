import { sheetRef } from "../snapshot/a1";
import { countByRule, countBySeverity, type Finding, findingMessage, ruleName, type Severity } from "../findings/findings";
import { AUDIT_SIGNATURE_FIELDS } from "../template/form";
import { fitRowHeights } from "../template/fit";
import { emptyGrid, pageTextLiteral, type CellSpec, type CellValue, type SheetSpec, type StyleSpec } from "../template/spec";
import { sheetSpec } from "../template/sheet";
import { PALETTE } from "../template/styles";
import { chinaDateTime } from "../period/time";

/** The protected sheet the 校验 button writes: counts, then one row a finding with a link to its cell. */
export const AUDIT_SHEET = "审核结果";

const TITLE = "审核结果";
/** The rule id comes last, in a narrow column: it is for reference (support, the rule table), not for reading. */
const FINDING_TITLES = ["序号", "工作表", "单元格", "编号", "问题类型", "级别", "问题说明", "所见值", "规则编号"];
/**
 * About 120 width units in all: one A4 landscape page wide at no less than 9 pt, even where the
 * reader measures a width unit with a wide fallback font (LibreOffice without Calibri).
 */
const COLUMN_WIDTHS = [5, 11, 7, 18, 16, 5, 40, 8, 10];
const SEVERITY_LABELS = { error: "错误", warning: "警告", info: "提示" } as const;

/** A formula that jumps to a cell when clicked (works in Excel, WPS and LibreOffice). */
export function cellLink(sheet: string, cell: string): string {
  const target = sheetRef(sheet, cell).replace(/"/g, '""');
  return `=HYPERLINK("#${target}","${cell.replace(/"/g, '""')}")`;
}

/** The first row of the audit sheet: what the last 校验 found, in one line. */
export function auditVerdict(counts: Record<Severity, number>): string {
  return counts.error + counts.warning + counts.info === 0
    ? `${TITLE}：未发现问题`
    : `${TITLE}：${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示（明细见下表）`;
}

/**
 * The first row after a 校验 that could not finish: the reason, and that the rows below (if any)
 * are from an earlier check — the ribbon writes it when it has no other way to tell.
 */
export function auditFailureVerdict(reason: string, at: string): string {
  return `${TITLE}：${chinaDateTime(at)} 的校验未完成：${reason}（下表如有内容，为上次校验的结果）`;
}

export interface AuditInput {
  findings: Finding[];
  /** Label of the plan revision the workbook's sheets were checked against. */
  revision: string;
  /** When the check ran (ISO text); shown in China Standard Time. */
  ranAt: string;
  password: string | null;
}

/** The audit sheet as a spec. Text from user cells is written as text (never evaluated). */
export function auditSheetSpec(input: AuditInput): SheetSpec {
  const { findings } = input;
  const bySeverity = countBySeverity(findings);
  const byRule = countByRule(findings);
  const width = FINDING_TITLES.length;
  const last = "I";
  const rows: (CellSpec | null)[][] = [];
  const styles: StyleSpec[] = [];
  const value = (v: CellValue): CellSpec => ({ value: v });
  const line = (cells: (CellSpec | null)[]): number => {
    rows.push([...cells, ...Array<CellSpec | null>(width - cells.length).fill(null)]);
    return rows.length;
  };
  // The verdict in the first row: the ribbon's 校验 tells its result there, with or without the pane.
  const title = line([value(auditVerdict(bySeverity))]);
  styles.push({ range: `A${title}:${last}${title}`, bold: true, fontSize: 16, horizontal: "Center" });
  const info = line([null, value("计划版本："), value(input.revision), null, value("校验时间："), value(chinaDateTime(input.ranAt))]);
  const counts = line([null, value("错误："), value(bySeverity.error), null, value("警告："), value(bySeverity.warning), value("提示："), value(bySeverity.info)]);
  styles.push(
    { range: `B${info}:B${counts}`, horizontal: "Right", bold: true },
    { range: `E${info}:E${counts}`, horizontal: "Right", bold: true },
    { range: `G${counts}`, horizontal: "Right", bold: true },
    { range: `C${counts}`, horizontal: "Left" },
    { range: `F${counts}`, horizontal: "Left" },
    { range: `H${counts}`, horizontal: "Left" },
  );
  line([]);
  const ruleHeader = line([value("问题类型"), null, null, null, null, value("级别"), value("数量"), null, value("规则编号")]);
  const ruleMerges = [`A${ruleHeader}:E${ruleHeader}`, `G${ruleHeader}:H${ruleHeader}`];
  for (const entry of byRule) {
    const r = line([value(ruleName(entry.rule, "zh")), null, null, null, null, value(SEVERITY_LABELS[entry.severity]), value(entry.count), null, value(entry.rule)]);
    ruleMerges.push(`A${r}:E${r}`, `G${r}:H${r}`);
  }
  styles.push({ range: `A${ruleHeader}:${last}${ruleHeader}`, bold: true, fill: PALETTE.header, border: true, horizontal: "Center" });
  if (byRule.length > 0) {
    styles.push(
      { range: `A${ruleHeader + 1}:${last}${ruleHeader + byRule.length}`, border: true, vertical: "Top" },
      { range: `I${ruleHeader + 1}:I${ruleHeader + byRule.length}`, fontSize: 9, fontColor: "#605E5C", wrap: true },
    );
  }
  line([]);
  const header = line(FINDING_TITLES.map(value));
  styles.push({ range: `A${header}:${last}${header}`, bold: true, fill: PALETTE.header, border: true, horizontal: "Center", vertical: "Center", wrap: true });
  findings.forEach((f, index) => {
    line([
      value(index + 1),
      value(f.sheet),
      f.cell ? { formula: cellLink(f.sheet, f.cell) } : value("—"),
      value(f.quotaId ?? ""),
      value(ruleName(f.rule, "zh")),
      value(SEVERITY_LABELS[f.severity]),
      value(findingMessage(f)),
      value(f.value === null || f.value === undefined ? "" : typeof f.value === "boolean" ? String(f.value) : f.value),
      value(f.rule),
    ]);
  });
  if (findings.length > 0) {
    const first = header + 1;
    const lastRow = header + findings.length;
    styles.push(
      { range: `A${first}:${last}${lastRow}`, border: true, wrap: true, vertical: "Top" },
      { range: `I${first}:I${lastRow}`, fontSize: 9, fontColor: "#605E5C" },
    );
  }
  line([]);
  const [reviewer, date] = AUDIT_SIGNATURE_FIELDS;
  const signature = line([null, value(`${reviewer}：`), null, null, null, value(`${date}：`)]);
  const unlocked: [string, string] = [`C${signature}:D${signature}`, `G${signature}`];
  styles.push({ range: `B${signature}`, bold: true, horizontal: "Right" }, { range: `F${signature}`, bold: true, horizontal: "Right" });
  // Lines shorter than the sheet are blank to its right edge.
  const cells = emptyGrid(rows.length, width).map((row, r) => row.map((_, c) => rows[r]?.[c] ?? null));
  const allStyles = [...styles, ...unlocked.map((range) => ({ range, fill: PALETTE.input, border: true }))];
  const merges = [`A${title}:${last}${title}`, `C${info}:D${info}`, `F${info}:I${info}`, ...ruleMerges, unlocked[0]];
  return sheetSpec({
    name: AUDIT_SHEET,
    cells,
    columnWidths: COLUMN_WIDTHS,
    styles: allStyles,
    merges,
    unlocked,
    freeze: { rows: header, columns: 0 },
    titleRows: `${header}:${header}`,
    header: { center: pageTextLiteral(TITLE), right: pageTextLiteral(`校验时间：${chinaDateTime(input.ranAt)}`) },
    rowHeights: fitRowHeights({ cells, columnWidths: COLUMN_WIDTHS, styles: allStyles, merges }),
    password: input.password,
    tabColor: PALETTE.auditTab,
  });
}
