/** The built-in plan's seed files (in the package's `seeds/` folder): one place names them. */
export const CURRENT_SEED = "003_b259c65e08fddcd3.txt";
export const PREVIOUS_SEED = "000_445b9ef01ca4c3e2.txt";
/** Zhejiang's cities and counties (city, county, kind), read by `parseCounties`. */
export const COUNTIES_FILE = "zhejiang-counties.tsv";
