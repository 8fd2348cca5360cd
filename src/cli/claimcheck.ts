#!/usr/bin/env node
import { fail, nodeIo } from "./io.js";
import { main } from "./main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = fail(nodeIo(), error);
  },
);
