import { type Rect, intersect } from "../address";
import { excelError } from "../errors";
import { assertAllowed } from "./protection";
import type { ChartModel, SheetModel } from "./sheet";
import type { WorkbookModel } from "./workbook";

/** Charts: what `worksheet.charts.add` makes of a source range. */
export class Charts {
  private count = 0;

  constructor(private readonly book: WorkbookModel) {}

  add(sheet: SheetModel, type: string, source: { sheet: SheetModel; rect: Rect }, seriesBy: string, location: string): ChartModel {
    assertAllowed(sheet, "objects", source.rect, location);
    if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw excelError("InvalidArgument", location);
    const used = this.book.cells.usedRect(source.sheet, true);
    const area = used && intersect(source.rect, used);
    if (!area) throw excelError("InvalidArgument", location);
    const grid = this.book.cells.valueGrid(source.sheet, area);
    const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && area.rows >= area.cols);
    const lines = byColumns ? Array.from({ length: area.cols }, (_, c) => grid.map((line) => line[c])) : grid;
    const [firstLine, ...otherLines] = lines;
    const hasLabels = firstLine !== undefined && otherLines.length > 0 && firstLine.some((v) => typeof v === "string" && v !== "");
    const hasNames = lines.some((line) => typeof line[0] === "string" && line[0] !== "");
    const series = (hasLabels ? lines.slice(1) : lines).map((line, index) => ({
      name: hasNames ? String(line[0]) : `Series${index + 1}`,
    }));
    this.count += 1;
    const chart: ChartModel = {
      id: this.book.newId("chart"),
      name: `Chart ${this.count}`,
      chartType: type,
      source: { sheetId: source.sheet.id, rect: source.rect },
      seriesBy,
      title: { text: "", visible: false },
      legend: { visible: true, position: "Right" },
      series,
      axes: { value: { title: "", minimum: null, maximum: null }, category: { title: "" } },
      top: 0,
      left: 0,
      width: 360,
      height: 216,
      deleted: false,
    };
    sheet.charts.push(chart);
    return chart;
  }}
