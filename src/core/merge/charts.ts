import type { PlanRevision } from "../plan/types";
import { itemLabel } from "../template/labels";
import type { SummaryRow } from "./layout";

/** A chart as pure data; the Office.js adapter adds it with `worksheet.charts.add`. */
export interface ChartSpec {
  name: string;
  /** Columns of completion rates (percentages), or lines of figures over time (the 进度 sheet). */
  type: "ColumnClustered" | "Line";
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

/** Key work items with at least one numeric row, and the indexes of those rows. */
export function itemTable(revision: PlanRevision, rows: SummaryRow[]): { label: string; rowIndexes: number[] }[] {
  return revision.items.flatMap((item) => {
    const rowIndexes = rows.flatMap((row, index) => (row.item === item.number && row.kind !== "milestone" ? [index] : []));
    return rowIndexes.length === 0 ? [] : [{ label: itemLabel(item), rowIndexes }];
  });
}
