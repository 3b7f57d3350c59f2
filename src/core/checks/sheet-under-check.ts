/** One Planbook sheet with what its rows are checked against (plan, period, earlier sheets, cities), and the lookups every row check shares. */
import { type Period } from "../period/period";
import type { Geography } from "../plan/counties";
import { type Stage } from "../period/stage";
import { type PlanRevision, type Quota } from "../plan/types";
import { type ReportRow, type ReportSheet } from "../snapshot/read-sheets";
import { idsOnSheet, quotasInScope, type Scope } from "../plan/scope";
import type { SheetSnapshot } from "../snapshot/snapshot";
import { KIND_LABELS } from "../template/columns";
import { type SplitRecord } from "../template/meta";
import { type PathContext, stageInScope } from "../template/targets";
import type { CellValue } from "../template/spec";
import { type ChangeLogEntry } from "./changelog";

export interface CheckContext {
  /** Plan revisions the checker knows; a sheet's metadata names one. */
  revisions: PlanRevision[];
  /** What the caller expects; a sheet made for another revision, scope or period is an error. */
  expected?: { revision?: string; scope?: string; period?: string };
  /** At the end of a period (submitting), a blank required input is an error. */
  endOfPeriod?: boolean;
  /** The counties: a per-county coverage target (杭州市 13) is checked against the plan only with them. */
  geography?: Geography;
}


/** What a row's inputs are checked against: the plan's quota, or the sheet's own kind and unit when the plan is unknown. */
export type RowShape = Pick<Quota, "kind" | "unit">;

export interface KnownRevision {
  revision: PlanRevision;
  /** By every id a sheet may carry (see `quotaIndex`). */
  quotas: Map<string, Quota | "retired">;
}

/** One Planbook sheet with everything its rows are checked against, looked up once. */
export interface SheetUnderCheck {
  report: ReportSheet;
  known: KnownRevision | null;
  period: Period | null;
  /** The rows found by id, then the rows recognised despite a changed id. */
  rows: ReportRow[];
  rowsById: Map<string, ReportRow>;
  /** Sheets of the same scope for earlier periods, latest first. */
  earlier: SheetUnderCheck[];
  /** On a province sheet: every city's sheet of the same period, when all are in the workbook. */
  cities: SheetUnderCheck[] | null;
  /** On a city's (county's) sheet: the other cities' (counties') sheets of the same period in the workbook. */
  peers: SheetUnderCheck[];
  /** The workbook's 修改记录: a 上期累计 changed by a logged correction is not an edit. */
  log: ChangeLogEntry[];
  /** The row ids whose figures the sheet's scope reports (see isAsked), worked out at first need. */
  asked?: Set<string>;
  /** The reader's cell types (dates, booleans, errors, formulas without a result), by address. */
  types: SheetSnapshot["types"];
  /** Whose sheet it is, null when its metadata's scope cannot be read. */
  scope: Scope | null;
  /** The target splits (目标分解) the workbook records, for city targets of province-wide quotas. */
  splits: SplitRecord[];
}

const KIND_BY_LABEL = new Map(Object.entries(KIND_LABELS).map(([kind, label]) => [label as string, kind as Quota["kind"]]));


/** The number in a cell when it is one (a finding is made elsewhere when it is not). */
export const numberIn = (value: CellValue | undefined): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

export function shapeOf(sheet: SheetUnderCheck, row: ReportRow): { quota: Quota | null; shape: RowShape | null } {
  const found = sheet.known?.quotas.get(row.quotaId);
  const quota = found === undefined || found === "retired" ? null : found;
  if (quota) return { quota, shape: quota };
  const kind = KIND_BY_LABEL.get(String(row.values.kind ?? "").trim());
  const unit = String(row.values.unit ?? "").trim();
  return { quota: null, shape: kind ? { kind, unit: unit === "" || unit === "—" ? null : unit } : null };
}

/**
 * Whether the sheet's scope reports the row's figure, so that a blank is missing at the period's
 * end: a sheet made before quotas had levels still holds rows its scope does not report (a
 * province-only act on a city's sheet) and, for a split quota, both the Annex 1 row and the city's
 * Annex 2 row, of which only the one the city's figure is read from (`idsOnSheet`) is asked for.
 */
/** What a sheet's rows' paths are read with: its plan, the splits it records (目标分解), the counties. */
export const pathContext = (known: KnownRevision, sheet: SheetUnderCheck, geography: Geography | undefined): PathContext => ({ revision: known.revision, splits: sheet.splits, geography });

/** Where a row of the sheet stands in a period, along its scope's own path (as its template's formulas were made); null when the plan is unknown. */
export function stageOfRow(sheet: SheetUnderCheck, quota: Quota, period: Period, geography: Geography | undefined): Stage | null {
  return sheet.known ? stageInScope(quota, sheet.scope ?? { kind: "province" }, period, pathContext(sheet.known, sheet, geography)) : null;
}

export function isAsked(sheet: SheetUnderCheck, row: ReportRow, context: CheckContext): boolean {
  if (!sheet.scope || !sheet.known) return true;
  if (sheet.asked === undefined) {
    const { revision } = sheet.known;
    const scope = sheet.scope;
    sheet.asked = new Set(
      quotasInScope(revision, scope, context.geography).flatMap((quota) => {
        const id = idsOnSheet(quota, scope, revision, context.geography).find((candidate) => sheet.rowsById.has(candidate));
        return id === undefined ? [] : [id];
      }),
    );
  }
  // A row the plan does not know (read by its kind only) is asked for as it stands.
  return sheet.asked.has(row.quotaId) || sheet.known.quotas.get(row.quotaId) === undefined;
}
