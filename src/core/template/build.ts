import type { Geography } from "../plan/counties";
import { type PlanRevision, type Quota } from "../plan/types";
import { type Period, formatPeriod, periodLabel, periodOrNull } from "../period/period";
import { type Scope, formatScope, idsOnSheet, quotasInScope, scopeLabel } from "../plan/scope";
import { isBlank } from "../snapshot/cells";
import { type LevelRecord, withLevelCorrections } from "../plan/level";
import { safeSheetName } from "../shared/text";
import type { CarriedInputs, CarriedRow, PreviousReport } from "./carried";
import { HEADER_ROW, REPORT_COLUMNS } from "./columns";
import { fitRowHeights } from "./fit";
import { EMPTY_FORM, type FormSettings } from "./form";
import { instructionsSheetSpec } from "./instructions";
import { FIRST_LINE_ROW, reportLines } from "./layout";
import { FORMAT_VERSION, type RowRecord, type SheetRecord, type SplitRecord } from "./meta";
import { sheetSpec } from "./sheet";
import { PAGE_NUMBER, type SheetSpec, emptyGrid, pageTextLiteral } from "./spec";
import { PALETTE } from "./styles";
import { annex2Path, hasAnnex2Reading } from "./targets";
import { WIDTH, type Draft } from "./draft";
import { checkedPreviousPeriod, carriedByQuota, sharesWithoutParts } from "./from-previous";
import { writeHeading, formTitle } from "./heading";
import { writeLine } from "./rows";
import { inputCells, quotaRowFormats } from "./input-ranges";

export interface TemplateRequest {
  revision: PlanRevision;
  scope: Scope;
  period: Period;
  /** When the sheet is made (ISO text); passed in because the core reads no clock. */
  generatedAt: string;
  /** Defaults to `<scope> <period>`, e.g. `杭州市 2026-10`. */
  sheetName?: string;
  password?: string | null;
  /** Provincial targets split to cities (or a city's to its counties); a local sheet shows its share as a locked target. */
  splits?: SplitRecord[];
  /** The counties: per-county coverage targets (杭州市 13) and county sheets need them. */
  geography?: Geography;
  /** Values typed in an earlier sheet for the same scope and period (regenerate or upgrade). */
  carried?: CarriedInputs;
  /**
   * The previous period's sheet of the same scope: its 累计完成 becomes 上期累计 (0 where the
   * quota's counting cycle starts again), its milestone states and final figures are carried on.
   */
  previous?: PreviousReport;
  /** The form's frame (表号, 制表机关…) from the workbook's settings; blank where unset. */
  form?: FormSettings;
  /**
   * Corrections of derived quota levels (the 计划 view's, `--corrections`): they decide which rows
   * the sheet has, and go with it (its metadata) so a check or merge of the returned file alone
   * goes by them too.
   */
  levels?: readonly LevelRecord[];
}

export interface BuiltTemplate {
  sheet: SheetSpec;
  sheetRecord: SheetRecord;
  rowRecords: RowRecord[];
  /** How many cells typed outside the template were kept in an area of their own. */
  keptCells: number;
  /** Quota ids kept in the archive area. */
  archived: string[];
  /** Number of quota rows. */
  quotaRows: number;
  /** The 填报说明 sheet that goes with the report sheet. */
  instructions: SheetSpec;
  /** The form settings the sheet shows, to store with it. */
  form: FormSettings;
  /** The level corrections the sheet was made with, to store with it. */
  levels: LevelRecord[];
}

export function defaultSheetName(scope: Scope, period: Period): string {
  return safeSheetName(`${scopeLabel(scope)} ${formatPeriod(period)}`);
}


/** Builds the reporting sheet for a scope and a period from the plan: pure data for a renderer. */
export function buildTemplate(given: TemplateRequest): BuiltTemplate {
  const levels = [...(given.levels ?? [])];
  // Every part of the sheet goes by the corrected levels.
  const request: TemplateRequest = { ...given, revision: withLevelCorrections(given.revision, levels) };
  const { revision, scope, period } = request;
  const quotas = quotasInScope(revision, scope, request.geography);
  const previousPeriod = request.previous ? checkedPreviousPeriod(request.previous, scope, period) : null;
  const carriedRows = request.carried?.rows ?? [];
  const idsOf = (quota: Quota) => idsOnSheet(quota, scope, revision, request.geography);
  const carried = carriedByQuota(quotas, carriedRows, idsOf);
  const fromPrevious = request.previous ? carriedByQuota(quotas, request.previous.rows, idsOf) : new Map<string, CarriedRow>();
  const taken = new Set(carried.values());
  const archivedRows = [
    ...carriedRows.filter((row) => !taken.has(row) && [row.period, row.cumulative, row.status, row.note].some((v) => !isBlank(v))),
    ...sharesWithoutParts(quotas, carried),
  ];
  const loose = request.carried?.loose ?? [];
  const lines = reportLines(revision, quotas, archivedRows, loose, (quota) => (hasAnnex2Reading(quota, scope, revision) ? annex2Path(quota, revision) : null));

  const draft: Draft = {
    cells: emptyGrid(HEADER_ROW + lines.length, WIDTH),
    styles: [],
    merges: [],
    unlocked: [],
    notApplicable: [],
    rowRecords: [],
    quotaRows: [],
    partRows: [],
    readingRows: [],
  };
  const previousPeriodText = previousPeriod ? formatPeriod(previousPeriod) : (request.carried?.previousPeriod ?? "");
  writeHeading(draft, request, quotas, periodOrNull(previousPeriodText));
  const rows = { carried, fromPrevious, previousPeriod };
  lines.forEach((line, index) => writeLine(draft, line, FIRST_LINE_ROW + index, request, rows));

  const inputs = inputCells(draft.quotaRows, draft.partRows);
  draft.unlocked.push(...inputs.ranges);
  const formats = quotaRowFormats(draft.quotaRows, draft.partRows, draft.readingRows);
  const name = request.sheetName ?? defaultSheetName(scope, period);
  const columnWidths = REPORT_COLUMNS.map((column) => column.width);
  const styles = [
    ...draft.styles,
    ...inputs.ranges.map((range) => ({ range, fill: PALETTE.input })),
    ...draft.notApplicable.map((range) => ({ range, fill: PALETTE.notApplicable })),
    ...formats.styles,
  ];
  const form = request.form ?? EMPTY_FORM;
  const sheet = sheetSpec({
    name,
    cells: draft.cells,
    columnWidths,
    numberFormats: formats.numberFormats,
    styles,
    merges: draft.merges,
    rowHeights: fitRowHeights({ cells: draft.cells, columnWidths, styles, merges: draft.merges }),
    header: { center: pageTextLiteral(formTitle(revision)), right: pageTextLiteral(`${scopeLabel(scope)}　${periodLabel(period)}`) },
    footer: { left: pageTextLiteral(form.formNumber ? `表号：${form.formNumber}` : ""), center: PAGE_NUMBER },
    unlocked: draft.unlocked,
    validations: inputs.validations,
    conditionalFormats: formats.conditionalFormats,
    freeze: { rows: HEADER_ROW, columns: 1 },
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    password: request.password ?? null,
    tabColor: PALETTE.reportTab,
  });
  return {
    sheet,
    sheetRecord: {
      sheet: name,
      plan: revision.title,
      revision: revision.revision,
      scope: formatScope(scope),
      period: formatPeriod(period),
      generatedAt: request.generatedAt,
      formatVersion: FORMAT_VERSION,
      previousPeriod: previousPeriodText,
    },
    rowRecords: draft.rowRecords.map((record) => ({ ...record, sheet: name })),
    archived: archivedRows.map((row) => row.quotaId),
    keptCells: loose.length,
    quotaRows: draft.quotaRows.length,
    instructions: instructionsSheetSpec({ revision, scope, period, form, password: request.password ?? null, previousPeriod: periodOrNull(previousPeriodText) }),
    form,
    levels,
  };
}
