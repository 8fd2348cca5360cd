/**
 * One claims file's own work, once it is read: validation (or the file cache), the checks that
 * need no other claims file, the string-length limit, and its article: read, every quote
 * grounded, every value checked against its quote. Nothing here depends on another claims file,
 * so a worker thread can do it (parallel-check.ts); check.ts puts the outcomes of all files
 * together in file order, whoever made them, so the result is the same either way.
 */
import type { Finding } from "../findings/finding.js";
import {
  type GroundedSource,
  groundSource,
  packSpans,
  type Span,
  unpackSpans,
} from "../ground/ground-project.js";
import { checkSourceValueSupport } from "../ground/value-support.js";
import { type FileCache, hashFile } from "../load/cache.js";
import type { PositionTable } from "../load/position-table.js";
import type { RealPaths } from "../load/real-paths.js";
import { readSourceText } from "../load/source-texts.js";
import type { ParsedYaml } from "../load/yaml-file.js";
import type { Claim, Source, Vocabulary } from "../model/project.js";
import { checkSourceAlone } from "../validate/cross-file.js";
import type { TextFile } from "../validate/files.js";
import type { ClaimsFileData } from "../validate/schema.js";
import { checkSourcePath } from "../validate/source-path.js";
import { toSource } from "../validate/to-model.js";
import { limitSource, type SourceLimit } from "./string-limit.js";
import { timed } from "./timing.js";

type ValidateFileModule = typeof import("../validate/validate-file.js");

/** What every file's check shares. */
export interface FileCheckContext {
  root: string;
  /** The repository with links resolved, for reading articles. */
  realRoot: string;
  realPaths: RealPaths;
  maxFileBytes: number | undefined;
  maxStringLength: number;
  /** The vocabulary as validated, for the checks of claims against it (none when invalid). */
  vocabulary: Vocabulary | undefined;
  /** The vocabulary after the string-length limit: what the value checks use. */
  limitedVocabulary: Vocabulary;
  /** The validators (zod and the YAML parsers), loaded when a file first needs them. */
  validators: () => Promise<ValidateFileModule>;
  /** Resolves positions of a file read from the cache (see check.ts). */
  cachedResolver: (file: TextFile, table: PositionTable | undefined) => Source["where"];
  cache?: FileCheckCache | undefined;
}

/** The file cache, with the hash of the vocabulary that grounding keys include. */
export interface FileCheckCache {
  files: FileCache;
  vocabularyHash: string;
}

/** The article of a claims file that was read and grounded (or could not be read). */
export interface ArticleOutcome {
  /** Whether the article was read and its quotes looked for. */
  grounded: boolean;
  /** Why the article could not be read, if it could not. */
  readFindings: Finding[];
  text?: string | undefined;
  /** The article's hash, with a cache. */
  hash?: string | undefined;
  spans?: Map<string, Span> | undefined;
  /** Grounding's findings, then the value checks'. */
  findings: Finding[];
  ungrounded: string[];
}

export interface FileOutcome {
  file: string;
  validationFindings: Finding[];
  /** Validation found the file invalid (syntax, schema). */
  invalid: boolean;
  /** The file's claims (all, or the valid ones of an invalid file); none when unreadable. */
  source?: Source | undefined;
  /** The file's hash, with a cache. */
  hash?: string | undefined;
  fromCache: boolean;
  /** The position table its parse recorded (sent with the outcome from a worker thread). */
  table?: PositionTable | undefined;
  /** checkSourceAlone's findings. */
  aloneFindings: Finding[];
  limit?: SourceLimit | undefined;
  /** Absent when the source goes no further (no claims, header over the limit, bad path). */
  article?: ArticleOutcome | undefined;
}

export async function checkClaimsFile(
  file: TextFile,
  context: FileCheckContext,
): Promise<FileOutcome> {
  const { cache } = context;
  const hash = cache ? timed("hash files", () => hashFile(file)) : undefined;
  const outcome: FileOutcome = {
    file: file.file,
    validationFindings: [],
    invalid: false,
    hash,
    fromCache: false,
    aloneFindings: [],
  };
  const hit = cache && hash !== undefined ? cache.files.file(file.file, hash) : undefined;
  if (hit) {
    outcome.fromCache = true;
    outcome.source = timed("claims from the file cache", () =>
      toSource(file.file, hit.data as ClaimsFileData, context.cachedResolver(file, hit.table)),
    );
  } else {
    const { validateClaimsFile } = await context.validators();
    const result = timed("parse and validate YAML", () => validateClaimsFile(file));
    outcome.validationFindings = result.findings;
    outcome.invalid = result.invalid;
    outcome.source = result.source;
    outcome.table = result.parsed.table;
    if (result.data && cache && hash !== undefined)
      cache.files.setFile(file.file, entryFor(hash, result.data, result.parsed));
  }
  const source = outcome.source;
  if (!source) return outcome;
  outcome.aloneFindings = timed("checks across files", () =>
    checkSourceAlone(source, context.vocabulary),
  );
  const limit = timed("string length limits", () => limitSource(source, context.maxStringLength));
  outcome.limit = limit;
  if (limit.headerTooLong) return outcome;
  const claims = limit.keptClaims ?? source.claims;
  // Grounding reads the claims the limit keeps; the source object itself is made in check.ts,
  // once every source has its name.
  const limited = limit.keptClaims ? { ...source, claims } : source;
  // An article path that breaks the rules is reported by checkSourceAlone, and not read.
  if (checkSourcePath(source.sourcePath)) {
    outcome.article = {
      grounded: false,
      readFindings: [],
      findings: [],
      ungrounded: claims.map((c) => c.id),
    };
    return outcome;
  }
  const read = timed("read articles", () =>
    readSourceText(
      context.root,
      context.realRoot,
      source.sourcePath,
      context.maxFileBytes,
      context.realPaths,
    ),
  );
  if (!read.ok) {
    outcome.article = {
      grounded: false,
      readFindings: [
        {
          ruleId: read.ruleId,
          severity: "error",
          message: `source: ${read.message}`,
          location: source.where.locate(["source"]),
          related: [],
          path: "source",
        },
      ],
      findings: [],
      ungrounded: claims.map((c) => c.id),
    };
    return outcome;
  }
  const text = read.text;
  // A file with invalid claims is never cached, so its grounding is recomputed too.
  const cacheable =
    cache !== undefined && !outcome.invalid && limit.findings.length === 0 && hash !== undefined;
  const articleHash = cacheable ? timed("hash files", () => hashFile({ text })) : undefined;
  const key = cacheable ? `${hash}:${articleHash}:${cache.vocabularyHash}` : "";
  const grounded = cacheable ? cache.files.grounding(file.file, key) : undefined;
  if (grounded) {
    outcome.article = {
      grounded: true,
      readFindings: [],
      text,
      hash: articleHash,
      spans: unpackSpans(grounded),
      findings: grounded.findings,
      ungrounded: grounded.ungrounded,
    };
    return outcome;
  }
  const one = timed("ground quotes", () => groundSource(limited, text));
  const missing = new Set(one.ungrounded);
  const support = timed("check values against quotes", () =>
    checkSourceValueSupport(limited, context.limitedVocabulary, missing),
  );
  const findings = [...one.findings, ...support];
  outcome.article = {
    grounded: true,
    readFindings: [],
    text,
    hash: articleHash,
    spans: one.grounded.spans,
    findings,
    ungrounded: [...missing],
  };
  if (cacheable) {
    cache.files.setGrounding(file.file, {
      key,
      ...packSpans(one.grounded.spans),
      findings,
      ungrounded: one.ungrounded,
    });
  }
  return outcome;
}

/** The article of an outcome as the comparison takes it, for the source as finally named. */
export function groundedSource(source: Source, article: ArticleOutcome): GroundedSource {
  return { source, text: article.text ?? "", spans: article.spans ?? new Map() };
}

export function entryFor(hash: string, data: unknown, parsed: ParsedYaml) {
  return { hash, data, table: parsed.table };
}

export type { Claim };
