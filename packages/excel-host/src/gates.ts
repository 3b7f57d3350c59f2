/**
 * Installs Office.js's requirement-set checks (api-sets.ts) on every proxy class, each under the
 * Office.js class it stands for. Imported once by host.ts, before any proxy is made.
 */
import { gateMembers } from "./api-sets";
import { ChartAxesProxy, ChartAxisProxy, ChartAxisTitleProxy, ChartCollectionProxy, ChartPartProxy, ChartProxy, ChartSeriesCollectionProxy, ChartSeriesProxy } from "./chart";
import {
  CellValueConditionalFormatProxy,
  ConditionalFillProxy,
  ConditionalFontProxy,
  ConditionalFormatCollectionProxy,
  ConditionalFormatProxy,
  ConditionalRangeFormatProxy,
  ConditionalRuleProxy,
  CustomConditionalFormatProxy,
} from "./conditional";
import { HeaderFooterGroupProxy, HeaderFooterProxy } from "./headers";
import { DataValidationProxy, FormatProtectionProxy, RangeAreasProxy, RangeBorderProxy, RangeBordersProxy, RangeFillProxy, RangeFontProxy, RangeFormatProxy, RangeProxy } from "./range";
import { ApplicationProxy, RuntimeProxy, SettingCollectionProxy, SettingProxy, WorkbookProxy } from "./workbook";
import { FreezePanesProxy, PageBreakCollectionProxy, PageLayoutProxy, WorksheetCollectionProxy, WorksheetProtectionProxy, WorksheetProxy } from "./worksheet";

/** Each proxy class and the Office.js class it stands for. */
export const PROXY_CLASSES: [{ prototype: object }, string][] = [
  [ChartCollectionProxy, "ChartCollection"],
  [ChartProxy, "Chart"],
  [ChartSeriesCollectionProxy, "ChartSeriesCollection"],
  [ChartSeriesProxy, "ChartSeries"],
  [ChartAxesProxy, "ChartAxes"],
  [ChartAxisProxy, "ChartAxis"],
  [ChartAxisTitleProxy, "ChartAxisTitle"],
  // One proxy class stands for both chart parts it models.
  [ChartPartProxy, "ChartTitle"],
  [ChartPartProxy, "ChartLegend"],
  [ConditionalFormatCollectionProxy, "ConditionalFormatCollection"],
  [ConditionalFormatProxy, "ConditionalFormat"],
  [CustomConditionalFormatProxy, "CustomConditionalFormat"],
  [ConditionalRuleProxy, "ConditionalFormatRule"],
  [CellValueConditionalFormatProxy, "CellValueConditionalFormat"],
  [ConditionalRangeFormatProxy, "ConditionalRangeFormat"],
  [ConditionalFontProxy, "ConditionalRangeFont"],
  [ConditionalFillProxy, "ConditionalRangeFill"],
  [HeaderFooterProxy, "HeaderFooter"],
  [HeaderFooterGroupProxy, "HeaderFooterGroup"],
  [RangeProxy, "Range"],
  [RangeAreasProxy, "RangeAreas"],
  [RangeFormatProxy, "RangeFormat"],
  [RangeFontProxy, "RangeFont"],
  [RangeFillProxy, "RangeFill"],
  [FormatProtectionProxy, "FormatProtection"],
  [RangeBorderProxy, "RangeBorder"],
  [RangeBordersProxy, "RangeBorderCollection"],
  [DataValidationProxy, "DataValidation"],
  [WorkbookProxy, "Workbook"],
  [ApplicationProxy, "Application"],
  [RuntimeProxy, "Runtime"],
  [SettingProxy, "Setting"],
  [SettingCollectionProxy, "SettingCollection"],
  [WorksheetProxy, "Worksheet"],
  [WorksheetCollectionProxy, "WorksheetCollection"],
  [WorksheetProtectionProxy, "WorksheetProtection"],
  [FreezePanesProxy, "WorksheetFreezePanes"],
  [PageLayoutProxy, "PageLayout"],
  [PageBreakCollectionProxy, "PageBreakCollection"],
];

for (const [proxyClass, entity] of PROXY_CLASSES) gateMembers(proxyClass, entity);
