/**
 * Finding an evidence quote in its article: every exact occurrence under the matching
 * normalisation, narrowed by prefix and suffix context (as a W3C TextQuoteSelector does).
 */
import type { Evidence } from "../model/project.js";
import { type NormalizedText, normalizeQuote } from "./normalize.js";

export interface Occurrence {
  /** Offsets into the normalised text. */
  start: number;
  end: number;
}

/**
 * Occurrences kept and listed: a short quote can occur a million times in a long article, and a
 * finding listing every one (with SARIF repeating them) once took gigabytes. The rest are counted.
 */
export const MAX_LISTED_OCCURRENCES = 10;

export interface QuoteMatch {
  /** The first occurrences that fit the quote and its context, at most MAX_LISTED_OCCURRENCES. */
  matches: Occurrence[];
  /** How many occurrences fit the quote and its context. */
  count: number;
  /** Occurrences of the quote alone, before context narrowed them. */
  quoteOccurrences: number;
}

export function findOccurrences(haystack: string, needle: string): Occurrence[] {
  const found: Occurrence[] = [];
  if (needle === "") return found;
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    found.push({ start: at, end: at + needle.length });
    at = haystack.indexOf(needle, at + 1);
  }
  return found;
}

/**
 * Whether an occurrence [start, end) of the quote in `text` (normalised) has the evidence's
 * prefix before it and its suffix after it, spaces between them allowed.
 */
export function contextMatcher(
  text: string,
  evidence: Evidence,
): (start: number, end: number) => boolean {
  const prefix = evidence.prefix === undefined ? "" : normalizeQuote(evidence.prefix);
  const suffix = evidence.suffix === undefined ? "" : normalizeQuote(evidence.suffix);
  if (prefix === "" && suffix === "") return () => true;
  return (start, end) => {
    const before = text.slice(Math.max(0, start - prefix.length - 1), start).trimEnd();
    const after = text.slice(end, end + suffix.length + 1).trimStart();
    return (
      (prefix === "" || before.endsWith(prefix)) && (suffix === "" || after.startsWith(suffix))
    );
  };
}

export function locateQuote(source: NormalizedText, evidence: Evidence): QuoteMatch {
  const quote = normalizeQuote(evidence.quote);
  const text = source.text;
  const fits = contextMatcher(text, evidence);
  const matches: Occurrence[] = [];
  let count = 0;
  let quoteOccurrences = 0;
  if (quote === "") return { matches, count, quoteOccurrences };
  // Counted as found, kept only up to the listing's limit: memory stays small however many.
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    quoteOccurrences++;
    const end = at + quote.length;
    if (!fits(at, end)) continue;
    count++;
    if (matches.length < MAX_LISTED_OCCURRENCES) matches.push({ start: at, end });
  }
  return { matches, count, quoteOccurrences };
}
