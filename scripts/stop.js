// `npm stop`: ends what `npm start` began — the Excel debugging session and/or the dev server.
const { spawnSync } = require("child_process");
const fs = require("fs");
const { ROOT, DESKTOP, PID_FILE, packageCommand, isDevServerRunning, runningDevServer } = require("./dev-session");

const GRACE_MS = 5000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const debugging = DESKTOP ? packageCommand("office-addin-debugging") : null;
  // Unloads the add-in from Excel and stops the server office-addin-debugging started.
  if (debugging) spawnSync(process.execPath, [debugging, "stop", "manifest.xml"], { cwd: ROOT, stdio: "inherit" });

  const pid = runningDevServer();
  if (!pid) {
    fs.rmSync(PID_FILE, { force: true });
    console.log("没有在运行的开发服务器 / No dev server is running.");
    return;
  }
  process.kill(pid, "SIGTERM");
  // The server closes its port on SIGTERM; one that does not within the grace period is killed.
  for (let waited = 0; isDevServerRunning(pid) && waited < GRACE_MS; waited += 100) await sleep(100);
  if (isDevServerRunning(pid)) process.kill(pid, "SIGKILL");
  fs.rmSync(PID_FILE, { force: true });
  console.log(`已停止开发服务器（进程 ${pid}）/ Stopped the dev server (process ${pid}).`);
}

main();
