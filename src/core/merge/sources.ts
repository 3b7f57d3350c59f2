import { columnLetter } from "../snapshot/a1";
import { isBlank } from "../snapshot/cells";
import { countBySeverity, type Finding, findingMessage } from "../findings/findings";
import { chinaDateTime } from "../period/time";
import { formatScope } from "../plan/scope";
import { sheetSpec } from "../template/sheet";
import { fitRowHeights } from "../template/fit";
import { type CellValue, type SheetSpec, type StyleSpec, emptyGrid, setGridCell } from "../template/spec";
import { PALETTE, titleStyle } from "../template/styles";
import { ACCEPTED_TEXT, SOURCE_HEADER_ROW, SOURCE_TITLES, SOURCES_SHEET, type SourceRow } from "./layout";
import type { AcceptedFile, MergeContext, RejectedFile } from "./merge";
import { type Rollup, childScope } from "./rollup";
import { sourceRows } from "./state";

const MAX_REASONS = 10;

/**
 * The first findings of a file, one a line, and how many there are when some are left out. An
 * accepted file's warnings are listed in Chinese, as the sheet is (ten bilingual messages would
 * not fit the tallest row Excel allows); a refused file's few reasons in both languages, the
 * English one with the low-level cause.
 */
function reasonsText(findings: Finding[], language: "zh" | "both"): string {
  const messages = findings.map((f) => findingMessage(f, language));
  const shown = messages.slice(0, MAX_REASONS).join("\n");
  return messages.length > MAX_REASONS ? `${shown}\n…（共 ${messages.length} 条）` : shown;
}

export interface SourcesInput {
  accepted: AcceptedFile[];
  rejected: RejectedFile[];
  /** Children an existing summary holds that no accepted file replaces, with the line they had. */
  kept: { child: string; file: string; source: SourceRow | null }[];
  /** The summary's roll-up: what its children are (cities, counties, units). */
  rollup: Rollup;
  context: MergeContext;
  period: string;
  mergedAt: string;
  password: string | null;
}

/**
 * The lines of the 来源 sheet: kept children first, then the accepted and the rejected files. A
 * kept child without its earlier line is listed by its own scope (`county:萧山区`), the scope
 * `readSummaryState` looks its line up by on the next merge.
 */
function sourceLines({ accepted, rejected, kept, rollup, context, period, mergedAt }: SourcesInput): SourceRow[] {
  return [
    ...kept.map(
      (k): SourceRow =>
        k.source ?? {
          file: k.file,
          scope: formatScope(childScope(rollup, k.child)),
          period,
          revision: context.revision.revision,
          generatedAt: "",
          errors: 0,
          warnings: 0,
          accepted: true,
          reasons: "",
          mergedAt: "",
        },
    ),
    ...accepted.flatMap((file): SourceRow[] => {
      const replaced = file.replaces ? [`替换「${file.replaces}」`] : [];
      // A child's file that is itself a summary (a city's, of its counties) brings its own sources along.
      const nested = sourceRows(file.file.snapshot?.sheets.find((sheet) => sheet.name === SOURCES_SHEET))
        .filter((line) => line.accepted)
        .map((line): SourceRow => ({ ...line, file: `${file.name} › ${line.file}`, reasons: `经「${file.name}」汇总` }));
      return [{
        file: file.name,
        scope: file.record.scope,
        period: file.record.period,
        revision: file.record.revision,
        generatedAt: file.record.generatedAt,
        errors: file.counts.error,
        warnings: file.counts.warning,
        accepted: true,
        reasons: [...replaced, reasonsText(file.findings, "zh")].filter((t) => t !== "").join("\n"),
        mergedAt,
      }, ...nested];
    }),
    ...rejected.map((file): SourceRow => {
      const counts = countBySeverity(file.reasons);
      return {
        file: file.file.name,
        scope: file.record?.scope ?? "",
        period: file.record?.period ?? "",
        revision: file.record?.revision ?? "",
        generatedAt: file.record?.generatedAt ?? "",
        errors: counts.error,
        warnings: counts.warning,
        accepted: false,
        reasons: reasonsText(file.reasons, "both"),
        mergedAt,
      };
    }),
  ];
}

/** The 来源 sheet: every file the summary used or refused, and why. */
export function buildSources(input: SourcesInput): SheetSpec {
  const lines = sourceLines(input);
  const width = SOURCE_TITLES.length;
  const cells = emptyGrid(SOURCE_HEADER_ROW + lines.length, width);
  const lastCol = columnLetter(width - 1);
  setGridCell(cells, 0, 0, { value: `汇总来源（${input.period}）` });
  SOURCE_TITLES.forEach((title, i) => setGridCell(cells, SOURCE_HEADER_ROW - 1, i, { value: title }));
  lines.forEach((line, index) => {
    const values: CellValue[] = [
      line.file,
      line.scope,
      line.period,
      line.revision,
      chinaDateTime(line.generatedAt),
      line.errors,
      line.warnings,
      line.accepted ? ACCEPTED_TEXT.yes : ACCEPTED_TEXT.no,
      line.reasons,
      chinaDateTime(line.mergedAt),
    ];
    // Counts (columns 5 and 6) are always shown, 0 included.
    cells[SOURCE_HEADER_ROW + index] = values.map((v, column) => (column === 5 || column === 6 || !isBlank(v) ? { value: v } : null));
  });
  const lastRow = SOURCE_HEADER_ROW + lines.length;
  const header = `A${SOURCE_HEADER_ROW}:${lastCol}${SOURCE_HEADER_ROW}`;
  const columnWidths = [28, 14, 10, 14, 22, 8, 8, 8, 60, 22];
  const styles: StyleSpec[] = [
    titleStyle(`A1:${lastCol}1`, false),
    { range: header, bold: true, fill: PALETTE.header, border: true, wrap: true },
    ...(lines.length > 0 ? [{ range: `A${SOURCE_HEADER_ROW + 1}:${lastCol}${lastRow}`, border: true, wrap: true, vertical: "Top" as const }] : []),
  ];
  const merges = [`A1:${lastCol}1`];
  return sheetSpec({
    name: SOURCES_SHEET,
    cells,
    columnWidths,
    styles,
    // Every reason on paper: a row states its height, or the lines past the first are cut.
    rowHeights: fitRowHeights({ cells, columnWidths, styles, merges }),
    merges,
    freeze: { rows: SOURCE_HEADER_ROW, columns: 1 },
    titleRows: `${SOURCE_HEADER_ROW}:${SOURCE_HEADER_ROW}`,
    // Ten columns with the reasons in full: A3 keeps them at a readable size.
    paper: "A3",
    password: input.password,
    tabColor: PALETTE.summaryTab,
  });
}
