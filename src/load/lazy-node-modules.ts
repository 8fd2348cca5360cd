/**
 * Node modules that only some runs need, loaded on first use: node:crypto (hashes for --cache,
 * the github format's token) and node:v8 (the cache's serialisation). Loading them costs a few
 * milliseconds of every start, most of which need neither.
 */
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);
let crypto: typeof import("node:crypto") | undefined;
let v8: typeof import("node:v8") | undefined;

export const nodeCrypto = (): typeof import("node:crypto") =>
  (crypto ??= load("node:crypto") as typeof import("node:crypto"));

export const nodeV8 = (): typeof import("node:v8") =>
  (v8 ??= load("node:v8") as typeof import("node:v8"));
