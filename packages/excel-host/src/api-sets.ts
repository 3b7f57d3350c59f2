/**
 * Which ExcelApi requirement set each member of the host's objects belongs to, and the gate that
 * refuses a member this Excel does not have — as Office.js itself refuses it.
 *
 * Office.js (the library every add-in loads from Microsoft's CDN) knows the set of each newer
 * member and checks it when the member is called, read or set, before anything is queued:
 * `OfficeExtension.Utility.throwIfApiNotSupported(apiFullName, "ExcelApi", version, "Excel")`
 * asks `Office.context.requirements.isSetSupported` and, when the set is missing, throws at once
 * (synchronously, not at sync) a RichApi error with code `ApiNotFound` and the message "The method
 * or property Range.getMergedAreasOrNullObject is part of the ExcelApi 1.13 requirement set, which
 * is not available in your version of Excel." (@microsoft/office-js, dist/excel-win32-16.01.debug.js:
 * `CommonUtility.throwIfApiNotSupported`, resource string `ApiNotFoundDetails`). Members of a class
 * that is itself new (PageLayout, DataValidation, RangeAreas…) are not checked one by one: they
 * are reached only through a checked member (`Worksheet.pageLayout`, `Range.dataValidation`…).
 *
 * MEMBER_SETS is every such check in Office.js for a member the host implements; the test
 * tests/unit/excel-host/api-sets.test.ts reads Office.js's own source and fails when an entry is
 * missing or its version differs. Data fields of event arguments are not members: a missing one
 * is simply absent (`triggerSource` before 1.14, see host.ts).
 */
import { apiAtLeast } from "./version";
import { RichApiError } from "./errors";
import type { ProxyContext } from "./proxy";

export const MEMBER_SETS: Record<string, string> = {
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Chart.chartType": "1.7",
  "Chart.id": "1.7",
  "ChartTitle.position": "1.7",
  "ChartCollection.getCount": "1.4",
  "ChartCollection.getItemOrNullObject": "1.4",
  "ChartSeriesCollection.getCount": "1.4",
  "Range.columnHidden": "1.2",
  "Range.conditionalFormats": "1.6",
  "Range.dataValidation": "1.8",
  "Range.getIntersectionOrNullObject": "1.4",
  "Range.getMergedAreasOrNullObject": "1.13",
  "Range.getResizedRange": "1.3",
  "Range.getUsedRangeOrNullObject": "1.4",
  "Range.group": "1.10",
  "Range.height": "1.10",
  "Range.hidden": "1.2",
  "Range.hyperlink": "1.7",
  "Range.isEntireColumn": "1.7",
  "Range.isEntireRow": "1.7",
  "Range.left": "1.10",
  "Range.merge": "1.2",
  "Range.numberFormatLocal": "1.7",
  "Range.rowHidden": "1.2",
  "Range.top": "1.10",
  "Range.unmerge": "1.2",
  "Range.width": "1.10",
  "RangeFont.strikethrough": "1.9",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.indentLevel": "1.9",
  "RangeFormat.protection": "1.2",
  "RangeFormat.rowHeight": "1.2",
  "Runtime.enableEvents": "1.8",
  "Workbook.name": "1.7",
  "Workbook.settings": "1.4",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.horizontalPageBreaks": "1.9",
  "Worksheet.onChanged": "1.7",
  "Worksheet.pageLayout": "1.9",
  "Worksheet.protection": "1.2",
  "Worksheet.showGridlines": "1.8",
  "Worksheet.standardHeight": "1.7",
  "Worksheet.standardWidth": "1.7",
  "Worksheet.tabColor": "1.7",
  "WorksheetCollection.getCount": "1.4",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.onChanged": "1.9",
};

/** The error Office.js throws when a member's requirement set is missing. */
export function apiNotFound(member: string, version: string): RichApiError {
  return new RichApiError("ApiNotFound", member, [member, `ExcelApi ${version}`, "Excel"]);
}

/**
 * Puts Office.js's requirement-set check in front of each member of a proxy class that MEMBER_SETS
 * lists for its Office.js class (`entity`): methods, getters and setters alike.
 */
export function gateMembers(proxyClass: { prototype: object }, entity: string): void {
  for (const [member, version] of Object.entries(MEMBER_SETS)) {
    const [className, name] = member.split(".");
    if (className !== entity || name === undefined) continue;
    const descriptor = findDescriptor(proxyClass.prototype, name);
    if (!descriptor) continue;
    // A proxy class may stand for more than one Office.js class (a chart's title and legend): the
    // check is the one of the class this object is.
    const check = (self: { context: ProxyContext }) => {
      if ((self as unknown as { entity: string }).entity === entity && !apiAtLeast(self.context.apiVersion, version)) throw apiNotFound(member, version);
    };
    const gated: PropertyDescriptor = { configurable: true, enumerable: descriptor.enumerable };
    if (typeof descriptor.value === "function") {
      const method = descriptor.value as (...args: unknown[]) => unknown;
      gated.value = function (this: { context: ProxyContext }, ...args: unknown[]) {
        check(this);
        return method.apply(this, args);
      };
      gated.writable = true;
    } else {
      // The accessors of the descriptor, called on the proxy they were read for.
      const { get, set } = descriptor as { get?: (this: unknown) => unknown; set?: (this: unknown, value: unknown) => void };
      if (get) {
        gated.get = function (this: { context: ProxyContext }) {
          check(this);
          return get.call(this);
        };
      }
      if (set) {
        gated.set = function (this: { context: ProxyContext }, value: unknown) {
          check(this);
          set.call(this, value);
        };
      }
    }
    Object.defineProperty(proxyClass.prototype, name, gated);
  }
}

function findDescriptor(prototype: object | null, name: string): PropertyDescriptor | undefined {
  for (let current = prototype; current && current !== Object.prototype; current = Object.getPrototypeOf(current) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(current, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}
