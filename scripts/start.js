// `npm start`: on Windows and Mac, sideload into Excel as Microsoft's templates do; elsewhere
// (Linux, CI) there is no Excel, so serve the add-in and the playground on localhost:3000.
const { spawn } = require("child_process");
const fs = require("fs");
const { ROOT, DESKTOP, PORT, PID_FILE, packageCommand, runningDevServer, devCertificates } = require("./dev-session");

/** Runs `node <script> ...args` in the foreground and records its process id for `npm stop`. */
function run(script, args) {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: "inherit" });
  fs.writeFileSync(PID_FILE, String(child.pid));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    fs.rmSync(PID_FILE, { force: true });
    process.exit(code ?? (signal ? 0 : 1));
  });
}

async function main() {
  const recorded = runningDevServer();
  if (recorded) {
    console.error(`已在运行（进程 ${recorded}），请先 npm stop / Already running (process ${recorded}): run npm stop first.`);
    process.exit(1);
  }

  const debugging = DESKTOP ? packageCommand("office-addin-debugging") : null;
  if (debugging) {
    // Builds, serves over https (installing the development certificate the first time) and opens Excel.
    run(debugging, ["start", "manifest.xml"]);
    return;
  }
  if (DESKTOP) {
    console.log("office-addin-debugging 未安装，无法自动旁加载 / office-addin-debugging is not installed, so Excel cannot be opened for you.");
    console.log("  安装 / install:  npm install   (it is an optional dependency)  or  npm install --no-save office-addin-debugging");
    console.log("  现在只启动服务器；可在 Excel 中手动上传 manifest.xml / Serving only; upload manifest.xml in Excel by hand.");
  } else {
    console.log("此处没有 Excel（Linux/CI），启动演练场 / No Excel here (Linux, CI): serving the playground.");
  }
  const scheme = (await devCertificates()) ? "https" : "http";
  console.log(`  演练场 Playground:   ${scheme}://localhost:${PORT}/playground.html`);
  console.log(`  任务窗格 Task pane:  ${scheme}://localhost:${PORT}/taskpane.html`);
  console.log("  停止 / stop:         npm stop  (or Ctrl+C)");
  // Both builds of webpack.config.js, the add-in and the playground, from one dev server.
  run(packageCommand("webpack-cli"), ["serve", "--mode", "development"]);
}

main();
