import * as React from "react";
import { Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { type Comparator, type PlanRevision, type Quota, type QuotaCorrection, type QuotaKind, leadUnits } from "../core/plan";
import { quotaFacts } from "../core/template";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  scroll: { maxHeight: "320px", overflow: "auto" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalXS, verticalAlign: "top", textAlign: "left" },
  text: { minWidth: "140px" },
  narrow: { width: "72px" },
});

const KINDS: QuotaKind[] = ["annual", "cumulative", "ratio", "growth", "milestone"];
const COMPARATORS: Comparator[] = [">=", "≈", "<=", "="];
type Field = "kind" | "target" | "comparator" | "year" | "lead" | "units";
/** What the person typed in each row's cells, as typed (a number half-typed stays as it is). */
export type ReviewDrafts = Record<string, Partial<Record<Field, string>>>;

/** A quota's fields as the review's cells show them. */
function shown(quota: Quota): Record<Field, string> {
  return {
    kind: quota.kind,
    target: quota.target === null ? "" : String(quota.target),
    comparator: quota.comparator,
    year: quota.year === null ? "" : String(quota.year),
    lead: leadUnits(quota).join("、"),
    units: quota.units.join("、"),
  };
}

/** What the importer read beyond the editable cells, shown under the text: 属性, baseline, month, weight, 配合单位. */
function readDetails(quota: Quota): string {
  return [quotaFacts(quota), quota.supportingUnits ? `配合：${quota.supportingUnits.join("、")}` : ""].filter((part) => part !== "").join("；");
}

const splitNames = (text: string | undefined): string[] | undefined => text?.split(/[、,，;；]/).map((u) => u.trim()).filter((u) => u !== "");

/** A typed number, null for a blank cell, undefined when it is not a number (the correction is not made). */
function typedNumber(text: string, whole: boolean): number | null | undefined {
  if (text.trim() === "") return null;
  const n = Number(text.trim());
  return Number.isFinite(n) && n >= 0 && (!whole || Number.isInteger(n)) ? n : undefined;
}

/** The corrections the drafts make: only fields that differ from what was read, and only valid ones. */
export function correctionsOf(revision: PlanRevision, drafts: ReviewDrafts): QuotaCorrection[] {
  return revision.quotas.flatMap((quota): QuotaCorrection[] => {
    const draft = drafts[quota.id];
    if (!draft) return [];
    const read = shown(quota);
    const changed = (field: Field): string | undefined => (draft[field] !== undefined && draft[field] !== read[field] ? draft[field] : undefined);
    const correction: QuotaCorrection = { id: quota.id };
    const kind = changed("kind");
    if (kind !== undefined) correction.kind = kind as QuotaKind;
    const comparator = changed("comparator");
    if (comparator !== undefined) correction.comparator = comparator as Comparator;
    const target = changed("target");
    if (target !== undefined && typedNumber(target, false) !== undefined) correction.target = typedNumber(target, false);
    const year = changed("year");
    if (year !== undefined && typedNumber(year, true) !== undefined) correction.year = typedNumber(year, true);
    const units = splitNames(changed("units"));
    if (units && units.length > 0) correction.units = units;
    const lead = splitNames(changed("lead"));
    if (lead && lead.length > 0) correction.lead = lead;
    return Object.keys(correction).length > 1 ? [correction] : [];
  });
}

/**
 * Every quota the importer read, one row each (编号, 原文, 类型, 目标值, 比较, 截止年份, 牵头单位, 责任单位),
 * the last six editable (what else was read — 属性, baseline, month, 配合单位 — shown under the text): what the person corrects here is applied when the plan is used, and saved
 * with it in the workbook.
 */
/** A review cell for a number (a target, a year), flagged while what is typed is not one. */
function NumberInput(props: { className: string; label: string; whole: boolean; value: string; placeholder: string; onChange: (typed: string) => void }): React.JSX.Element {
  const { className, label, whole, value, placeholder, onChange } = props;
  return (
    <Input
      size="small"
      className={className}
      aria-label={label}
      aria-invalid={value.trim() !== "" && typedNumber(value, whole) === undefined}
      value={value}
      placeholder={placeholder}
      onChange={(_, data) => onChange(data.value)}
    />
  );
}

export function PlanReview({ revision, drafts, onChange, strings }: { revision: PlanRevision; drafts: ReviewDrafts; onChange: (drafts: ReviewDrafts) => void; strings: Strings }): React.JSX.Element {
  const styles = useStyles();
  const text = strings.plan;
  const columns = text.reviewColumns;
  const set = (id: string, field: Field, value: string): void => onChange({ ...drafts, [id]: { ...drafts[id], [field]: value } });
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={text.reviewTitle}>
      <table className={styles.table} aria-label={text.reviewTitle}>
        <thead>
          <tr>
            {(["id", "text", "kind", "target", "comparator", "year", "lead", "units"] as const).map((key) => (
              <th key={key} className={styles.cell} scope="col">
                {columns[key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {revision.quotas.map((quota) => {
            const value = { ...shown(quota), ...drafts[quota.id] };
            const label = (key: keyof typeof columns) => text.correctionLabel(quota.id, columns[key]);
            return (
              <tr key={quota.id}>
                <th className={styles.cell} scope="row">
                  {quota.id}
                </th>
                <td className={`${styles.cell} ${styles.text}`}>
                  {quota.region ? `${quota.region} · ${quota.text}` : quota.text}
                  {readDetails(quota) !== "" ? <div>{readDetails(quota)}</div> : null}
                </td>
                <td className={styles.cell}>
                  <Select size="small" aria-label={label("kind")} value={value.kind} onChange={(_, data) => set(quota.id, "kind", data.value)}>
                    {KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {text.kindNames[kind]}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className={styles.cell}>
                  <NumberInput
                    className={styles.narrow}
                    label={label("target")}
                    whole={false}
                    value={value.target}
                    placeholder={value.kind === "milestone" ? "—" : text.pending}
                    onChange={(typed) => set(quota.id, "target", typed)}
                  />
                </td>
                <td className={styles.cell}>
                  <Select size="small" aria-label={label("comparator")} value={value.comparator} onChange={(_, data) => set(quota.id, "comparator", data.value)}>
                    {COMPARATORS.map((comparator) => (
                      <option key={comparator} value={comparator}>
                        {comparator === ">=" ? "≥" : comparator === "<=" ? "≤" : comparator}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className={styles.cell}>
                  <NumberInput
                    className={styles.narrow}
                    label={label("year")}
                    whole={true}
                    value={value.year}
                    placeholder={text.everyYear}
                    onChange={(typed) => set(quota.id, "year", typed)}
                  />
                </td>
                <td className={styles.cell}>
                  <Input size="small" aria-label={label("lead")} value={value.lead} onChange={(_, data) => set(quota.id, "lead", data.value)} />
                </td>
                <td className={styles.cell}>
                  <Input size="small" aria-label={label("units")} value={value.units} onChange={(_, data) => set(quota.id, "units", data.value)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
