// Each test file's setup: the time limit per test of the file's Jest project (jest.config.js
// gives it as a global), and fast-check seeded with the run's seed (./fast-check-seed.js).
jest.setTimeout(globalThis.testTimeoutMs);
require("./fast-check-seed").configureWhenLoaded();
