/**
 * A file's outcome (check-file.ts) as a worker thread sends it to the main thread: plain data
 * that structured cloning copies, with what cannot be copied (a source's position resolver)
 * made again on the main thread from the file's text and position table, as a parse would make
 * it, and spans packed into one typed array per article.
 */
import type { Finding } from "../findings/finding.js";
import { packSpans, unpackSpans } from "../ground/ground-project.js";
import type { PositionTable } from "../load/position-table.js";
import { resolverForParse } from "../load/yaml-file.js";
import type { Source } from "../model/project.js";
import type { TextFile } from "../validate/files.js";
import type { ArticleOutcome, FileOutcome } from "./check-file.js";
import type { SourceLimit } from "./string-limit.js";

/** One file as a worker sends it. */
export interface SentOutcome {
  /** The file's place in the list of claims files. */
  index: number;
  readFindings: Finding[];
  outcome?: EncodedOutcome | undefined;
}

export interface EncodedOutcome {
  file: string;
  /** The claims file's text and position table, to locate its nodes again. */
  text: string;
  table: PositionTable | undefined;
  validationFindings: Finding[];
  invalid: boolean;
  source?: Omit<Source, "where"> | undefined;
  aloneFindings: Finding[];
  limit?:
    | {
        findings: Finding[];
        headerTooLong: boolean;
        /** Places in source.claims of the claims the limit keeps, when not all. */
        kept: number[] | undefined;
      }
    | undefined;
  article?:
    | (Omit<ArticleOutcome, "spans" | "text"> & {
        text: string | undefined;
        spanIds: string[];
        spanNumbers: Int32Array;
      })
    | undefined;
}

export function encodeOutcome(
  outcome: FileOutcome,
  file: TextFile,
  keepArticleText: boolean,
): EncodedOutcome {
  const { source, limit, article } = outcome;
  let sentSource: EncodedOutcome["source"];
  if (source) {
    const { where: _where, ...rest } = source;
    sentSource = rest;
  }
  return {
    file: outcome.file,
    text: file.text,
    table: outcome.table,
    validationFindings: outcome.validationFindings,
    invalid: outcome.invalid,
    source: sentSource,
    aloneFindings: outcome.aloneFindings,
    limit: limit && {
      findings: limit.findings,
      headerTooLong: limit.headerTooLong,
      kept: limit.keptClaims?.map((c) => source!.claims.indexOf(c)),
    },
    article: article && {
      grounded: article.grounded,
      readFindings: article.readFindings,
      text: keepArticleText ? article.text : undefined,
      findings: article.findings,
      ungrounded: article.ungrounded,
      ...packSpans(article.spans ?? new Map()),
    },
  };
}

export function decodeOutcome(sent: EncodedOutcome): FileOutcome {
  let source: Source | undefined;
  if (sent.source) {
    source = sent.source as Source;
    source.where = resolverForParse(sent.file, sent.text, sent.table);
  }
  let limit: SourceLimit | undefined;
  if (sent.limit) {
    const claims = source?.claims ?? [];
    limit = {
      findings: sent.limit.findings,
      headerTooLong: sent.limit.headerTooLong,
      keptClaims: sent.limit.kept?.map((i) => claims[i]!),
    };
  }
  const article = sent.article;
  return {
    file: sent.file,
    validationFindings: sent.validationFindings,
    invalid: sent.invalid,
    source,
    fromCache: false,
    table: sent.table,
    aloneFindings: sent.aloneFindings,
    limit,
    article: article && {
      grounded: article.grounded,
      readFindings: article.readFindings,
      text: article.text,
      findings: article.findings,
      ungrounded: article.ungrounded,
      spans: unpackSpans(article),
    },
  };
}
