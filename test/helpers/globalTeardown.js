/* global require, module, process */
/**
 * Jest's global teardown: removes the corpus directory of a run that asked for one of its own
 * (BYRDE_TEST_KORPUS_NY=1, ./globalSetup.js); the shared one is kept for the next run.
 */
const { rmSync } = require("fs");

module.exports = async () => {
  const dir = process.env.BYRDE_TEST_KORPUS;
  if (dir && process.env.BYRDE_TEST_KORPUS_FJERN === "1")
    rmSync(dir, { recursive: true, force: true });
};
