/* global require, module, process */
/** Jest's global teardown: removes this run's shared test corpora (./globalSetup.js). */
const { rmSync } = require("fs");

module.exports = async () => {
  const dir = process.env.BYRDE_TEST_KORPUS;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
