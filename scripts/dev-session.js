// What `npm start`, `npm stop` and the dev server (webpack.config.js) share: where the running
// server's process id is kept, how a package's command is found, and Office's development
// certificates for https://localhost:3000.
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const DESKTOP = process.platform === "win32" || process.platform === "darwin";
const PORT = 3000;
/** Written by `npm start`, read by `npm stop`. */
const PID_FILE = path.join(os.tmpdir(), `planbook-dev-server-${PORT}.pid`);

/**
 * The script behind an installed package's command, or null when the package is absent (the
 * Office tools are optional dependencies). Run as `node <script>`: no shell, no `.cmd` wrapper,
 * so the recorded process id is the server itself on every platform.
 */
function packageCommand(name) {
  let manifestPath;
  try {
    manifestPath = require.resolve(`${name}/package.json`, { paths: [ROOT] });
  } catch {
    return null;
  }
  const { bin } = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  const script = typeof bin === "string" ? bin : bin && (bin[name] ?? Object.values(bin)[0]);
  return script ? path.join(path.dirname(manifestPath), script) : null;
}

/**
 * Whether the process `npm start` recorded still runs. Where Linux's /proc shows command lines, a
 * reused process id of some other program does not count, so `npm stop` never ends a stranger.
 */
function isDevServerRunning(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== "EPERM") return false;
  }
  const commandLine = path.join(path.sep, "proc", String(pid), "cmdline");
  if (!fs.existsSync(commandLine)) return true;
  return /webpack|office-addin-debugging/.test(fs.readFileSync(commandLine, "utf8"));
}

/** The process id `npm start` recorded, if that process still runs. */
function runningDevServer() {
  const pid = fs.existsSync(PID_FILE) ? Number(fs.readFileSync(PID_FILE, "utf8")) : NaN;
  return Number.isInteger(pid) && pid > 0 && isDevServerRunning(pid) ? pid : null;
}

/**
 * The dev server's https options, or null for plain http. Excel, desktop or web, loads add-in
 * pages only over https; the playground needs none. On Windows and Mac the certificates are
 * created and trusted the first time, as Microsoft's templates do. Elsewhere (Linux, CI) trusting
 * them needs sudo, so they are used only if someone already ran `npx office-addin-dev-certs
 * install` (for Excel on the web).
 */
async function devCertificates() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    return null; // an optional dependency
  }
  try {
    if (DESKTOP) return await devCerts.getHttpsServerOptions();
    const files = require("office-addin-dev-certs/lib/defaults");
    const paths = [files.caCertificatePath, files.localhostCertificatePath, files.localhostKeyPath];
    if (!paths.every((file) => fs.existsSync(file))) return null;
    const [ca, cert, key] = paths.map((file) => fs.readFileSync(file));
    return { ca, cert, key };
  } catch (error) {
    console.warn(`开发证书不可用，改用 http / Development certificates unavailable, serving over http: ${error.message}`);
    return null;
  }
}

module.exports = { ROOT, DESKTOP, PORT, PID_FILE, packageCommand, isDevServerRunning, runningDevServer, devCertificates };
