/** The template's rows: a line, a quota, an Annex 2 reading, a ratio's part, an archived row, with what they carry from the previous period. */
import { CADENCE_LABELS, type Quota, isPercentKind } from "../plan/types";
import { type Period } from "../period/period";
import { type Stage, carriesAcross, previousAtCycleStart } from "../period/stage";
import { columnLetter } from "../snapshot/a1";
import { isBlank } from "../snapshot/cells";
import { required } from "../shared/required";
import type { CarriedRow, LooseCell } from "./carried";
import { ARCHIVE_TITLE, KEPT_TITLE, KIND_LABELS, MILESTONE_STATUSES, RUNNING_KINDS, keptLabel } from "./columns";
import { rowFormulas, sameAsFormula } from "./formulas";
import { quotaLabel, unitsLabel } from "./labels";
import { type Line } from "./layout";
import { PART_LABELS, type QuotaPart } from "./ratio-parts";
import { rowFingerprint } from "./meta";
import { type CellValue, setGridCell } from "./spec";
import { PALETTE } from "./styles";
import { type TargetContext, annex2ReadingText, reportText, stageInScope, targetCell } from "./targets";
import { READING_KIND_LABEL, readingId } from "./readings";
import type { TemplateRequest } from "./build";
import { letter, fullRow, value, type Draft, put } from "./draft";
import { writeBand } from "./heading";

/** What a sheet's rows are made with besides the plan: the same sheet's typed values, the previous period's figures. */
interface RowSources {
  carried: Map<string, CarriedRow>;
  fromPrevious: Map<string, CarriedRow>;
  previousPeriod: Period | null;
}

export function writeLine(draft: Draft, line: Line, row: number, request: TemplateRequest, sources: RowSources): void {
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
