/** ExcelApi requirement-set versions: which the host can stand for, and how they compare. */

/** The ExcelApi sets the host can stand for: the lowest Planbook supports and the newest there is. */
export const LOWEST_EXCEL_API = "1.9";
export const NEWEST_EXCEL_API = "1.20";

/** "1.14" > "1.9": requirement set versions compare by their minor number. */
export function apiAtLeast(version: string, wanted: string): boolean {
  // A version without a minor number ("1") is that major's first set, as Office reads it.
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [wantedMajor = 0, wantedMinor = 0] = wanted.split(".").map(Number);
  return major !== wantedMajor ? major > wantedMajor : minor >= wantedMinor;
}

/** The host's default ExcelApi version: PLANBOOK_EXCEL_API when set (so a whole suite runs at one set), else the newest. */
export function defaultApiVersion(): string {
  const fromEnv = typeof process !== "undefined" ? process.env?.PLANBOOK_EXCEL_API : undefined;
  return fromEnv && /^1\.\d+$/.test(fromEnv) ? fromEnv : NEWEST_EXCEL_API;
}
