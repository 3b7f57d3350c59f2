import { excelError } from "./errors";
import type { HeaderFooterTexts, SheetModel } from "./model";
import { ClientObjectProxy, type LoadableProxy, type ProxyContext, type ScalarSpec } from "./proxy";

/**
 * `pageLayout.headersFooters` (ExcelApi 1.9): a group of header/footer sets, one per kind of page,
 * each with six texts in Excel's format codes. Excel refuses a header or a footer longer than 255
 * characters (its page setup limit), counting the three parts together.
 */
export const HEADER_FOOTER_LIMIT = 255;

type PageKind = keyof SheetModel["pageLayout"]["headersFooters"]["pages"];
type TextKey = keyof HeaderFooterTexts;

const HEADER_KEYS: TextKey[] = ["leftHeader", "centerHeader", "rightHeader"];
const FOOTER_KEYS: TextKey[] = ["leftFooter", "centerFooter", "rightFooter"];

function textScalar(page: PageKind, key: TextKey): ScalarSpec<SheetModel> {
  return {
    get: (sheet) => sheet.pageLayout.headersFooters.pages[page][key],
    set: (sheet, value, location) => {
      if (typeof value !== "string") throw excelError("InvalidArgument", location);
      const texts = { ...sheet.pageLayout.headersFooters.pages[page], [key]: value };
      const together = (HEADER_KEYS.includes(key) ? HEADER_KEYS : FOOTER_KEYS).reduce((sum, k) => sum + texts[k].length, 0);
      if (together > HEADER_FOOTER_LIMIT) throw excelError("InvalidArgument", location);
      sheet.pageLayout.headersFooters.pages[page] = texts;
    },
  };
}

export class HeaderFooterProxy extends ClientObjectProxy<SheetModel> {
  protected readonly entity = "HeaderFooter";
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;

  constructor(
    context: ProxyContext,
    objectPath: string,
    resolver: () => SheetModel | null,
    private readonly page: PageKind,
  ) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<SheetModel>> {
    return Object.fromEntries([...HEADER_KEYS, ...FOOTER_KEYS].map((key) => [key, textScalar(this.page, key)]));
  }
}
ClientObjectProxy.accessors(HeaderFooterProxy, [...HEADER_KEYS, ...FOOTER_KEYS]);

const GROUP_SCALARS: Record<string, ScalarSpec<SheetModel>> = {
  state: {
    get: (sheet) => sheet.pageLayout.headersFooters.state,
    set: (sheet, value, location) => {
      if (typeof value !== "string" || !["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(value)) {
        throw excelError("InvalidArgument", location);
      }
      sheet.pageLayout.headersFooters.state = value;
    },
  },
  useSheetMargins: {
    get: (sheet) => sheet.pageLayout.headersFooters.useSheetMargins,
    set: (sheet, value, location) => {
      if (typeof value !== "boolean") throw excelError("InvalidArgument", location);
      sheet.pageLayout.headersFooters.useSheetMargins = value;
    },
  },
  useSheetScale: {
    get: (sheet) => sheet.pageLayout.headersFooters.useSheetScale,
    set: (sheet, value, location) => {
      if (typeof value !== "boolean") throw excelError("InvalidArgument", location);
      sheet.pageLayout.headersFooters.useSheetScale = value;
    },
  },
};

export class HeaderFooterGroupProxy extends ClientObjectProxy<SheetModel> {
  protected readonly entity = "HeaderFooterGroup";
  declare state: Excel.HeaderFooterGroup["state"];
  declare useSheetMargins: boolean;
  declare useSheetScale: boolean;

  constructor(context: ProxyContext, objectPath: string, resolver: () => SheetModel | null) {
    super(context, objectPath, resolver, true);
  }

  protected scalars(): Record<string, ScalarSpec<SheetModel>> {
    return GROUP_SCALARS;
  }

  protected override navigation(): Record<string, () => LoadableProxy> {
    return {
      defaultForAllPages: () => this.defaultForAllPages,
      firstPage: () => this.firstPage,
      evenPages: () => this.evenPages,
      oddPages: () => this.oddPages,
    };
  }

  private page(kind: PageKind): HeaderFooterProxy {
    return this.child(kind, () => new HeaderFooterProxy(this.context, `${this.objectPath}.${kind}`, () => this.resolve(), kind));
  }

  get defaultForAllPages(): HeaderFooterProxy {
    return this.page("defaultForAllPages");
  }
  get firstPage(): HeaderFooterProxy {
    return this.page("firstPage");
  }
  get evenPages(): HeaderFooterProxy {
    return this.page("evenPages");
  }
  get oddPages(): HeaderFooterProxy {
    return this.page("oddPages");
  }
}
ClientObjectProxy.accessors(HeaderFooterGroupProxy, Object.keys(GROUP_SCALARS));
