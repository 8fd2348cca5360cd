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
import type { Claim, Evidence, Source } from "../model/project.js";
import type { TextFile } from "../validate/files.js";
import { makeClaim, makeSource, type SourceHeader } from "../validate/to-model.js";
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
  /** The source's header, and its claims as tuples (made into objects again by makeClaim). */
  source?: { header: SourceHeader; claims: ClaimTuple[] } | undefined;
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
    const { where: _where, claims, ...header } = source;
    sentSource = { header, claims: claims.map(claimTuple) };
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
    const file = sent.source.header.claimsFile;
    source = makeSource(
      sent.source.header,
      sent.source.claims.map((t) => claimOf(t, file)),
      resolverForParse(sent.file, sent.text, sent.table),
    );
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

/**
 * A claim as a tuple: structured cloning then makes arrays, and the main thread makes the claim
 * with makeClaim, as for a claim it read itself. Evidence given as a string is a string here; as
 * a mapping, [quote, prefix, suffix].
 */
type ClaimTuple = [
  index: number,
  id: string,
  subject: string,
  property: string,
  value: Claim["value"],
  qualifiers: Claim["qualifiers"],
  evidence: string | [string, string | undefined, string | undefined],
  status: Claim["status"],
];

function claimTuple(c: Claim): ClaimTuple {
  const e = c.evidence;
  const evidence: ClaimTuple[6] = "prefix" in e ? [e.quote, e.prefix, e.suffix] : e.quote;
  return [c.index, c.id, c.subject, c.property, c.value, c.qualifiers, evidence, c.status];
}

function claimOf(t: ClaimTuple, file: string): Claim {
  const e = t[6];
  const evidence: Evidence =
    typeof e === "string" ? { quote: e } : { quote: e[0], prefix: e[1], suffix: e[2] };
  return makeClaim(t[0], t[1], t[2], t[3], t[4], t[5], evidence, t[7], file);
}
