/**
 * A worker thread's entry point (see parallel-validate.ts): validates the claims files it is
 * given and posts back, for each, what the file cache would keep, or nothing for a file that
 * has any finding (the main thread validates that one again, to report it the usual way).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { TextFile } from "../validate/files.js";
import { validateClaimsFile } from "../validate/validate-file.js";
import type { ValidatedInWorker } from "./parallel-validate.js";

const { files } = workerData as { files: TextFile[] };
const results: ValidatedInWorker[] = files.map((file) => {
  const result = validateClaimsFile(file);
  if (!result.data || result.findings.length > 0) return undefined;
  return { data: result.data, table: result.parsed.table };
});
// The tables' offsets travel as transferred buffers rather than copies.
const buffers = new Set<ArrayBuffer>();
for (const result of results) {
  for (const list of Object.values(result?.table?.lists ?? {}))
    buffers.add(list.buffer as ArrayBuffer);
}
parentPort?.postMessage(results, [...buffers]);
