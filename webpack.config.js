// Build of the task pane, the ribbon's function file (the same page: one shared runtime), the
// playground and the support page, as in Microsoft's task-pane templates.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { PORT, devCertificates } = require("./scripts/dev-session");

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  // Only a dev server looks for certificates: a build never touches them.
  const certificates = env && env.WEBPACK_SERVE ? await devCertificates() : null;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      playground: "./src/playground/index.tsx",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: { keep: /^cli[\\/]/ } },
    optimization: {
      // taskpane.html loads two entries (taskpane and commands). One runtime makes a module they
      // share a single instance — one `lastAudit`, one set of Office.actions.associate calls —
      // and split chunks load (and minify) the shared code once.
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
      // One compress pass instead of webpack's default two: the second saved about 0.1 % of the
      // bytes for a sixth more build time.
      minimizeOptions: { javascript: { compress: { passes: 1 } } },
    },
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
    plugins: [
      // Office.js comes from Microsoft's CDN, by a script tag in each page that needs it.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane", "commands"] }),
      new HtmlWebpackPlugin({ filename: "playground.html", template: "./src/playground/playground.html", chunks: ["playground"] }),
      new HtmlWebpackPlugin({ filename: "support.html", template: "./src/support/support.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
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
};
