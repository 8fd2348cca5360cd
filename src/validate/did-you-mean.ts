import { distance } from "fastest-levenshtein";

/**
 * The closest known name to a misspelling, if it is close enough to be a plausible typo:
 * at most a third of the longer word's letters differ (case ignored).
 */
export function didYouMean(input: string, known: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

export function suggestion(input: string, known: Iterable<string>): string {
  const guess = didYouMean(input, known);
  return guess === undefined ? "" : `; did you mean "${guess}"?`;
}
