#!/usr/bin/env node
"use strict";
// The compiled CLI (npm run build:cli, run automatically by npm install via "prepare").
require("../dist/cli/main.js")
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
