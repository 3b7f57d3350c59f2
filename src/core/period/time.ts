/**
 * Dates and times as people in Zhejiang read them: China Standard Time (UTC+8, no daylight
 * saving), `2026年11月29日` on a form, `2026-11-29 21:09` for a moment something ran. Planbook keeps
 * moments as ISO text in UTC (the metadata, the core's inputs); these turn them into what a sheet
 * shows. Text that is not an ISO moment (already formatted, typed by a person, empty) is returned
 * as it is, so formatting twice changes nothing.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO moment with its zone (`…Z` or `…+08:00`): a date without a zone would be read in the machine's. */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const two = (n: number): string => String(n).padStart(2, "0");

/** The moment's calendar fields in China Standard Time, or null when the text is not an ISO moment. */
function chinaFields(iso: string): { year: number; month: number; day: number; hour: number; minute: number } | null {
  if (!ISO_MOMENT.test(iso.trim())) return null;
  const time = Date.parse(iso.trim());
  if (Number.isNaN(time)) return null;
  const china = new Date(time + CHINA_OFFSET_MS);
  return {
    year: china.getUTCFullYear(),
    month: china.getUTCMonth() + 1,
    day: china.getUTCDate(),
    hour: china.getUTCHours(),
    minute: china.getUTCMinutes(),
  };
}

/** `2026-11-29T13:09:02.840Z` → `2026-11-29 21:09`. */
export function chinaDateTime(iso: string): string {
  const f = chinaFields(iso);
  return f ? `${f.year}-${two(f.month)}-${two(f.day)} ${two(f.hour)}:${two(f.minute)}` : iso;
}

/** `2026-11-29T13:09:02.840Z` → `2026年11月29日`. */
export function chinaDate(iso: string): string {
  const f = chinaFields(iso);
  return f ? `${f.year}年${f.month}月${f.day}日` : iso;
}
