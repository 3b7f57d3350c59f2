#!/usr/bin/env node
// The `planbook` command runs the TypeScript CLI directly through tsx, so that
// `npx planbook …` works right after `npm ci` with no build step.
require("tsx/cjs");
require("../src/cli/main.ts").main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`planbook: ${err && err.stack ? err.stack : err}\n`);
    process.exit(2);
  },
);
