import { isBlank } from "../snapshot/cells";
import type { CellValue } from "../template/spec";

/** Why a typed value is not a usable number, and the corrected value when the meaning is certain. */
export type NumberProblem =
  | { ok: false; reason: "text"; suggestion?: number }
  | { ok: false; reason: "implausible" }
  | { ok: false; reason: "blank" };

export type ParsedNumber = { ok: true; value: number } | NumberProblem;

/** Larger than any figure a plan reports; beyond it a value is a typo, `1e308` or a pasted id. */
const IMPLAUSIBLE = 1e12;

/** Full-width digits and signs an IME types (１２３，４５６．７％). */
const FULL_WIDTH = /[０-９．，－＋％]/g;

const NUMBER = String.raw`[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?`;
const PLAIN = new RegExp(`^(${NUMBER})$`);
const TEN_THOUSANDS = new RegExp(`^(${NUMBER})万$`);
const PERCENT = new RegExp(`^(${NUMBER})%$`);

const plausible = (n: number): boolean => Number.isFinite(n) && Math.abs(n) < IMPLAUSIBLE;

/** Drops binary noise from a scaled figure (3.3 万 is 33000, not 33000.000000000004). */
const tidy = (n: number): number => Number(n.toPrecision(12));

function numberOf(match: RegExpExecArray | null): number | null {
  const figure = match?.[1];
  if (figure === undefined || !/\d/.test(figure)) return null;
  return Number(figure.replace(/,/g, ""));
}

/**
 * Reads what a person typed into a numeric cell whose quota counts in `unit` (万人次, 家, % …).
 * Numbers pass when plausible. Text is never taken as a number, but where its meaning is certain
 * the corrected value is offered: `1,000` → 1000, full-width `１２３` → 123, ` 12 ` → 12,
 * `120家` in a 家 cell → 120, `3.5万` → 3.5 in a 万人次 cell and 35000 in a count cell,
 * `60%` → 0.6 in a percentage cell (ratios are stored as fractions). `10%` in a count cell, `NaN`,
 * `#N/A` or `1e3` have no certain meaning, and a negative text no valid one: they get no suggestion.
 */
export function parseNumberInput(value: CellValue, unit: string | null = null): ParsedNumber {
  if (isBlank(value)) return { ok: false, reason: "blank" };
  if (typeof value === "number") return plausible(value) ? { ok: true, value } : { ok: false, reason: "implausible" };
  if (typeof value === "boolean") return { ok: false, reason: "text" };
  const text = value.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim();
  if (text === "") return { ok: false, reason: "blank" };
  const suggestion = suggestedNumber(text, unit);
  // No figure a plan reports is negative: offering -1 for "-1" would only trade one error for another.
  return suggestion !== null && plausible(suggestion) && suggestion >= 0 ? { ok: false, reason: "text", suggestion } : { ok: false, reason: "text" };
}

function suggestedNumber(text: string, unit: string | null): number | null {
  const percentCell = unit === "%";
  const withoutUnit = unit && !percentCell && text.endsWith(unit) ? text.slice(0, -unit.length).trim() : text;
  const plain = numberOf(PLAIN.exec(withoutUnit));
  // A ratio is stored as a fraction: a plain 60 could be 60% or a slip, so only 0–1 is certain.
  if (plain !== null) return percentCell && Math.abs(plain) > 1 ? null : plain;
  const percent = numberOf(PERCENT.exec(text));
  if (percent !== null) return percentCell ? tidy(percent / 100) : null;
  const tenThousands = numberOf(TEN_THOUSANDS.exec(text));
  if (tenThousands === null || percentCell) return null;
  return unit?.startsWith("万") ? tenThousands : tidy(tenThousands * 10000);
}
