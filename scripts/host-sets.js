// `npm run test:host-sets`: every test that drives the Office.js adapter or the in-memory Excel
// host (each test file that imports @planbook/excel-host) at the lowest ExcelApi set Planbook
// supports and at the newest (PLANBOOK_EXCEL_API, which the host takes as its default version).
// The list is found, not written down, so a new test of the adapter runs at both sets by itself.
const { readFileSync, readdirSync } = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const versions = readFileSync(path.join(ROOT, "packages", "excel-host", "src", "version.ts"), "utf8");
const setOf = (name) => new RegExp(`${name} = "(1\\.\\d+)"`).exec(versions)[1];
const SETS = [setOf("LOWEST_EXCEL_API"), setOf("NEWEST_EXCEL_API")];

const testFiles = readdirSync(path.join(ROOT, "tests"), { recursive: true, encoding: "utf8" })
  .filter((file) => /\.test\.tsx?$/.test(file))
  .map((file) => path.join("tests", file))
  .filter((file) => readFileSync(path.join(ROOT, file), "utf8").includes("@planbook/excel-host"))
  .sort();

for (const version of SETS) {
  console.log(`\nExcelApi ${version}: ${testFiles.length} test files`);
  const jest = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "--runTestsByPath", ...testFiles, ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PLANBOOK_EXCEL_API: version },
  });
  if (jest.status !== 0) process.exit(jest.status ?? 1);
}
