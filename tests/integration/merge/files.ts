/**
 * Real returned city workbooks for merge tests: the template written by the .xlsx writer, then
 * filled the way a city would, by a spreadsheet library that knows nothing of Planbook (ExcelJS).
 */
import ExcelJS from "exceljs";
import { parsePeriod } from "../../../src/core/period";
import { type Geography, isCountUnit, type LevelRecord, type PlanRevision, quotasInScope, type Scope, scopeLabel } from "../../../src/core/plan";
import { buildTemplate, type CellValue, COLUMN, type ColumnKey, EMPTY_META, partId, type SplitRecord } from "../../../src/core/template";
import { writeTemplateFile } from "../../../src/xlsx/render";
import { present } from "../../support/present";

/** What a city typed, by quota id and column. */
export type Typed = Record<string, Partial<Record<"period" | "cumulative" | "status" | "note", CellValue>>>;

export interface CityFileOptions {
  period?: string;
  geography?: Geography;
  generatedAt?: string;
  splits?: SplitRecord[];
  /** The level corrections the template is made with (stored in its metadata, as the pane's 计划 view hands them out). */
  levels?: LevelRecord[];
  /** Changes made to the opened file after typing (tampering), with each quota's row. */
  edit?: (workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, rowOf: (quotaId: string) => number) => void;
}

export interface CityFile {
  name: string;
  data: Uint8Array;
}

export async function cityFile(name: string, revision: PlanRevision, city: string, typed: Typed, options: CityFileOptions = {}): Promise<CityFile> {
  return reportFile(name, revision, { kind: "city", city }, typed, options);
}

/** A returned workbook of any scope (a county's, a unit's…), filled the same way. */
export async function reportFile(name: string, revision: PlanRevision, scope: Scope, typed: Typed, options: CityFileOptions = {}): Promise<CityFile> {
  const city = scopeLabel(scope);
  const built = buildTemplate({
    revision,
    scope,
    period: parsePeriod(options.period ?? "2026-10"),
    generatedAt: options.generatedAt ?? "2026-11-02T08:00:00.000Z",
    splits: options.splits,
    geography: options.geography,
    ...(options.levels ? { levels: options.levels } : {}),
  });
  const template = await writeTemplateFile(built, options.splits ? { ...EMPTY_META, splits: options.splits } : undefined);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(built.sheet.name) as ExcelJS.Worksheet;
  const rowOf = (quotaId: string): number => {
    const record = built.rowRecords.find((r) => r.quotaId === quotaId);
    if (!record) throw new Error(`test file: no row for ${quotaId} in ${city}`);
    return record.row;
  };
  for (const [quotaId, inputs] of Object.entries(typed)) {
    for (const [key, value] of Object.entries(inputs)) {
      sheet.getCell(rowOf(quotaId), COLUMN[key as ColumnKey] + 1).value = value;
    }
  }
  options.edit?.(workbook, sheet, rowOf);
  return { name, data: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

/** A workbook Planbook did not make. */
export async function foreignFile(name: string): Promise<CityFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Sheet1").getCell("A1").value = "杭州市 2026年10月 报表";
  return { name, data: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

const STATUSES = ["未启动", "推进中", "已完成"];

/**
 * Plausible figures for every input of a city's sheet, different for each city and quota: whole
 * numbers for counts, hundredths for 万人次, a share's numerator and denominator for ratios, a status for milestones.
 */
/** What was typed for `place` in inputs by place, failing the test when nothing was. */
export function inputsOf(byPlace: Record<string, Typed>, place: string): Typed {
  return present(byPlace[place], `the inputs typed for ${place}`);
}

/** What was typed for one quota (or ratio part) id, failing the test when nothing was. */
export function inputOf(typed: Typed, id: string): Typed[string] {
  return present(typed[id], `the input typed for ${id}`);
}

/** Each city's typicalInputs by name, failing the test for a city the plan does not have. */
export function typicalInputsByCity(revision: PlanRevision): (city: string) => Typed {
  const byCity = new Map(revision.cities.map((city) => [city, typicalInputs(revision, city)]));
  return (city) => present(byCity.get(city), `the inputs typed for ${city}`);
}

export function typicalInputs(revision: PlanRevision, city: string): Typed {
  const c = revision.cities.indexOf(city) + 1;
  const typed: Typed = {};
  // Only what a city reports (quotasInScope): its sheet has no other row.
  const reported = new Set(quotasInScope(revision, { kind: "city", city }));
  revision.quotas.forEach((quota, q) => {
    if (!reported.has(quota)) return;
    if (quota.kind === "milestone") typed[quota.id] = { status: STATUSES[(c + q) % 3] };
    else if (quota.kind === "ratio") {
      // A share of (40 + 3c)% as its two figures, on their rows.
      typed[partId(quota.id, "numerator")] = { cumulative: 40 + 3 * c };
      typed[partId(quota.id, "denominator")] = { cumulative: 100 };
    }
    else if (isCountUnit(quota.unit)) typed[quota.id] = { period: c + q, cumulative: c * 7 + q * 3 };
    else typed[quota.id] = { period: c / 100, cumulative: Math.round((c * 0.25 + q * 0.01) * 100) / 100 };
  });
  return typed;
}
