import { intersect } from "./address";
import { required } from "../../../src/core/shared";
import { excelError } from "./errors";
import { normalizeColor } from "./formats";
import { type ConditionalFormatModel, type SheetModel, type WorkbookModel, assertAllowed } from "./model";
import { ClientObjectProxy, ClientResultFake, CollectionProxy, type LoadableProxy, type ProxyContext, type ScalarSpec } from "./proxy";
import { RangeProxy, type RangeTarget } from "./range";

/** What a conditional-format proxy finds: one conditional format of a sheet. */
export interface ConditionalTarget {
  book: WorkbookModel;
  sheet: SheetModel;
  model: ConditionalFormatModel;
}

/** Editing a conditional format on a protected sheet needs "Format cells", as adding one does. */
function editable(t: ConditionalTarget, location: string): ConditionalFormatModel {
  for (const area of t.model.areas) assertAllowed(t.sheet, "formatCells", area, location);
  return t.model;
}

export class ConditionalFormatCollectionProxy extends CollectionProxy<RangeTarget, ConditionalFormatProxy, ConditionalTarget> {
  protected readonly entity = "ConditionalFormatCollection";

  constructor(context: ProxyContext, objectPath: string, resolver: () => RangeTarget | null) {
    super(context, objectPath, resolver, false);
  }

  protected scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return { count: { get: (t) => this.members(t).length } };
  }

  /** The conditional formats that apply to any cell of the range. */
  protected members(t: RangeTarget): ConditionalTarget[] {
    return t.sheet.conditionalFormats
      .filter((model) => model.areas.some((area) => intersect(area, t.rect)))
      .map((model) => ({ book: t.book, sheet: t.sheet, model }));
  }

  protected itemProxy(member: ConditionalTarget, index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, `${this.objectPath}.items[${index}]`, () => member);
  }

  add(type: Excel.ConditionalFormatType | string): ConditionalFormatProxy {
    let created: ConditionalTarget | null = null;
    this.queue("ConditionalFormatCollection.add", [type], (t) => {
      created = { book: t.book, sheet: t.sheet, model: t.book.conditionalFormats.add(t.sheet, t.rect, type, "ConditionalFormatCollection.add") };
    });
    return new ConditionalFormatProxy(this.context, `${this.objectPath}.add(${type})`, () => created);
  }

  clearAll(): void {
    this.queue("ConditionalFormatCollection.clearAll", [], (t) => t.book.conditionalFormats.clear(t.sheet, t.rect, "ConditionalFormatCollection.clearAll"));
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, `${this.objectPath}.getItem(${id})`, () => {
      const target = this.resolve();
      if (!target) return null;
      const found = this.members(target).find((member) => member.model.id === id);
      if (!found) throw excelError("ItemNotFound", "ConditionalFormatCollection.getItem");
      return found;
    });
  }

  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, `${this.objectPath}.getItemAt(${index})`, () => {
      const target = this.resolve();
      if (!target) return null;
      const found = this.members(target)[index];
      if (!found) throw excelError("ItemNotFound", "ConditionalFormatCollection.getItemAt");
      return found;
    });
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("ConditionalFormatCollection.getCount", [], (t, run) => result.deliver(this.members(t).length, run));
    return result;
  }
}

const CONDITIONAL_SCALARS: Record<string, ScalarSpec<ConditionalTarget>> = {
  id: { get: (t) => t.model.id },
  type: { get: (t) => t.model.type },
  priority: {
    get: (t) => t.model.priority,
    set: (t, value, location) => {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw excelError("InvalidArgument", location);
      editable(t, location);
      const list = t.sheet.conditionalFormats.filter((m) => m !== t.model);
      list.splice(Math.min(value, list.length), 0, t.model);
      list.forEach((m, index) => (m.priority = index));
      t.sheet.conditionalFormats = list;
    },
  },
  stopIfTrue: {
    get: (t) => t.model.stopIfTrue,
    set: (t, value, location) => {
      if (typeof value !== "boolean") throw excelError("InvalidArgument", location);
      editable(t, location).stopIfTrue = value;
    },
  },
};

export class ConditionalFormatProxy
  extends ClientObjectProxy<ConditionalTarget>
  implements Pick<Excel.ConditionalFormat, "id" | "type" | "priority" | "stopIfTrue" | "delete">
{
  protected readonly entity = "ConditionalFormat";
  declare readonly id: string;
  declare readonly type: Excel.ConditionalFormat["type"];
  declare priority: number;
  declare stopIfTrue: boolean;

  constructor(context: ProxyContext, objectPath: string, resolver: () => ConditionalTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ConditionalTarget>> {
    return CONDITIONAL_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { custom: () => this.custom, cellValue: () => this.cellValue };
  }

  protected override isGone(target: ConditionalTarget): boolean {
    return target.sheet.deleted || !target.sheet.conditionalFormats.includes(target.model);
  }

  /** Only a "Custom" format has `custom` (and only a "CellValue" one `cellValue`), as in Excel. */
  private ofType(type: string): () => ConditionalTarget | null {
    return () => {
      const target = this.resolve();
      if (target && target.model.type !== type) throw excelError("InvalidArgument", `ConditionalFormat.${type === "Custom" ? "custom" : "cellValue"}`);
      return target;
    };
  }

  get custom(): CustomConditionalFormatProxy {
    return this.child("custom", () => new CustomConditionalFormatProxy(this.context, `${this.objectPath}.custom`, this.ofType("Custom")));
  }

  get cellValue(): CellValueConditionalFormatProxy {
    return this.child("cellValue", () => new CellValueConditionalFormatProxy(this.context, `${this.objectPath}.cellValue`, this.ofType("CellValue")));
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this.objectPath}.getRange()`, () => {
      const target = this.resolve();
      if (!target) return null;
      // A format whose last area is deleted is removed with it (model/shift), so a live one has a first area.
      return { book: target.book, sheet: target.sheet, rect: required(target.model.areas[0], "a conditional format's first area") };
    });
  }

  delete(): void {
    this.queue("ConditionalFormat.delete", [], (t) => {
      editable(t, "ConditionalFormat.delete");
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((m) => m !== t.model);
      t.sheet.conditionalFormats.forEach((m, index) => (m.priority = index));
    });
  }
}

ClientObjectProxy.accessors(ConditionalFormatProxy, Object.keys(CONDITIONAL_SCALARS));

export class CustomConditionalFormatProxy extends ClientObjectProxy<ConditionalTarget> {
  protected readonly entity = "CustomConditionalFormat";

  constructor(context: ProxyContext, objectPath: string, resolver: () => ConditionalTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ConditionalTarget>> {
    return {};
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { rule: () => this.rule, format: () => this.format };
  }

  get rule(): ConditionalRuleProxy {
    return this.child("rule", () => new ConditionalRuleProxy(this.context, `${this.objectPath}.rule`, () => this.resolve()));
  }

  get format(): ConditionalRangeFormatProxy {
    return this.child("format", () => new ConditionalRangeFormatProxy(this.context, `${this.objectPath}.format`, () => this.resolve()));
  }
}

const RULE_SCALARS: Record<string, ScalarSpec<ConditionalTarget>> = {
  formula: {
    get: (t) => t.model.rule.formula ?? "",
    set: (t, value, location) => {
      editable(t, location).rule = { formula: t.book.cells.checkFormula(value, location) };
    },
  },
  formulaLocal: {
    get: (t) => t.model.rule.formula ?? "",
    set: (t, value, location) => {
      editable(t, location).rule = { formula: t.book.cells.checkFormula(value, location) };
    },
  },
};

export class ConditionalRuleProxy extends ClientObjectProxy<ConditionalTarget> implements Pick<Excel.ConditionalFormatRule, "formula" | "formulaLocal"> {
  protected readonly entity = "ConditionalFormatRule";
  declare formula: string;
  declare formulaLocal: string;

  constructor(context: ProxyContext, objectPath: string, resolver: () => ConditionalTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ConditionalTarget>> {
    return RULE_SCALARS;
  }
}

ClientObjectProxy.accessors(ConditionalRuleProxy, Object.keys(RULE_SCALARS));

const CELL_VALUE_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];

const CELL_VALUE_SCALARS: Record<string, ScalarSpec<ConditionalTarget>> = {
  rule: {
    get: (t) => t.model.rule,
    set: (t, value, location) => {
      const rule = value as { formula1?: unknown; formula2?: unknown; operator?: unknown } | null;
      if (!rule || typeof rule !== "object" || !CELL_VALUE_OPERATORS.includes(String(rule.operator)) || rule.formula1 === undefined) {
        throw excelError("InvalidArgument", location);
      }
      if ((rule.operator === "Between" || rule.operator === "NotBetween") && rule.formula2 === undefined) throw excelError("InvalidArgument", location);
      editable(t, location).rule = { ...rule };
    },
  },
};

export class CellValueConditionalFormatProxy extends ClientObjectProxy<ConditionalTarget> implements Pick<Excel.CellValueConditionalFormat, "rule"> {
  protected readonly entity = "CellValueConditionalFormat";
  declare rule: Excel.ConditionalCellValueRule;

  constructor(context: ProxyContext, objectPath: string, resolver: () => ConditionalTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ConditionalTarget>> {
    return CELL_VALUE_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { format: () => this.format };
  }

  get format(): ConditionalRangeFormatProxy {
    return this.child("format", () => new ConditionalRangeFormatProxy(this.context, `${this.objectPath}.format`, () => this.resolve()));
  }
}

ClientObjectProxy.accessors(CellValueConditionalFormatProxy, Object.keys(CELL_VALUE_SCALARS));

const RANGE_FORMAT_SCALARS: Record<string, ScalarSpec<ConditionalTarget>> = {
  numberFormat: {
    get: (t) => t.model.format.numberFormat ?? null,
    set: (t, value, location) => {
      if (typeof value !== "string") throw excelError("InvalidArgument", location);
      editable(t, location).format.numberFormat = value;
    },
  },
};

export class ConditionalRangeFormatProxy extends ClientObjectProxy<ConditionalTarget> implements Pick<Excel.ConditionalRangeFormat, "numberFormat"> {
  protected readonly entity = "ConditionalRangeFormat";
  declare numberFormat: string;

  constructor(context: ProxyContext, objectPath: string, resolver: () => ConditionalTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ConditionalTarget>> {
    return RANGE_FORMAT_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return { font: () => this.font, fill: () => this.fill };
  }

  get font(): ConditionalFontProxy {
    return this.child("font", () => new ConditionalFontProxy(this.context, `${this.objectPath}.font`, () => this.resolve()));
  }

  get fill(): ConditionalFillProxy {
    return this.child("fill", () => new ConditionalFillProxy(this.context, `${this.objectPath}.fill`, () => this.resolve()));
  }
}

ClientObjectProxy.accessors(ConditionalRangeFormatProxy, Object.keys(RANGE_FORMAT_SCALARS));

function conditionalFlag(key: "bold" | "italic"): ScalarSpec<ConditionalTarget> {
  return {
    get: (t) => t.model.format[key] ?? null,
    set: (t, value, location) => {
      if (typeof value !== "boolean") throw excelError("InvalidArgument", location);
      editable(t, location).format[key] = value;
    },
  };
}

function conditionalColor(key: "fontColor" | "fill"): ScalarSpec<ConditionalTarget> {
  return {
    get: (t) => t.model.format[key] ?? null,
    set: (t, value, location) => {
      const color = normalizeColor(value);
      if (!color) throw excelError("InvalidArgument", location);
      editable(t, location).format[key] = color;
    },
  };
}

const FONT_SCALARS: Record<string, ScalarSpec<ConditionalTarget>> = {
  bold: conditionalFlag("bold"),
  italic: conditionalFlag("italic"),
  color: conditionalColor("fontColor"),
};

export class ConditionalFontProxy extends ClientObjectProxy<ConditionalTarget> implements Pick<Excel.ConditionalRangeFont, "bold" | "italic" | "color"> {
  protected readonly entity = "ConditionalRangeFont";
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;

  constructor(context: ProxyContext, objectPath: string, resolver: () => ConditionalTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ConditionalTarget>> {
    return FONT_SCALARS;
  }
}

ClientObjectProxy.accessors(ConditionalFontProxy, Object.keys(FONT_SCALARS));

const FILL_SCALARS: Record<string, ScalarSpec<ConditionalTarget>> = { color: conditionalColor("fill") };

export class ConditionalFillProxy extends ClientObjectProxy<ConditionalTarget> implements Pick<Excel.ConditionalRangeFill, "color" | "clear"> {
  protected readonly entity = "ConditionalRangeFill";
  declare color: string;

  constructor(context: ProxyContext, objectPath: string, resolver: () => ConditionalTarget | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<ConditionalTarget>> {
    return FILL_SCALARS;
  }

  clear(): void {
    this.queue("ConditionalRangeFill.clear", [], (t) => {
      editable(t, "ConditionalRangeFill.clear").format.fill = null;
    });
  }
}

ClientObjectProxy.accessors(ConditionalFillProxy, Object.keys(FILL_SCALARS));
