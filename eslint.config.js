// ESLint (flat config): typescript-eslint's recommended rules, Office add-in rules with
// no-context-sync-in-loop as an error, and fences on the boundaries between folders.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const reactHooks = require("eslint-plugin-react-hooks");

const officeAddinsRecommended = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((config) => Object.entries(config.rules ?? {})).filter(([rule]) => rule.startsWith("office-addins/")),
);
const PURE = "src/core is pure: no Excel, Office, DOM or files (STYLE.md).";

// Fences: which folder may not import which. A file gets one `no-restricted-imports` setting (the
// last block that matches it wins), so each block below lists every fence of its folder.
const fence = (group, message) => ({ group, message });
const NO_TESTS = fence(["**/tests/*", "**/tests/**"], "Nothing in src/ or scripts/ imports tests/ (the in-memory Excel host is @planbook/excel-host).");
const NO_XLSX = fence(["**/xlsx/*", "**/xlsx/**"], "src/excel (Office.js) does not import src/xlsx (files): the composition layer (src/addin) joins them.");
const NO_EXCEL = fence(["**/excel/*", "**/excel/**"], "src/cli does not import src/excel: the CLI works on files (src/xlsx), never on Office.js.");
const NO_ADAPTERS = fence(
  ["**/excel/*", "**/excel/**", "**/xlsx/*", "**/xlsx/**", "**/addin/*", "!**/addin/operations", "**/commands/*", "**/playground/*"],
  "Views import no adapter: they get PlanbookOperations (src/addin/operations) as a prop.",
);
const NO_TASKPANE = fence(["**/taskpane/*"], "The ribbon and the pane do not import each other: they share src/addin/session.");
// Each folder of src/core is a room with a front door, its index.ts: code outside src/core imports a
// room as `../core/merge`, never `../core/merge/summary`. Rooms inside src/core import each other's
// files directly, so that a front door never adds an import cycle the files themselves do not have.
const CORE_FRONT_DOORS = fence(["**/core/*/*"], "Import a core room through its front door (`…/core/merge`, its index.ts), not its inner files (`…/core/merge/summary`): export what you need from the room's index.ts.");
const restrictImports = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

module.exports = tseslint.config(
  { ignores: ["dist/", "dist-playground/", "node_modules/", "coverage/", "test-artifacts/"] },
  // The type-checked rule set: floating promises, unsafe `any`, awaiting non-promises… (each file
  // is checked with the types of tsconfig.json).
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      // Off: Office.js batches, PlanbookOperations and their fakes are typed to return promises, and
      // `async` is the plain way to write such a function even when it has nothing to await.
      "@typescript-eslint/require-await": "off",
      // Passing on what a `catch` caught (of type unknown) is allowed, as only-throw-error allows it.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
    },
  },
  {
    // Jest's asymmetric matchers (expect.objectContaining, expect.any, expect.stringMatching) are
    // typed `any` by @types/jest; everything else in the tests is held to the same rules.
    files: ["tests/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-unsafe-argument": "off", "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  // React's rules of hooks, and the React Compiler's checks (refs, effects, purity), for components.
  { files: ["**/*.tsx"], ...reactHooks.configs.flat.recommended },
  // A missing dependency is a stale value: an error, not a warning nobody reads.
  { files: ["**/*.tsx"], rules: { "react-hooks/exhaustive-deps": "error" } },
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
  { files: ["tests/**/*.{ts,tsx}", "packages/**/*.{ts,tsx}"], rules: restrictImports(CORE_FRONT_DOORS) },
  { files: ["src/**/*.{ts,tsx}", "scripts/**/*.{ts,tsx,js}"], rules: restrictImports(NO_TESTS, CORE_FRONT_DOORS) },
  { files: ["src/excel/**/*.{ts,tsx}"], rules: restrictImports(NO_XLSX, NO_TESTS, CORE_FRONT_DOORS) },
  { files: ["src/cli/**/*.{ts,tsx}"], rules: restrictImports(NO_EXCEL, NO_TESTS, CORE_FRONT_DOORS) },
  { files: ["src/commands/**/*.{ts,tsx}"], rules: restrictImports(NO_TASKPANE, NO_TESTS, CORE_FRONT_DOORS) },
  // The views; index.tsx is the pane's entry point, where Office.js operations are made.
  { files: ["src/taskpane/**/*.{ts,tsx}"], ignores: ["src/taskpane/index.tsx"], rules: restrictImports(NO_ADAPTERS, NO_TESTS, CORE_FRONT_DOORS) },
  { files: ["src/taskpane/index.tsx"], rules: restrictImports(fence(["**/commands/*"], NO_TASKPANE.message), NO_TESTS, CORE_FRONT_DOORS) },
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
            { group: ["**/excel/*", "**/xlsx/*", "**/addin/*", "**/taskpane/*", "**/commands/*", "**/playground/*", "**/cli/*"], message: "src/core may not depend on an adapter or the UI." },
            NO_TESTS,
            {
              regex: "^\\.\\./[^/]+$",
              message: "Inside src/core a room imports another room's files (`../merge/summary`), not its front door: a front door loads the whole room, and would add import cycles the files do not have.",
            },
          ],
        },
      ],
      // Types too: `Excel.Range` in a signature ties the core to Office.js.
      "no-restricted-syntax": ["error", { selector: "TSQualifiedName[left.name=/^(Excel|Office|OfficeExtension)$/]", message: PURE }],
    },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
