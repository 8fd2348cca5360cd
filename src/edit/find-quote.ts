/**
 * `claimcheck find`, pure: where a quote occurs in the articles under the same normalisation as
 * grounding, and, when it occurs nowhere, the closest passages with a character diff.
 */
import diff from "fast-diff";
import type { DiffPart } from "../findings/finding.js";
import { Article, type Span } from "../ground/ground-project.js";
import { findOccurrences } from "../ground/locate-quote.js";
import { closestPassage, nearMissLimit } from "../ground/near-miss.js";
import { normalizeQuote } from "../ground/normalize.js";

export interface SourceText {
  /** Repo-relative path. */
  path: string;
  text: string;
}

export interface QuoteHit {
  path: string;
  span: Span;
  /** The text around the hit on its line(s): before, the match as written, after. */
  context: { before: string; match: string; after: string };
}

export interface ClosePassage {
  path: string;
  span: Span;
  /** Character edits between the passage and the quote. */
  errors: number;
  /** Close enough to be a typo (the limit grounding uses for a near miss). */
  near: boolean;
  /** The article's passage (-1) against the quote (+1). */
  diff: DiffPart[];
}

export interface FindResult {
  /** The quote as it is matched: normalised and trimmed. */
  quote: string;
  hits: QuoteHit[];
  /** Only when there are no hits: the best passage of each article, best first, at most `maxPassages`. */
  closest: ClosePassage[];
}

export interface FindOptions {
  maxPassages?: number;
  /** Characters of context on each side of a hit. */
  contextChars?: number;
}

export function findQuote(
  quote: string,
  sources: readonly SourceText[],
  options: FindOptions = {},
): FindResult {
  const needle = normalizeQuote(quote);
  const contextChars = options.contextChars ?? 60;
  const hits: QuoteHit[] = [];
  const articles = sources.map((s) => ({ source: s, article: new Article(s.text) }));
  if (needle === "") return { quote: needle, hits, closest: [] };
  for (const { source, article } of articles) {
    for (const occurrence of findOccurrences(article.normalized.text, needle)) {
      const span = article.span(occurrence.start, occurrence.end);
      hits.push({
        path: source.path,
        span,
        context: contextOf(article, occurrence.start, occurrence.end, contextChars),
      });
    }
  }
  if (hits.length > 0) return { quote: needle, hits, closest: [] };

  const closest: ClosePassage[] = [];
  for (const { source, article } of articles) {
    const passage = closestPassage(article.normalized.text, needle);
    if (!passage) continue;
    const text = article.normalized.text.slice(passage.start, passage.end);
    closest.push({
      path: source.path,
      span: article.span(passage.start, passage.end),
      errors: passage.errors,
      near: passage.errors <= nearMissLimit(needle.length),
      diff: diff(text, needle).map(([op, t]) => ({ op, text: t })),
    });
  }
  closest.sort((a, b) => a.errors - b.errors || cmp(a.path, b.path) || a.span.start - b.span.start);
  return { quote: needle, hits, closest: closest.slice(0, options.maxPassages ?? 3) };
}

/** The original text around normalised offsets [start, end), clipped to the hit's lines and `chars` either side. */
function contextOf(
  article: Article,
  start: number,
  end: number,
  chars: number,
): QuoteHit["context"] {
  const text = article.text;
  const from = article.normalized.origin[start] ?? 0;
  const lastOrigin = article.normalized.origin[end - 1] ?? from;
  // The match ends at the last matched character (trailing spaces in the original are not part of it).
  const matchEnd = endOfCharacter(text, lastOrigin);
  const lineStart = Math.max(
    text.lastIndexOf("\n", from - 1) + 1,
    text.lastIndexOf("\r", from - 1) + 1,
  );
  const nl = text.slice(matchEnd).search(/[\r\n]/);
  const lineEnd = nl < 0 ? text.length : matchEnd + nl;
  const beforeStart = Math.max(lineStart, from - chars);
  const afterEnd = Math.min(lineEnd, matchEnd + chars);
  return {
    before:
      (beforeStart > lineStart ? "…" : "") +
      trimStartAtWord(text.slice(beforeStart, from), beforeStart > lineStart),
    match: text.slice(from, matchEnd),
    after:
      trimEndAtWord(text.slice(matchEnd, afterEnd), afterEnd < lineEnd) +
      (afterEnd < lineEnd ? "…" : ""),
  };
}

function endOfCharacter(text: string, at: number): number {
  let end = at + 1;
  const c = text.charCodeAt(at);
  if (c >= 0xd800 && c <= 0xdbff) end++;
  while (end < text.length && /\p{M}/u.test(text[end] ?? "")) end++;
  return Math.min(end, text.length);
}

/** Drop a partial word at a clipped edge. */
function trimStartAtWord(s: string, clipped: boolean): string {
  if (!clipped) return s;
  const i = s.search(/\s/);
  return i < 0 ? s : s.slice(i + 1);
}

function trimEndAtWord(s: string, clipped: boolean): string {
  if (!clipped) return s;
  const i = s.search(/\s\S*$/);
  return i < 0 ? s : s.slice(0, i);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
