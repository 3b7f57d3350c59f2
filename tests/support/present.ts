/**
 * `value`, or a failed test naming what was missing: for an element a test reads out of what it
 * has just made (a sheet, a row, a match), where its absence is itself the failure.
 */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}, but there is none`);
  return value;
}

/** Row `index` (0-based) of a grid of cells, failing the test when the grid has no such row. */
export function gridRow<T>(grid: T[][], index: number): T[] {
  return present(grid[index], `row ${index + 1} of the grid`);
}
