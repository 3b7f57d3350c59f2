/**
 * The add-in's build (dist/) holds only the add-in: the playground, which bundles the in-memory
 * Excel host and HyperFormula (GPL-3.0), is built on its own into dist-playground/. Run after
 * `npm run build` and `npm run build:playground` (npm test does both).
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");

/** HyperFormula's own words, which survive minification: its license-key messages. */
const HYPERFORMULA = /The license key for HyperFormula/;

/** Every file of a build folder that contains HyperFormula's code. */
function filesWithHyperFormula(folder: string): string[] {
  const directory = path.join(ROOT, folder);
  if (!existsSync(path.join(directory, folder === "dist" ? "taskpane.html" : "playground.html"))) {
    throw new Error(`${folder}/ is not built: run \`npm run build\` and \`npm run build:playground\` first (npm test does)`);
  }
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(js|html)$/.test(file))
    .filter((file) => HYPERFORMULA.test(readFileSync(path.join(directory, file), "utf8")));
}

describe("the builds", () => {
  test("the add-in's dist/ has no HyperFormula code and no playground", () => {
    expect([filesWithHyperFormula("dist"), existsSync(path.join(ROOT, "dist", "playground.html"))]).toEqual([[], false]);
  });

  test("the playground's own build does bundle HyperFormula (so the search above can find it)", () => {
    expect(filesWithHyperFormula("dist-playground")).toEqual(["playground.js"]);
  });
});
