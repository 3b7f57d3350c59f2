// `npm start`: on Windows and Mac, sideload into Excel as Microsoft's templates do; elsewhere
// (Linux, CI) there is no Excel, so serve the add-in and the playground on localhost:3000.
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const PID_FILE = path.join(os.tmpdir(), "planbook-dev-server.pid");
const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  fs.writeFileSync(PID_FILE, String(child.pid));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => {
    fs.rmSync(PID_FILE, { force: true });
    process.exit(code ?? 0);
  });
}

if ((process.platform === "win32" || process.platform === "darwin") && fs.existsSync(bin("office-addin-debugging"))) {
  run(bin("office-addin-debugging"), ["start", "manifest.xml"]);
} else {
  if (process.platform === "win32" || process.platform === "darwin") {
    console.log("office-addin-debugging is not installed (optional dependency); serving without sideloading.");
  } else {
    console.log("没有 Excel（Linux/CI）：启动演练场 / No Excel here: serving the playground.");
  }
  console.log("  Playground 演练场: http://localhost:3000/playground.html");
  console.log("  Task pane 任务窗格: http://localhost:3000/taskpane.html");
  run(bin("webpack"), ["serve", "--mode", "development"]);
}
