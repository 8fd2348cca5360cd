/**
 * `claimcheck fmt` on many files, by the main thread and worker threads together, as the check
 * does (pipeline/parallel-check.ts): each thread takes the next few files from a shared counter,
 * reads and formats them (format-file.ts), and the workers send what they made back. The command
 * then reports and writes the files in their order, as when one thread did everything.
 */
import type { MessagePort } from "node:worker_threads";
import { nodeWorkerThreads } from "../load/lazy-node-modules.js";
import {
  FILES_PER_TAKE,
  type ParallelOptions,
  startThread,
  type Thread,
  waitFor,
} from "../pipeline/parallel-check.js";
import { timed, timedAsync } from "../pipeline/timing.js";
import { type FormatTarget, type FormattedFile, formatFile } from "./format-file.js";

/** What a format worker is started with (its workerData). */
export interface FormatWorkerInput {
  claimcheckFormatWorker: true;
  targets: readonly FormatTarget[];
  maxFileSize: number | undefined;
  /** Int32Array over shared memory: [0] the next file to take. */
  counter: SharedArrayBuffer;
  port: MessagePort;
}

/** What a format worker sends: its files by index, or the error that stopped it. */
export type FormatWorkerMessage = { formatted: [number, FormattedFile][] } | { error: string };

/** Every target read and formatted, in the targets' order. */
export async function formatFiles(
  targets: readonly FormatTarget[],
  maxFileSize: number | undefined,
  options: ParallelOptions | undefined,
): Promise<FormattedFile[]> {
  const done: FormattedFile[] = new Array(targets.length);
  const formatOne = (i: number) => {
    done[i] = timed("format files", () => formatFile(targets[i]!, maxFileSize));
  };
  const workers = options && targets.length >= options.minFiles ? Math.max(0, options.workers) : 0;
  if (options === undefined || workers === 0) {
    for (let i = 0; i < targets.length; i++) formatOne(i);
    return done;
  }

  const { receiveMessageOnPort } = nodeWorkerThreads();
  const counter = new SharedArrayBuffer(4);
  const next = new Int32Array(counter);
  let received = 0;
  const accept = (message: FormatWorkerMessage) => {
    if ("error" in message) throw new Error(`a worker thread failed: ${message.error}`);
    for (const [index, file] of message.formatted) {
      done[index] = file;
      received++;
    }
  };
  const threads: Thread[] = Array.from({ length: workers }, () =>
    startThread(
      options,
      (port): FormatWorkerInput => ({
        claimcheckFormatWorker: true,
        targets,
        maxFileSize,
        counter,
        port,
      }),
    ),
  );
  const drain = () => {
    for (const { port } of threads) {
      for (;;) {
        const got = receiveMessageOnPort(port);
        if (got === undefined) break;
        accept(got.message as FormatWorkerMessage);
      }
    }
  };

  try {
    // The main thread takes files too, and between takes collects what the workers sent.
    let own = 0;
    for (;;) {
      const start = Atomics.add(next, 0, FILES_PER_TAKE);
      if (start >= targets.length) break;
      const end = Math.min(start + FILES_PER_TAKE, targets.length);
      for (let i = start; i < end; i++) formatOne(i);
      own += end - start;
      drain();
    }
    drain();
    const expected = targets.length - own;
    if (received < expected)
      await timedAsync("wait for worker threads", () =>
        waitFor(threads, accept, drain, () => received >= expected),
      );
  } finally {
    for (const { worker, port } of threads) {
      port.close();
      void worker.terminate();
    }
  }
  return done;
}

/** A format worker: takes files from the shared counter until none are left. */
export function runFormatWorker(input: FormatWorkerInput): void {
  const { port, targets } = input;
  // The port must not keep this thread alive once its work is sent.
  port.unref();
  const send = (message: FormatWorkerMessage) => port.postMessage(message);
  try {
    const next = new Int32Array(input.counter);
    for (;;) {
      const start = Atomics.add(next, 0, FILES_PER_TAKE);
      if (start >= targets.length) break;
      const formatted: [number, FormattedFile][] = [];
      for (let i = start; i < Math.min(start + FILES_PER_TAKE, targets.length); i++)
        formatted.push([i, formatFile(targets[i]!, input.maxFileSize)]);
      send({ formatted });
    }
  } catch (error) {
    send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
