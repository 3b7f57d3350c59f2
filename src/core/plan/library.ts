import type { Geography } from "./counties";
import { parsePlan } from "./parse";
import type { PlanRevision } from "./types";

/**
 * The plan revisions a workbook may have been made from: the ones Planbook ships (newest first;
 * the first is the one templates are made from by default), then the ones a person imported, in
 * the order they came. Whoever recognises a sheet — the task pane, the ribbon, the CLI — asks the
 * same library, so a sheet made from an imported plan reads the same everywhere.
 */
export class PlanLibrary {
  private all: PlanRevision[];
  private readonly listeners = new Set<() => void>();

  /**
   * The county table the built-in plans were read with; a plan imported into the library is read
   * with it too (its per-county quotas counted, its cities the province's when it has no Annex 2).
   */
  readonly geography: Geography | null;

  constructor(builtIn: readonly PlanRevision[], geography: Geography | null = null) {
    this.geography = geography;
    this.all = [...builtIn];
  }

  /** Built-in, then imported. The same array until the library changes (React reads it as a store). */
  readonly revisions = (): PlanRevision[] => this.all;

  /**
   * Adds an imported revision, unless one with its id is already known (workbooks name revisions
   * by id). Returns the library's revision of that id: the one to make templates from.
   */
  add(revision: PlanRevision): PlanRevision {
    const known = this.all.find((r) => r.revision === revision.revision);
    if (known) return known;
    this.all = [...this.all, revision];
    for (const listener of this.listeners) listener();
    return revision;
  }

  /** Told after each change; returns how to stop being told. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

/**
 * The library of the built-in seed texts (newest first), however they were read (bundled, from
 * files), with the county table their per-county quotas count over.
 */
export function loadPlanLibrary(builtInTexts: readonly string[], geography: Geography | null): PlanLibrary {
  return new PlanLibrary(
    builtInTexts.map((text) => parsePlan(text, { geography })),
    geography,
  );
}
