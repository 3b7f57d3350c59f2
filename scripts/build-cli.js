// Builds the `planbook` command: src/cli (and everything it uses, ExcelJS included) bundled into
// one JavaScript file, dist/cli/planbook.js, which bin/planbook.js runs. `npm ci` runs this
// through the `prepare` script, so a fresh clone needs no other step; the output is never
// committed. One file starts faster than Node resolving hundreds of modules, and no TypeScript is
// transpiled at run time. Commands are imported lazily by src/cli/main.ts, so `planbook --help`
// does not load ExcelJS.
const path = require("path");
const esbuild = require("esbuild");

const ROOT = path.join(__dirname, "..");
const OUTFILE = path.join(ROOT, "dist", "cli", "planbook.js");

/** Builds the bundle; resolves once it is written. */
function buildCli() {
  return esbuild.build({
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    outfile: OUTFILE,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Readable stack traces for bug reports; minifying saves nothing measurable at start-up.
    minify: false,
    // The seeds are bundled as text where a module imports them, as webpack does for the task pane.
    loader: { ".txt": "text", ".tsv": "text" },
    logLevel: "warning",
  });
}

module.exports = { buildCli, OUTFILE };

if (require.main === module) {
  buildCli().catch(() => process.exit(1));
}
