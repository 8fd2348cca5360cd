/**
 * An article's text cut for marking its evidence spans. Spans may overlap or nest, so the text is
 * cut at every span boundary into segments, and each covered segment becomes one flat mark that
 * lists every claim covering it. A claim's `id` (the target of `#ev-…` links) sits on the first
 * segment of its span, or on an empty anchor just before it when that segment already carries
 * another claim's id (or the span is empty).
 *
 * The page's script turns the segments into elements (text nodes, `<mark>`, `<span>` anchors)
 * when the article comes into view; here they are plain data, one small array per segment.
 */
import type { ArticleText } from "../../report-result.js";

/**
 * A stretch of the text: a plain string when no span covers it and no anchor stands before it;
 * else [text, the claims covering it, the claim whose id the mark carries (-1: none), the claims
 * whose empty anchors come first]. Claims are indexes into the caller's list (see claimIndex).
 */
export type Segment = string | [text: string, covering: number[], owner: number, anchors: number[]];

interface Span {
  claim: number;
  start: number;
  end: number;
}

/** The article's segments, in order; together their texts are the article's text. */
export function articleSegments(
  article: ArticleText,
  claimIndex: (claimId: string) => number,
): Segment[] {
  // Offsets count code points, so cut an array of code points, not the UTF-16 string.
  const chars = Array.from(article.text);
  const length = chars.length;
  const spans: Span[] = article.spans.map((s) => {
    const start = clamp(s.start, length);
    return { claim: claimIndex(s.claimId), start, end: Math.max(start, clamp(s.end, length)) };
  });

  const cuts = [...new Set([0, length, ...spans.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const startingAt = new Map<number, Span[]>();
  for (const s of spans) {
    const list = startingAt.get(s.start);
    if (list) list.push(s);
    else startingAt.set(s.start, [s]);
  }

  const out: Segment[] = [];
  const active = new Set<Span>();
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    const next = cuts[i + 1];
    for (const s of active) if (s.end <= at) active.delete(s);
    const starting = startingAt.get(at) ?? [];
    for (const s of starting) if (s.end > at) active.add(s);
    if (next === undefined) {
      if (starting.length > 0) out.push(["", [], -1, starting.map((s) => s.claim)]);
      break;
    }
    const text = chars.slice(at, next).join("");
    if (active.size === 0) {
      out.push(starting.length > 0 ? [text, [], -1, starting.map((s) => s.claim)] : text);
      continue;
    }
    // The first span starting here (and not empty) names the mark; the others get anchors.
    const owner = starting.find((s) => s.end > at);
    out.push([
      text,
      [...active].map((s) => s.claim),
      owner ? owner.claim : -1,
      starting.filter((s) => s !== owner).map((s) => s.claim),
    ]);
  }
  return out;
}

function clamp(n: number, length: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), length) : 0;
}
