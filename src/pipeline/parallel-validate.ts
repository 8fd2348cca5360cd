/**
 * Parsing and validating claims files on worker threads. It is the one heavy stage whose work
 * is per file and needs nothing from other files. Each worker gets a contiguous slice of the
 * files and sends back, for each valid file, its validated data and position table: the two
 * things the file cache keeps. The main thread builds sources from them exactly as it does for
 * a cache hit, so the report is the same. A file with any finding comes back empty and is
 * validated again on the main thread, so that findings and partial files have one code path.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PositionTable } from "../load/position-table.js";
import type { TextFile } from "../validate/files.js";
import type { ClaimsFileData } from "../validate/schema.js";

/** What a worker sends back for one file: nothing when the file has findings. */
export type ValidatedInWorker =
  | { data: ClaimsFileData; table: PositionTable | undefined }
  | undefined;

/**
 * Below this much YAML per thread, a worker costs more than it saves: each one loads the YAML
 * parser and the schema (about 0.1 s), and its results are copied back to the main thread.
 */
export const BYTES_PER_THREAD = 2 * 1024 * 1024;
/** More threads than this gain little: copying results back is done on the main thread. */
const MAX_THREADS = 8;

/**
 * How many threads (the main one included) validate these files. `jobs` is the user's choice
 * (1 = no workers); without one, one thread per core, as long as each gets enough work.
 */
export function threadCount(jobs: number | undefined, files: readonly TextFile[]): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files.length));
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const byWork = Math.floor(bytes / BYTES_PER_THREAD);
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, byWork, files.length));
}

/** `files` cut into `count` contiguous slices of about equal size, in order. */
export function slicesOf<T extends { text: string }>(files: readonly T[], count: number): T[][] {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  const slices: T[][] = [];
  let current: T[] = [];
  let done = 0;
  for (const file of files) {
    current.push(file);
    done += file.text.length;
    // Cut once this slice's share of the bytes is reached, keeping one slice per thread.
    if (done >= (total * (slices.length + 1)) / count && slices.length < count - 1) {
      slices.push(current);
      current = [];
    }
  }
  if (current.length > 0 || slices.length === 0) slices.push(current);
  return slices;
}

/** The worker's script beside the bundle, or undefined when running from sources (tests). */
export function workerScript(): URL | undefined {
  // This module is bundled into dist/chunks/; the worker's entry point is dist/validate-worker.js.
  const url = new URL("../validate-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Starts one worker on `files`. The promise never rejects: a worker that fails (it cannot
 * start, runs out of memory, crashes) gives undefined for every file, and the main thread
 * validates them itself.
 */
export function validateInWorker(
  script: URL,
  files: readonly TextFile[],
): Promise<ValidatedInWorker[]> {
  const nothing = () => files.map((): ValidatedInWorker => undefined);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: { files } });
    } catch {
      resolve(nothing());
      return;
    }
    worker.once("message", (results: ValidatedInWorker[]) => {
      resolve(results.length === files.length ? results : nothing());
    });
    worker.once("error", () => resolve(nothing()));
    // Exiting without a message (process.exit in a dependency, say): the first settle wins.
    worker.once("exit", () => resolve(nothing()));
  });
}
