/**
 * How many threads a check or fmt may use (see pipeline/parallel-check.ts): by default one per
 * core the machine offers, for a project of at least AUTO_MIN_FILES claims files.
 * CLAIMCHECK_THREADS=N asks for exactly N threads whatever the project's size (1: the main
 * thread alone).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { ParallelOptions } from "../pipeline/parallel-check.js";

/**
 * Below this many claims files one thread is faster: another thread starts in about 40 ms, then
 * warms up its own copy of the parser and the schema, and what it makes is copied back. At 400
 * files (10,000 claims) two threads took 1.3 to 1.6 s against 1.1 to 1.4 s for one; at 4,000
 * (100,000 claims) they gained a few tenths of a second.
 */
export const AUTO_MIN_FILES = 1000;

/**
 * The same for fmt, which does about twice the work per file (it parses, writes the document out
 * and reads the result back): on an idle 2-core machine two threads took 0.66 s against 0.52 s
 * for one at 41 files, were even at 200 (1.36 against 1.29 s) and faster at 401 (1.7 against
 * 1.96 s; medians of 3 to 5). On a busy machine, where the second core is taken, they gain nothing.
 */
export const FMT_AUTO_MIN_FILES = 300;

/** The argument a worker thread is started with, so that the CLI's entry runs the worker. */
export const WORKER_ARGUMENT = "--claimcheck-check-worker";

export function parallelOptions(
  env: NodeJS.ProcessEnv,
  keepArticleTexts: boolean,
  autoMinFiles = AUTO_MIN_FILES,
): ParallelOptions | undefined {
  // The built command (dist/claimcheck.js) starts the workers; run from the sources (in tests,
  // in-process) there is none, and the check stays in one thread.
  const script = fileURLToPath(new URL("./claimcheck.js", import.meta.url));
  if (!existsSync(script)) return undefined;
  const asked = Number.parseInt(env.CLAIMCHECK_THREADS ?? "", 10);
  const threads = Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
  if (threads < 2) return undefined;
  return {
    workerScript: script,
    workerArguments: [WORKER_ARGUMENT],
    workers: threads - 1,
    minFiles: Number.isInteger(asked) ? 0 : autoMinFiles,
    keepArticleTexts,
  };
}
