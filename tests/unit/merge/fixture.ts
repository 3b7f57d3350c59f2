/**
 * A small plan revision with every kind of quota and three Annex 2 families (the seed's own city
 * figures), and city workbooks as snapshots built from the real template builder — so the merge
 * core is tested without the plan parser, the xlsx reader or an Excel host.
 */
import type { PlanRevision, Quota } from "../../../src/core/plan";
import { parsePeriod } from "../../../src/core/period";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { buildTemplate, type CellValue, COLUMN, type ColumnKey, EMPTY_META, metaRows, metaSheetSpec, type SheetSpec, type SplitRecord, withSheetRecords } from "../../../src/core/template";
import { specSnapshot } from "../../../scripts/workloads";
import { gridRow } from "../../support/present";

export const CITIES = ["杭州市", "宁波市", "温州市", "湖州市", "嘉兴市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"];

/** Annex 2 of the published seed: 技能型企业 2025年底累计, 2027年底累计; 技能型乡村 2027年底累计. */
const ANNEX2 = {
  enterprise2025: [700, 828, 505, 379, 495, 488, 618, 134, 33, 733, 87],
  enterprise2027: [1500, 1525, 1200, 750, 1075, 1075, 1100, 250, 75, 1250, 200],
  village2027: [155, 135, 70, 100, 100, 100, 100, 50, 25, 100, 65],
};

function quota(partial: Partial<Quota> & Pick<Quota, "id" | "kind">): Quota {
  const year = partial.year ?? null;
  const target = partial.target ?? null;
  return {
    baseline: 0,
    path: year === null ? [] : [{ year, target, comparator: partial.comparator ?? ">=", text: partial.text ?? `目标 ${partial.id}` }],
    cadence: year === null ? "annual" : "once",
    ratio: null,
    perUnit: null,
    formerIds: [],
    retiredIds: [],
    action: 1,
    item: 1,
    measureId: `M-${partial.id}`,
    measure: `举措 ${partial.id}`,
    subject: null,
    units: ["省人力社保厅"],
    comparator: ">=",
    target: null,
    pending: false,
    unit: null,
    year: null,
    region: null,
    text: `目标 ${partial.id}`,
    line: 1,
    level: partial.region ? "split" : "contributed",
    ...partial,
  };
}

function family(prefix: string, item: number, subject: string, unit: string, year: number, targets: number[]): Quota[] {
  return CITIES.map((city, i) =>
    quota({
      id: `${prefix}-${city}`,
      kind: "cumulative",
      item,
      action: 2,
      measureId: "M-annex2",
      measure: "技能型社会基本单元培育",
      subject,
      unit,
      year,
      target: targets[i],
      region: city,
      text: `${year}年底累计培育${subject}${targets[i]}${unit}`,
    }),
  );
}

export const QUOTA = {
  /** 每年培训10万人次: a decimal count. */
  training: "T-1",
  /** 到2027年底累计10000家. */
  enterprises: "T-2",
  /** 比例达到60%. */
  ratio: "T-3",
  /** 2025年出台制度. */
  milestone: "T-4",
  /** ** (undecided). */
  pending: "T-5",
} as const;

export const FAMILY = { enterprise2025: "E25-*", enterprise2027: "E27-*", village2027: "V27-*" } as const;

export function fixtureRevision(revision = "rev-2025-07-15"): PlanRevision {
  return {
    title: "技能促富助力缩小“三大差距”行动方案（2025—2027年）",
    revision,
    label: "published 2025-07-15",
    startYear: 2025,
    endYear: 2027,
    actions: [
      { number: 1, title: "实施“技能照亮前程”培训行动" },
      { number: 2, title: "实施“技能强企”行动" },
    ],
    items: [
      { number: 1, action: 1, title: "推行“订单式”培训促进精准就业" },
      { number: 8, action: 2, title: "加大技能型企业培育力度" },
    ],
    measures: [],
    quotas: [
      quota({ id: QUOTA.training, kind: "annual", unit: "万人次", target: 10 }),
      quota({ id: QUOTA.enterprises, kind: "cumulative", unit: "家", target: 10000, year: 2027, item: 8, action: 2 }),
      quota({ id: QUOTA.ratio, kind: "ratio", unit: "%", target: 60, year: 2027 }),
      quota({ id: QUOTA.milestone, kind: "milestone", year: 2025 }),
      quota({ id: QUOTA.pending, kind: "annual", unit: "家", pending: true }),
      ...family("E25", 8, "技能型企业", "家", 2025, ANNEX2.enterprise2025),
      ...family("E27", 8, "技能型企业", "家", 2027, ANNEX2.enterprise2027),
      ...family("V27", 8, "技能型乡村(社区)", "个", 2027, ANNEX2.village2027),
    ],
    cities: CITIES,
  };
}

/** What a city typed, by quota id. */
export type Typed = Record<string, Partial<Record<"period" | "cumulative" | "status" | "note", CellValue>>>;

export interface CityWorkbookOptions {
  revision?: PlanRevision;
  period?: string;
  generatedAt?: string;
  splits?: SplitRecord[];
  /** Applied to the sheet's cell grid after typing, to tamper with a file. */
  edit?: (cells: SheetSpec["cells"], rowOf: (quotaId: string) => number) => void;
}

/** A city's returned workbook, as a snapshot. */
export function cityWorkbook(city: string, typed: Typed, options: CityWorkbookOptions = {}): WorkbookSnapshot {
  const revision = options.revision ?? fixtureRevision();
  const built = buildTemplate({
    revision,
    scope: { kind: "city", city },
    period: parsePeriod(options.period ?? "2026-10"),
    generatedAt: options.generatedAt ?? "2026-11-02T08:00:00.000Z",
    splits: options.splits,
  });
  const rowOf = (quotaId: string): number => {
    const record = built.rowRecords.find((r) => r.quotaId === quotaId);
    if (!record) throw new Error(`fixture: no row for ${quotaId} in ${city}`);
    return record.row;
  };
  for (const [quotaId, inputs] of Object.entries(typed)) {
    for (const [key, value] of Object.entries(inputs)) {
      gridRow(built.sheet.cells, rowOf(quotaId) - 1)[COLUMN[key as ColumnKey]] = { value };
    }
  }
  options.edit?.(built.sheet.cells, rowOf);
  const meta = withSheetRecords(EMPTY_META, built.sheetRecord, built.rowRecords);
  const metaSpec = metaSheetSpec(metaRows({ ...meta, splits: options.splits ?? [] }), null);
  return { sheets: [specSnapshot(built.sheet), specSnapshot(metaSpec)] };
}
