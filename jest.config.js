/**
 * Jest: TypeScript is transpiled by ts-jest (types are checked once by `tsc` in `npm run lint`).
 * One project a kind of test, each with its own time limit per test:
 * - unit: the core, the Office.js adapter on the in-memory host, the task pane in jsdom; no build
 *   (nothing reads dist/ or runs the bin);
 * - integration: real files, LibreOffice recalculating them, the CLI as a process (built first);
 * - property: fast-check properties over many generated workbooks;
 * - e2e: the built playground in Chromium, and what the builds contain.
 * `npm run test:fast` runs unit and property: no Chromium, no build (one property, periods, has
 * LibreOffice recalculate one file).
 */
const KINDS = { unit: 60_000, integration: 120_000, property: 180_000, e2e: 120_000 };

const project = ([name, testTimeoutMs]) => ({
  displayName: name,
  testEnvironment: "node",
  roots: [`<rootDir>/tests/${name}`],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "^.+\\.(txt|tsv)$": "<rootDir>/tests/support/text-transform.js",
  },
  // Jest takes `testTimeout` only for the whole run; each file of a project sets its own here.
  globals: { testTimeoutMs },
  setupFilesAfterEnv: ["<rootDir>/tests/support/test-setup.js"],
  // jsdom tests load packages' Node builds (uuid's browser build is an ES module Jest cannot run).
  testEnvironmentOptions: { customExportConditions: ["node", "node-addons"] },
});

module.exports = {
  projects: Object.entries(KINDS).map(project),
  // One worker a core. Jest's default leaves a core to itself (cores − 1), which on a 2-core machine
  // is one worker and half the machine idle: the main process only collects results.
  maxWorkers: "100%",
  // The run's fast-check seed: fixed unless FC_SEED says otherwise (tests/support/fast-check-seed.js).
  globalSetup: "<rootDir>/tests/support/global-setup.js",
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
};
