/** Jest: TypeScript is transpiled by ts-jest (types are checked once by `tsc` in `npm run lint`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "^.+\\.(txt|tsv)$": "<rootDir>/tests/support/text-transform.js",
  },
  testTimeout: 60000,
  // jsdom tests load packages' Node builds (uuid's browser build is an ES module Jest cannot run).
  testEnvironmentOptions: { customExportConditions: ["node", "node-addons"] },
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
};
