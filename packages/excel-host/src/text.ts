import { matchGroup } from "../../../src/core/shared";

/**
 * `range.text`: a value as a cell displays it under its number format. Covers the formats a
 * reporting template uses (General, 0, 0.00, #,##0, #,##0.00, 0%, 0.0%, @, yyyy-mm-dd and
 * similar dates); any other format shows the value as General does.
 */
export function formatText(value: string | number | boolean, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const sectionEnd = numberFormat.indexOf(";");
  const format = (sectionEnd < 0 ? numberFormat : numberFormat.slice(0, sectionEnd)).trim();
  if (format === "General" || format === "@" || format === "") return general(value);
  const date = /^(y{2,4})[-/](m{1,2})[-/](d{1,2})$/i.exec(format);
  if (date) return formatDate(value, matchGroup(date, 1).length, matchGroup(date, 2).length, matchGroup(date, 3).length, format.includes("/") ? "/" : "-");
  const percent = format.endsWith("%");
  const body = percent ? format.slice(0, -1) : format;
  const numeric = /^(#,##)?0(\.(0+))?$/.exec(body);
  if (!numeric) return general(value);
  const decimals = numeric[3]?.length ?? 0;
  const scaled = percent ? value * 100 : value;
  const fixed = Math.abs(scaled).toFixed(decimals);
  const point = fixed.indexOf(".");
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  const fraction = point < 0 ? "" : fixed.slice(point + 1);
  const grouped = numeric[1] ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  const sign = scaled < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}${percent ? "%" : ""}`;
}

/** General shows up to 11 significant characters, as a standard-width column does. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** Excel's serial dates: day 1 is 1900-01-01, with the phantom 1900-02-29 kept for compatibility. */
function formatDate(serial: number, yearDigits: number, monthDigits: number, dayDigits: number, separator: string): string {
  const epoch = Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.floor(serial) * 86_400_000);
  const year = String(date.getUTCFullYear());
  const pad = (n: number, digits: number) => String(n).padStart(digits, "0");
  return [yearDigits === 2 ? year.slice(-2) : year, pad(date.getUTCMonth() + 1, monthDigits), pad(date.getUTCDate(), dayDigits)].join(separator);
}
