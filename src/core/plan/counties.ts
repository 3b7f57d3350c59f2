import { CountiesParseError } from "../shared/errors";
/**
 * Zhejiang's cities (设区市) and their county-level divisions (县、市、区), parsed from the
 * packaged data file `seeds/zhejiang-counties.tsv` (the adapters read it, like the seed texts).
 * Per-unit quotas (在每个县(市、区)…) are coverage over these counties, and the county is the
 * lowest reporting level.
 */

/** 区 (district), 县 (county) or 市 (county-level city). */
export type CountyKind = "区" | "县" | "市";

export interface County {
  /** The 设区市 it belongs to, e.g. 杭州市. */
  city: string;
  /** e.g. 上城区, 桐庐县, 建德市. */
  name: string;
  kind: CountyKind;
}

/** The administrative divisions, in the file's order. */
export interface Geography {
  /** The 设区市, in first-seen order. */
  cities: string[];
  counties: County[];
}

const KINDS: readonly string[] = ["区", "县", "市"];

function isCountyKind(text: string): text is CountyKind {
  return KINDS.includes(text);
}

/** Reads the tab-separated table (city, county, kind); `#` lines and blank lines are comments. */
export function parseCounties(text: string): Geography {
  const counties: County[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const cells = line.split("\t").map((cell) => cell.trim());
    const [city, name, kind] = cells;
    if (cells.length !== 3 || !city || !name || kind === undefined || !isCountyKind(kind)) {
      throw new CountiesParseError(index + 1, raw);
    }
    counties.push({ city, name, kind });
  });
  return { cities: [...new Set(counties.map((county) => county.city))], counties };
}

/** The counties of one city, in the file's order (empty for a name that is not a city). */
export function countiesOf(geography: Geography, city: string): County[] {
  return geography.counties.filter((county) => county.city === city);
}

/** The city a county belongs to, or null when the name is not a county. */
export function cityOfCounty(geography: Geography, county: string): string | null {
  return geography.counties.find((entry) => entry.name === county)?.city ?? null;
}
