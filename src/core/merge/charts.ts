import { columnLetter } from "../a1";
import type { PlanRevision } from "../plan/types";
import { itemLabel } from "../template/labels";
import { SUMMARY_SHEET, type SummaryRow } from "./layout";

/** A chart as pure data; the Office.js adapter adds it with `worksheet.charts.add`. */
export interface ChartSpec {
  name: string;
  type: "ColumnClustered";
  title: string;
  sheet: string;
  /** Header row first, categories in the first column, one series per further column. */
  source: string;
  seriesBy: "Columns";
  /** Where the chart's top-left corner sits, and its size in points. */
  topLeft: string;
  width: number;
  height: number;
}

const CHART_SIZE = { width: 480, height: 288 };
/** Columns a chart spans at the summary's city column width: where the second chart starts. */
const CHART_COLUMNS = 8;

/** Key work items with at least one numeric row, and the indexes of those rows. */
export function itemTable(revision: PlanRevision, rows: SummaryRow[]): { label: string; rowIndexes: number[] }[] {
  return revision.items.flatMap((item) => {
    const rowIndexes = rows.flatMap((row, index) => (row.item === item.number && row.kind !== "milestone" ? [index] : []));
    return rowIndexes.length === 0 ? [] : [{ label: itemLabel(item), rowIndexes }];
  });
}

/**
 * The two charts beside the summary's small tables: average completion by city (the table at
 * `cityTable`, `cityCount` rows) and completion by key work item (at `itemTable`, `itemCount` rows).
 */
export function summaryCharts(
  cityTable: { header: number; count: number },
  items: { header: number; count: number },
  firstCityColumn: number,
): { chart: ChartSpec; itemChart: ChartSpec } {
  const chart: ChartSpec = {
    name: "PlanbookCityCompletion",
    type: "ColumnClustered",
    title: "各市平均完成率 / Average completion by city",
    sheet: SUMMARY_SHEET,
    source: `B${cityTable.header}:C${cityTable.header + cityTable.count}`,
    seriesBy: "Columns",
    topLeft: `${columnLetter(firstCityColumn)}${cityTable.header}`,
    ...CHART_SIZE,
  };
  const itemChart: ChartSpec = {
    ...chart,
    name: "PlanbookItemCompletion",
    title: "各重点工作完成率 / Completion by key work item",
    source: `B${items.header}:C${items.header + items.count}`,
    topLeft: `${columnLetter(firstCityColumn + CHART_COLUMNS)}${cityTable.header}`,
  };
  return { chart, itemChart };
}
