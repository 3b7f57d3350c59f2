import type { CellValue } from "./spec";
import { columnIndex, columnLetter } from "../snapshot/a1";
import { type LevelRecord, isQuotaLevel } from "../plan/level";
import { fnv1a } from "../shared/text";
import { EMPTY_FORM, FORM_FIELDS, type FormField, type FormSettings } from "./form";
import { type ImportedPlan, readCorrections } from "../plan/reading-corrections";

/**
 * Which plan, revision, scope and period each Planbook sheet was made from, and a fingerprint of
 * every generated row, so that a later check can tell a changed target or an overwritten formula.
 *
 * It lives in the cells of a very hidden, protected sheet: every spreadsheet program (Excel, WPS,
 * LibreOffice) keeps cells through save, e-mail and reopen, a person cannot unhide a very hidden
 * sheet from the UI, and both renderers write it the same way as any other sheet.
 */
export const META_SHEET = "_planbook";

/**
 * Bumped when the sheet's layout or formulas change in a way readers must know about. 2: the
 * form's frame, and targets, 序时进度 and 状态 from the quota's path (stages, deadlines, coverage).
 * 3: 上期累计, carried in locked from the previous period's sheet. A sheet of an earlier format
 * still checks, merges and upgrades, with a `sheet-outdated` warning.
 */
export const FORMAT_VERSION = 3;

/** The last column holds, for a sheet, the period its 上期累计 came from; for a row, the 上期累计 written. */
export const META_HEADER = ["记录", "表名", "编号", "行", "目标值", "指纹", "计划", "版本", "范围", "报告期", "生成时间", "格式版本", "上期"];

export interface SheetRecord {
  sheet: string;
  plan: string;
  revision: string;
  /** `province`, `city:杭州市`, `unit:省总工会` */
  scope: string;
  /** `2026-10`, `2026-Q3` */
  period: string;
  generatedAt: string;
  formatVersion: number;
  /** The period of the sheet its 上期累计 came from (`2026-09`); "" when none was given. */
  previousPeriod: string;
}

export interface RowRecord {
  sheet: string;
  quotaId: string;
  /** 1-based row the quota was written to. */
  row: number;
  /** The target exactly as written (number, 待定, 未分解, —). */
  target: CellValue;
  fingerprint: string;
  /** A quota kept in the archive area because a newer revision dropped it. */
  archived: boolean;
  /** The 上期累计 written in the row (null: none), so a changed one can be told. */
  previous: CellValue;
}

/**
 * A target split (目标分解), used when local templates are generated: a provincial target split
 * across the cities, or a city's target across its counties (`city` then names the county).
 */
export interface SplitRecord {
  quotaId: string;
  city: string;
  target: number;
  /**
   * The deadline whose target this is a share of (2025 for 技能型企业's 5000, 2027 for its 10000):
   * a quota with several deadlines is split once per deadline, and a period's sheet shows the share
   * of the stage it reports on. Absent: the share holds at every stage (a quota due every year, one
   * deadline, or a record made before stages were split).
   */
  year?: number;
}

export interface MetaRecords {
  sheets: SheetRecord[];
  rows: RowRecord[];
  splits: SplitRecord[];
  /** Corrections of derived quota levels (计划 view), applied by every later template, check and merge. */
  levels: LevelRecord[];
  /** The form's frame (表号, 制表机关…); absent in workbooks made before it existed. */
  form?: FormSettings;
  /** Plans imported in the 计划 view, with the corrections made in review; absent when none was. */
  plans?: ImportedPlan[];
}

/** A cell holds at most 32767 characters: a stored plan is cut into pieces this long, one a row. */
const PLAN_CHUNK = 30000;

/** The metadata with an imported plan stored (replacing the same text's earlier corrections). */
export function withImportedPlan(records: MetaRecords, plan: ImportedPlan): MetaRecords {
  return { ...records, plans: [...(records.plans ?? []).filter((p) => p.text !== plan.text), plan] };
}

export const EMPTY_META: MetaRecords = { sheets: [], rows: [], splits: [], levels: [] };

/** The form settings a workbook's metadata holds (blank where unset). */
export function formOf(records: MetaRecords): FormSettings {
  return records.form ?? EMPTY_FORM;
}

/** The metadata with the form settings replaced. */
export function withFormSettings(records: MetaRecords, form: FormSettings): MetaRecords {
  return { ...records, form };
}

/** A cell reference (`K12`, `$K$12`); the row part is compared with the row being fingerprinted. */
const CELL_REFERENCE = /(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![0-9])/g;

/**
 * Fingerprint of what a person must not change in a row: its id, its target and its formulas.
 * References to the row itself are written as `#` so that a row moved by an inserted row above it
 * keeps its fingerprint.
 */
export function rowFingerprint(quotaId: string, target: CellValue, formulas: string[], row: number): string {
  const own = String(row);
  const normalised = formulas.map((formula) =>
    formula
      .replace(CELL_REFERENCE, (match, fixedColumn: string, column: string, _fixedRow: string, number: string) => (number === own ? `${fixedColumn}${column}#` : match))
      .replace(/\s+/g, ""),
  );
  return fnv1a([quotaId, String(target ?? ""), ...normalised].join("\u0001"));
}

/**
 * A formula with its references moved from the columns they are in now to the columns the template
 * put them in (`moved`: 0-based column now → column generated), so that a column a person
 * inserted or deleted before them does not read as a changed formula.
 */
export function withGeneratedColumns(formula: string, moved: ReadonlyMap<number, number>): string {
  if (moved.size === 0) return formula;
  return formula.replace(CELL_REFERENCE, (match, fixedColumn: string, column: string, fixedRow: string, number: string) => {
    const generated = moved.get(columnIndex(column));
    return generated === undefined ? match : `${fixedColumn}${columnLetter(generated)}${fixedRow}${number}`;
  });
}

/** The metadata sheet's rows (header first), as plain values. */
export function metaRows(records: MetaRecords): CellValue[][] {
  const width = META_HEADER.length;
  const pad = (row: CellValue[]): CellValue[] => [...row, ...Array<CellValue>(width - row.length).fill(null)];
  return [
    META_HEADER,
    ...records.sheets.map((s) =>
      pad(["sheet", s.sheet, null, null, null, null, s.plan, s.revision, s.scope, s.period, s.generatedAt, s.formatVersion, s.previousPeriod]),
    ),
    ...records.rows.map((r) => pad([r.archived ? "archived" : "row", r.sheet, r.quotaId, r.row, r.target, r.fingerprint, null, null, null, null, null, null, r.previous])),
    // A split's deadline year goes where a sheet has its period: both say when the figure is due.
    ...records.splits.map((s) => pad(["split", null, s.quotaId, null, s.target, null, null, null, `city:${s.city}`, s.year ?? null])),
    ...records.levels.map((l) => pad(["level", null, l.quotaId, null, l.level])),
    // One row a setting: the key where a row has its quota id, the text where it has its target.
    ...FORM_FIELDS.filter((field) => (records.form?.[field] ?? "") !== "").map((field) => pad(["form", null, field, null, records.form?.[field] ?? ""])),
    // An imported plan as JSON, in pieces: the plan's key where a row has its quota id, the piece's number where its row.
    ...(records.plans ?? []).flatMap((plan) => {
      const json = JSON.stringify(plan);
      const key = fnv1a(plan.text);
      return Array.from({ length: Math.ceil(json.length / PLAN_CHUNK) }, (_, i) => pad(["plan", null, key, i, json.slice(i * PLAN_CHUNK, (i + 1) * PLAN_CHUNK)]));
    }),
  ];
}

const text = (value: CellValue | undefined): string => (value === null || value === undefined ? "" : String(value));

/** Reads the metadata sheet's values back; unknown or damaged rows are skipped (checks report them). */
export function parseMetaRows(values: CellValue[][]): MetaRecords {
  const records: MetaRecords = { sheets: [], rows: [], splits: [], levels: [] };
  const form: Partial<FormSettings> = {};
  const planPieces = new Map<string, string[]>();
  for (const row of values.slice(1)) {
    // A sparse grid (a value typed far away, see SheetSnapshot) has no array for empty rows.
    if (!row) continue;
    const kind = text(row[0]);
    if (kind === "sheet") {
      records.sheets.push({
        sheet: text(row[1]),
        plan: text(row[6]),
        revision: text(row[7]),
        scope: text(row[8]),
        period: text(row[9]),
        generatedAt: text(row[10]),
        formatVersion: Number(row[11]),
        previousPeriod: text(row[12]),
      });
    } else if (kind === "row" || kind === "archived") {
      records.rows.push({
        sheet: text(row[1]),
        quotaId: text(row[2]),
        row: Number(row[3]),
        target: row[4] === undefined || row[4] === "" ? null : row[4],
        fingerprint: text(row[5]),
        archived: kind === "archived",
        previous: row[12] === undefined || row[12] === "" ? null : row[12],
      });
    } else if (kind === "split") {
      const year = Number(row[9]);
      records.splits.push({
        quotaId: text(row[2]),
        city: text(row[8]).replace(/^(city|county):/, ""),
        target: Number(row[4]),
        ...(text(row[9]) !== "" && Number.isInteger(year) ? { year } : {}),
      });
    } else if (kind === "level" && isQuotaLevel(text(row[4]))) {
      records.levels.push({ quotaId: text(row[2]), level: text(row[4]) as LevelRecord["level"] });
    } else if (kind === "form" && (FORM_FIELDS as string[]).includes(text(row[2]))) {
      form[text(row[2]) as FormField] = text(row[4]);
    } else if (kind === "plan") {
      const pieces = planPieces.get(text(row[2])) ?? [];
      pieces[Number(row[3])] = text(row[4]);
      planPieces.set(text(row[2]), pieces);
    }
  }
  if (Object.keys(form).length > 0) records.form = { ...EMPTY_FORM, ...form };
  const plans = [...planPieces.values()].flatMap((pieces) => importedPlanOf(pieces.join("")));
  if (plans.length > 0) records.plans = plans;
  return records;
}

/** Replaces one sheet's records (generating again for the same sheet) and keeps the others'. */
export function withSheetRecords(records: MetaRecords, sheet: SheetRecord, rows: RowRecord[]): MetaRecords {
  return {
    sheets: [...records.sheets.filter((s) => s.sheet !== sheet.sheet), sheet],
    rows: [...records.rows.filter((r) => r.sheet !== sheet.sheet), ...rows],
    splits: records.splits,
    levels: records.levels,
    ...(records.form ? { form: records.form } : {}),
    ...(records.plans ? { plans: records.plans } : {}),
  };
}

/** A stored plan read back; a damaged one (pieces missing, edited by hand) is left out. */
function importedPlanOf(json: string): ImportedPlan[] {
  try {
    const parsed = JSON.parse(json) as Partial<ImportedPlan>;
    return typeof parsed.text === "string" ? [{ text: parsed.text, corrections: readCorrections(parsed.corrections, META_SHEET) }] : [];
  } catch {
    return [];
  }
}

/** The metadata with these corrections replacing earlier ones of the same quotas. */
export function withLevelRecords(records: MetaRecords, levels: readonly LevelRecord[]): MetaRecords {
  const ids = new Set(levels.map((l) => l.quotaId));
  return { ...records, levels: [...records.levels.filter((l) => !ids.has(l.quotaId)), ...levels] };
}
