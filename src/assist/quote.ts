/**
 * The evidence quote for a suggested claim: the phrase around the value, short enough to read
 * at a glance and unique in the article. The words are the article's own (curly quotes and all;
 * only line breaks and runs of spaces become one space), found and checked under grounding's
 * normalisation, so the quote grounds exactly. When
 * the phrase occurs more than once, the words before (and if need be after) it become the
 * quote's prefix and suffix, as a W3C TextQuoteSelector does.
 */
import { contextMatcher } from "../ground/locate-quote.js";
import type { Evidence } from "../model/project.js";
import { type AssistText, STOPWORDS } from "./text.js";

/** Words of context on each side of the value, at most. */
const SIDE_WORDS = 5;
/** At a comma, the phrase stops once it has this many words on that side. */
const COMMA_STOP = 3;
/** Words of prefix or suffix tried before giving up on uniqueness. */
const MAX_CONTEXT_WORDS = 8;
/** A phrase repeated more often than this gets no prefix or suffix: it is quoted as it is. */
const MAX_COPIES_FOR_CONTEXT = 100;

export interface ChosenEvidence {
  evidence: Evidence;
  /** The quote's offsets in the normalised text. */
  start: number;
  end: number;
}

/**
 * `bare`: quote the span alone when it is unique and at least two words (a name, a title);
 * otherwise the phrase around it.
 */
export function chooseEvidence(
  text: AssistText,
  start: number,
  end: number,
  bare = false,
): ChosenEvidence {
  const t = text.text;
  if (bare && /\s/.test(t.slice(start, end).trim()) && isUnique(text, start, end))
    return { evidence: { quote: text.original(start, end) }, start, end };
  let qs = extend(text, start, -1, SIDE_WORDS);
  // Cross a comma after the value only while the phrase is still short before it.
  const leftWords = text.wordsIn(qs, start).length;
  let qe = extend(
    text,
    end,
    1,
    SIDE_WORDS,
    text.text.length,
    leftWords >= COMMA_STOP ? 0 : COMMA_STOP,
  );
  // Grow the phrase while it is not unique, up to its sentence.
  const sentence = text.sentence(start);
  for (let k = 0; k < 2 * MAX_CONTEXT_WORDS && !isUnique(text, qs, qe); k++) {
    const left = extend(text, qs, -1, 1, sentence.start, COMMA_STOP, false);
    if (left < qs) qs = left;
    else {
      const right = extend(text, qe, 1, 1, sentence.end, COMMA_STOP, false);
      if (right === qe) break;
      qe = right;
    }
  }
  const quote = text.original(qs, qe);
  if (isUnique(text, qs, qe)) return { evidence: { quote }, start: qs, end: qe };
  // Still repeated (a repeated sentence): context from outside the sentence, unless it is
  // repeated so often that telling its copies apart would take each copy a read of them all.
  const copies = text.occurrences.find(t.slice(qs, qe), MAX_COPIES_FOR_CONTEXT + 1);
  if (copies.length > MAX_COPIES_FOR_CONTEXT) return { evidence: { quote }, start: qs, end: qe };
  for (let n = 1; n <= MAX_CONTEXT_WORDS; n++) {
    const ps = wordsBefore(text, qs, n);
    const se = wordsAfter(text, qe, n);
    for (const [prefix, suffix] of [
      [text.original(ps, qs), ""],
      [text.original(ps, qs), text.original(qe, se)],
    ] as const) {
      const evidence: Evidence = {
        quote,
        ...(prefix === "" ? {} : { prefix }),
        ...(suffix === "" ? {} : { suffix }),
      };
      const fits = contextMatcher(t, evidence);
      const fitting = copies.filter((at) => fits(at, at + qe - qs));
      if (fitting.length === 1 && fitting[0] === qs) return { evidence, start: qs, end: qe };
    }
  }
  return { evidence: { quote }, start: qs, end: qe };
}

function isUnique(text: AssistText, start: number, end: number): boolean {
  return text.occurrences.find(text.text.slice(start, end), 2).length === 1;
}

/**
 * From `at`, up to `max` words outward in `direction` within the clause: stops at a line break,
 * at . ; : ! ? ( ) or a double quote, and at a comma once it has `commaStop` words. Where
 * the word limit cut the phrase, function words at its outer edge are dropped ("of the").
 */
function extend(
  text: AssistText,
  at: number,
  direction: -1 | 1,
  max: number,
  limit = direction < 0 ? 0 : text.text.length,
  commaStop = COMMA_STOP,
  trim = true,
): number {
  const t = text.text;
  const edges: number[] = [];
  let taken = 0;
  let i = direction < 0 ? text.wordIndexAt(at) - 1 : text.wordIndexAt(at);
  let previous = at;
  while (taken < max) {
    const w = text.words[i];
    if (!w) break;
    if (direction < 0 ? w.start < limit : w.end > limit) break;
    const gap = direction < 0 ? t.slice(w.end, previous) : t.slice(previous, w.start);
    if (
      /[.;:!?()"\u201c\u201d\u2014]/.test(gap) ||
      hasBreak(text, direction < 0 ? w.end : previous, gap)
    )
      break;
    if (gap.includes(",") && taken >= commaStop) break;
    taken++;
    edges.push(direction < 0 ? w.start : w.end);
    previous = direction < 0 ? w.start : w.end;
    i += direction;
  }
  // Where the phrase was cut short (not at a boundary), drop function words at its edge.
  while (trim && taken === max && edges.length > 1) {
    const edge = edges[edges.length - 1]!;
    const word = text.words[direction < 0 ? text.wordIndexAt(edge) : text.wordIndexAt(edge) - 1];
    if (!word || !STOPWORDS.has(word.lower)) break;
    edges.pop();
  }
  return edges.length > 0 ? edges[edges.length - 1]! : at;
}

function hasBreak(text: AssistText, from: number, gap: string): boolean {
  for (let k = 0; k < gap.length; k++) if (text.isBreak(from + k)) return true;
  return false;
}

function wordsBefore(text: AssistText, at: number, n: number): number {
  const i = text.wordIndexAt(at);
  return text.words[Math.max(0, i - n)]?.start ?? 0;
}

function wordsAfter(text: AssistText, at: number, n: number): number {
  const i = text.wordIndexAt(at);
  return text.words[Math.min(text.words.length - 1, i + n - 1)]?.end ?? text.text.length;
}
