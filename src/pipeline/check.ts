/**
 * The front half of every command: read the project, validate it, read the articles and ground
 * every quote. I/O happens here and in load/; validate/ and ground/ stay pure.
 *
 * With a cache, each file's own work (parse and schema for a YAML file; grounding and value
 * checks for an article) is reused when the hashes it depends on match. The checks across files
 * always run: they are cheap, and any file may change their outcome.
 */
import { appendAll, type Finding } from "../findings/finding.js";
import {
  type GroundedSource,
  type GroundingResult,
  groundSource,
  packSpans,
  unpackSpans,
} from "../ground/ground-project.js";
import { checkSourceValueSupport } from "../ground/value-support.js";
import { FileCache, hashFile } from "../load/cache.js";
import { type PositionTable, tableResolver } from "../load/position-table.js";
import { readProjectFiles } from "../load/project-files.js";
import { readSourceTexts } from "../load/source-texts.js";
import type { ParsedYaml } from "../load/yaml-file.js";
import type { Acknowledgement, Project, Source, Vocabulary } from "../model/project.js";
import { checkAcrossFiles } from "../validate/cross-file.js";
import type { TextFile } from "../validate/files.js";
import type { AcknowledgementData, ClaimsFileData, VocabularyData } from "../validate/schema.js";
import { buildVocabulary, emptyVocabulary, toSource } from "../validate/to-model.js";
import { DEFAULT_MAX_STRING_LENGTH, limitStringLengths } from "./string-limit.js";
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

/** A project's YAML files as readProjectFiles gives them, when the caller has read them already. */
export type ReadFiles = Awaited<ReturnType<typeof readProjectFiles>>;

export async function checkProject(options: CheckOptions, read?: ReadFiles): Promise<CheckResult> {
  const cache = options.cacheLocation
    ? await timedAsync("load file cache", () =>
        FileCache.open(options.cacheLocation!, options.version ?? "dev"),
      )
    : undefined;
  const { files, findings: readFindings } =
    read ?? (await timedAsync("read YAML files", () => readProjectFiles(options)));
  const findings = [...readFindings]; // the caller's list stays as it was
  const invalidFiles = new Set<string>();
  let cacheHits = 0;
  // zod, the schema and the YAML parsers load only when some file is not in the cache.
  const validate = async () => {
    validators ??= await import("../validate/validate-file.js");
    return validators;
  };

  // The vocabulary.
  let vocabulary: Vocabulary | undefined;
  // Hashes are cache keys: without a cache they are not computed.
  const hashOf = (file: { text: string }) =>
    cache ? timed("hash files", () => hashFile(file)) : "";
  const vocabularyHash = files.vocabulary ? hashOf(files.vocabulary) : "";
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
      const { validateVocabularyFile } = await validate();
      const result = timed("parse and validate YAML", () =>
        validateVocabularyFile(files.vocabulary!),
      );
      appendAll(findings, result.findings);
      vocabulary = result.vocabulary;
      if (!vocabulary) invalidFiles.add(files.vocabulary.file);
      if (result.data)
        cache?.setFile(files.vocabulary.file, entryFor(vocabularyHash, result.data, result.parsed));
    }
  }

  // Each claims file on its own.
  const sources: Source[] = [];
  const hashes = new Map<string, string>();
  for (const file of files.claims) {
    const hash = hashOf(file);
    hashes.set(file.file, hash);
    const hit = cache?.file(file.file, hash);
    if (hit) {
      cacheHits++;
      sources.push(
        timed("claims from the file cache", () =>
          toSource(file.file, hit.data as ClaimsFileData, resolverFor(file, hit.table)),
        ),
      );
      continue;
    }
    const { validateClaimsFile } = await validate();
    const result = timed("parse and validate YAML", () => validateClaimsFile(file));
    appendAll(findings, result.findings);
    if (result.invalid) invalidFiles.add(file.file);
    if (result.source) sources.push(result.source);
    if (result.data) cache?.setFile(file.file, entryFor(hash, result.data, result.parsed));
  }
  appendAll(
    findings,
    timed("checks across files", () => checkAcrossFiles(sources, vocabulary)),
  );

  // Acknowledgements.
  let acknowledgements: Acknowledgement[] = [];
  let acknowledgementsWhere: Project["acknowledgementsWhere"];
  if (files.acknowledged) {
    const file = files.acknowledged;
    const hash = hashOf(file);
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
      const result = (await validate()).validateAcknowledgedFile(file);
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

  // A string over --max-string-length is an error, and what holds it goes no further.
  const limited = timed("string length limits", () =>
    limitStringLengths(
      {
        vocabulary: vocabulary ?? emptyVocabulary(files.vocabularyPath),
        sources,
        acknowledgements,
        acknowledgementsWhere,
      },
      options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH,
    ),
  );
  appendAll(findings, limited.findings);
  for (const file of limited.invalidFiles) invalidFiles.add(file);
  const project: Project = limited.project;

  // The articles: grounding and value checks, per article.
  const { texts, findings: sourceFindings } = await timedAsync("read articles", () =>
    readSourceTexts(options.root, project.sources, options.maxFileBytes),
  );
  appendAll(findings, sourceFindings);
  const grounded: GroundedSource[] = [];
  const ungrounded = new Set<string>();
  const articleHashes = new Map<string, string>();
  const articleHash = (claimsFile: string, text: string) => {
    const hash = hashOf({ text });
    articleHashes.set(claimsFile, hash);
    return hash;
  };
  for (const source of project.sources) {
    const text = texts.get(source.claimsFile);
    if (text === undefined) {
      for (const claim of source.claims) ungrounded.add(claim.id);
      continue;
    }
    // A file with invalid claims is never cached, so its grounding is recomputed too.
    const cacheable = cache !== undefined && !invalidFiles.has(source.claimsFile);
    const key = cacheable
      ? `${hashes.get(source.claimsFile)}:${articleHash(source.claimsFile, text)}:${vocabularyHash}`
      : "";
    const hit = cacheable ? cache.grounding(source.claimsFile, key) : undefined;
    if (hit) {
      grounded.push({ source, text, spans: unpackSpans(hit) });
      for (const id of hit.ungrounded) ungrounded.add(id);
      appendAll(findings, hit.findings);
      continue;
    }
    const one = timed("ground quotes", () => groundSource(source, text));
    const missing = new Set(one.ungrounded);
    const support = timed("check values against quotes", () =>
      checkSourceValueSupport(source, project.vocabulary, missing),
    );
    grounded.push(one.grounded);
    for (const id of missing) ungrounded.add(id);
    appendAll(findings, one.findings);
    appendAll(findings, support);
    if (cacheable) {
      cache?.setGrounding(source.claimsFile, {
        key,
        ...packSpans(one.grounded.spans),
        findings: [...one.findings, ...support],
        ungrounded: one.ungrounded,
      });
    }
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

function entryFor(hash: string, data: unknown, parsed: ParsedYaml) {
  return { hash, data, table: parsed.table };
}

/**
 * Positions for a file read from the cache: its table, and for paths the table lacks, a full
 * parse when the YAML library is already loaded (some file missed the cache), else the nearest
 * enclosing node. A run with every file in the cache never loads a YAML parser.
 */
function resolverFor(file: TextFile, table: PositionTable | undefined) {
  let parsed: ParsedYaml | undefined;
  const careful = () => {
    if (!validators) return undefined;
    parsed ??= validators.carefulParse(file.file, file.text);
    return parsed.locate;
  };
  const fallback = table ?? { header: {}, lists: {} };
  return tableResolver(file.file, file.text, fallback, careful);
}
