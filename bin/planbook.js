#!/usr/bin/env node
// The `planbook` command runs the TypeScript CLI directly through tsx, so that
// `npx planbook …` works right after `npm ci` with no build step. run() sets the exit code
// only once stdout has drained (a pipe gets all of the output).
require("tsx/cjs");
require("../src/cli/main.ts").run(process.argv.slice(2));
