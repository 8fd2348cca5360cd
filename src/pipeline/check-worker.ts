/**
 * A worker thread of a parallel check (parallel-check.ts): loads its code while the main thread
 * validates the vocabulary, builds the vocabulary from what the main thread sends (or validates
 * it for itself when told to), then takes files from the shared counter until none are left,
 * checks each as the main thread would (check-file.ts) and sends the outcomes of each take back.
 * Any error is sent too, so the main thread fails with it rather than waiting.
 */
import { once } from "node:events";
import { realpathSync } from "node:fs";
import type { Finding } from "../findings/finding.js";
import { storedTableResolver } from "../load/position-table.js";
import { ProjectFileReader } from "../load/project-files.js";
import { DEFAULT_MAX_FILE_BYTES } from "../load/read-text.js";
import { RealPaths } from "../load/real-paths.js";
import type { Vocabulary } from "../model/project.js";
import type { TextFile } from "../validate/files.js";
import { buildVocabulary, emptyVocabulary } from "../validate/to-model.js";
import { checkClaimsFile, type FileCheckContext } from "./check-file.js";
import { encodeOutcome, type SentOutcome } from "./outcome-transfer.js";
import {
  FILES_PER_TAKE,
  type SharedVocabulary,
  type WorkerInput,
  type WorkerMessage,
} from "./parallel-check.js";
import { limitVocabulary } from "./string-limit.js";

export async function runCheckWorker(input: WorkerInput): Promise<void> {
  const { port } = input;
  // The port must not keep this thread alive once its work is sent.
  port.unref();
  const send = (message: WorkerMessage) => port.postMessage(message);
  try {
    const validators = await import("../validate/validate-file.js");
    // The first message: the vocabulary. The listener holds the port open until it comes.
    const [shared] = (await once(port, "message")) as [SharedVocabulary];
    const vocabulary = vocabularyFrom(shared, input.vocabulary, validators);
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

function vocabularyFrom(
  shared: SharedVocabulary,
  file: TextFile | undefined,
  validators: typeof import("../validate/validate-file.js"),
): Vocabulary | undefined {
  if (shared === "none" || !file) return undefined;
  if (shared === "validate") return validators.validateVocabularyFile(file).vocabulary;
  // Built as from the cache, with the main thread's position table.
  const where = storedTableResolver(file.file, file.text, shared.table, () =>
    validators.carefulParse(file.file, file.text),
  );
  return buildVocabulary(file.file, shared.data, where, []);
}
