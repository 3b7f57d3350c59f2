/**
 * `planbook` starts from the JavaScript `npm ci` built, never from TypeScript: nothing is
 * transpiled at start-up, and tsx is not needed at run time.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { BIN, ROOT, buildCli, planbook } from "../../support/cli";

/** A preload that makes loading any TypeScript file, or tsx, fail the process. */
function noTypeScriptPreload(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "planbook-start-")), "no-typescript.js");
  writeFileSync(
    file,
    `const Module = require("module");
     const load = Module._load;
     Module._load = function (request, ...rest) {
       if (/^tsx(\\/|$)/.test(request) || /\\.tsx?$/.test(request)) throw new Error("loaded TypeScript at run time: " + request);
       return load.call(this, request, ...rest);
     };
     for (const ext of [".ts", ".tsx"]) require.extensions[ext] = () => { throw new Error("transpiled " + ext + " at run time"); };`,
  );
  return file;
}

describe("the planbook command", () => {
  beforeAll(buildCli);

  test("--help prints the usage and exits 0", () => {
    const result = planbook(["--help"], os.tmpdir());
    expect([result.status, result.stdout]).toEqual([0, expect.stringContaining("planbook merge --out <summary.xlsx>")]);
  });

  test.each([["--help"], ["plan", "--json"], ["template", "--scope", "province", "--period", "2026-10", "--out", "t.xlsx"]])(
    "planbook %s runs without loading TypeScript or tsx",
    (...args) => {
      const cwd = mkdtempSync(path.join(os.tmpdir(), "planbook-start-"));
      const result = spawnSync(process.execPath, ["--require", noTypeScriptPreload(), BIN, ...args], { cwd, encoding: "utf8" });
      expect([result.status, result.stderr]).toEqual([0, ""]);
    },
  );

  test("a run keeps V8's compiled code for its command beside the bundle, and a damaged cache is ignored and replaced", () => {
    const cache = path.join(ROOT, "dist", "cli", "planbook.plan.cache");
    rmSync(cache, { force: true });
    const first = planbook(["plan", "--json"], os.tmpdir());
    const written = existsSync(cache);
    writeFileSync(cache, "not V8's code");
    const second = planbook(["plan", "--json"], os.tmpdir());
    expect([first.status, written, second.status, second.stdout === first.stdout, readFileSync(cache).toString() !== "not V8's code"]).toEqual([
      0,
      true,
      0,
      true,
      true,
    ]);
  });

  test("npx planbook, as the README shows, runs the built command from the project folder", () => {
    const result = spawnSync("npx", ["--offline", "planbook", "--help"], { cwd: ROOT, encoding: "utf8" });
    expect([result.status, result.stdout]).toEqual([0, expect.stringContaining("planbook check <file.xlsx>")]);
  });
});
