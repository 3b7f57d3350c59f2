/**
 * An index built once per list and reused: rules that ask "which quota of the plan is this one's
 * share / part" for every row would otherwise scan the whole plan per row, which is quadratic on a
 * large plan (25,000 rows took 30 s to check). Keyed by the list itself, so a new revision (a new
 * quotas array) gets a new index; a list that grew in place since (a test fixture pushing a quota)
 * is indexed again.
 */
const built = new WeakMap<readonly unknown[], Map<(items: readonly never[]) => unknown, { length: number; index: unknown }>>();

export function indexBuiltOnce<T, I>(items: readonly T[], build: (items: readonly T[]) => I): I {
  let byBuilder = built.get(items);
  if (!byBuilder) {
    byBuilder = new Map();
    built.set(items, byBuilder);
  }
  const known = byBuilder.get(build);
  if (known && known.length === items.length) return known.index as I;
  const index = build(items);
  byBuilder.set(build, { length: items.length, index });
  return index;
}

/** Items grouped by a key, in list order. */
export function groupedBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
