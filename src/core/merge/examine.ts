/** One returned file examined for a merge: whether it can go in (its own checks, its plan targets, its scope and period), and why not. */
import { checkWorkbook } from "../checks/check";
import { typedInputs } from "../checks/integrity";
import { parsePartId } from "../template/ratio-parts";
import { fileProblem } from "../findings/file-problems";
import { type Finding, type Where, finding, inFile } from "../findings/findings";
import { sameCellValue } from "../snapshot/cells";
import { normalisedPeriod, parsePeriod } from "../period/period";
import { quotaIndex } from "../plan/ids";
import type { PlanRevision, Quota } from "../plan/types";
import { type ReportRow, type ReportSheet, readMeta, readWorkbook } from "../snapshot/read-sheets";
import type { Geography } from "../plan/counties";
import { type Scope, scopeLabel, scopeOrNull } from "../plan/scope";
import type { WorkbookSnapshot } from "../snapshot/snapshot";
import { type TargetContext, planTarget } from "../template/targets";
import type { SheetRecord, SplitRecord } from "../template/meta";
import { type Rollup, childOf, childScope } from "./rollup";
import type { MergeInputFile } from "./merge";
import { citiesNamed } from "./file-scopes";

export interface Examined {
  file: MergeInputFile;
  record: SheetRecord | null;
  city: string | null;
  report: ReportSheet | null;
  reasons: Finding[];
  warnings: Finding[];
  /** Every figure and note of the sheet is blank: a template returned unfilled. */
  blank: boolean;
}

/** Where a finding about a whole file is. */
export const wholeFile = (file: string, sheet = ""): Where => ({ sheet, cell: null, quotaId: null, file });


/** The plan's target for the city against the one the file was generated with (its metadata). */
function planTargetFindings(name: string, scope: Scope, report: ReportSheet, row: ReportRow, quota: Quota, targets: TargetContext): Finding[] {
  const written = row.record.target;
  const city = scopeLabel(scope);
  const expected = planTarget(quota, scope, written, targets);
  if (expected === undefined || sameCellValue(written, expected)) return [];
  const targetAddress = report.address(row, "target");
  return [
    finding(
      "merge-target-not-plan",
      { sheet: report.name, cell: targetAddress, quotaId: row.quotaId, file: name },
      { quotaId: row.quotaId, city, found: written, expected },
      written,
    ),
  ];
}

/** The checks engine's findings on the file's sheet, each naming the file. */
function ownFindings(name: string, snapshot: WorkbookSnapshot, record: SheetRecord, revision: PlanRevision, geography?: Geography): Finding[] {
  const expected = { revision: record.revision, scope: record.scope, period: record.period };
  return checkWorkbook(snapshot, { revisions: [revision], expected, geography })
    .filter((f) => f.sheet === record.sheet)
    .map((f) => inFile(f, name));
}

/** Why a file cannot be merged at all, whatever the period and level: it cannot be read, or Planbook did not make it. Null for a Planbook workbook. */
export function unusableFile(file: MergeInputFile): Finding | null {
  if (file.snapshot === null) return finding("merge-unreadable", wholeFile(file.name), file.readProblem ?? fileProblem("not-xlsx"), file.name);
  return readMeta(file.snapshot).sheets.length === 0 ? finding("merge-not-planbook", wholeFile(file.name), {}, file.name) : null;
}

export function examine(file: MergeInputFile, revision: PlanRevision, period: string, splits: SplitRecord[], rollup: Rollup, geography?: Geography): Examined {
  const name = file.name;
  const out: Examined = { file, record: null, city: null, report: null, reasons: [], warnings: [], blank: false };
  const unusable = unusableFile(file);
  if (unusable !== null || file.snapshot === null) {
    out.reasons.push(unusable ?? finding("merge-unreadable", wholeFile(name), fileProblem("not-xlsx"), name));
    return out;
  }
  const read = readWorkbook(file.snapshot);
  // By the scope's kind as written: a sheet whose name part cannot be read is merge-bad-scope below.
  const citySheets = read.meta.sheets.filter((s) => s.scope.trim().startsWith(`${rollup.childKind}:`));
  const [firstSheet] = citySheets;
  if (firstSheet === undefined) {
    const scopes = [...new Set(read.meta.sheets.map((s) => s.scope))];
    const other = read.meta.sheets.map((s) => childOf(s.scope)?.kind).find((kind) => kind !== undefined);
    // A file of another level than the others (a county's among cities') is a finding of its own.
    out.reasons.push(
      other
        ? finding("merge-mixed-levels", wholeFile(name), { level: other, expected: rollup.childKind, scopes }, name)
        : finding("merge-not-city", wholeFile(name), { scopes }, name),
    );
    return out;
  }
  const samePeriod = citySheets.filter((s) => normalisedPeriod(s.period) === period);
  const sameRevision = citySheets.filter((s) => s.revision === revision.revision);
  const matching = samePeriod.filter((s) => s.revision === revision.revision);
  const [record, ...otherMatching] = matching;
  if (record === undefined) {
    out.record = firstSheet;
    if (samePeriod.length === 0) {
      const periods = [...new Set(citySheets.map((s) => s.period))];
      out.reasons.push(
        finding("merge-other-period", wholeFile(name, firstSheet.sheet), { expected: period, found: periods, revision: revision.revision }, periods.join("、")),
      );
    }
    if (sameRevision.length === 0) {
      const revisions = [...new Set(citySheets.map((s) => s.revision))];
      out.reasons.push(
        finding("merge-other-revision", wholeFile(name, firstSheet.sheet), { expected: revision.revision, found: revisions }, revisions.join("、")),
      );
    }
    if (out.reasons.length === 0) {
      out.reasons.push(
        finding("merge-other-period", wholeFile(name, firstSheet.sheet), { expected: period, found: null, revision: revision.revision }, name),
      );
    }
    return out;
  }
  out.record = record;
  if (otherMatching.length > 0) {
    const sheets = matching.map((s) => s.sheet);
    out.reasons.push(finding("merge-several-sheets", wholeFile(name), { sheets }, sheets.join("」「")));
    return out;
  }
  const scope = scopeOrNull(record.scope);
  const city = scope === null || scope.kind === "province" ? "" : scopeLabel(scope);
  if (city === "") {
    out.reasons.push(finding("merge-bad-scope", wholeFile(name, record.sheet), { sheet: record.sheet, scope: record.scope }, record.scope));
    return out;
  }
  if (!rollup.children.includes(city)) {
    const among = rollup.parent.kind === "province" ? null : scopeLabel(rollup.parent);
    out.reasons.push(finding("merge-unknown-city", wholeFile(name, record.sheet), { city, among, level: rollup.childKind }, city));
    return out;
  }
  out.city = city;
  // A duplicated row is the file's own error (ownFindings below), held like any other error for the aggregator to accept.
  out.reasons.push(...read.findings.filter((f) => f.sheet === record.sheet && f.rule !== "duplicate-row").map((f) => inFile(f, name)));
  const report = read.reports.find((r) => r.name === record.sheet) ?? null;
  out.report = report;
  if (!report) return out;
  const quotas = quotaIndex(revision.quotas);
  const targets: TargetContext = { revision, splits, geography, period: parsePeriod(period) };
  for (const row of report.rows) {
    // A ratio's numerator or denominator row is read with its ratio (it has no target to check).
    const part = parsePartId(row.quotaId);
    if (part && quotas.get(part.quotaId) !== undefined) continue;
    const quota = quotas.get(row.quotaId);
    // A first-scheme row that is now only a point of a quota's path: kept in the file, not merged.
    if (quota === "retired") continue;
    if (!quota) {
      out.reasons.push(
        finding(
          "merge-unknown-quota",
          { sheet: report.name, cell: report.address(row, "id"), quotaId: row.quotaId, file: name },
          { quotaId: row.quotaId, row: row.row, sheet: report.name },
          row.quotaId,
        ),
      );
      continue;
    }
    out.reasons.push(...planTargetFindings(name, childScope(rollup, city), report, row, quota, targets));
  }
  // A changed target stops the file (the summary's targets come from the plan, the file's would
  // disagree); everything else the checks find is the file's own count for the aggregator to weigh.
  const checked = ownFindings(name, file.snapshot, record, revision, geography);
  out.reasons.push(...checked.filter((f) => f.rule === "target-changed"));
  out.warnings.push(...checked.filter((f) => f.rule !== "target-changed"));
  // A formula without a stored result reads as "" but was typed (a ratio's 累计完成 is the template's own formula).
  out.blank = report.rows.every((row) => typedInputs(report, row).length === 0);
  const named = citiesNamed(name, rollup.children);
  if (named.length > 0 && !named.includes(city)) out.warnings.push(finding("merge-file-name-city", wholeFile(name, record.sheet), { named, city }, city));
  return out;
}
