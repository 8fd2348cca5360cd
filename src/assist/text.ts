/**
 * An article as the assistant reads it: the text under grounding's normalisation (so a quote
 * taken from it grounds, and a vocabulary name with straight quotes matches curly ones), with
 * the paragraph breaks that normalisation folds into spaces still known, sentence bounds, and
 * words. Offsets here are UTF-16 indices into the normalised text; `span()` turns them into the
 * code-point offsets and lines of the original file, as grounding reports them.
 */
import { Article, type Span } from "../ground/ground-project.js";
import { OccurrenceIndex } from "./occurrences.js";

export interface Word {
  /** As written (normalised). */
  text: string;
  /** Lower-cased, for matching. */
  lower: string;
  start: number;
  end: number;
}

/** Letters, digits, and the apostrophes and hyphens inside a word ("Kazakhstan's", "Inter-Parliamentary"). */
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

export class AssistText {
  readonly article: Article;
  /** The normalised text. */
  readonly text: string;
  readonly words: Word[];
  private readonly breaks: Set<number>;
  private readonly sentenceStarts: number[];

  constructor(original: string) {
    this.article = new Article(original);
    this.text = this.article.normalized.text;
    this.breaks = this.findBreaks(original);
    this.words = [...this.text.matchAll(WORD)].map((m) => ({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
    }));
    this.sentenceStarts = this.findSentenceStarts();
  }

  private occurrenceIndex: OccurrenceIndex | undefined;

  /** Where phrases occur in the normalised text (indexed on first use). */
  get occurrences(): OccurrenceIndex {
    this.occurrenceIndex ??= new OccurrenceIndex(this.text);
    return this.occurrenceIndex;
  }

  /** Where [start, end) of the normalised text lies in the original file. */
  span(start: number, end: number): Span {
    return this.article.span(start, end);
  }

  /**
   * [start, end) of the normalised text as the original writes it (curly quotes, back-ticks and
   * all), with each run of whitespace made one space so that it fits on one line. It normalises
   * back to the same text, so a quote taken from here grounds where the normalised one does.
   */
  original(start: number, end: number): string {
    const { origin } = this.article.normalized;
    const source = this.article.text;
    const from = origin[start] ?? source.length;
    const to = end >= this.text.length ? source.length : (origin[end] ?? source.length);
    return source.slice(from, to).replace(/\s+/g, " ").trim();
  }

  /** Up to `length` characters of the normalised text that end at `at`. */
  before(at: number, length: number): string {
    return this.text.slice(Math.max(0, at - length), at);
  }

  /** Up to `length` characters of the normalised text from `at`. */
  after(at: number, length: number): string {
    return this.text.slice(at, at + length);
  }

  /**
   * Whether the space at `i` stands for a line break of the original that ends a line of text:
   * not a paragraph wrapped at a fixed width ("Deputy Chairman\nof the Senate"), whose breaks
   * fall anywhere in a sentence.
   */
  isBreak(i: number): boolean {
    return this.breaks.has(i);
  }

  /**
   * The line of the original holding [start, end): from the line break before it to the one
   * after (see isBreak), its text included.
   */
  lineAround(start: number, end = start): { start: number; end: number; text: string } {
    const t = this.text;
    let from = start;
    while (from > 0 && !(t[from - 1] === " " && this.isBreak(from - 1))) from--;
    let to = end;
    while (to < t.length && !(t[to] === " " && this.isBreak(to))) to++;
    return { start: from, end: to, text: t.slice(from, to) };
  }

  /** The sentence holding offset `at`: [start, end) without the surrounding spaces. */
  sentence(at: number): { start: number; end: number } {
    let lo = 0;
    let hi = this.sentenceStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.sentenceStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    const start = this.sentenceStarts[lo] ?? 0;
    const end = this.sentenceStarts[lo + 1] ?? this.text.length;
    let e = end;
    while (e > start && this.text[e - 1] === " ") e--;
    return { start, end: e };
  }

  /** The text of the sentence holding offset `at`. */
  sentenceText(at: number): string {
    const { start, end } = this.sentence(at);
    return this.text.slice(start, end);
  }

  /** The text of the sentence holding offset `at`, from its start (or `at - max`) to `at`. */
  sentenceBefore(at: number, max = Number.POSITIVE_INFINITY): string {
    return this.text.slice(Math.max(this.sentence(at).start, at - max), at);
  }

  /** Index of the first word starting at or after `at`. */
  wordIndexAt(at: number): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.words[mid]?.start ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Words wholly inside [start, end). */
  wordsIn(start: number, end: number): Word[] {
    const out: Word[] = [];
    for (let i = this.wordIndexAt(start); i < this.words.length; i++) {
      const w = this.words[i]!;
      if (w.end > end) break;
      out.push(w);
    }
    return out;
  }

  private findBreaks(original: string): Set<number> {
    const breaks = new Set<number>();
    const { text, origin } = this.article.normalized;
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== " ") continue;
      const from = origin[i] ?? 0;
      const to = origin[i + 1] ?? original.length;
      const gap = original.slice(from, to);
      if (!/[\n\r\u2028\u2029]/.test(gap)) continue;
      const lineStart = Math.max(
        original.lastIndexOf("\n", from - 1),
        original.lastIndexOf("\r", from - 1),
      );
      const lineLength = from - lineStart - 1;
      const before = text.slice(Math.max(0, i - 30), i);
      if (isSoftWrap(gap, before, text.slice(i + 1, i + 8), lineLength)) continue;
      breaks.add(i);
    }
    return breaks;
  }

  /**
   * Sentences end at a line break, or at . ! ? (and a closing quote) before a space and a
   * capital, digit or opening quote. "Azerbaijan`s" and "U.S. officials" are not ends: the
   * first has no space, the second is accepted as a small error.
   */
  private findSentenceStarts(): number[] {
    const starts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      if (t[i] !== " ") continue;
      if (this.breaks.has(i)) {
        starts.push(i + 1);
        continue;
      }
      const before = t.slice(Math.max(0, i - 2), i);
      const after = t[i + 1] ?? "";
      if (/[.!?]["')\u201d]?$/.test(before) && /[\p{Lu}\p{N}"'\u201c]/u.test(after))
        starts.push(i + 1);
    }
    return starts;
  }
}

/**
 * A single line break inside a sentence, as in a paragraph wrapped at a fixed width: the line
 * stops without a sentence's closing punctuation, and the next goes on in lower case, or the line
 * ends on a word that cannot end a sentence ("of", "the", a comma), or it is as long as wrapped
 * lines are. A blank line always ends one.
 */
/** `next`: the first characters of the next line. */
function isSoftWrap(gap: string, before: string, next: string, lineLength: number): boolean {
  if ((gap.match(/\r\n|\r|\n|\u2028|\u2029/g) ?? []).length > 1) return false;
  // "… elections begin in Nepal\n  Kathmandu, Nepal      May 14 2017": an indented line starts a
  // block of its own.
  if (/[\n\r\u2028\u2029][ \t\u00a0]+$/.test(gap)) return false;
  if (/[.!?:;"'\u201d\u2019\u00bb)\]]$/u.test(before)) return false;
  if (/^\p{Ll}/u.test(next)) return true;
  const lastWord = /([\p{L}]+)$/u.exec(before)?.[1]?.toLowerCase();
  const midSentence = /,$/.test(before) || (lastWord !== undefined && STOPWORDS.has(lastWord));
  // "Germany announces final results of Bundestag elections\n19:52, 12.10.2017": a line that
  // starts with a time of day, after one that could end, is a page's time stamp, not the rest of
  // a wrapped sentence (as "polls open at\n7:30" is).
  if (!midSentence && /^\d{1,2}:\d\d\b/.test(next)) return false;
  // "Beyza Binnur Donmez | 22.10.2023 - Update : 23.10.2023\nSwiss cast vote …": a line that ends
  // on a date or time in figures, before a capital, is a page's stamp above the next line, not
  // a sentence going on (text writes "on 22 October" there).
  if (/\d[./-]\d{1,2}[./-]\d{2,4}$|\d:\d\d$/.test(before) && /^\p{Lu}/u.test(next)) return false;
  return lineLength >= WRAPPED_LINE || midSentence;
}

/** Lines at least this long that stop mid-sentence are a paragraph wrapped at a fixed width. */
const WRAPPED_LINE = 50;

/** Function words that neither start nor end a quote, and say nothing about a subject. */
export const STOPWORDS = new Set(
  (
    "a an the of in on at by for to from with and or but as is are was were be been being has have had " +
    "will would that this these those it its their his her they he she we our you your who which " +
    "also not no than then there here into over under about after before during while since until " +
    "said says say stated noted added told reported according all any each other such both"
  ).split(" "),
);
