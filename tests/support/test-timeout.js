// The time limit per test of the file's Jest project (jest.config.js gives it as a global).
jest.setTimeout(globalThis.testTimeoutMs);
