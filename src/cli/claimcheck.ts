import { nodeWorkerThreads } from "../load/lazy-node-modules.js";
import { enableTiming, timingReport } from "../pipeline/timing.js";
import { fail, nodeIo } from "./io.js";
import { guardOutput } from "./log-guard.js";
import { main } from "./main.js";
import { WORKER_ARGUMENT } from "./threads.js";

if (process.argv[2] === WORKER_ARGUMENT) void runAsWorker();
else runCommand();

function runCommand(): void {
  const timing = Boolean(process.env.CLAIMCHECK_TIMING);
  if (timing) enableTiming();

  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      if (timing) {
        process.stderr.write(
          `${timingReport()}total (since node started)  ${performance.now().toFixed(0)} ms\n`,
        );
      }
    },
    (error: unknown) => {
      const guarded = guardOutput(nodeIo());
      process.exitCode = fail(guarded.io, error);
      guarded.end();
    },
  );
}

/**
 * A worker thread of a parallel check (pipeline/parallel-check.ts) or of a parallel fmt
 * (edit/parallel-format.ts); else the argument is a mistake.
 */
async function runAsWorker(): Promise<void> {
  const threads = nodeWorkerThreads();
  const input = threads.workerData as
    | { claimcheckCheckWorker?: boolean; claimcheckFormatWorker?: boolean }
    | undefined;
  if (!threads.isMainThread && input?.claimcheckCheckWorker === true) {
    const { runCheckWorker } = await import("../pipeline/check-worker.js");
    return runCheckWorker(threads.workerData);
  }
  if (!threads.isMainThread && input?.claimcheckFormatWorker === true) {
    const { runFormatWorker } = await import("../edit/parallel-format.js");
    return runFormatWorker(threads.workerData);
  }
  return runCommand();
}
