/**
 * Jest: TypeScript is transpiled by ts-jest (types are checked once by `tsc` in `npm run lint`).
 * One project a kind of test, each with its own time limit per test:
 * - unit: the core, the Office.js adapter on the in-memory host, the task pane in jsdom;
 * - integration: real files, LibreOffice recalculating them, the CLI as a process;
 * - property: fast-check properties over many generated workbooks;
 * - e2e: the built playground in Chromium, and what the builds contain.
 * `npm run test:fast` runs unit and property: no LibreOffice, no Chromium, no build.
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
  // The run's fast-check seed: fixed unless FC_SEED says otherwise (tests/support/fast-check-seed.js).
  globalSetup: "<rootDir>/tests/support/global-setup.js",
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
};
