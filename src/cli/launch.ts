#!/usr/bin/env node
/**
 * The installed command, `dist/claimcheck.js`: runs the CLI bundle with V8's code cache.
 *
 * Node 20 has no compile cache for its own module loader (`module.enableCompileCache` arrived in
 * Node 22), so the CLI is bundled as one CommonJS script and compiled here with `vm.Script`,
 * handing V8 the bytecode that the build saved after a warm-up run. The functions a report needs
 * are then loaded, not compiled. A cache that belongs to another build, is damaged, or that V8
 * refuses (another Node version, other V8 flags) is ignored: the bundle compiles as it would
 * without one.
 *
 * Built as CommonJS (see .build/build.mjs), so `__dirname` is CommonJS's own.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";
import * as zlib from "node:zlib";

const bundlePath = join(__dirname, "claimcheck-cli.cjs");
const cachePath = join(__dirname, "claimcheck-cli.v8cache");
/** Set only by the build's warm-up run: save the bytecode compiled by the time it exits. */
const writeCache = process.env.CLAIMCHECK_BUILD_CODE_CACHE === "1";
// V8 checks a cache's version, flags and source length, but not its bytes: damaged bytes would
// crash the process. So a cache carries a CRC-32 of its data (zlib.crc32: Node 20.15 and later;
// on older versions the cache is not used).
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

// process.hrtime, not performance.now(): the global `performance` loads perf_hooks when touched.
const started = process.hrtime.bigint();
const source = readFileSync(bundlePath, "utf8");
// The bundle's first line names its build, and a cache starts with the same line: V8 compares only
// the source's length, which another build could share.
const buildLine = `${source.slice(0, source.indexOf("\n"))}\n`;
const cachedData = writeCache || crc32 === undefined ? undefined : cacheFor(buildLine, crc32);
// The bundle is written as the function CommonJS wraps a module in (see .build/build.mjs).
const script = new Script(source, {
  filename: bundlePath,
  ...(cachedData === undefined ? {} : { cachedData }),
});
const cacheState =
  cachedData === undefined ? "none" : script.cachedDataRejected ? "refused by V8" : "used";

if (writeCache && crc32 !== undefined) {
  process.once("exit", () => {
    const data = script.createCachedData();
    const temporary = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(header(buildLine, crc32(data))), data]));
    renameSync(temporary, cachePath);
  });
}
if (process.env.CLAIMCHECK_TIMING) {
  // The first of the stage lines that the bundle prints when it ends (pipeline/timing.ts).
  const ms = (Number(process.hrtime.bigint() - started) / 1e6).toFixed(0).padStart(6);
  process.stderr.write(`${`load code (cache ${cacheState})`.padEnd(27)}  ${ms} ms\n`);
}

/** A cache file's first two lines: the bundle's build, and the CRC-32 of the V8 data after them. */
function header(build: string, checksum: number): string {
  return `${build}crc32 ${checksum.toString(16).padStart(8, "0")}\n`;
}

/** The cache's V8 data when it was made for this very bundle and is whole; else nothing. */
function cacheFor(build: string, checksum: (data: Uint8Array) => number): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cachePath);
  } catch {
    return undefined; // no cache: compile as usual
  }
  const headerLength = header(build, 0).length;
  const data = file.subarray(headerLength);
  const expected = header(build, checksum(data));
  return file.subarray(0, headerLength).toString("latin1") === expected ? data : undefined;
}

type CommonJsWrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: unknown,
  filename: string,
  dirname: string,
) => void;

const run = script.runInThisContext() as CommonJsWrapper;
const bundleModule = { exports: {} };
run.call(
  bundleModule.exports,
  bundleModule.exports,
  createRequire(bundlePath),
  bundleModule,
  bundlePath,
  __dirname,
);
