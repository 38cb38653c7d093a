/* global require, module, process */
/**
 * Jest's global setup: a directory for this run's shared test corpora (./corpus.ts), named in
 * an environment variable the test workers inherit. ./globalTeardown.js removes it.
 */
const { mkdtempSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

module.exports = async () => {
  process.env.BYRDE_TEST_KORPUS = mkdtempSync(join(tmpdir(), "byrde-korpus-"));
};
