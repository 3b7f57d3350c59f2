#!/usr/bin/env node
// The `planbook` command runs the JavaScript that `npm ci` built from src/cli (the `prepare`
// script: scripts/build-cli.js), so nothing is transpiled at start-up.
//
// It also keeps V8's compiled code of the bundle next to it (dist/cli/planbook.<command>.cache),
// one file per command since each compiles different parts of the bundle: a run with the cache
// skips most of compiling (about a seventh of a merge's CPU time). V8 checks a cache against the
// source and its own version and ignores one that does not match; then the run writes a fresh one.
// Where the folder cannot be written (a read-only global install), it runs without.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

const BUNDLE = path.join(__dirname, "..", "dist", "cli", "planbook.js");

let source;
try {
  source = fs.readFileSync(BUNDLE, "utf8");
} catch (error) {
  if (error && error.code === "ENOENT") {
    process.stderr.write("planbook 尚未构建：请在项目目录运行 npm ci（或 npm run build:cli） / planbook is not built: run npm ci (or npm run build:cli) in the project folder\n");
    process.exit(2);
  }
  throw error;
}

const command = /^[a-z]+$/.test(process.argv[2] ?? "") ? process.argv[2] : "help";
const cacheFile = path.join(path.dirname(BUNDLE), `planbook.${command}.cache`);
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, require, bundle, BUNDLE, path.dirname(BUNDLE));

/** Writes V8's code for what this run compiled, when there was no usable cache; never fails the command. */
function saveCache() {
  if (cachedData !== undefined && !script.cachedDataRejected) return;
  try {
    const temporary = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, cacheFile);
  } catch {
    // A read-only install: run without a cache.
  }
}

// Saved as the process exits (run() exits once stdout and stderr have drained, so a pipe gets every byte).
process.on("exit", saveCache);
bundle.exports.run(process.argv.slice(2));
