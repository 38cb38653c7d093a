/* global require, __dirname */
// A read worker for test/xlsx/hostile.test.ts: a file named "...hukommelse..." fills the
// worker's heap, one named "...tid..." never finishes (blocked, not busy); any other file is
// read as the real worker (dist/cli/readWorker.js) reads it.
const { parentPort } = require("worker_threads");
const { join } = require("path");
const { readReturn } = require(join(__dirname, "..", "..", "dist", "xlsx", "read.js"));

parentPort.on("message", (request) => {
  if (request.name.includes("hukommelse")) {
    const hog = [];
    for (;;) hog.push(new Array(1e6).fill(hog.length + 0.5));
  }
  // Blocked for good without using a core (a busy loop would slow the other tests): the pool's
  // time limit is what ends it.
  if (request.name.includes("tid")) for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  readReturn(request.bytes, request.name).then((raw) => parentPort.postMessage(raw));
});
