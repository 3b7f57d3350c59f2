import type { CellValue } from "../template/spec";

/** Why a typed value is not a usable number, and the corrected value when the meaning is certain. */
export type NumberProblem =
  | { ok: false; reason: "text" | "implausible"; suggestion?: number }
  | { ok: false; reason: "blank" };

export type ParsedNumber = { ok: true; value: number } | NumberProblem;

/** Larger than any figure a plan reports; beyond it a value is a typo or `1e308`. */
const IMPLAUSIBLE = 1e12;

const FULL_WIDTH = /[０-９．，－]/g;

/**
 * Reads what a person typed into a numeric cell. Numbers pass; text is never taken as a number,
 * but where its meaning is certain (`1,000`, full-width `１２３`, ` 12 `, `3.5万`, `12` stored as
 * text) the corrected value is offered. `unitIsTenThousands` says the cell counts in 万 already,
 * so `3.5万` there means 3.5.
 */
export function parseNumberInput(value: CellValue, unitIsTenThousands = false): ParsedNumber {
  if (value === null || value === "") return { ok: false, reason: "blank" };
  if (typeof value === "number") {
    return Number.isFinite(value) && Math.abs(value) < IMPLAUSIBLE ? { ok: true, value } : { ok: false, reason: "implausible" };
  }
  if (typeof value === "boolean") return { ok: false, reason: "text" };
  const text = value
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "");
  const plain = /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? Number(text.replace(/,/g, "")) : null;
  if (plain !== null) return { ok: false, reason: "text", suggestion: plain };
  const wan = /^(-?\d+(?:\.\d+)?)万$/.exec(text);
  if (wan) return { ok: false, reason: "text", suggestion: unitIsTenThousands ? Number(wan[1]) : Math.round(Number(wan[1]) * 10000 * 1e6) / 1e6 };
  return { ok: false, reason: "text" };
}
