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

/** Printable ASCII that the normalisation leaves alone: everything but space and the back-tick. */
function isPlain(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x60;
}

export function normalizeForMatch(original: string): NormalizedText {
  // One pass. Plain text with single spaces (nearly all of an English article) is copied in runs
  // that map one to one; only other characters take the slow path, one at a time. The origin
  // table is a typed array that grows only when NFC makes a character longer (U+FB2C: 1 to 3).
  let origin = new Int32Array(original.length + 1);
  const parts: string[] = [];
  let length = 0;
  let pendingSpace = -1;
  let i = 0;
  const n = original.length;
  // Room for `extra` more entries plus the end entry.
  const reserve = (extra: number) => {
    if (length + extra < origin.length) return;
    const bigger = new Int32Array(Math.max(origin.length * 2, length + extra + 1));
    bigger.set(origin.subarray(0, length));
    origin = bigger;
  };
  while (i < n) {
    const c = original.charCodeAt(i);
    // A run starts at a plain character, or at a single space between plain ones.
    if (isPlain(c) || (c === 0x20 && pendingSpace < 0 && isPlain(original.charCodeAt(i + 1)))) {
      let end = i + 1;
      while (end < n) {
        const d = original.charCodeAt(end);
        if (isPlain(d)) end++;
        else if (d === 0x20 && isPlain(original.charCodeAt(end + 1))) end += 2;
        else break;
      }
      // A combining mark (all are at U+0300 or above) after the run belongs to its last
      // character: leave that one to the slow path.
      if (end < n && original.charCodeAt(end) >= 0x300 && COMBINING.test(original[end] ?? ""))
        end--;
      if (end > i) {
        if (pendingSpace >= 0) {
          parts.push(" ");
          reserve(1);
          origin[length++] = pendingSpace;
          pendingSpace = -1;
        }
        parts.push(original.slice(i, end));
        reserve(end - i);
        for (let k = i; k < end; k++) origin[length++] = k;
        i = end;
        continue;
      }
    }
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
      if (pendingSpace < 0) pendingSpace = i;
      i++;
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
      reserve(1);
      origin[length++] = pendingSpace;
      pendingSpace = -1;
    }
    // A base character with its combining marks is normalised as one unit.
    let end = i + ch.length;
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
    reserve(piece.length);
    for (let k = 0; k < piece.length; k++) origin[length++] = i;
    i = end;
  }
  reserve(2);
  if (pendingSpace >= 0) {
    parts.push(" ");
    origin[length++] = pendingSpace;
  }
  origin[length] = original.length;
  return { text: parts.join(""), origin: origin.subarray(0, length + 1) };
}

/** Anything in a quote that the normalisation would change: most quotes have none. */
const NEEDS_NORMALIZING = /[^\x20-\x5f\x61-\x7e]| {2}/;

/** A quote or context string under the same normalisation, trimmed. */
export function normalizeQuote(quote: string): string {
  if (!NEEDS_NORMALIZING.test(quote)) return quote.trim();
  return normalizeForMatch(quote).text.trim();
}
