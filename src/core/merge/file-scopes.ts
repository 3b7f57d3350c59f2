/** What the files say about themselves: the scopes their metadata names, the cities their names mention. */
import type { PlanRevision } from "../plan/types";
import { readMeta } from "../snapshot/read-sheets";
import type { Geography } from "../plan/counties";
import { type Rollup, rollupOfFiles } from "./rollup";
import type { MergeInputFile } from "./merge";

/** Every scope the readable files' metadata names: the files say which level is merged. */
function filesScopes(files: MergeInputFile[]): string[] {
  return files.flatMap((file) => (file.snapshot ? readMeta(file.snapshot).sheets.map((s) => s.scope) : []));
}

/** The roll-up the files ask for (see rollupOfFiles). */
export function rollupForFiles(files: MergeInputFile[], revision: PlanRevision, geography?: Geography): Rollup {
  return rollupOfFiles(filesScopes(files), revision, geography);
}

/** The plan's cities a file name mentions (杭州市, or 杭州 without the 市). */
export function citiesNamed(fileName: string, cities: string[]): string[] {
  const short = (city: string) => city.replace(/[市州]$/, "");
  return cities.filter((city) => fileName.includes(city) || (short(city).length >= 2 && fileName.includes(short(city))));
}
