import { matchGroup } from "../shared/required";
import { cellAddress } from "./a1";
import { isBlank } from "./cells";
import { type Finding, finding } from "../findings/findings";
import { type SheetSnapshot, type WorkbookSnapshot, cellAt } from "./snapshot";
import { ARCHIVE_TITLE, COLUMN, type ColumnKey, FORMER_SIGNATURE_FIELDS, FRAMELESS_ONLY_TITLES, FRAME_RIGHT_KEY, HEADER_ROW, KEPT_LABEL, KEPT_TITLE, REPORT_COLUMNS, SIGNATURE_FIELDS, generatedColumns } from "../template/columns";
import { EMPTY_META, META_SHEET, type MetaRecords, type RowRecord, type SheetRecord, parseMetaRows } from "../template/meta";
import type { CarriedInputs, CarriedRow, LooseCell, PreviousReport } from "../template/carried";
import type { CellValue } from "../template/spec";

/** One quota row of a Planbook sheet, as found in the workbook. */
export interface ReportRow {
  quotaId: string;
  /** 1-based row where the id was found now (it may have moved since generation). */
  row: number;
  /** Values by column key ("" where the column is missing). */
  values: Record<ColumnKey, CellValue>;
  /** Formulas (or constants) by column key. */
  formulas: Record<ColumnKey, CellValue>;
  record: RowRecord;
}

/** A Planbook sheet: its metadata record and its rows, columns found by their header titles. */
export interface ReportSheet {
  name: string;
  record: SheetRecord;
  /** 1-based header row. */
  headerRow: number;
  /** 0-based column of each key found in the header row. */
  columns: Partial<Record<ColumnKey, number>>;
  /**
   * 0-based column where the template that made the sheet put each key: today's layout, or the
   * frameless one of sheets made before the form's frame. Formulas and fingerprints refer to these.
   */
  generated: Record<ColumnKey, number>;
  /** 0-based columns of the header the template made that no key reads (a frameless sheet's 主要任务, 重点工作). */
  sectionColumns: number[];
  rows: ReportRow[];
  archivedRows: ReportRow[];
  signature: Partial<Record<(typeof SIGNATURE_FIELDS)[number], CellValue>>;
  /** A1 address of a key's cell in a row, or null when the column is missing. */
  address(row: ReportRow, key: ColumnKey): string | null;
}

export interface ReadWorkbook {
  meta: MetaRecords;
  reports: ReportSheet[];
  /** Why a sheet the metadata names could not be read as a report. */
  findings: Finding[];
}

const EMPTY_ROW = Object.fromEntries(REPORT_COLUMNS.map((c) => [c.key, ""])) as Record<ColumnKey, CellValue>;

interface FoundHeader {
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  generated: Record<ColumnKey, number>;
  sectionColumns: number[];
}

function findHeader(sheet: SheetSnapshot, formatVersion: number): FoundHeader | null {
  // The header normally sits on HEADER_ROW; look a little further in case rows were inserted above.
  for (let r = 0; r < Math.min(sheet.values.length, HEADER_ROW + 20); r++) {
    const titles = (sheet.values[r] ?? []).map((v) => String(v ?? "").trim());
    if (!titles.includes("编号") || !titles.includes("目标值")) continue;
    const columns: Partial<Record<ColumnKey, number>> = {};
    for (const column of REPORT_COLUMNS) {
      const names: readonly string[] = [column.title, ...("formerTitles" in column ? column.formerTitles : [])];
      const index = titles.findIndex((title) => names.includes(title));
      if (index !== -1) columns[column.key] = index;
    }
    const sectionColumns = FRAMELESS_ONLY_TITLES.map((title) => titles.indexOf(title)).filter((index) => index !== -1);
    return { headerRow: r + 1, columns, generated: generatedColumns(titles, formatVersion), sectionColumns };
  }
  return null;
}

function pick(sheet: SheetSnapshot, grid: CellValue[][], rowIndex: number, columns: Partial<Record<ColumnKey, number>>) {
  const out = { ...EMPTY_ROW };
  for (const [key, col] of Object.entries(columns) as [ColumnKey, number][]) out[key] = cellAt(grid, rowIndex, col);
  return out;
}

/** The metadata sheet's records, or empty when the workbook has none. */
export function readMeta(snapshot: WorkbookSnapshot): MetaRecords {
  const metaSheet = snapshot.sheets.find((s) => s.name === META_SHEET);
  return metaSheet ? parseMetaRows(metaSheet.values) : EMPTY_META;
}

/** Finds every Planbook sheet the metadata names and reads its rows by quota id. */
export function readWorkbook(snapshot: WorkbookSnapshot): ReadWorkbook {
  const meta = readMeta(snapshot);
  const reports: ReportSheet[] = [];
  const findings: Finding[] = [];
  for (const record of meta.sheets) {
    const sheet = snapshot.sheets.find((s) => s.name === record.sheet);
    if (!sheet) {
      findings.push(finding("sheet-missing", { sheet: record.sheet, cell: null, quotaId: null }, { sheet: record.sheet }, record.sheet));
      continue;
    }
    // A blank format is the first.
    const header = findHeader(sheet, Number(record.formatVersion) || 1);
    if (!header || header.columns.id === undefined) {
      findings.push(finding("header-missing", { sheet: sheet.name, cell: cellAddress(HEADER_ROW - 1, 0), quotaId: null }, { sheet: sheet.name }));
      continue;
    }
    const idColumn = header.columns.id;
    const rowIndexById = new Map<string, number>();
    const quotaIds = new Set(meta.rows.filter((r) => r.sheet === record.sheet).map((r) => r.quotaId));
    for (let r = header.headerRow; r < sheet.values.length; r++) {
      const id = String(cellAt(sheet.values, r, idColumn) ?? "").trim();
      if (id === "") continue;
      const first = rowIndexById.get(id);
      if (first === undefined) {
        rowIndexById.set(id, r);
      } else if (quotaIds.has(id)) {
        // A row pasted twice: only the first is read, so the other's figures would be lost unseen.
        findings.push(finding("duplicate-row", { sheet: sheet.name, cell: cellAddress(r, idColumn), quotaId: id }, { quotaId: id, first: first + 1, again: r + 1 }, id));
      }
    }
    const rows: ReportRow[] = [];
    const archivedRows: ReportRow[] = [];
    for (const rowRecord of meta.rows.filter((r) => r.sheet === record.sheet)) {
      const rowIndex = rowIndexById.get(rowRecord.quotaId);
      if (rowIndex === undefined) {
        findings.push(
          finding(
            "row-missing",
            { sheet: sheet.name, cell: cellAddress(rowRecord.row - 1, idColumn), quotaId: rowRecord.quotaId },
            { sheet: sheet.name, quotaId: rowRecord.quotaId, row: rowRecord.row },
            rowRecord.quotaId,
          ),
        );
        continue;
      }
      const row: ReportRow = {
        quotaId: rowRecord.quotaId,
        row: rowIndex + 1,
        values: pick(sheet, sheet.values, rowIndex, header.columns),
        formulas: pick(sheet, sheet.formulas, rowIndex, header.columns),
        record: rowRecord,
      };
      (rowRecord.archived ? archivedRows : rows).push(row);
    }
    const signature: ReportSheet["signature"] = {};
    for (let r = header.headerRow; r < sheet.values.length; r++) {
      const label = String(cellAt(sheet.values, r, 0) ?? "").replace(/[：:]\s*$/, "");
      const field = SIGNATURE_FIELDS.find((f) => f === label) ?? FORMER_SIGNATURE_FIELDS[label];
      if (field) signature[field] = cellAt(sheet.values, r, 1);
    }
    const columns = header.columns;
    reports.push({
      name: sheet.name,
      record,
      headerRow: header.headerRow,
      columns,
      generated: header.generated,
      sectionColumns: header.sectionColumns,
      rows,
      archivedRows,
      signature,
      address: (row, key) => (columns[key] === undefined ? null : cellAddress(row.row - 1, columns[key])),
    });
  }
  return { meta, reports, findings };
}

/**
 * What a person typed in a sheet, to carry into a regenerated or upgraded one. Values are taken
 * as computed: a formula typed into an input cell is carried as its value, never as a formula.
 * Given the sheet itself, whatever was typed outside the template's cells is carried too.
 */
export function carriedInputs(report: ReportSheet, sheet?: SheetSnapshot): CarriedInputs {
  const toCarried = (row: ReportRow): CarriedRow => ({
    quotaId: row.quotaId,
    period: row.values.period,
    cumulative: row.values.cumulative,
    status: row.values.status,
    note: row.values.note,
    previous: row.values.previous,
    measure: row.values.measure,
    target: row.values.target,
    unit: row.values.unit,
  });
  return {
    rows: [...report.rows, ...report.archivedRows].map(toCarried),
    signature: report.signature,
    previousPeriod: report.record.previousPeriod,
    ...(sheet ? { loose: looseCells(report, sheet) } : {}),
  };
}

/** A report as the previous period's sheet of the next one (see `PreviousReport`); `source` names it in messages. */
export function previousReport(report: ReportSheet, source: string = report.name): PreviousReport {
  const { rows, signature } = carriedInputs(report);
  return { period: report.record.period, scope: report.record.scope, source, rows, signature };
}

/** Rows of the frame above the header: the title and four lines of information. */
const FRAME_ROWS = HEADER_ROW - 1;

const TEMPLATE_ROW_TITLE = /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/;

/**
 * Cells whose content neither the template makes nor a quota row carries: what a person typed in a
 * column or row they inserted, beside the table, or in a title row. Regenerating keeps them, with
 * the address they had (cells kept by an earlier regeneration keep their first address).
 */
export function looseCells(report: ReportSheet, sheet: SheetSnapshot): LooseCell[] {
  const quotaRows = new Set([...report.rows, ...report.archivedRows].map((row) => row.row - 1));
  const titled = new Set([...Object.values(report.columns), ...report.sectionColumns]);
  const headerIndex = report.headerRow - 1;
  const measureColumn = report.columns.measure ?? COLUMN.measure;
  const signatureLabels = new Set([...SIGNATURE_FIELDS, ...Object.keys(FORMER_SIGNATURE_FIELDS)].map((field) => `${field}：`));
  const frameRight = report.columns[FRAME_RIGHT_KEY] ?? COLUMN[FRAME_RIGHT_KEY];
  const out: LooseCell[] = [];
  sheet.formulas.forEach((line, r) => {
    const first = String(line[0] ?? "").trim();
    const kept = KEPT_LABEL.exec(first);
    const keptContent = kept ? (line[measureColumn] ?? "") : "";
    if (kept && !isBlank(keptContent)) out.push({ address: matchGroup(kept, 1), content: keptContent });
    /** Whether the template (or a quota row's carry) accounts for the content at column `c` of this row. */
    const templateCell = (c: number): boolean => {
      if (quotaRows.has(r) || r === headerIndex) return titled.has(c);
      if (kept) return c === 0 || c === measureColumn;
      // The form's frame (title, then 填报单位… on the left and 表号… on the right) sits just above the header.
      if (r < headerIndex) return (c === 0 || c === frameRight) && r >= headerIndex - FRAME_ROWS;
      if (signatureLabels.has(first)) return c === 0 || c === 1;
      return c === 0 && (TEMPLATE_ROW_TITLE.test(first) || first === ARCHIVE_TITLE || first === KEPT_TITLE);
    };
    line.forEach((content, c) => {
      if (isBlank(content) || templateCell(c)) return;
      out.push({ address: cellAddress(r, c), content });
    });
  });
  return out;
}
