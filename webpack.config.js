// Two builds, as in Microsoft's task-pane templates plus a page of our own:
// - `addin` (npm run build → dist/): the task pane, the ribbon's function file (the same page: one
//   shared runtime), the ribbon's dialog page and the support page — only what Office loads.
// - `playground` (npm run build:playground → dist-playground/): the task pane beside the in-memory
//   Excel host, for machines without Excel. The host bundles HyperFormula (GPL-3.0), so this page
//   never goes into the add-in's dist/.
// `npm start` without Excel serves both (`webpack serve`); `--config-name` picks one.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { PORT, devCertificates } = require("./scripts/dev-session");
const { manifestFor, productionUrl } = require("./scripts/manifest-url");

/** What both builds share: TypeScript, the bundled seed texts, and Node modules left out. */
function common(dev) {
  return {
    devtool: dev ? "source-map" : false,
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS and JSZip mention Node modules they do not need in a browser.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `tsc` in `npm run lint`; ES modules let webpack drop unused code.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", moduleResolution: "bundler" } } },
        },
        // The plan's seed texts and the counties table are bundled as strings: the task pane parses them like the CLI does.
        { test: /\.(txt|tsv)$/, type: "asset/source" },
      ],
    },
    // Fluent UI and ExcelJS make big bundles on purpose; size hints would only repeat that.
    performance: { hints: false },
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  // Only a dev server looks for certificates: a build never touches them.
  const certificates = env && env.WEBPACK_SERVE ? await devCertificates() : null;
  // PLANBOOK_URL: where the add-in will be served; checked before anything is built.
  const planbookUrl = process.env.PLANBOOK_URL;
  if (planbookUrl) productionUrl(planbookUrl);
  const addin = {
    ...common(dev),
    name: "addin",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/dialog/index.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: { keep: /^cli[\\/]/ } },
    optimization: {
      // taskpane.html loads two entries (taskpane and commands). One runtime makes a module they
      // share a single instance — one plan library and `lastAudit` (src/addin/session), one set of
      // Office.actions.associate calls — and split chunks load (and minify) the shared code once.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
      // One compress pass instead of webpack's default two: the second saved about 0.1 % of the
      // bytes for a sixth more build time.
      minimizeOptions: { javascript: { compress: { passes: 1 } } },
    },
    plugins: [
      // Office.js comes from Microsoft's CDN, by a script tag in each page that needs it.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane", "commands"] }),
      new HtmlWebpackPlugin({ filename: "support.html", template: "./src/support/support.html", chunks: [] }),
      // The ribbon's dialog (src/addin/dialog): a page of its own, from the task pane's origin.
      new HtmlWebpackPlugin({ filename: "dialog.html", template: "./src/dialog/dialog.html", chunks: ["dialog"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => (planbookUrl ? manifestFor(content.toString(), planbookUrl) : content) },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      server: certificates ? { type: "https", options: certificates } : "http",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.join(__dirname, "dist") },
      client: { overlay: false },
    },
  };
  const playground = {
    ...common(dev),
    name: "playground",
    entry: { playground: "./src/playground/index.tsx" },
    // Served beside the add-in by the dev server: its own file names, so none meets the add-in's.
    output: { path: path.resolve(__dirname, "dist-playground"), filename: "[name].js", chunkFilename: "playground.[id].js", clean: true },
    optimization: { minimizeOptions: { javascript: { compress: { passes: 1 } } } },
    plugins: [new HtmlWebpackPlugin({ filename: "playground.html", template: "./src/playground/playground.html", chunks: ["playground"] })],
  };
  return [addin, playground];
};
