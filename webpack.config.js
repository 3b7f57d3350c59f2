// Build of the task pane, the ribbon's function file (same page: one shared runtime), the
// playground and the support page, as in Microsoft's task-pane templates.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

/**
 * https with Office's development certificate on Windows and Mac, where Excel needs it (the first
 * call installs it, as Microsoft's templates do); plain http elsewhere — the playground needs none.
 * Only when serving: a build must never touch certificates.
 */
async function devServerTransport(serving) {
  if (!serving || (process.platform !== "win32" && process.platform !== "darwin")) return "http";
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch {
    return "http";
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      playground: "./src/playground/index.tsx",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"], fallback: { fs: false, path: false, os: false, crypto: false, stream: false } },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", moduleResolution: "bundler" } } } },
        // The plan's seed texts are bundled as strings: the task pane parses them like the CLI does.
        { test: /\.txt$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    plugins: [
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
      port: 3000,
      server: await devServerTransport(Boolean(env && env.WEBPACK_SERVE)),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.join(__dirname, "dist") },
      client: { overlay: false },
    },
  };
};
