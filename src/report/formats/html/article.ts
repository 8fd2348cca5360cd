/**
 * An article's text with its evidence spans marked. Spans may overlap or nest, so the text is cut
 * at every span boundary into segments, and each covered segment becomes one flat `<mark>` that
 * lists every claim covering it. A claim's `id` (the target of `#ev-…` links) sits on the first
 * segment of its span, or on an empty anchor just before it when that segment already carries
 * another claim's id (or the span is empty).
 */
import type { Verdict } from "../../../compare/result.js";
import type { ArticleText } from "../../report-result.js";
import { html } from "./text.js";

export interface SpanClaim {
  /** The id for `id="…"` and `#…` links, already safe. */
  htmlId: string;
  /** Shown on hover without script (the page script replaces it with a richer tooltip). */
  title: string;
  verdict?: Verdict | undefined;
}

interface Span {
  claim: SpanClaim;
  start: number;
  end: number;
}

const SEVERITY: Record<Verdict, number> = {
  conflict: 4,
  compatible: 3,
  agree: 2,
  "single-source": 1,
};

/** The article's text as HTML (for an element with `white-space: pre-wrap`). */
export function renderArticleText(
  article: ArticleText,
  claimFor: (claimId: string) => SpanClaim,
): string {
  // Offsets count code points, so cut an array of code points, not the UTF-16 string.
  const chars = Array.from(article.text);
  const length = chars.length;
  const spans: Span[] = article.spans.map((s) => {
    const start = clamp(s.start, length);
    return { claim: claimFor(s.claimId), start, end: Math.max(start, clamp(s.end, length)) };
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

  let out = "";
  const active = new Set<Span>();
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    const next = cuts[i + 1];
    for (const s of active) if (s.end <= at) active.delete(s);
    const starting = startingAt.get(at) ?? [];
    for (const s of starting) if (s.end > at) active.add(s);
    if (next === undefined) {
      out += anchors(starting);
      break;
    }
    const text = html(chars.slice(at, next).join(""));
    if (active.size === 0) {
      out += anchors(starting) + text;
      continue;
    }
    // The first span starting here (and not empty) names the mark; the others get anchors.
    const owner = starting.find((s) => s.end > at);
    out += anchors(starting.filter((s) => s !== owner));
    out += mark([...active], owner, text);
  }
  return out;
}

function mark(covering: Span[], owner: Span | undefined, text: string): string {
  const claims = covering.map((s) => s.claim);
  const worst = claims.reduce<Verdict | undefined>(
    (w, c) => (c.verdict && (!w || SEVERITY[c.verdict] > SEVERITY[w]) ? c.verdict : w),
    undefined,
  );
  const id = owner ? ` id="${owner.claim.htmlId}"` : "";
  const title = claims.map((c) => c.title).join("\n\n");
  const multi = claims.length > 1 ? " ev-multi" : "";
  return `<mark class="ev ev-${worst ?? "other"}${multi}"${id} tabindex="-1" data-claims="${claims.map((c) => c.htmlId).join(" ")}" title="${html(title)}">${text}</mark>`;
}

function anchors(spans: readonly Span[]): string {
  return spans
    .map(
      (s) =>
        `<span class="ev-anchor" id="${s.claim.htmlId}" tabindex="-1" data-claims="${s.claim.htmlId}"></span>`,
    )
    .join("");
}

function clamp(n: number, length: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), length) : 0;
}
