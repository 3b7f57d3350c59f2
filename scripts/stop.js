// `npm stop`: ends what `npm start` began (the Excel debugging session and/or the dev server).
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const PID_FILE = path.join(os.tmpdir(), "planbook-dev-server.pid");
const root = path.join(__dirname, "..");
const debugging = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");

if ((process.platform === "win32" || process.platform === "darwin") && fs.existsSync(debugging)) {
  spawnSync(debugging, ["stop", "manifest.xml"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
}
if (fs.existsSync(PID_FILE)) {
  const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(`stopped the dev server (pid ${pid})`);
  } catch {
    console.log("the dev server was not running");
  }
  fs.rmSync(PID_FILE, { force: true });
} else {
  console.log("nothing to stop");
}
