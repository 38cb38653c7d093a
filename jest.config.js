/* global module, require */
const os = require("os");
const swc = require("./scripts/swc");

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default leaves one core to itself: one worker on a 2-core machine. The main process
  // mostly waits, so a worker per core (at least two) finishes sooner.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // swc strips the types (the type check is its own step): see scripts/swc.js.
    "^.+\\.tsx?$": ["@swc/jest", { ...swc, module: { type: "commonjs" } }],
  },
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, which under Jest 30 drags in an ESM-only module.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
  },
  testTimeout: 60000,
  // A directory for the generated corpora that several suites share (test/helpers/corpus.ts).
  globalSetup: "<rootDir>/test/helpers/globalSetup.js",
  globalTeardown: "<rootDir>/test/helpers/globalTeardown.js",
  reporters: ["default", "<rootDir>/test/helpers/summary-reporter.js"],
};
