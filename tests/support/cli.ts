import { type SpawnSyncReturns, execFileSync, spawnSync } from "child_process";
import path from "path";

/**
 * The `planbook` command as a user runs it: bin/planbook.js (what `npx planbook`, `npm link` and a
 * global install run) executing the bundle that `npm ci` builds. Tests build the bundle first,
 * the way `npm ci`'s `prepare` script does, so they never run a stale one.
 */
export const ROOT = path.join(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "planbook.js");

let built = false;

/** Builds dist/cli/planbook.js once per test file, in a separate process, as `npm ci` does. */
export function buildCli(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.js")], { cwd: ROOT, stdio: "inherit" });
  built = true;
}

/** Runs `planbook <args>` in `cwd` through the bin's own `#!/usr/bin/env node` line. */
export function planbook(args: string[], cwd: string): SpawnSyncReturns<string> {
  buildCli();
  return spawnSync(BIN, args, { cwd, encoding: "utf8" });
}
