import { required } from "../shared/required";
/**
 * The report sheet's columns, in order. Titles are what checks, merges and people look for, so
 * they live here once; everything else finds a column by its key (a sheet made before a title
 * changed is still read by its `formerTitles`).
 *
 * The widths add up to about 130 units: one A4 landscape page wide at no less than 9 pt, even
 * where a width unit is measured with a wide fallback font (LibreOffice without Calibri). The
 * section rows (主要任务, 重点工作) are rows of their own, not columns repeating them; the quota's
 * text and its target share one wrapped cell. 上期累计 took its 7 units from 工作举措/指标 and the
 * figures' columns (format 3).
 */
export const REPORT_COLUMNS = [
  { key: "id", title: "编号", width: 13 },
  { key: "measure", title: "工作举措/指标", width: 26 },
  { key: "units", title: "责任单位", width: 10 },
  { key: "kind", title: "指标类型", width: 5 },
  { key: "unit", title: "计量单位", width: 6, formerTitles: ["单位"] },
  { key: "year", title: "截止年份", width: 6 },
  { key: "target", title: "目标值", width: 7 },
  { key: "previous", title: "上期累计", width: 7 },
  { key: "period", title: "本期完成", width: 7 },
  { key: "cumulative", title: "累计完成", width: 7 },
  { key: "status", title: "进展状态", width: 7 },
  { key: "completion", title: "完成率", width: 7 },
  { key: "progress", title: "序时进度", width: 7 },
  { key: "state", title: "状态", width: 5 },
  { key: "note", title: "说明", width: 12 },
] as const satisfies readonly { key: string; title: string; width: number; formerTitles?: readonly string[] }[];

export type ColumnKey = (typeof REPORT_COLUMNS)[number]["key"];

/** 0-based column index of each key. */
export const COLUMN: Record<ColumnKey, number> = Object.fromEntries(
  REPORT_COLUMNS.map((column, index) => [column.key, index]),
) as Record<ColumnKey, number>;

/**
 * The header of sheets made before the form's frame (format 1): the section titles (主要任务,
 * 重点工作) were columns of their own, and 计量单位 was 单位. Such a sheet's formulas and
 * fingerprints refer to these places, so checking and upgrading read it by them.
 */
export const FRAMELESS_TITLES = [
  "编号", "主要任务", "重点工作", "工作举措/指标", "责任单位", "指标类型", "单位", "截止年份",
  "目标值", "本期完成", "累计完成", "进展状态", "完成率", "序时进度", "状态", "说明",
] as const;

/** Titles of the frameless header's columns that today's template no longer has. */
export const FRAMELESS_ONLY_TITLES: readonly string[] = ["主要任务", "重点工作"];

/** The header of sheets made with the form's frame before 上期累计 was carried in (format 2). */
export const FORMAT2_TITLES = REPORT_COLUMNS.filter((column) => column.key !== "previous").map((column) => column.title);

/** The first format whose sheets have the 上期累计 column. */
export const PREVIOUS_COLUMN_FORMAT = 3;

/**
 * Where the template that made a sheet put each column (0-based, -1 for a column that layout did
 * not have), told from the sheet's header titles and its format: the frameless layout when the
 * header has its section columns, the format-2 layout for a sheet of an earlier format without
 * 上期累计, else today's.
 */
export function generatedColumns(titles: readonly string[], formatVersion: number): Record<ColumnKey, number> {
  const previousTitle = required(REPORT_COLUMNS.find((column) => column.key === "previous"), "the 上期累计 column").title;
  const layout: readonly string[] | null = FRAMELESS_ONLY_TITLES.every((title) => titles.includes(title))
    ? FRAMELESS_TITLES
    : formatVersion < PREVIOUS_COLUMN_FORMAT && !titles.includes(previousTitle)
      ? FORMAT2_TITLES
      : null;
  if (!layout) return COLUMN;
  return Object.fromEntries(
    REPORT_COLUMNS.map((column) => {
      const names: readonly string[] = [column.title, ...("formerTitles" in column ? column.formerTitles : [])];
      return [column.key, layout.findIndex((title) => names.includes(title))];
    }),
  ) as Record<ColumnKey, number>;
}

/** Columns a person types in (the rest is locked or a formula). */
export const INPUT_COLUMNS: readonly ColumnKey[] = ["period", "cumulative", "status", "note"];

/**
 * The 1-based row of the header. Above it is the form's frame: the title, then four rows with
 * 填报单位（盖章）, 报告期 and the plan on the left and 表号, 制表机关, 批准文号/备案号 and 有效期至 on
 * the right.
 */
export const HEADER_ROW = 6;

/** The frame's lines that name the sheet's identity, as 1-based rows: 填报单位, 报告期, 计划版本. */
export const FRAME_ROWS = { scope: 2, period: 3, revision: 4 } as const;

/**
 * The 1-based row that shows one part of a sheet's identity, for a sheet whose header is at
 * `headerRow`: the frame's own line on a sheet with the form's frame, else the single information
 * line right above the header (sheets made before the frame).
 */
export function identityRow(part: keyof typeof FRAME_ROWS, headerRow: number): number {
  return headerRow >= HEADER_ROW ? FRAME_ROWS[part] + (headerRow - HEADER_ROW) : Math.max(1, headerRow - 1);
}

/** The column where the frame's right-hand block (表号, 制表机关…) starts; it runs to the last column. */
export const FRAME_RIGHT_KEY = "cumulative";

/** The choices of a milestone's 进展状态. */
export const MILESTONE_STATUSES = ["未启动", "推进中", "已完成"] as const;

/** What the 状态 formula says; 未完成 only at a deadline, where a status is final. */
export const STATES = { done: "已完成", onTrack: "正常", behind: "滞后", notDone: "未完成" } as const;

/**
 * A figure is "well behind" when its completion trails 序时进度 by more than this share
 * (10 percentage points). The 状态 formula and the behind-schedule warning both use it.
 */
export const BEHIND_THRESHOLD = 0.1;

/** A `≈` (左右) target counts as met from this share of it: 95% of 左右 120 is met. */
export const APPROXIMATE_TOLERANCE = 0.05;

/** A figure above this multiple of its target is implausible and needs a 说明. */
export const IMPLAUSIBLE_MULTIPLE = 3;

/**
 * A contribution without a target (本市贡献数) above this multiple of the median of the other
 * contributors' figures is far outside their range and needs a 说明.
 */
export const OUTLIER_MULTIPLE = 3;

/** The fewest other contributions whose median says anything about a range. */
export const OUTLIER_MIN_OTHERS = 3;

/** Shown in the 目标值 cell of a city sheet when a province-wide target was not split. */
export const NOT_ASSIGNED = "未分解";

/**
 * Shown in the 目标值 cell of a city or county sheet for a quota every place contributes to, when
 * the plan splits nothing by region (no Annex 2) and no split was made: the place reports its
 * figure, with no target of its own — not a split still missing (未分解).
 */
export const CONTRIBUTED = "—";

/** Shown in the 目标值 cell when the revision has not decided the target (`**`). */
export const PENDING = "待定";

/** The signature block's labels (as on a statistical form), in order; each is followed by an input cell. */
export const SIGNATURE_FIELDS = ["单位负责人", "统计负责人", "填表人", "联系电话", "报出日期"] as const;

/**
 * Labels of the signature block in sheets made before it took the statistical form's names. The
 * reviewer (审核人) who signed the figures off is the form's 统计负责人.
 */
export const FORMER_SIGNATURE_FIELDS: Record<string, (typeof SIGNATURE_FIELDS)[number]> = { 负责人: "单位负责人", 审核人: "统计负责人", 填报日期: "报出日期" };

/** The title of the archive area for quotas a newer revision dropped but that carry data. */
export const ARCHIVE_TITLE = "已归档指标（新版计划已删除，保留原填报数据） / Archived quotas";

/**
 * The title of the area that keeps what a person typed outside the template's cells (in a column or
 * row they inserted, beside the table…) when the sheet is generated again: nothing typed is dropped.
 */
export const KEPT_TITLE = "重新生成时保留的其他内容（原位置不在模板中，请移到合适位置或删除） / Other content kept when the sheet was generated again";

/** Each kept cell's label says where it was: `原单元格 Q7`. */
export const keptLabel = (address: string): string => `原单元格 ${address}`;
export const KEPT_LABEL = /^原单元格 ([A-Z]{1,3}[0-9]+)$/;

/** Kinds whose 累计 is a running total, summed across cities: 本期 = 累计 − 上期累计. */
export const RUNNING_KINDS: ReadonlySet<string> = new Set(["annual", "cumulative"]);

export const KIND_LABELS = { annual: "每年", cumulative: "累计", ratio: "比例", growth: "增长率", milestone: "里程碑" } as const;
