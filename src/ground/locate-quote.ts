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

export interface QuoteMatch {
  /** Occurrences that fit the quote and its context. */
  matches: Occurrence[];
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

export function locateQuote(source: NormalizedText, evidence: Evidence): QuoteMatch {
  const quote = normalizeQuote(evidence.quote);
  const all = findOccurrences(source.text, quote);
  const prefix = evidence.prefix === undefined ? "" : normalizeQuote(evidence.prefix);
  const suffix = evidence.suffix === undefined ? "" : normalizeQuote(evidence.suffix);
  if (prefix === "" && suffix === "") return { matches: all, quoteOccurrences: all.length };
  const matches = all.filter((o) => {
    const before = source.text.slice(Math.max(0, o.start - prefix.length - 1), o.start).trimEnd();
    const after = source.text.slice(o.end, o.end + suffix.length + 1).trimStart();
    return (
      (prefix === "" || before.endsWith(prefix)) && (suffix === "" || after.startsWith(suffix))
    );
  });
  return { matches, quoteOccurrences: all.length };
}
