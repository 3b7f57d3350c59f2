import type { Geography } from "../plan/counties";
import { CADENCE_LABELS, type PlanRevision, type Quota, isPercentKind } from "../plan/types";
import { type Period, comparePeriods, formatPeriod, periodLabel, periodOrNull } from "../period/period";
import { type Stage, carriesAcross, previousAtCycleStart } from "../period/stage";
import { PreviousSheetError } from "../shared/errors";
import { type Scope, formatScope, idsOnSheet, quotasInScope, scopeLabel } from "../plan/scope";
import { columnLetter, runs } from "../snapshot/a1";
import { isBlank } from "../snapshot/cells";
import { required } from "../shared/required";
import { wordingSimilarity } from "../plan/subject";
import { type LevelRecord, withLevelCorrections } from "../plan/level";
import { safeSheetName } from "../shared/text";
import { expectedInput, isCountUnit } from "../plan/quota-units";
import type { CarriedInputs, CarriedRow, LooseCell, PreviousReport } from "./carried";
import { ARCHIVE_TITLE, COLUMN, FRAME_RIGHT_KEY, HEADER_ROW, KEPT_TITLE, KIND_LABELS, MILESTONE_STATUSES, REPORT_COLUMNS, RUNNING_KINDS, keptLabel } from "./columns";
import { rowFormulas, sameAsFormula } from "./formulas";
import { quotaLabel, unitsLabel } from "./labels";
import { fitRowHeights } from "./fit";
import { EMPTY_FORM, type FormSettings, issuerLines } from "./form";
import { instructionsSheetSpec } from "./instructions";
import { FIRST_LINE_ROW, type Line, reportLines } from "./layout";
import { PART_LABELS, type QuotaPart, partsOf } from "./ratio-parts";
import { FORMAT_VERSION, type RowRecord, type SheetRecord, type SplitRecord, rowFingerprint } from "./meta";
import { sheetSpec } from "./sheet";
import { type CellSpec, type CellValue, PAGE_NUMBER, type SheetSpec, type StyleSpec, type ValidationRule, type ValidationSpec, emptyGrid, pageTextLiteral, setGridCell } from "./spec";
import { PALETTE, PERCENT_FORMAT, RATIO_FORMAT, headerStyle, stateFormats } from "./styles";
import { type TargetContext, annex2Path, annex2ReadingText, hasAnnex2Reading, reportText, stageInScope, targetCell } from "./targets";
import { READING_KIND_LABEL, readingId } from "./readings";

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

const letter = (key: keyof typeof COLUMN): string => columnLetter(COLUMN[key]);
const WIDTH = REPORT_COLUMNS.length;
const LAST_COLUMN = columnLetter(WIDTH - 1);
/** The whole width of one row: `A7:P7`. */
const fullRow = (row: number): string => `A${row}:${LAST_COLUMN}${row}`;
const value = (v: CellValue): CellSpec => ({ value: v });

/** The sheet as it is being written: each line's writer adds its cells, styles and ranges. */
interface Draft {
  cells: (CellSpec | null)[][];
  styles: StyleSpec[];
  merges: string[];
  unlocked: string[];
  /** Input cells that do not apply to their quota (a ratio's 本期完成, a count's 进展状态). */
  notApplicable: string[];
  rowRecords: RowRecord[];
  quotaRows: QuotaRow[];
  partRows: PartRow[];
  /** The rows of second readings (by Annex 2): locked, formulas only. */
  readingRows: number[];
}

/** A quota's row and where its path stands; a closed quota (after its last deadline) asks for nothing. */
interface QuotaRow {
  row: number;
  quota: Quota;
  stage: Stage;
}

/** A ratio's numerator or denominator row; asks for nothing once the ratio is closed. */
interface PartRow {
  row: number;
  part: QuotaPart;
  closed: boolean;
}

function put(draft: Draft, row: number, key: keyof typeof COLUMN, cell: CellSpec): void {
  setGridCell(draft.cells, row - 1, COLUMN[key], cell);
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

/** The previous sheet's period, when it is the same scope's and an earlier period; else a `PreviousSheetError`. */
function checkedPreviousPeriod(previous: PreviousReport, scope: Scope, period: Period): Period {
  const from = periodOrNull(previous.period);
  if (previous.scope !== formatScope(scope)) {
    throw new PreviousSheetError(previous.source, {
      zh: `它是「${previous.scope}」的报表，不是「${formatScope(scope)}」的`,
      en: `it is the report of "${previous.scope}", not of "${formatScope(scope)}"`,
    });
  }
  if (!from || comparePeriods(from, period) >= 0) {
    throw new PreviousSheetError(previous.source, {
      zh: `它的报告期「${previous.period}」不早于 ${formatPeriod(period)}`,
      en: `its period "${previous.period}" is not before ${formatPeriod(period)}`,
    });
  }
  return from;
}

/** Rows of the earlier sheet this close in wording (Dice, with the same item and unit) are the same quota reworded. */
const SAME_WORDING = 0.75;

/**
 * What was typed for each quota in the earlier sheet: the row with one of the ids it may carry there
 * (`idsOnSheet`: a city sheet made before levels held its Annex 2 share on a row of its own), its
 * own or a former id (a sheet made with the first id scheme), else — for an upgrade to a revision that
 * reworded it — the row of the same item and unit whose wording is closest. Typed values follow
 * the quota, never the row.
 */
function carriedByQuota(quotas: Quota[], rows: CarriedRow[], idsOf: (quota: Quota) => string[]): Map<string, CarriedRow> {
  const byId = new Map(rows.map((row) => [row.quotaId, row]));
  const out = new Map<string, CarriedRow>();
  const used = new Set<CarriedRow>();
  for (const quota of quotas) {
    const row = idsOf(quota).map((id) => byId.get(id)).find((r) => r !== undefined && !used.has(r));
    if (row) {
      out.set(quota.id, row);
      used.add(row);
    }
  }
  const itemOf = (id: string): number | null => {
    const match = /^I(\d+)-/.exec(id);
    return match ? Number(match[1]) : null;
  };
  const pairs = quotas
    .filter((quota) => !out.has(quota.id))
    .flatMap((quota) =>
      rows
        .filter((row) => !used.has(row) && itemOf(row.quotaId) === quota.item && String(row.unit ?? "—") === (quota.unit ?? "—"))
        .map((row) => ({ quota, row, score: wordingSimilarity(String(row.measure ?? ""), quotaLabel(quota)) })),
    )
    .filter((pair) => pair.score >= SAME_WORDING)
    .sort((a, b) => b.score - a.score);
  for (const { quota, row } of pairs) {
    if (out.has(quota.id) || used.has(row)) continue;
    out.set(quota.id, row);
    used.add(row);
  }
  // A ratio's numerator and denominator follow it by their own ids.
  for (const part of quotas.flatMap(partsOf)) {
    const row = byId.get(part.id);
    if (row) out.set(part.id, row);
  }
  return out;
}

/**
 * A ratio typed as a share in a sheet made before ratios were collected as two figures: the share
 * has no cell of its own any more (the ratio's 累计完成 is a formula over them), so it is kept in
 * the archive area under the ratio's id marked 原填报比例, never dropped. Its 说明 stays on its row.
 */
function sharesWithoutParts(quotas: Quota[], carried: Map<string, CarriedRow>): CarriedRow[] {
  return quotas.flatMap((quota) => {
    const row = carried.get(quota.id);
    const [numerator] = partsOf(quota);
    if (!row || !numerator || carried.has(numerator.id) || isBlank(row.cumulative)) return [];
    return [{ ...row, quotaId: `${quota.id}/${SHARE_TYPED_BEFORE}`, period: null, status: null, note: null }];
  });
}

/** Marks the archived share a ratio had before it was collected as numerator and denominator. */
const SHARE_TYPED_BEFORE = "原填报比例";

/**
 * The form's frame and the column titles: the title across the sheet; 填报单位（盖章）, 报告期 and
 * the plan on the left, the issuer's lines (表号, 制表机关, 批准文号/备案号, 有效期至 — blank where
 * unset) on the right, as on a statistical form.
 */
function writeHeading(draft: Draft, { revision, scope, period, form }: TemplateRequest, quotas: Quota[], previousPeriod: Period | null): void {
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
function writeBand(draft: Draft, row: number, text: string, fill: string): void {
  setGridCell(draft.cells, row - 1, 0, value(text));
  draft.merges.push(fullRow(row));
  draft.styles.push({ range: fullRow(row), bold: true, fill });
}

/** What a sheet's rows are made with besides the plan: the same sheet's typed values, the previous period's figures. */
interface RowSources {
  carried: Map<string, CarriedRow>;
  fromPrevious: Map<string, CarriedRow>;
  previousPeriod: Period | null;
}

function writeLine(draft: Draft, line: Line, row: number, request: TemplateRequest, sources: RowSources): void {
  switch (line.kind) {
    case "action":
      return writeBand(draft, row, line.text, PALETTE.action);
    case "item":
      return writeBand(draft, row, line.text, PALETTE.band);
    case "quota":
      return writeQuotaRow(draft, row, line.quota, request, sources);
    case "part":
      return writePartRow(draft, row, line.quota, line.part, request, sources);
    case "reading":
      return writeReadingRow(draft, row, line.quota, line.reading, request);
    case "archiveTitle":
      return writeBand(draft, row, ARCHIVE_TITLE, PALETTE.archive);
    case "archived":
      return writeArchivedRow(draft, row, line.row);
    case "keptTitle":
      return writeBand(draft, row, KEPT_TITLE, PALETTE.archive);
    case "kept":
      return writeKeptCell(draft, row, line.cell);
    case "signature": {
      // The label in the first column, what is typed in the second (where reading looks for it).
      setGridCell(draft.cells, row - 1, 0, value(`${line.field}：`));
      const input = `${columnLetter(1)}${row}`;
      setGridCell(draft.cells, row - 1, 1, value(request.carried?.signature[line.field] ?? (line.field === "报出日期" ? null : (request.previous?.signature[line.field] ?? null))));
      draft.unlocked.push(input);
      draft.styles.push({ range: `A${row}`, bold: true, horizontal: "Right" }, { range: input, fill: PALETTE.input, border: true });
      return;
    }
    case "blank":
      return;
  }
}

/** A quota's row: what it is (locked), its inputs (with what was typed before) and its formulas. */
function writeQuotaRow(draft: Draft, row: number, quota: Quota, request: TemplateRequest, sources: RowSources): void {
  const { revision, scope, period } = request;
  const carried = sources.carried.get(quota.id);
  const before = sources.fromPrevious.get(quota.id);
  const targets: TargetContext = { revision, splits: request.splits ?? [], geography: request.geography, period };
  const stage = stageInScope(quota, scope, period, targets);
  const target = targetCell(quota, scope, targets);
  put(draft, row, "id", value(quota.id));
  put(draft, row, "measure", value(quotaLabel(quota, reportText(quota, scope, targets))));
  put(draft, row, "units", value(unitsLabel(quota)));
  put(draft, row, "kind", value(KIND_LABELS[quota.kind]));
  put(draft, row, "unit", value(quota.unit ?? "—"));
  put(draft, row, "year", value(stage.point?.year ?? CADENCE_LABELS[quota.cadence]));
  put(draft, row, "target", value(target));
  const formulas = rowFormulas(quota, row, stage);
  const [completion, progress, state, share = null] = formulas;
  put(draft, row, "completion", { formula: completion });
  put(draft, row, "progress", { formula: progress });
  put(draft, row, "state", { formula: state });
  const previous = previousCumulative(quota, stage, request, sources, carried, before);
  put(draft, row, "previous", value(previous));
  // A ratio collected as two figures: its 累计完成 is their quotient.
  if (share) put(draft, row, "cumulative", { formula: share });
  if (carried) {
    put(draft, row, "period", value(carried.period));
    if (!share) put(draft, row, "cumulative", value(carried.cumulative));
    put(draft, row, "status", value(carried.status));
    put(draft, row, "note", value(carried.note));
  } else if (before && stage.closed) {
    // A final figure stays what it was.
    if (!share) put(draft, row, "cumulative", value(before.cumulative));
    put(draft, row, "status", value(before.status));
  } else if (before && quota.kind === "milestone" && (MILESTONE_STATUSES as readonly unknown[]).includes(before.status)) {
    // A milestone goes on from where it stood.
    put(draft, row, "status", value(before.status));
  }
  draft.quotaRows.push({ row, quota, stage });
  draft.rowRecords.push({ sheet: "", quotaId: quota.id, row, target, fingerprint: rowFingerprint(quota.id, target, formulas, row), archived: false, previous });
  if (!RUNNING_KINDS.has(quota.kind) || stage.closed) draft.notApplicable.push(`${letter("previous")}${row}`);
  if (stage.closed) {
    // After the last deadline the figure is final: shown (as carried), locked, never asked for again.
    draft.notApplicable.push(`${letter("period")}${row}:${letter("status")}${row}`);
  } else if (quota.kind === "milestone") {
    draft.notApplicable.push(`${letter("period")}${row}:${letter("cumulative")}${row}`);
  } else {
    // A ratio or a growth rate has no "this period" figure: only the level reached counts.
    if (isPercentKind(quota.kind)) draft.notApplicable.push(`${letter("period")}${row}`);
    draft.notApplicable.push(`${letter("status")}${row}`);
  }
}

/**
 * A province row's second reading by Annex 2's total (see readings.ts): the quota row's 累计完成
 * against Annex 2's target of the stage, along Annex 2's path, all locked — nothing to type.
 */
function writeReadingRow(draft: Draft, row: number, quota: Quota, reading: Quota, request: TemplateRequest): void {
  const main = required(draft.quotaRows.find((q) => q.quota === quota), `the row of ${quota.id}`).row;
  const paths = { revision: request.revision, geography: request.geography };
  const stage = stageInScope(reading, request.scope, request.period, paths);
  const target = targetCell(reading, { kind: "province" }, { ...paths, period: request.period });
  const id = readingId(quota.id);
  const cumulative = sameAsFormula(`${letter("cumulative")}${main}`);
  const formulas = rowFormulas(reading, row, stage);
  put(draft, row, "id", value(id));
  put(draft, row, "measure", value(annex2ReadingText(quota, reading)));
  put(draft, row, "units", value(quota.units.join("、")));
  put(draft, row, "kind", value(READING_KIND_LABEL));
  put(draft, row, "unit", value(quota.unit ?? "—"));
  put(draft, row, "year", value(stage.point?.year ?? CADENCE_LABELS[quota.cadence]));
  put(draft, row, "target", value(target));
  put(draft, row, "cumulative", { formula: cumulative });
  const [completion, progress, state] = formulas;
  put(draft, row, "completion", { formula: completion });
  put(draft, row, "progress", { formula: progress });
  put(draft, row, "state", { formula: state });
  draft.readingRows.push(row);
  // Its formulas as a reader takes them: 完成率, 序时进度, 状态, then 累计完成 (see formulaKeys).
  draft.rowRecords.push({ sheet: "", quotaId: id, row, target, fingerprint: rowFingerprint(id, target, [completion, progress, state, cumulative], row), archived: false, previous: null });
  draft.notApplicable.push(`${letter("previous")}${row}:${letter("period")}${row}`, `${letter("status")}${row}`, `${letter("note")}${row}`);
}

/**
 * A ratio's numerator or denominator: what it counts (locked) and its figure at the period's end,
 * typed in 累计完成 (a level reached, so no 本期). It has no target or formulas of its own. Its
 * 上期累计 is last period's figure (locked, so a fall is seen: part-fell), and after the ratio's last
 * deadline its final figure stays, as a quota's does.
 */
function writePartRow(draft: Draft, row: number, quota: Quota, part: QuotaPart, request: TemplateRequest, sources: RowSources): void {
  const previous = sources.carried.get(part.id);
  const before = sources.fromPrevious.get(part.id);
  const stage = stageInScope(quota, request.scope, request.period, { revision: request.revision, splits: request.splits ?? [], geography: request.geography });
  const target = "—";
  put(draft, row, "id", value(part.id));
  put(draft, row, "measure", value(`${PART_LABELS[part.key]}：${part.name}`));
  put(draft, row, "units", value(unitsLabel(quota)));
  put(draft, row, "kind", value(PART_LABELS[part.key]));
  put(draft, row, "unit", value(part.unit));
  put(draft, row, "year", value(stage.point?.year ?? CADENCE_LABELS[quota.cadence]));
  put(draft, row, "target", value(target));
  if (previous) {
    put(draft, row, "cumulative", value(previous.cumulative));
    put(draft, row, "note", value(previous.note));
  } else if (before && stage.closed) {
    // A final figure stays what it was.
    put(draft, row, "cumulative", value(before.cumulative));
  }
  const carriedIn = stage.closed ? null : partPrevious(sources, previous, before);
  put(draft, row, "previous", value(carriedIn));
  draft.partRows.push({ row, part, closed: stage.closed });
  draft.rowRecords.push({ sheet: "", quotaId: part.id, row, target, fingerprint: rowFingerprint(part.id, target, [], row), archived: false, previous: carriedIn });
  if (stage.closed) draft.notApplicable.push(`${letter("previous")}${row}`);
  // 本期完成 and 进展状态 never apply; once the ratio is closed, 累计完成 is final too.
  if (stage.closed) draft.notApplicable.push(`${letter("period")}${row}:${letter("status")}${row}`);
  else draft.notApplicable.push(`${letter("period")}${row}`, `${letter("status")}${row}`);
}

/**
 * A ratio's figure's 上期累计: last period's figure from the previous period's sheet (a count at a
 * period's end carries on across years, whatever the ratio's cadence); when the sheet is made again,
 * what it showed; else blank.
 */
function partPrevious(sources: RowSources, carried: CarriedRow | undefined, before: CarriedRow | undefined): CellValue {
  if (sources.previousPeriod) {
    const figure = before?.cumulative;
    return typeof figure === "number" && Number.isFinite(figure) ? figure : null;
  }
  return carried && !isBlank(carried.previous) ? carried.previous : null;
}

/**
 * A running total's 上期累计: from the previous period's sheet its 累计完成 (0 where the quota's
 * counting cycle started after it: a 每年 quota in January); when the sheet is made again, what it
 * showed; else 0 at the start of a counting cycle and blank otherwise. Null for a quota without one.
 */
function previousCumulative(
  quota: Quota,
  stage: Stage,
  request: TemplateRequest,
  sources: RowSources,
  carried: CarriedRow | undefined,
  before: CarriedRow | undefined,
): CellValue {
  if (!RUNNING_KINDS.has(quota.kind) || stage.closed) return null;
  if (sources.previousPeriod) {
    if (!carriesAcross(quota, sources.previousPeriod, request.period, request.revision)) return 0;
    const figure = before?.cumulative;
    return typeof figure === "number" && Number.isFinite(figure) ? figure : null;
  }
  if (carried && !isBlank(carried.previous)) return carried.previous;
  return previousAtCycleStart(quota, request.period, request.revision);
}

/** A quota the new revision dropped, with what was typed for it. */
function writeArchivedRow(draft: Draft, row: number, kept: CarriedRow): void {
  put(draft, row, "id", value(kept.quotaId));
  put(draft, row, "measure", value(kept.measure));
  put(draft, row, "unit", value(kept.unit));
  put(draft, row, "target", value(kept.target));
  put(draft, row, "period", value(kept.period));
  put(draft, row, "cumulative", value(kept.cumulative));
  put(draft, row, "status", value(kept.status));
  put(draft, row, "note", value(kept.note));
  draft.styles.push({ range: fullRow(row), fill: PALETTE.archive, border: true, wrap: true });
  draft.rowRecords.push({ sheet: "", quotaId: kept.quotaId, row, target: kept.target, fingerprint: "", archived: true, previous: null });
}

/** Something typed outside the template, with the address it had; unlocked so the person can move or delete it. */
function writeKeptCell(draft: Draft, row: number, cell: LooseCell): void {
  const content = `${letter("measure")}${row}`;
  put(draft, row, "id", value(keptLabel(cell.address)));
  put(draft, row, "measure", value(cell.content));
  draft.unlocked.push(content);
  draft.styles.push({ range: fullRow(row), fill: PALETTE.archive, wrap: true }, { range: content, fill: PALETTE.input, border: true });
}

function validationRule(quota: Pick<Quota, "kind" | "unit">): ValidationRule {
  if (quota.kind === "milestone") return { type: "list", items: [...MILESTONE_STATUSES] };
  if (quota.kind === "ratio") return { type: "decimal", min: 0, max: 1 };
  // A growth rate may be negative (the figure fell), never below −100 %.
  if (quota.kind === "growth") return { type: "decimal", min: -1, max: 100 };
  return isCountUnit(quota.unit) ? { type: "whole", min: 0 } : { type: "decimal", min: 0 };
}

/**
 * The validation the template gives the input cells of a range whose quota has this kind and unit
 * (a ratio's numerator or denominator: a cumulative count in its own unit). Live checking puts it
 * back on a cell a paste took it from.
 */
export function inputValidation(range: string, shape: Pick<Quota, "kind" | "unit">): ValidationSpec {
  const expected = expectedInput(shape);
  return {
    range,
    rule: validationRule(shape),
    prompt: { title: "请填写 / Enter", message: `请填写${expected.zh}。` },
    error: { title: "输入有误 / Invalid entry", message: `此处应填写${expected.zh}。/ Expected ${expected.en}.` },
  };
}

/** The cells a person types in, and their validations: one per run of rows that share a rule. */
function inputCells(quotaRows: QuotaRow[], partRows: PartRow[]): { ranges: string[]; validations: ValidationSpec[] } {
  type Shape = Pick<Quota, "kind" | "unit">;
  const groups = new Map<string, { rule: ValidationRule; shape: Shape; numericRows: number[]; periodRows: number[]; statusRows: number[] }>();
  const groupOf = (shape: Shape) => {
    const rule = validationRule(shape);
    // Rows share a validation only when its message fits them all: same rule, same unit.
    const key = JSON.stringify([rule, shape.unit]);
    const group = groups.get(key) ?? { rule, shape, numericRows: [], periodRows: [], statusRows: [] };
    groups.set(key, group);
    return group;
  };
  for (const { row, quota, stage } of quotaRows) {
    if (stage.closed) continue;
    const group = groupOf(quota);
    if (quota.kind === "milestone") group.statusRows.push(row);
    // A ratio collected as two figures is typed on their rows; its own 累计完成 is their quotient.
    else if (partsOf(quota).length === 0) {
      group.numericRows.push(row);
      if (!isPercentKind(quota.kind)) group.periodRows.push(row);
    }
  }
  // A numerator or denominator is a count at the period's end: only 累计完成.
  for (const { row, part, closed } of partRows) if (!closed) groupOf({ kind: "cumulative", unit: part.unit }).numericRows.push(row);
  const rangesOf = (rows: number[], key: keyof typeof COLUMN): string[] =>
    runs(rows).map(([first, last]) => `${letter(key)}${first}:${letter(key)}${last}`);
  const ranges: string[] = [];
  const validations: ValidationSpec[] = [];
  for (const group of groups.values()) {
    const groupRanges = [...rangesOf(group.periodRows, "period"), ...rangesOf(group.numericRows, "cumulative"), ...rangesOf(group.statusRows, "status")];
    validations.push(...groupRanges.map((range) => inputValidation(range, group.shape)));
    ranges.push(...groupRanges);
  }
  ranges.push(...rangesOf([...quotaRows, ...partRows].map((q) => q.row).sort((a, b) => a - b), "note"));
  return { ranges, validations };
}

/** Borders, number formats and the coloured 状态 of the quota rows. */
function quotaRowFormats(quotaRows: QuotaRow[], partRows: PartRow[], readingRows: number[]): Pick<SheetSpec, "styles" | "numberFormats" | "conditionalFormats"> {
  const styles: StyleSpec[] = [];
  const numberFormats: { range: string; format: string }[] = [];
  const rows = [...[...quotaRows, ...partRows].map((q) => q.row), ...readingRows].sort((a, b) => a - b);
  const column = (key: keyof typeof COLUMN, first: number, last: number): string => `${letter(key)}${first}:${letter(key)}${last}`;
  for (const [first, last] of runs(rows)) {
    styles.push({ range: `A${first}:${LAST_COLUMN}${last}`, border: true, wrap: true, vertical: "Top" });
    for (const key of ["target", "previous", "period", "cumulative"] as const) numberFormats.push({ range: column(key, first, last), format: "General" });
    for (const key of ["completion", "progress"] as const) numberFormats.push({ range: column(key, first, last), format: PERCENT_FORMAT });
  }
  // Ratios and growth rates are typed and shown as percentages.
  const ratioRows = quotaRows.filter((q) => isPercentKind(q.quota.kind)).map((q) => q.row);
  for (const [first, last] of runs(ratioRows)) {
    numberFormats.push({ range: `${letter("target")}${first}:${letter("cumulative")}${last}`, format: RATIO_FORMAT });
  }
  const first = rows[0];
  const last = rows.at(-1);
  const conditionalFormats = first === undefined || last === undefined ? [] : stateFormats(column("state", first, last), `$${letter("state")}${first}`);
  return { styles, numberFormats, conditionalFormats };
}
