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
  // One pass; printable ASCII (nearly all of an English article) is copied in runs, and the origin
  // table is a typed array: articles are normalised once per run, but there may be thousands.
  // NFC can make one UTF-16 unit three (U+FB2C), so the table allows for three.
  const origin = new Int32Array(original.length * 3 + 1);
  const parts: string[] = [];
  let length = 0;
  let pendingSpace = -1;
  let i = 0;
  const n = original.length;
  while (i < n) {
    const c = original.charCodeAt(i);
    let end = i;
    if (c > 0x20 && c < 0x7f && c !== 0x60) {
      end = i + 1;
      while (end < n) {
        const d = original.charCodeAt(end);
        if (d <= 0x20 || d >= 0x7f || d === 0x60) break;
        end++;
      }
      // A combining mark after the run belongs to its last character: leave that one to the slow path.
      if (end < n && COMBINING.test(original[end] ?? "")) end--;
    }
    if (end > i) {
      if (pendingSpace >= 0) {
        parts.push(" ");
        origin[length++] = pendingSpace;
        pendingSpace = -1;
      }
      parts.push(original.slice(i, end));
      for (let k = i; k < end; k++) origin[length++] = k;
      i = end;
      continue;
    }
    const cp = original.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (SPACE.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      i += ch.length;
      continue;
    }
    if (pendingSpace >= 0) {
      parts.push(" ");
      origin[length++] = pendingSpace;
      pendingSpace = -1;
    }
    // A base character with its combining marks is normalised as one unit.
    end = i + ch.length;
    while (end < n) {
      const next = String.fromCodePoint(original.codePointAt(end) ?? 0);
      if (!COMBINING.test(next)) break;
      end += next.length;
    }
    let piece = original.slice(i, end);
    // NFC first: it turns some characters into quote marks (U+1FFD GREEK OXIA into U+00B4).
    if (end - i > ch.length || cp > 0x7f) piece = piece.normalize("NFC");
    if (SINGLE_QUOTES.has(piece)) piece = "'";
    else if (DOUBLE_QUOTES.has(piece)) piece = '"';
    parts.push(piece);
    for (let k = 0; k < piece.length; k++) origin[length++] = i;
    i = end;
  }
  if (pendingSpace >= 0) {
    parts.push(" ");
    origin[length++] = pendingSpace;
  }
  origin[length] = original.length;
  return { text: parts.join(""), origin: origin.subarray(0, length + 1) };
}

/** A quote or context string under the same normalisation, trimmed. */
export function normalizeQuote(quote: string): string {
  return normalizeForMatch(quote).text.trim();
}
