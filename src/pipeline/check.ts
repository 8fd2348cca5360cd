/**
 * The front half of every command: read the project, validate it, read the articles and ground
 * every quote. I/O happens here and in load/; validate/ and ground/ stay pure.
 *
 * Each claims file's own work is one unit (check-file.ts), done in file order here or, for a
 * large project, shared with worker threads (parallel-check.ts). The outcomes are then put
 * together in file order, stage by stage, with the checks that need every file (names, ids,
 * shared articles), so the result is the same whoever did each file.
 *
 * With a cache, each file's own work (parse and schema for a YAML file; grounding and value
 * checks for an article) is reused when the hashes it depends on match. The checks across files
 * always run: they are cheap, and any file may change their outcome.
 */
import { realpathSync } from "node:fs";
import { appendAll, type Finding } from "../findings/finding.js";
import type { GroundedSource, GroundingResult } from "../ground/ground-project.js";
import { FileCache, hashFile } from "../load/cache.js";
import { type PositionTable, storedTableResolver } from "../load/position-table.js";
import {
  ACKNOWLEDGED_FILE,
  claimsPathsOf,
  ProjectFileReader,
  readProjectFiles,
  VOCABULARY_FILE,
} from "../load/project-files.js";
import { DEFAULT_MAX_FILE_BYTES } from "../load/read-text.js";
import { RealPaths } from "../load/real-paths.js";
import type { Acknowledgement, Project, Source, Vocabulary } from "../model/project.js";
import { checkBetweenFiles } from "../validate/cross-file.js";
import type { ProjectFiles, TextFile } from "../validate/files.js";
import type { AcknowledgementData, VocabularyData } from "../validate/schema.js";
import { buildVocabulary, emptyVocabulary } from "../validate/to-model.js";
import {
  checkClaimsFile,
  entryFor,
  type FileCheckContext,
  type FileOutcome,
  groundedSource,
} from "./check-file.js";
import type { ParallelOptions, SharedVocabulary, StartedWorkers } from "./parallel-check.js";
import { DEFAULT_MAX_STRING_LENGTH, limitedSource, limitVocabulary } from "./string-limit.js";
import { timed, timedAsync } from "./timing.js";

export interface CheckOptions {
  root: string;
  maxFileBytes?: number | undefined;
  /** Longest string a claims file or the vocabulary may give (see string-limit.ts). */
  maxStringLength?: number | undefined;
  /** Where the cache lives; no cache when absent. */
  cacheLocation?: string | undefined;
  /** Tool version: a cache written by another version is not used. */
  version?: string;
  /** Share the files' work with worker threads (the CLI's; a run with a cache never does). */
  parallel?: ParallelOptions | undefined;
}

export interface CheckResult {
  project: Project;
  grounding: GroundingResult;
  findings: Finding[];
  /** Files that could not be read into claims: a report over the rest is partial. */
  invalidFiles: Set<string>;
  /** How many files came from the cache, for --verbose and the benchmark. */
  cacheHits: number;
  /** With a cache: each article's hash, by its claims file. */
  articleHashes?: ReadonlyMap<string, string>;
}

type ValidateFileModule = typeof import("../validate/validate-file.js");

/** The per-file validators, once some file has needed them. */
let validators: ValidateFileModule | undefined;

/** zod, the schema and the YAML parsers load only when some file is not in the cache. */
async function loadValidators(): Promise<ValidateFileModule> {
  validators ??= await import("../validate/validate-file.js");
  return validators;
}

/** A project's YAML files as readProjectFiles gives them, when the caller has read them already. */
export type ReadFiles = Awaited<ReturnType<typeof readProjectFiles>>;

export async function checkProject(options: CheckOptions, read?: ReadFiles): Promise<CheckResult> {
  const cache = options.cacheLocation
    ? await timedAsync("load file cache", () =>
        FileCache.open(options.cacheLocation!, options.version ?? "dev"),
      )
    : undefined;
  // Worker threads read their own claims files: the main thread lists them and reads the rest.
  const parallel = !cache && !read ? options.parallel : undefined;
  const {
    files,
    findings: readFindings,
    claimsPaths,
  } = parallel
    ? await timedAsync("read YAML files", () => listProjectFiles(options))
    : {
        ...(read ?? (await timedAsync("read YAML files", () => readProjectFiles(options)))),
        claimsPaths: undefined,
      };
  const maxStringLength = options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH;
  // Threads start now, to load their code while this one validates the vocabulary.
  const parallelCheck = parallel && claimsPaths ? await import("./parallel-check.js") : undefined;
  const workers = parallelCheck?.startWorkers(
    claimsPaths!,
    files.vocabulary,
    files.vocabularyPath,
    { root: options.root, maxFileBytes: options.maxFileBytes, maxStringLength },
    parallel!,
  );
  try {
    return await checkProjectFiles(
      options,
      maxStringLength,
      cache,
      files,
      readFindings,
      claimsPaths,
      workers,
    );
  } catch (error) {
    if (workers) parallelCheck!.stopWorkers(workers);
    throw error;
  }
}

async function checkProjectFiles(
  options: CheckOptions,
  maxStringLength: number,
  cache: FileCache | undefined,
  files: ProjectFiles,
  readFindings: readonly Finding[],
  claimsPaths: readonly string[] | undefined,
  workers: StartedWorkers | undefined,
): Promise<CheckResult> {
  const invalidFiles = new Set<string>();
  const vocabularyFindings: Finding[] = [];
  let cacheHits = 0;

  // The vocabulary.
  let vocabulary: Vocabulary | undefined;
  let shared: SharedVocabulary = "none";
  // Hashes are cache keys: without a cache they are not computed.
  const vocabularyHash = cache && files.vocabulary ? hashFile(files.vocabulary) : "";
  if (files.vocabulary) {
    const hit = cache?.file(files.vocabulary.file, vocabularyHash);
    if (hit) {
      cacheHits++;
      vocabulary = buildVocabulary(
        files.vocabulary.file,
        hit.data as VocabularyData,
        resolverFor(files.vocabulary, hit.table),
        [],
      );
    } else {
      const { validateVocabularyFile } = await loadValidators();
      const result = timed("parse and validate YAML", () =>
        validateVocabularyFile(files.vocabulary!),
      );
      appendAll(vocabularyFindings, result.findings);
      vocabulary = result.vocabulary;
      if (vocabulary)
        shared = result.data ? { data: result.data, table: result.parsed.table } : "validate";
      if (!vocabulary) invalidFiles.add(files.vocabulary.file);
      if (result.data)
        cache?.setFile(files.vocabulary.file, entryFor(vocabularyHash, result.data, result.parsed));
    }
  }
  if (workers) (await import("./parallel-check.js")).shareVocabulary(workers, shared);
  // A vocabulary entry with a string over the limit is left out of what comes after validation.
  const vocabularyLimit = limitVocabulary(
    vocabulary ?? emptyVocabulary(files.vocabularyPath),
    maxStringLength,
  );

  // Each claims file's own work.
  const root = options.root;
  const context: FileCheckContext = {
    root,
    realRoot: realpathSync.native(root),
    realPaths: new RealPaths(),
    maxFileBytes: options.maxFileBytes,
    maxStringLength,
    vocabulary,
    limitedVocabulary: vocabularyLimit.vocabulary,
    validators: loadValidators,
    cachedResolver: resolverFor,
    cache: cache && { files: cache, vocabularyHash },
  };
  const findings = [...readFindings]; // the caller's list stays as it was
  let outcomes: FileOutcome[];
  if (claimsPaths) {
    const { checkInParallel } = await import("./parallel-check.js");
    const checked = await checkInParallel(claimsPaths, context, workers);
    // The claims files that could not be read, as readProjectFiles would have listed them.
    for (const read of checked.readFindings) appendAll(findings, read);
    outcomes = checked.outcomes;
  } else {
    outcomes = [];
    for (const file of files.claims) outcomes.push(await checkClaimsFile(file, context));
  }
  appendAll(findings, vocabularyFindings);

  // Validation, file by file.
  const sources: Source[] = [];
  const bySource = new Map<Source, FileOutcome>();
  for (const outcome of outcomes) {
    appendAll(findings, outcome.validationFindings);
    if (outcome.fromCache) cacheHits++;
    if (outcome.invalid) invalidFiles.add(outcome.file);
    if (outcome.source) sources.push(outcome.source);
  }
  appendAll(
    findings,
    timed("checks across files", () => checkBetweenFiles(sources)),
  );
  for (const outcome of outcomes) appendAll(findings, outcome.aloneFindings);

  // Acknowledgements.
  let acknowledgements: Acknowledgement[] = [];
  let acknowledgementsWhere: Project["acknowledgementsWhere"];
  if (files.acknowledged) {
    const file = files.acknowledged;
    const hash = cache ? hashFile(file) : "";
    const hit = cache?.file(file.file, hash);
    if (hit) {
      cacheHits++;
      acknowledgementsWhere = resolverFor(file, hit.table);
      acknowledgements = (hit.data as AcknowledgementData[]).map((a, index) => ({
        ...a,
        index,
        file: file.file,
      }));
    } else {
      const result = (await loadValidators()).validateAcknowledgedFile(file);
      appendAll(findings, result.findings);
      acknowledgementsWhere = result.parsed;
      acknowledgements = result.items ?? [];
      if (result.items && result.findings.length === 0) {
        cache?.setFile(
          file.file,
          entryFor(
            hash,
            result.items.map(({ index: _i, file: _f, ...a }) => a),
            result.parsed,
          ),
        );
      }
    }
  }

  // A string over --max-string-length is an error, and what holds it goes no further. Sources
  // are made now, after checkBetweenFiles has named them all.
  const projectSources: Source[] = [];
  for (const outcome of outcomes) {
    if (!outcome.source || !outcome.limit) continue;
    appendAll(findings, outcome.limit.findings);
    if (outcome.limit.findings.length > 0) invalidFiles.add(outcome.file);
    const limited = limitedSource(outcome.source, outcome.limit);
    if (!limited) continue;
    projectSources.push(limited);
    bySource.set(limited, outcome);
  }
  appendAll(findings, vocabularyLimit.findings);
  if (vocabularyLimit.findings.length > 0) invalidFiles.add(files.vocabularyPath);
  const project: Project = {
    vocabulary: vocabularyLimit.vocabulary,
    sources: projectSources,
    acknowledgements,
    acknowledgementsWhere,
  };

  // The articles: those that could not be read, then each one's grounding and value checks.
  for (const source of projectSources) {
    const article = bySource.get(source)?.article;
    if (article) appendAll(findings, article.readFindings);
  }
  const grounded: GroundedSource[] = [];
  const ungrounded = new Set<string>();
  const articleHashes = new Map<string, string>();
  for (const source of projectSources) {
    const article = bySource.get(source)?.article;
    if (!article) continue;
    for (const id of article.ungrounded) ungrounded.add(id);
    if (!article.grounded) continue;
    grounded.push(groundedSource(source, article));
    appendAll(findings, article.findings);
    if (article.hash !== undefined) articleHashes.set(source.claimsFile, article.hash);
  }

  if (cache) await timedAsync("save file cache", () => cache.save());
  return {
    project,
    grounding: { grounded, findings: [], ungrounded },
    findings,
    invalidFiles,
    cacheHits,
    articleHashes,
  };
}

/**
 * The vocabulary and acknowledgements read, the claims files listed but not read: worker
 * threads read them (see parallel-check.ts).
 */
async function listProjectFiles(
  options: CheckOptions,
): Promise<{ files: ProjectFiles; findings: Finding[]; claimsPaths: readonly string[] }> {
  const findings: Finding[] = [];
  const reader = new ProjectFileReader(
    options.root,
    options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  );
  const vocabularyPath = `claims/${VOCABULARY_FILE}`;
  const claimsPaths = await claimsPathsOf(options, findings);
  const vocabulary = reader.read(vocabularyPath, true, findings);
  const acknowledged = reader.read(`claims/${ACKNOWLEDGED_FILE}`, false, findings);
  return {
    files: { vocabulary, vocabularyPath, acknowledged, claims: [] },
    findings,
    claimsPaths,
  };
}

/**
 * Positions for a file read from the cache: its table, and for paths the table lacks, a full
 * parse when the YAML library is already loaded (some file missed the cache), else the nearest
 * enclosing node. A run with every file in the cache never loads a YAML parser.
 */
function resolverFor(file: TextFile, table: PositionTable | undefined) {
  return storedTableResolver(file.file, file.text, table, () =>
    validators?.carefulParse(file.file, file.text),
  );
}
