// ESLint (flat config): typescript-eslint's recommended rules, Office add-in rules with
// no-context-sync-in-loop as an error, and a fence around the pure core.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

const officeAddinsRecommended = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((config) => Object.entries(config.rules ?? {})).filter(([rule]) => rule.startsWith("office-addins/")),
);
const PURE = "src/core is pure: no Excel, Office, DOM or files (STYLE.md).";
const TESTS = ["**/tests/*", "**/tests/**"];
const NO_TESTS = "Nothing in src/ or scripts/ imports tests/ (the in-memory Excel host is @planbook/excel-host).";

module.exports = tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}", "tests/**/*.{ts,tsx}", "packages/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The plugin's own recommended rules (without the Prettier and base rules its flat config
    // adds) for the add-in's code; tests of the in-memory host read unloaded properties on purpose.
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      ...officeAddinsRecommended,
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-office-initialize": "error",
      // Off: they cannot see that a deferred `result()` reads only after the caller has synced.
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  {
    // The add-in and its scripts never depend on test code; the in-memory host is the package
    // @planbook/excel-host.
    files: ["src/**/*.{ts,tsx}", "scripts/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: TESTS, message: NO_TESTS }] }] },
  },
  {
    // The core is pure: plain data in, plain data out — no host, no DOM, no files (STYLE.md).
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", ...["Excel", "Office", "OfficeExtension", "document", "window", "process"].map((name) => ({ name, message: PURE }))],
      "no-restricted-imports": [
        "error",
        {
          paths: ["fs", "path", "os", "child_process", "react", "react-dom", "exceljs", "jszip"].map((name) => ({ name, message: PURE })),
          patterns: [
            { group: ["node:*", "fs/*", "react/*", "react-dom/*", "exceljs/*"], message: PURE },
            { group: ["**/excel/*", "**/xlsx/*", "**/taskpane/*", "**/commands/*", "**/playground/*", "**/cli/*"], message: "src/core may not depend on an adapter or the UI." },
            { group: TESTS, message: NO_TESTS },
          ],
        },
      ],
      // Types too: `Excel.Range` in a signature ties the core to Office.js.
      "no-restricted-syntax": ["error", { selector: "TSQualifiedName[left.name=/^(Excel|Office|OfficeExtension)$/]", message: PURE }],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
