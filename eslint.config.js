// ESLint (flat config): typescript-eslint's recommended rules, Office add-in rules with
// no-context-sync-in-loop as an error, and a fence around the pure core.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

module.exports = tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}", "tests/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      // Off: it cannot see that a deferred `result()` reads only after the caller has synced.
      "office-addins/call-sync-before-read": "off",
      "office-addins/no-office-initialize": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The core is pure: no host, no DOM, no files (STYLE.md).
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "src/core is pure: no Excel." },
        { name: "Office", message: "src/core is pure: no Office." },
        { name: "OfficeExtension", message: "src/core is pure." },
        { name: "document", message: "src/core is pure: no DOM." },
        { name: "window", message: "src/core is pure: no DOM." },
        { name: "process", message: "src/core is pure: no process." },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "node:*", "react", "react-dom", "exceljs", "jszip", "child_process", "../excel/*", "../xlsx/*"] },
      ],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
