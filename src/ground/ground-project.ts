/**
 * Grounding: every evidence quote must occur in its article. Exact match under the matching
 * normalisation grounds a claim; anything else is an error with the closest passage and a diff.
 */
import diff from "fast-diff";
import { appendAll, type DiffPart, type Finding } from "../findings/finding.js";
import { LineIndex } from "../load/line-index.js";
import type { Claim, Evidence, Source } from "../model/project.js";
import { locateQuote } from "./locate-quote.js";
import {
  closestPassage,
  NEAR_MISS_BUDGET,
  type NearMissBudget,
  nearMissLimit,
} from "./near-miss.js";
import { type NormalizedText, normalizeForMatch, normalizeQuote } from "./normalize.js";

/** Where a quote was found in the article. Offsets count code points from the start of the file. */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Spans by claim id, packed as six numbers each in one typed array (for the cache). */
export interface PackedSpans {
  spanIds: string[];
  spanNumbers: Int32Array;
}

export function packSpans(spans: ReadonlyMap<string, Span>): PackedSpans {
  const spanIds = [...spans.keys()];
  const spanNumbers = new Int32Array(spanIds.length * 6);
  let i = 0;
  for (const s of spans.values()) {
    spanNumbers.set([s.start, s.end, s.line, s.column, s.endLine, s.endColumn], i);
    i += 6;
  }
  return { spanIds, spanNumbers };
}

/** The spans packSpans packed, by claim id again. */
export function unpackSpans(packed: PackedSpans): Map<string, Span> {
  const spans = new Map<string, Span>();
  const n = packed.spanNumbers;
  packed.spanIds.forEach((id, k) => {
    const i = k * 6;
    spans.set(id, {
      start: n[i]!,
      end: n[i + 1]!,
      line: n[i + 2]!,
      column: n[i + 3]!,
      endLine: n[i + 4]!,
      endColumn: n[i + 5]!,
    });
  });
  return spans;
}

export interface GroundedSource {
  source: Source;
  text: string;
  /** Spans by claim id; the dateline's evidence under the key "#dateline". */
  spans: Map<string, Span>;
}

export interface GroundingResult {
  grounded: GroundedSource[];
  findings: Finding[];
  /** Claims whose evidence was not found: they are left out of the comparison. */
  ungrounded: Set<string>;
}

export const DATELINE_KEY = "#dateline";

export function groundProject(
  sources: readonly Source[],
  texts: ReadonlyMap<string, string>,
): GroundingResult {
  const findings: Finding[] = [];
  const grounded: GroundedSource[] = [];
  const ungrounded = new Set<string>();
  for (const source of sources) {
    const text = texts.get(source.claimsFile);
    if (text === undefined) {
      for (const claim of source.claims) ungrounded.add(claim.id);
      continue;
    }
    const one = groundSource(source, text);
    appendAll(findings, one.findings);
    for (const id of one.ungrounded) ungrounded.add(id);
    grounded.push(one.grounded);
  }
  return { grounded, findings, ungrounded };
}

/** Grounding of one article's claims: the unit the cache keeps. */
export function groundSource(
  source: Source,
  text: string,
): { grounded: GroundedSource; findings: Finding[]; ungrounded: string[] } {
  const findings: Finding[] = [];
  const ungrounded: string[] = [];
  const article = new Article(text);
  const spans = new Map<string, Span>();
  const budget: NearMissBudget = { left: NEAR_MISS_BUDGET };
  for (const claim of source.claims) {
    const path = ["claims", claim.index, "evidence"];
    const what = `claim "${claim.id}"`;
    const result = groundEvidence(article, claim.evidence, source, path, what, budget);
    appendAll(findings, result.findings);
    if (result.span) spans.set(claim.id, result.span);
    else ungrounded.push(claim.id);
  }
  if (source.dateline?.evidence) {
    const result = groundEvidence(
      article,
      source.dateline.evidence,
      source,
      ["dateline", "evidence"],
      "the dateline",
      budget,
    );
    appendAll(findings, result.findings);
    if (result.span) spans.set(DATELINE_KEY, result.span);
  }
  return { grounded: { source, text, spans }, findings, ungrounded };
}

/** An article's text with its normalised form and line index, computed once. */
export class Article {
  readonly normalized: NormalizedText;
  readonly lines: LineIndex;
  constructor(readonly text: string) {
    this.normalized = normalizeForMatch(text);
    this.lines = new LineIndex(text);
  }

  /** Normalised offsets back to a span of the original text. */
  span(start: number, end: number): Span {
    const from = this.normalized.origin[start] ?? this.text.length;
    // The end maps through the last matched character, then past it.
    const lastOrigin = this.normalized.origin[end - 1] ?? from;
    const nextOrigin = this.normalized.origin[end] ?? this.text.length;
    const to = Math.max(lastOrigin + 1, Math.min(nextOrigin, this.endOfUnit(lastOrigin)));
    const a = this.lines.position(from);
    const b = this.lines.position(to);
    return {
      start: this.lines.codePointOffset(from),
      end: this.lines.codePointOffset(to),
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
    };
  }

  /** End of the character (with combining marks or surrogate pair) starting at `at`. */
  private endOfUnit(at: number): number {
    let end = at + 1;
    const c = this.text.charCodeAt(at);
    if (c >= 0xd800 && c <= 0xdbff) end++;
    while (end < this.text.length && /\p{M}/u.test(this.text[end] ?? "")) end++;
    return end;
  }
}

interface EvidenceResult {
  span?: Span;
  findings: Finding[];
}

export function groundEvidence(
  article: Article,
  evidence: Evidence,
  source: Source,
  path: (string | number)[],
  what: string,
  budget: NearMissBudget = { left: NEAR_MISS_BUDGET },
): EvidenceResult {
  const where = source.where.locate([...path]);
  const pathText = formatEvidencePath(path);
  const related = (span: Span, message: string) => [
    {
      file: source.sourcePath,
      line: span.line,
      column: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
      message,
    },
  ];
  const located = locateQuote(article.normalized, evidence);
  const first = located.matches[0];
  if (first) {
    const span = article.span(first.start, first.end);
    if (located.count === 1) return { span, findings: [] };
    // Only the first few occurrences are listed; the rest are counted.
    const listed = located.matches.map((m) => article.span(m.start, m.end));
    const more = located.count - listed.length;
    const lines = `${listed.map((s) => s.line).join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
    return {
      span,
      findings: [
        {
          ruleId: "quote-ambiguous",
          severity: "warning",
          message: `${pathText}: the quote for ${what} occurs ${located.count} times in ${source.sourcePath} (lines ${lines}); add a prefix or suffix to pick one`,
          location: where,
          related: listed.map((s, i) => related(s, `occurrence ${i + 1}`)[0]!),
          path: pathText,
        },
      ],
    };
  }
  const quote = normalizeQuote(evidence.quote);
  if (located.quoteOccurrences > 0) {
    return {
      findings: [
        {
          ruleId: "quote-not-found",
          severity: "error",
          message: `${pathText}: the quote for ${what} occurs ${located.quoteOccurrences} time(s) in ${source.sourcePath}, but never with the given prefix/suffix`,
          location: where,
          related: [],
          path: pathText,
        },
      ],
    };
  }
  const searched = article.normalized.text.length;
  if (searched > budget.left) {
    return {
      findings: [
        {
          ruleId: "quote-not-found",
          severity: "error",
          message: `${pathText}: the quote for ${what} was not found in ${source.sourcePath}, and the closest passage was not looked for (the search reads at most ${NEAR_MISS_BUDGET} characters of an article, and its other quotes not found took them): ${clip(quote)}`,
          location: where,
          related: [],
          path: pathText,
        },
      ],
    };
  }
  budget.left -= searched;
  const passage = closestPassage(article.normalized.text, quote);
  if (!passage) {
    return {
      findings: [
        {
          ruleId: "quote-not-found",
          severity: "error",
          message: `${pathText}: the quote for ${what} was not found in ${source.sourcePath}, and no passage comes close: ${clip(quote)}`,
          location: where,
          related: [],
          path: pathText,
        },
      ],
    };
  }
  const passageText = article.normalized.text.slice(passage.start, passage.end);
  const span = article.span(passage.start, passage.end);
  const near = passage.errors <= nearMissLimit(quote.length);
  const parts: DiffPart[] = diff(passageText, quote).map(([op, text]) => ({ op, text }));
  return {
    findings: [
      {
        ruleId: near ? "quote-near-miss" : "quote-not-found",
        severity: "error",
        message: near
          ? `${pathText}: the quote for ${what} is not in ${source.sourcePath}; line ${span.line} differs by ${passage.errors} character(s): ${describeDiff(parts)}`
          : `${pathText}: the quote for ${what} was not found in ${source.sourcePath}; the closest passage (line ${span.line}) differs by ${passage.errors} characters`,
        location: where,
        related: related(span, "closest passage in the article"),
        path: pathText,
        diff: parts,
      },
    ],
  };
}

/** `"I" in the article, "l" in the quote`: the first few differences, in words. */
function describeDiff(parts: readonly DiffPart[]): string {
  const out: string[] = [];
  for (let i = 0; i < parts.length && out.length < 3; i++) {
    const p = parts[i]!;
    if (p.op === 0) continue;
    const next = parts[i + 1];
    if (p.op === -1 && next?.op === 1) {
      out.push(
        `article has ${JSON.stringify(p.text)} where the quote has ${JSON.stringify(next.text)}`,
      );
      i++;
    } else if (p.op === -1) out.push(`quote lacks ${JSON.stringify(p.text)}`);
    else out.push(`quote adds ${JSON.stringify(p.text)}`);
  }
  return out.join("; ");
}

function formatEvidencePath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function clip(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

export type { Claim };
