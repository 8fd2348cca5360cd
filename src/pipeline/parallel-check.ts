/**
 * A large project's claims files checked by the main thread and worker threads together. Each
 * thread takes the next few files from a shared counter (so a thread that starts late, or meets
 * large files, simply takes fewer), reads them and does their own work (check-file.ts); the
 * workers send what they made back, and the main thread puts every file's outcome in its place
 * in file order. check.ts then goes on exactly as when one thread did everything.
 *
 * Starting a thread costs about 40 ms (a V8 isolate, and the CLI's code from its cache), so a
 * small project is checked by the main thread alone. The threads start as soon as the files are
 * listed, while the main thread validates the vocabulary, and wait for it: validating it again in
 * each thread, its code still cold, took a worker some 350 ms at 100,000 claims.
 */
import type { MessagePort } from "node:worker_threads";
import type { Finding } from "../findings/finding.js";
import { nodeWorkerThreads } from "../load/lazy-node-modules.js";
import type { PositionTable } from "../load/position-table.js";
import { ProjectFileReader } from "../load/project-files.js";
import { DEFAULT_MAX_FILE_BYTES } from "../load/read-text.js";
import type { TextFile } from "../validate/files.js";
import type { VocabularyData } from "../validate/schema.js";
import { checkClaimsFile, type FileCheckContext, type FileOutcome } from "./check-file.js";
import { decodeOutcome, type SentOutcome } from "./outcome-transfer.js";
import { timedAsync } from "./timing.js";

export interface ParallelOptions {
  /** The script a worker runs: the CLI's own command, which then runs check-worker.ts. */
  workerScript: string;
  /** The arguments it gets, which tell it to be a worker. */
  workerArguments: string[];
  /** Worker threads besides the main one. */
  workers: number;
  /** A project with fewer claims files is checked by the main thread alone. */
  minFiles: number;
  /** Whether the articles' texts come back from the workers (the html format shows them). */
  keepArticleTexts: boolean;
}

/** What a worker is started with (its workerData). */
export interface WorkerInput {
  claimcheckCheckWorker: true;
  root: string;
  paths: readonly string[];
  vocabulary: TextFile | undefined;
  vocabularyPath: string;
  maxFileBytes: number | undefined;
  maxStringLength: number;
  keepArticleTexts: boolean;
  /** Int32Array over shared memory: [0] the next file to take. */
  counter: SharedArrayBuffer;
  port: MessagePort;
}

/**
 * The vocabulary as the main thread validated it, the first message a worker gets: its data and
 * position table (the worker builds the model from them, as from the cache); "none" when there is
 * none or it is invalid; "validate" when it is valid with findings (a duplicate name), which
 * leave no data to share.
 */
export type SharedVocabulary =
  | { data: VocabularyData; table: PositionTable | undefined }
  | "none"
  | "validate";

/** What a worker sends: the outcomes of the files it took, or the error that stopped it. */
export type WorkerMessage = { outcomes: SentOutcome[] } | { error: string };

/** Files a thread takes at a time: few enough that the threads end close together. */
export const FILES_PER_TAKE = 8;

export interface ParallelOutcome {
  /** Each file's outcome, in file order; none for a file that could not be read. */
  outcomes: FileOutcome[];
  /** Per file, in file order: why it could not be read. */
  readFindings: Finding[][];
}

/** Worker threads started for a project, waiting for its vocabulary (shareVocabulary). */
export interface StartedWorkers {
  threads: Thread[];
  /** Int32Array over shared memory: [0] the next file to take. */
  counter: SharedArrayBuffer;
}

/** Where the workers read and how they check, besides the vocabulary. */
export interface WorkerSettings {
  root: string;
  maxFileBytes: number | undefined;
  maxStringLength: number;
}

/** The worker threads for these files; none for a project below options.minFiles. */
export function startWorkers(
  paths: readonly string[],
  vocabulary: TextFile | undefined,
  vocabularyPath: string,
  settings: WorkerSettings,
  options: ParallelOptions,
): StartedWorkers | undefined {
  const workers = paths.length >= options.minFiles ? Math.max(0, options.workers) : 0;
  if (workers === 0) return undefined;
  const counter = new SharedArrayBuffer(4);
  const threads = Array.from({ length: workers }, () =>
    startThread(
      options,
      (port): WorkerInput => ({
        claimcheckCheckWorker: true,
        root: settings.root,
        paths,
        vocabulary,
        vocabularyPath,
        maxFileBytes: settings.maxFileBytes,
        maxStringLength: settings.maxStringLength,
        keepArticleTexts: options.keepArticleTexts,
        counter,
        port,
      }),
    ),
  );
  return { threads, counter };
}

/** A worker thread running the CLI's own command with this data, and the port it answers on. */
export function startThread(
  options: { workerScript: string; workerArguments: string[] },
  data: (port: MessagePort) => object,
): Thread {
  const { Worker, MessageChannel } = nodeWorkerThreads();
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(options.workerScript, {
    argv: options.workerArguments,
    // The stage timings are the main thread's to print.
    env: withoutTiming(process.env),
    workerData: data(port2),
    transferList: [port2],
  });
  return { worker, port: port1 };
}

/** Lets the workers start on the files: the vocabulary they check claims against. */
export function shareVocabulary(started: StartedWorkers, vocabulary: SharedVocabulary): void {
  for (const { port } of started.threads) port.postMessage(vocabulary);
}

/** Ends the threads (after their work, or when the check stops before it). */
export function stopWorkers(started: StartedWorkers): void {
  for (const { worker, port } of started.threads) {
    port.close();
    void worker.terminate();
  }
}

export async function checkInParallel(
  paths: readonly string[],
  context: FileCheckContext,
  started: StartedWorkers | undefined,
): Promise<ParallelOutcome> {
  const done: (FileOutcome | null | undefined)[] = new Array(paths.length);
  const readFindings: Finding[][] = new Array(paths.length);
  const reader = new ProjectFileReader(
    context.root,
    context.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  );
  const checkOne = async (i: number) => {
    const findings: Finding[] = [];
    const file = reader.read(paths[i]!, true, findings);
    readFindings[i] = findings;
    done[i] = file ? await checkClaimsFile(file, context) : null;
  };
  if (!started) {
    for (let i = 0; i < paths.length; i++) await checkOne(i);
    return collect(done, readFindings);
  }

  const { receiveMessageOnPort } = nodeWorkerThreads();
  const { threads } = started;
  const next = new Int32Array(started.counter);
  let received = 0;
  const accept = (message: WorkerMessage) => {
    if ("error" in message) throw new Error(`a worker thread failed: ${message.error}`);
    for (const sent of message.outcomes) {
      readFindings[sent.index] = sent.readFindings;
      done[sent.index] = sent.outcome ? decodeOutcome(sent.outcome) : null;
      received++;
    }
  };
  const drain = () => {
    for (const { port } of threads) {
      for (;;) {
        const got = receiveMessageOnPort(port);
        if (got === undefined) break;
        accept(got.message as WorkerMessage);
      }
    }
  };

  try {
    // The main thread takes files too, and between takes collects what the workers sent.
    let own = 0;
    for (;;) {
      const start = Atomics.add(next, 0, FILES_PER_TAKE);
      if (start >= paths.length) break;
      const end = Math.min(start + FILES_PER_TAKE, paths.length);
      for (let i = start; i < end; i++) await checkOne(i);
      own += end - start;
      drain();
    }
    // The rest comes from the workers, as they finish their last files.
    drain();
    const expected = paths.length - own;
    if (received < expected)
      await timedAsync("wait for worker threads", () =>
        waitFor(threads, accept, drain, () => received >= expected),
      );
  } finally {
    stopWorkers(started);
  }
  return collect(done, readFindings);
}

function collect(
  done: readonly (FileOutcome | null | undefined)[],
  readFindings: Finding[][],
): ParallelOutcome {
  const outcomes: FileOutcome[] = [];
  for (const outcome of done) if (outcome) outcomes.push(outcome);
  return { outcomes, readFindings };
}

export type Thread = { worker: import("node:worker_threads").Worker; port: MessagePort };

/**
 * Resolves once `finished()` holds, taking each message as it comes; rejects when a worker fails
 * or stops before then.
 */
export function waitFor<Message>(
  threads: readonly Thread[],
  accept: (message: Message) => void,
  drain: () => void,
  finished: () => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (work: () => void) => {
      try {
        work();
        if (finished()) resolve();
      } catch (error) {
        reject(error);
      }
    };
    let running = threads.length;
    for (const { worker, port } of threads) {
      port.on("message", (message: Message) => settle(() => accept(message)));
      worker.once("error", reject);
      worker.once("exit", (code) =>
        settle(() => {
          running--;
          if (code !== 0) throw new Error(`a worker thread stopped (exit code ${code})`);
          // What the last one sent before it ended may not have been delivered yet.
          drain();
          if (running === 0 && !finished())
            throw new Error("the worker threads ended before every file was done");
        }),
      );
    }
  });
}

/** The environment for a worker: the stage timings are the main thread's to print. */
export function withoutTiming(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && key !== "CLAIMCHECK_TIMING") out[key] = value;
  return out;
}
