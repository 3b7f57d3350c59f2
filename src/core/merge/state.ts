import type { PlanRevision } from "../plan/types";
import { formatScope } from "../plan/scope";
import { type Rollup, childScope, provinceRollup } from "./rollup";
import { type SheetSnapshot, type WorkbookSnapshot, cellAt } from "../snapshot/snapshot";
import type { CellValue } from "../template/spec";
import {
  ACCEPTED_TEXT,
  SOURCE_HEADER_ROW,
  SOURCE_TITLES,
  SOURCES_SHEET,
  SUMMARY_ROWS,
  DETAIL_SHEET,
  type SourceRow,
  summaryColumns,
} from "./layout";

/** A city's figures as an existing summary holds them, by summary row id. */
export interface KeptFigures {
  actual: CellValue;
  period: CellValue;
  note: CellValue;
  target: CellValue;
}

/** A child's column (a city's, county's or unit's) as an existing summary holds it. */
export interface KeptChild {
  child: string;
  /** The file the figures came from. */
  file: string;
  /** Its line on the 来源 sheet, when that sheet still has it. */
  source: SourceRow | null;
  figures: Record<string, KeptFigures>;
}

/** What an existing 汇总 sheet holds, so a later merge replaces only the children it brings. */
export interface SummaryState {
  period: string;
  revision: string;
  children: KeptChild[];
}

const text = (value: CellValue): string => (value === null ? "" : String(value).trim());

/** The lines of a 来源 sheet as written (a city summary's, to list its counties in the province's). */
export function sourceRows(sheet: SheetSnapshot | undefined): SourceRow[] {
  if (!sheet) return [];
  return sheet.values.slice(SOURCE_HEADER_ROW).flatMap((row): SourceRow[] => {
    const file = text(cellAt([row], 0, 0));
    if (file === "") return [];
    const at = (index: number): CellValue => cellAt([row], 0, index);
    return [
      {
        file,
        scope: text(at(1)),
        period: text(at(2)),
        revision: text(at(3)),
        generatedAt: text(at(4)),
        errors: Number(at(5)) || 0,
        warnings: Number(at(6)) || 0,
        accepted: text(at(7)) === ACCEPTED_TEXT.yes,
        reasons: text(at(8)),
        mergedAt: text(at(SOURCE_TITLES.length - 1)),
      },
    ];
  });
}

/**
 * Reads an existing summary back: its period and revision, and for each city that has figures, the
 * file they came from and the figures themselves. Null when the workbook has no summary, or one
 * whose city header does not match the revision's cities (it is then rebuilt from scratch).
 */
export function readSummaryState(snapshot: WorkbookSnapshot, revision: PlanRevision, rollup: Rollup = provinceRollup(revision)): SummaryState | null {
  const summary = snapshot.sheets.find((s) => s.name === DETAIL_SHEET);
  if (!summary) return null;
  const children = rollup.children;
  const columns = summaryColumns(children.length);
  const grid = summary.values;
  const headerIndex = SUMMARY_ROWS.header - 1;
  const citiesMatch = children.every((city, i) => text(cellAt(grid, headerIndex, columns.actual + i)) === city);
  if (!citiesMatch) return null;
  const sources = sourceRows(snapshot.sheets.find((s) => s.name === SOURCES_SHEET));
  const infoIndex = SUMMARY_ROWS.info - 1;
  const dataRows = grid.slice(SUMMARY_ROWS.firstData - 1);
  const lastData = dataRows.findIndex((row) => text(cellAt([row], 0, columns.id)) === "");
  const rows = lastData === -1 ? dataRows : dataRows.slice(0, lastData);
  const kept = children.flatMap((child, i): KeptChild[] => {
    const file = text(cellAt(grid, SUMMARY_ROWS.file - 1, columns.actual + i));
    if (file === "") return [];
    const figures = Object.fromEntries(
      rows.map((row) => [
        text(cellAt([row], 0, columns.id)),
        {
          actual: cellAt([row], 0, columns.actual + i),
          period: cellAt([row], 0, columns.childPeriod + i),
          note: cellAt([row], 0, columns.note + i),
          target: cellAt([row], 0, columns.childTarget + i),
        },
      ]),
    );
    const scope = formatScope(childScope(rollup, child));
    const source = sources.find((s) => s.file === file && s.accepted && s.scope === scope) ?? null;
    return [{ child, file, source, figures }];
  });
  return {
    period: text(cellAt(grid, infoIndex, 1)),
    revision: text(cellAt(grid, infoIndex, 3)),
    children: kept,
  };
}

/** The state when it belongs to this period and revision; a summary of another is rebuilt, not kept. */
export function stateFor(existing: SummaryState | null | undefined, period: string, revision: string): SummaryState | null {
  return existing && existing.period === period && existing.revision === revision ? existing : null;
}
