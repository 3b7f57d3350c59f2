#!/usr/bin/env node
// The `planbook` command runs the JavaScript that `npm ci` built from src/cli (the `prepare`
// script: scripts/build-cli.js), so nothing is transpiled at start-up.
let cli;
try {
  cli = require("../dist/cli/planbook.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && /dist[\\/]cli[\\/]planbook\.js/.test(String(error.message))) {
    process.stderr.write("planbook 尚未构建：请在项目目录运行 npm ci（或 npm run build:cli） / planbook is not built: run npm ci (or npm run build:cli) in the project folder\n");
    process.exit(2);
  }
  throw error;
}
// run() exits only once stdout and stderr have drained, so a pipe gets every byte.
cli.run(process.argv.slice(2));
