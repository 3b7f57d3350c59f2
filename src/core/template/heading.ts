/** The template's heading: title, frame lines, the counting note, bands. */
import { type PlanRevision, type Quota } from "../plan/types";
import { type Period, periodLabel } from "../period/period";
import { scopeLabel } from "../plan/scope";
import { columnLetter } from "../snapshot/a1";
import { COLUMN, FRAME_RIGHT_KEY, HEADER_ROW, REPORT_COLUMNS, RUNNING_KINDS } from "./columns";
import { EMPTY_FORM, issuerLines } from "./form";
import { setGridCell } from "./spec";
import { headerStyle } from "./styles";
import type { TemplateRequest } from "./build";
import { LAST_COLUMN, fullRow, value, type Draft } from "./draft";

/**
 * The form's frame and the column titles: the title across the sheet; 填报单位（盖章）, 报告期 and
 * the plan on the left, the issuer's lines (表号, 制表机关, 批准文号/备案号, 有效期至 — blank where
 * unset) on the right, as on a statistical form.
 */
export function writeHeading(draft: Draft, { revision, scope, period, form }: TemplateRequest, quotas: Quota[], previousPeriod: Period | null): void {
  setGridCell(draft.cells, 0, 0, value(formTitle(revision)));
  const left = [
    `填报单位（盖章）：${scopeLabel(scope)}`,
    `报告期：${periodLabel(period)}`,
    `计划版本：${revision.label}（${revision.revision}）`,
    countingNote(revision, quotas, previousPeriod),
  ];
  const right = issuerLines(form ?? EMPTY_FORM);
  const rightColumn = COLUMN[FRAME_RIGHT_KEY];
  left.forEach((text, i) => {
    const row = 2 + i;
    if (text !== "") setGridCell(draft.cells, row - 1, 0, value(text));
    // issuerLines gives a line (blank where unset) beside each of the left lines.
    setGridCell(draft.cells, row - 1, rightColumn, value(right[i] ?? ""));
    draft.merges.push(`A${row}:${columnLetter(rightColumn - 1)}${row}`, `${columnLetter(rightColumn)}${row}:${LAST_COLUMN}${row}`);
  });
  REPORT_COLUMNS.forEach((column, index) => {
    setGridCell(draft.cells, HEADER_ROW - 1, index, value(column.title));
  });
  draft.styles.push(
    { range: fullRow(1), bold: true, fontSize: 16, horizontal: "Center", vertical: "Center" },
    { range: `A2:${LAST_COLUMN}${HEADER_ROW - 1}`, vertical: "Center" },
    headerStyle(fullRow(HEADER_ROW)),
  );
  draft.merges.push(fullRow(1));
}

/** What 累计 counts from for each cadence among the sheet's running totals, and where 上期累计 came from. */
const COUNTS_FROM: Record<Quota["cadence"], (revision: PlanRevision) => string> = {
  annual: () => "每年类自当年1月起",
  quarterly: () => "每季度类自本季度首月起",
  biennial: () => "每两年类自两年周期首年1月起",
  once: (revision) => `累计类自${revision.startYear}年1月起（含基数）`,
};

export function countingNote(revision: PlanRevision, quotas: Quota[], previousPeriod: Period | null): string {
  const cadences = new Set(quotas.filter((quota) => RUNNING_KINDS.has(quota.kind)).map((quota) => quota.cadence));
  const counts = (["annual", "quarterly", "biennial", "once"] as const).filter((cadence) => cadences.has(cadence)).map((cadence) => COUNTS_FROM[cadence](revision));
  const source = previousPeriod ? `上期累计取自${periodLabel(previousPeriod)}报表` : "上期累计：未从上期报表生成";
  return `累计口径：${counts.join("，")}；${source}`;
}

/** The form's title: the plan's, as a progress report. */
export function formTitle(revision: PlanRevision): string {
  return `${revision.title}工作进展报表`;
}

/** A title alone across the row: an action, a key work item, an area. */
export function writeBand(draft: Draft, row: number, text: string, fill: string): void {
  setGridCell(draft.cells, row - 1, 0, value(text));
  draft.merges.push(fullRow(row));
  draft.styles.push({ range: fullRow(row), bold: true, fill });
}
