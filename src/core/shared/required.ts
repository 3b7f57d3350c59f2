/**
 * Values whose absence the code's own structure rules out (a key just put in a map, a group a
 * pattern always captures) but the type system cannot see. Data that can really be missing — a
 * user's file, an optional group, a lookup by a key from outside — takes its own missing path
 * (a finding, a clear error, a default); these are for the rest, and fail loudly rather than
 * carry `undefined` on.
 */
import { MissingValueError } from "./errors";

/** `value`, or a MissingValueError naming `what` when it is undefined. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MissingValueError(what);
  return value;
}

/** Group `index` of a successful match, for a group the pattern always captures (not one inside `(…)?` or an alternative). */
export function matchGroup(match: RegExpMatchArray | RegExpExecArray, index: number): string {
  return required(match[index], `group ${index} of ${String(match[0])}`);
}

/** A list the type system knows has a first element. */
export type NonEmpty<T> = [T, ...T[]];

/** The last element of a non-empty list (of defined values). */
export function lastOf<T>(items: NonEmpty<T>): T {
  return required(items.at(-1), "the last element of a non-empty list");
}
