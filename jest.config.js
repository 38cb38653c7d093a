/* global module, require, process */
const os = require("os");
const swc = require("./scripts/swc");

const HURTIG = process.env.BYRDE_HURTIG === "1";

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default leaves one core to itself: one worker on a 2-core machine. The main process
  // mostly waits, so a worker per core (at least two) finishes sooner.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testEnvironment: "node",
  // jest-runtime with V8's code cache for the modules each test file loads again.
  runtime: "<rootDir>/test/helpers/runtime.js",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // test:hurtig runs without a browser: the browser suites are not even loaded (the summary
  // reporter says so), and the rest skip what needs a build or another program
  // (test/helpers/requirements.ts).
  testPathIgnorePatterns: ["/node_modules/", ...(HURTIG ? ["\\.e2e\\.test\\.tsx?$"] : [])],
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
  reporters: [
    "default",
    [
      "<rootDir>/test/helpers/summary-reporter.js",
      HURTIG
        ? { notRun: "npm run test:hurtig: browsertestene (test/e2e/*.e2e.test.ts) er ikke kørt." }
        : {},
    ],
  ],
};
