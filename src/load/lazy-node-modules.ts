/**
 * Node modules that only some runs need, loaded on first use: node:crypto (hashes for --cache,
 * the github format's token), node:v8 (the cache's serialisation) and node:worker_threads (a
 * large project's parallel check). Loading them costs a few milliseconds of every start, most of
 * which need none of them. (`import()` is no help: the CLI's bundle runs as a script compiled
 * with a code cache, where a dynamic import of a Node module has nothing to load it.)
 */
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);
let crypto: typeof import("node:crypto") | undefined;
let v8: typeof import("node:v8") | undefined;

export const nodeCrypto = (): typeof import("node:crypto") =>
  (crypto ??= load("node:crypto") as typeof import("node:crypto"));

export const nodeV8 = (): typeof import("node:v8") =>
  (v8 ??= load("node:v8") as typeof import("node:v8"));

let workerThreads: typeof import("node:worker_threads") | undefined;

export const nodeWorkerThreads = (): typeof import("node:worker_threads") =>
  (workerThreads ??= load("node:worker_threads") as typeof import("node:worker_threads"));
