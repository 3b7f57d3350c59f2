import { excelError } from "./errors";
import { type ChartModel, type SheetModel, assertAllowed } from "./model";
import { ClientObjectProxy, ClientResultFake, CollectionProxy, type LoadableProxy, type ProxyContext, type ScalarSpec } from "./proxy";
import { RangeProxy, rangeArgument } from "./range";

/** What a chart proxy finds: one chart on a sheet. */
export interface ChartTarget {
  sheet: SheetModel;
  model: ChartModel;
}

function chartOf(sheet: SheetModel, model: ChartModel): ChartTarget {
  return { sheet, model };
}

export class ChartCollectionProxy extends CollectionProxy<SheetModel, ChartProxy, ChartTarget> {
  protected readonly entity = "ChartCollection";

  constructor(context: ProxyContext, objectPath: string, resolver: () => SheetModel | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<SheetModel>> {
    return { count: { get: (sheet) => sheet.charts.length } };
  }

  protected members(sheet: SheetModel): ChartTarget[] {
    return sheet.charts.map((model) => chartOf(sheet, model));
  }

  protected itemProxy(member: ChartTarget, index: number): ChartProxy {
    return new ChartProxy(this.context, `${this.objectPath}.items[${index}]`, () => member);
  }

  /** `seriesBy` "Auto" lays series along the longer side of the data, as Excel does. */
  add(type: Excel.ChartType | string, sourceData: RangeProxy, seriesBy: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows" = "Auto"): ChartProxy {
    this.sameContext(sourceData);
    let created: ChartTarget | null = null;
    this.queue("ChartCollection.add", [type, sourceData, seriesBy], (sheet) => {
      if (!(sourceData instanceof RangeProxy)) throw excelError("InvalidArgument", "ChartCollection.add");
      const source = sourceData.resolve();
      if (!source) throw excelError("ItemNotFound", "ChartCollection.add");
      created = chartOf(sheet, sheet.book.charts.add(sheet, String(type), { sheet: source.sheet, rect: source.rect }, seriesBy, "ChartCollection.add"));
    });
    return new ChartProxy(this.context, `${this.objectPath}.add(${JSON.stringify(type)})`, () => created);
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, `${this.objectPath}.getItem(${JSON.stringify(name)})`, () => {
      const sheet = this.resolve();
      const model = sheet?.charts.find((c) => c.name === name);
      if (!sheet) return null;
      if (!model) throw excelError("ItemNotFound", "ChartCollection.getItem");
      return chartOf(sheet, model);
    });
  }

  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.context, `${this.objectPath}.getItemOrNullObject(${JSON.stringify(name)})`, () => {
      const sheet = this.resolve();
      const model = sheet?.charts.find((c) => c.name === name);
      return sheet && model ? chartOf(sheet, model) : null;
    }).instantiate();
  }

  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.context, `${this.objectPath}.getItemAt(${index})`, () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      const model = sheet.charts[index];
      if (!model) throw excelError("InvalidArgument", "ChartCollection.getItemAt");
      return chartOf(sheet, model);
    });
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("ChartCollection.getCount", [], (sheet, run) => result.deliver(sheet.charts.length, run));
    return result;
  }
}

const positive = (location: string, value: unknown): number => {
  if (typeof value !== "number" || value < 0) throw excelError("InvalidArgument", location);
  return value;
};

/** A text property of a chart or its parts: Excel takes a string and nothing else. */
function textScalar<T>(read: (t: T) => string, write: (t: T, value: string) => void): ScalarSpec<T> {
  return {
    get: read,
    set: (t, value, location) => {
      if (typeof value !== "string") throw excelError("InvalidArgument", location);
      write(t, value);
    },
  };
}

const CHART_SCALARS: Record<string, ScalarSpec<ChartTarget>> = {
  id: { get: (t) => t.model.id },
  name: {
    get: (t) => t.model.name,
    set: (t, value, location) => {
      if (typeof value !== "string" || value === "") throw excelError("InvalidArgument", location);
      t.model.name = value;
    },
  },
  chartType: textScalar((t) => t.model.chartType, (t, value) => (t.model.chartType = value)),
  top: { get: (t) => t.model.top, set: (t, v, location) => (t.model.top = positive(location, v)) },
  left: { get: (t) => t.model.left, set: (t, v, location) => (t.model.left = positive(location, v)) },
  width: { get: (t) => t.model.width, set: (t, v, location) => (t.model.width = positive(location, v)) },
  height: { get: (t) => t.model.height, set: (t, v, location) => (t.model.height = positive(location, v)) },
};

export class ChartProxy extends ClientObjectProxy<ChartTarget> implements Pick<Excel.Chart, "id" | "name" | "top" | "left" | "width" | "height" | "delete"> {
  protected readonly entity = "Chart";
  declare readonly id: string;
  declare name: string;
  declare chartType: Excel.Chart["chartType"];
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;

  constructor(context: ProxyContext, objectPath: string, resolver: () => ChartTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ChartTarget>> {
    return CHART_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { title: () => this.title, legend: () => this.legend, series: () => this.series, axes: () => this.axes };
  }

  protected override isGone(target: ChartTarget): boolean {
    return target.model.deleted || target.sheet.deleted;
  }

  get title(): ChartPartProxy {
    return this.child("title", () => new ChartPartProxy(this.context, `${this.objectPath}.title`, "ChartTitle", () => this.resolve(), TITLE_SCALARS));
  }

  get legend(): ChartPartProxy {
    return this.child("legend", () => new ChartPartProxy(this.context, `${this.objectPath}.legend`, "ChartLegend", () => this.resolve(), LEGEND_SCALARS));
  }

  get series(): ChartSeriesCollectionProxy {
    return this.child("series", () => new ChartSeriesCollectionProxy(this.context, `${this.objectPath}.series`, () => this.resolve()));
  }

  get axes(): ChartAxesProxy {
    return this.child("axes", () => new ChartAxesProxy(this.context, `${this.objectPath}.axes`, () => this.resolve()));
  }

  /** Places the chart over cells: from the top-left of `startCell` to the bottom-right of `endCell`. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.sameContext(startCell);
    this.sameContext(endCell);
    this.queue("Chart.setPosition", [startCell, endCell ?? null], (t) => {
      const start = rangeArgument(startCell, t.sheet, "Chart.setPosition");
      const origin = t.sheet.book.layout.offsetOf(t.sheet, start.row, start.col);
      t.model.top = origin.top;
      t.model.left = origin.left;
      if (endCell !== undefined) {
        const end = rangeArgument(endCell, t.sheet, "Chart.setPosition");
        const corner = t.sheet.book.layout.offsetOf(t.sheet, end.row + end.rows, end.col + end.cols);
        if (corner.top <= origin.top || corner.left <= origin.left) throw excelError("InvalidArgument", "Chart.setPosition");
        t.model.height = corner.top - origin.top;
        t.model.width = corner.left - origin.left;
      }
    });
  }

  delete(): void {
    this.queue("Chart.delete", [], (t) => {
      assertAllowed(t.sheet, "objects", t.model.source.rect, "Chart.delete");
      t.model.deleted = true;
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.model);
    });
  }
}

ClientObjectProxy.accessors(ChartProxy, Object.keys(CHART_SCALARS));

const TITLE_SCALARS: Record<string, ScalarSpec<ChartTarget>> = {
  text: textScalar((t) => t.model.title.text, (t, value) => (t.model.title = { text: value, visible: value !== "" ? true : t.model.title.visible })),
  visible: {
    get: (t) => t.model.title.visible,
    set: (t, value, location) => {
      if (typeof value !== "boolean") throw excelError("InvalidArgument", location);
      t.model.title.visible = value;
    },
  },
};

const LEGEND_SCALARS: Record<string, ScalarSpec<ChartTarget>> = {
  visible: {
    get: (t) => t.model.legend.visible,
    set: (t, value, location) => {
      if (typeof value !== "boolean") throw excelError("InvalidArgument", location);
      t.model.legend.visible = value;
    },
  },
  position: {
    get: (t) => t.model.legend.position,
    set: (t, value, location) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid"].includes(String(value))) throw excelError("InvalidArgument", location);
      t.model.legend.position = String(value);
    },
  },
};

/** A part of a chart that is only a few scalars (title, legend, a series, an axis title): its table says which. */
abstract class ChartScalarsProxy<T extends ChartTarget> extends ClientObjectProxy<T> {
  protected readonly entity: string;

  constructor(
    context: ProxyContext,
    objectPath: string,
    entity: string,
    resolver: () => T | null,
    private readonly table: Record<string, ScalarSpec<T>>,
  ) {
    super(context, objectPath, resolver, true);
    this.entity = entity;
  }

  protected scalars(): Record<string, ScalarSpec<T>> {
    return this.table;
  }
}

/** A chart's title or legend. */
export class ChartPartProxy extends ChartScalarsProxy<ChartTarget> {
  declare text: string;
  declare visible: boolean;
  declare position: Excel.ChartLegend["position"];
}

ClientObjectProxy.accessors(ChartPartProxy, ["text", "visible", "position"]);

interface SeriesTarget extends ChartTarget {
  series: ChartModel["series"][number];
}

const SERIES_SCALARS: Record<string, ScalarSpec<SeriesTarget>> = {
  name: textScalar((t) => t.series.name, (t, value) => (t.series.name = value)),
};

export class ChartSeriesProxy extends ChartScalarsProxy<SeriesTarget> implements Pick<Excel.ChartSeries, "name"> {
  declare name: string;

  constructor(context: ProxyContext, objectPath: string, resolver: () => SeriesTarget | null) {
    super(context, objectPath, "ChartSeries", resolver, SERIES_SCALARS);
  }
}

ClientObjectProxy.accessors(ChartSeriesProxy, Object.keys(SERIES_SCALARS));

export class ChartSeriesCollectionProxy extends CollectionProxy<ChartTarget, ChartSeriesProxy, SeriesTarget> {
  protected readonly entity = "ChartSeriesCollection";
  declare readonly count: number;

  constructor(context: ProxyContext, objectPath: string, resolver: () => ChartTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ChartTarget>> {
    return SERIES_COLLECTION_SCALARS;
  }

  protected members(t: ChartTarget): SeriesTarget[] {
    return t.model.series.map((series) => ({ ...t, series }));
  }

  protected itemProxy(member: SeriesTarget, index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, `${this.objectPath}.items[${index}]`, () => member);
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, `${this.objectPath}.getItemAt(${index})`, () => {
      const t = this.resolve();
      if (!t) return null;
      const series = t.model.series[index];
      if (!series) throw excelError("InvalidArgument", "ChartSeriesCollection.getItemAt");
      return { ...t, series };
    });
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("ChartSeriesCollection.getCount", [], (t, run) => result.deliver(t.model.series.length, run));
    return result;
  }
}

const SERIES_COLLECTION_SCALARS: Record<string, ScalarSpec<ChartTarget>> = { count: { get: (t) => t.model.series.length } };

ClientObjectProxy.accessors(ChartSeriesCollectionProxy, ["count"]);

interface AxisTarget extends ChartTarget {
  axis: "value" | "category";
}

const AXIS_SCALARS: Record<string, ScalarSpec<AxisTarget>> = {
  minimum: {
    get: (t) => (t.axis === "value" ? t.model.axes.value.minimum : null),
    set: (t, value, location) => {
      if (t.axis !== "value" || typeof value !== "number") throw excelError("InvalidArgument", location);
      t.model.axes.value.minimum = value;
    },
  },
  maximum: {
    get: (t) => (t.axis === "value" ? t.model.axes.value.maximum : null),
    set: (t, value, location) => {
      if (t.axis !== "value" || typeof value !== "number") throw excelError("InvalidArgument", location);
      t.model.axes.value.maximum = value;
    },
  },
};

const AXIS_TITLE_SCALARS: Record<string, ScalarSpec<AxisTarget>> = {
  text: textScalar((t) => t.model.axes[t.axis].title, (t, value) => (t.model.axes[t.axis].title = value)),
};

export class ChartAxisTitleProxy extends ChartScalarsProxy<AxisTarget> implements Pick<Excel.ChartAxisTitle, "text"> {
  declare text: string;

  constructor(context: ProxyContext, objectPath: string, resolver: () => AxisTarget | null) {
    super(context, objectPath, "ChartAxisTitle", resolver, AXIS_TITLE_SCALARS);
  }
}

ClientObjectProxy.accessors(ChartAxisTitleProxy, Object.keys(AXIS_TITLE_SCALARS));

export class ChartAxisProxy extends ClientObjectProxy<AxisTarget> implements Pick<Excel.ChartAxis, "minimum" | "maximum"> {
  protected readonly entity = "ChartAxis";
  declare minimum: number;
  declare maximum: number;

  constructor(context: ProxyContext, objectPath: string, resolver: () => AxisTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<AxisTarget>> {
    return AXIS_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { title: () => this.title };
  }

  get title(): ChartAxisTitleProxy {
    return this.child("title", () => new ChartAxisTitleProxy(this.context, `${this.objectPath}.title`, () => this.resolve()));
  }
}

ClientObjectProxy.accessors(ChartAxisProxy, Object.keys(AXIS_SCALARS));

export class ChartAxesProxy extends ClientObjectProxy<ChartTarget> {
  protected readonly entity = "ChartAxes";

  constructor(context: ProxyContext, objectPath: string, resolver: () => ChartTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ChartTarget>> {
    return {};
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { valueAxis: () => this.valueAxis, categoryAxis: () => this.categoryAxis };
  }

  private axis(axis: "value" | "category"): ChartAxisProxy {
    return this.child(axis, () => new ChartAxisProxy(this.context, `${this.objectPath}.${axis}Axis`, () => {
      const t = this.resolve();
      return t && { ...t, axis };
    }));
  }

  get valueAxis(): ChartAxisProxy {
    return this.axis("value");
  }

  get categoryAxis(): ChartAxisProxy {
    return this.axis("category");
  }
}
