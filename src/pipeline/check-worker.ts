/**
 * A worker thread of a parallel check (parallel-check.ts): validates the vocabulary for itself,
 * then takes files from the shared counter until none are left, checks each as the main thread
 * would (check-file.ts) and sends the outcomes of each take back. Any error is sent too, so the
 * main thread fails with it rather than waiting.
 */
import { realpathSync } from "node:fs";
import type { Finding } from "../findings/finding.js";
import { ProjectFileReader } from "../load/project-files.js";
import { DEFAULT_MAX_FILE_BYTES } from "../load/read-text.js";
import { RealPaths } from "../load/real-paths.js";
import { emptyVocabulary } from "../validate/to-model.js";
import { checkClaimsFile, type FileCheckContext } from "./check-file.js";
import { encodeOutcome, type SentOutcome } from "./outcome-transfer.js";
import { FILES_PER_TAKE, type WorkerInput, type WorkerMessage } from "./parallel-check.js";
import { limitVocabulary } from "./string-limit.js";

export async function runCheckWorker(input: WorkerInput): Promise<void> {
  const { port } = input;
  // The port must not keep this thread alive once its work is sent.
  port.unref();
  const send = (message: WorkerMessage) => port.postMessage(message);
  try {
    const validators = await import("../validate/validate-file.js");
    const vocabulary = input.vocabulary
      ? validators.validateVocabularyFile(input.vocabulary).vocabulary
      : undefined;
    const context: FileCheckContext = {
      root: input.root,
      realRoot: realpathSync.native(input.root),
      realPaths: new RealPaths(),
      maxFileBytes: input.maxFileBytes,
      maxStringLength: input.maxStringLength,
      vocabulary,
      limitedVocabulary: limitVocabulary(
        vocabulary ?? emptyVocabulary(input.vocabularyPath),
        input.maxStringLength,
      ).vocabulary,
      validators: async () => validators,
      // A worker has no cache, so nothing is read from one.
      cachedResolver: () => {
        throw new Error("no cache in a worker thread");
      },
    };
    const reader = new ProjectFileReader(input.root, input.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    const next = new Int32Array(input.counter);
    const { paths } = input;
    for (;;) {
      const start = Atomics.add(next, 0, FILES_PER_TAKE);
      if (start >= paths.length) break;
      const outcomes: SentOutcome[] = [];
      for (let index = start; index < Math.min(start + FILES_PER_TAKE, paths.length); index++) {
        const readFindings: Finding[] = [];
        const file = reader.read(paths[index]!, true, readFindings);
        const outcome = file ? await checkClaimsFile(file, context) : undefined;
        outcomes.push({
          index,
          readFindings,
          outcome: outcome && file && encodeOutcome(outcome, file, input.keepArticleTexts),
        });
      }
      send({ outcomes });
    }
  } catch (error) {
    send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
