import { required } from "./required";

/** Small text helpers shared by the plan parser, the template and the messages. */

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 21 → 二十一 (1–99, the range plans number their items in). */
export function chineseNumeral(n: number): string {
  // Outside 1–99 (never in a plan) the number is written as it is rather than misspelt.
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  const digit = (d: number): string => required(DIGITS[d], `the Chinese digit ${d}`);
  if (n < 10) return digit(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : digit(tens)}十${ones === 0 ? "" : digit(ones)}`;
}

/** 一 → 1, 十 → 10, 二十一 → 21; NaN when it is not such a numeral. */
export function parseChineseNumeral(text: string): number {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return NaN;
  const ten = text.indexOf("十");
  if (ten === -1) return text.length === 1 ? DIGITS.indexOf(text) : NaN;
  const tens = ten === 0 ? 1 : DIGITS.indexOf(text.slice(0, ten));
  const ones = ten === text.length - 1 ? 0 : DIGITS.indexOf(text.slice(ten + 1));
  return tens * 10 + ones;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable fingerprint (not a security measure). */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Excel's limit on a sheet name, and the characters it refuses in one. */
export function safeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, "-").slice(0, 31);
}

/** The text before the first `separator`, or all of it when there is none (what `split(separator)[0]` means). */
export function beforeFirst(text: string, separator: string | RegExp): string {
  const at = typeof separator === "string" ? text.indexOf(separator) : text.search(separator);
  return at < 0 ? text : text.slice(0, at);
}
