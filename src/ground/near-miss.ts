/**
 * For a quote with no exact occurrence: the closest passage of the article, found with Myers'
 * bit-parallel approximate matching (linear in the article's length), and graded honestly:
 * a near miss is close enough to be a typo; anything further is "not found".
 */
import search from "approx-string-match";

export interface ClosestPassage {
  start: number;
  end: number;
  errors: number;
}

/**
 * Characters of an article the near-miss search may read, over all its quotes not found: each
 * search reads the whole article (0.26 s for 8.7 MB), so a thousand such quotes against a large
 * article once took ten minutes. Everyday articles never reach it (5,000 searches of 10 KB); a
 * 10 MB article gets five. Per article, so that each claims file's grounding stays its own.
 */
export const NEAR_MISS_BUDGET = 50_000_000;

/** What is left of an article's NEAR_MISS_BUDGET. */
export interface NearMissBudget {
  left: number;
}

/** Errors allowed for a near miss: about one character in five, at least two. */
export function nearMissLimit(quoteLength: number): number {
  return Math.max(2, Math.ceil(quoteLength * 0.2));
}

/** The best approximate match with at most half the quote's length in errors, if any. */
export function closestPassage(text: string, quote: string): ClosestPassage | undefined {
  if (quote.length === 0) return undefined;
  const maxErrors = Math.min(Math.floor(quote.length / 2), 256);
  const found = search(text, quote, maxErrors);
  let best: ClosestPassage | undefined;
  for (const m of found) {
    if (!best || m.errors < best.errors || (m.errors === best.errors && m.start < best.start)) {
      best = { start: m.start, end: m.end, errors: m.errors };
    }
  }
  return best;
}
