/**
 * The commonest YAML mistake in claims files: an apostrophe inside a single-quoted string
 * (`value: 'From the People's Republic'`). YAML ends the string at the apostrophe, and the parser
 * then reports what follows ("Nested mappings are not allowed in compact mappings", "Unexpected
 * scalar"), which says nothing of the cause. This finds such apostrophes from the text alone.
 */

export interface EarlyQuote {
  /** Offset of the apostrophe that closed the string. */
  at: number;
  /** The word around it, as written ("People's"). */
  word: string;
  /** The intended string: from the opening quote to the last quote on its line. */
  intended: string;
}

/**
 * A single-quoted string opened after `key: `, `- ` or a flow bracket, whose closing quote is
 * followed at once by a letter or digit: the quote was an apostrophe. One per line at most.
 */
export function earlyClosedQuotes(text: string): EarlyQuote[] {
  const found: EarlyQuote[] = [];
  const opening = /(?:^|[:\-[{,])[ \t]+'/gmu;
  let lineEnd = -1;
  for (const m of text.matchAll(opening)) {
    const open = m.index + m[0].length - 1;
    if (open < lineEnd) continue;
    const eol = text.indexOf("\n", open);
    lineEnd = eol === -1 ? text.length : eol;
    // The closing quote: the first single quote that is not doubled ('' is an escaped quote).
    let close = -1;
    for (let i = open + 1; i < lineEnd; i++) {
      if (text[i] !== "'") continue;
      if (text[i + 1] === "'") {
        i++;
        continue;
      }
      close = i;
      break;
    }
    if (close === -1 || !/[\p{L}\p{N}]/u.test(text[close + 1] ?? "")) continue;
    const last = text.lastIndexOf("'", lineEnd - 1);
    const wordStart = text.slice(open + 1, close).search(/[\p{L}\p{N}]*$/u) + open + 1;
    const wordEnd = close + 1 + (/^[\p{L}\p{N}]*/u.exec(text.slice(close + 1))?.[0].length ?? 0);
    found.push({
      at: close,
      word: text.slice(wordStart, wordEnd),
      intended: text.slice(open + 1, last > close ? last : lineEnd).replace(/''/g, "'"),
    });
  }
  return found;
}

/** The finding's message: what happened, and two ways to write it. */
export function describeEarlyQuote(q: EarlyQuote): string {
  const doubled = `'${q.intended.replace(/'/g, "''")}'`;
  return `the single-quoted string closes early, at the apostrophe in "${q.word}": write the string in double quotes, ${JSON.stringify(q.intended)}, or double the apostrophe, ${doubled}`;
}

/** The text with each such apostrophe doubled, and a map from its offsets back to the original. */
export function withApostrophesDoubled(
  text: string,
  quotes: readonly EarlyQuote[],
): { text: string; original: (offset: number) => number } {
  const at = [...quotes].map((q) => q.at).sort((a, b) => a - b);
  let out = "";
  let from = 0;
  for (const offset of at) {
    out += `${text.slice(from, offset)}'`;
    from = offset;
  }
  out += text.slice(from);
  return {
    text: out,
    // Offset n of the new text: n less the apostrophes added before it.
    original: (n) => n - at.filter((offset, i) => offset + i < n).length,
  };
}
