/**
 * The normalisation under which an evidence quote must equal the article's text. It folds only
 * what does not change meaning: runs of whitespace (non-breaking spaces too) become one space,
 * curly quotes and the back-tick or acute accent used as an apostrophe become straight quotes,
 * and text is put in Unicode NFC. Nothing else: a wrong letter is a wrong letter.
 */

const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u;
const SINGLE_QUOTES = new Set(["\u2018", "\u2019", "\u201a", "\u201b", "`", "\u00b4", "\u2032"]);
const DOUBLE_QUOTES = new Set(["\u201c", "\u201d", "\u201e", "\u201f", "\u2033"]);
const COMBINING = /\p{M}/u;

export interface NormalizedText {
  text: string;
  /** For each UTF-16 index of `text`, the UTF-16 index in the original it came from; one extra entry for the end. */
  origin: Int32Array;
}

export function normalizeForMatch(original: string): NormalizedText {
  const out: string[] = [];
  const origin: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (SPACE.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      i += ch.length;
      continue;
    }
    if (pendingSpace >= 0) {
      out.push(" ");
      origin.push(pendingSpace);
      pendingSpace = -1;
    }
    // A base character with its combining marks is normalised as one unit.
    let end = i + ch.length;
    while (end < original.length) {
      const next = String.fromCodePoint(original.codePointAt(end) ?? 0);
      if (!COMBINING.test(next)) break;
      end += next.length;
    }
    let piece = original.slice(i, end);
    if (SINGLE_QUOTES.has(piece)) piece = "'";
    else if (DOUBLE_QUOTES.has(piece)) piece = '"';
    else if (end - i > ch.length || cp > 0x7f) piece = piece.normalize("NFC");
    for (let k = 0; k < piece.length; k++) {
      out.push(piece[k] as string);
      origin.push(i);
    }
    i = end;
  }
  if (pendingSpace >= 0) {
    out.push(" ");
    origin.push(pendingSpace);
  }
  origin.push(original.length);
  return { text: out.join(""), origin: Int32Array.from(origin) };
}

/** A quote or context string under the same normalisation, trimmed. */
export function normalizeQuote(quote: string): string {
  return normalizeForMatch(quote).text.trim();
}
