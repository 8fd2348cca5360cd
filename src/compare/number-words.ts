/**
 * English numbers in digits or words: "7", "1,200", "3.5 million", "seven", "twenty-one",
 * "one hundred and five", "three billion", "a dozen", "two thirds", "one and a half".
 * Hand-written because the npm parsers are abandoned or pull in a whole NLP library, and an
 * evidence check needs only to find the number an annotator claims a quote states.
 *
 * Forms real articles write too: decimal commas ("25,31%", "8,3-million"), a scale after digits
 * joined by a hyphen or nothing ("1.5-million", "18.1million") or in the plural ("38 thousands"),
 * and "pc" for per cent glued to its digits ("42.2pc").
 *
 * Not numbers here: ordinals ("fifth", "7th", "twenty-first"), negative numbers, vague words
 * ("dozens", "several", "a few"), and digits glued to other letters ("G7", "5km").
 */

export interface FoundNumber {
  value: number;
  /** UTF-16 offsets into the searched string, end exclusive. */
  start: number;
  end: number;
  text: string;
}

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
/** Fraction denominators; `plural` says which numerators fit ("a third", "two thirds"). */
const DENOMINATORS: Readonly<Record<string, { value: number; plural: boolean }>> = {
  half: { value: 2, plural: false },
  halves: { value: 2, plural: true },
  third: { value: 3, plural: false },
  thirds: { value: 3, plural: true },
  quarter: { value: 4, plural: false },
  quarters: { value: 4, plural: true },
  fourth: { value: 4, plural: false },
  fourths: { value: 4, plural: true },
  fifth: { value: 5, plural: false },
  fifths: { value: 5, plural: true },
  sixth: { value: 6, plural: false },
  sixths: { value: 6, plural: true },
  seventh: { value: 7, plural: false },
  sevenths: { value: 7, plural: true },
  eighth: { value: 8, plural: false },
  eighths: { value: 8, plural: true },
  ninth: { value: 9, plural: false },
  ninths: { value: 9, plural: true },
  tenth: { value: 10, plural: false },
  tenths: { value: 10, plural: true },
};
/** Ordinals that may follow a tens word: "twenty-first" is not twenty. */
const UNIT_ORDINALS = new Set([
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
]);
/** Every ordinal word that can end a compound ordinal after a hyphen ("forty-fifth", "two-hundredth"). */
const ORDINALS = new Set([
  ...UNIT_ORDINALS,
  ..."tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(
    " ",
  ),
  ..."twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(" "),
  ..."hundredth thousandth millionth billionth".split(" "),
]);

function lookup(
  table: Readonly<Record<string, number>>,
  word: string | undefined,
): number | undefined {
  return word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined;
}

interface Token {
  kind: "digits" | "word";
  /** Lower-cased for words; the digits as written for numbers. */
  text: string;
  start: number;
  end: number;
  /** What separates this token from the one before: a number goes on only over a space or hyphen. */
  gap: "space" | "hyphen" | "none" | "other";
}

/** Digits with thousands separators and a decimal part, or a run of letters. */
// Thousands grouped by commas ("26,000") or by spaces ("26 000", "1 435", as French and SI
// styles write them); a group of three digits after a space is not a number of its own. A
// comma before one or two digits is a decimal comma ("25,31%", "11,5"): a thousands comma
// always has three after it.
const TOKEN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]?\d)|(?<![\d.,])\d+,\d{1,2}(?![\d.,]?\d)|\d+(?:\.\d+)?)|(\p{L}+)/gu;
const DECIMAL_COMMA = /^\d+,\d{1,2}$/;

/** The value of a digits token as the article writes it. */
function digitsValue(text: string): number {
  return DECIMAL_COMMA.test(text)
    ? Number(text.replace(",", "."))
    : Number(text.replace(/[, \u00a0\u202f]/g, ""));
}

/** Words that may follow digits with no space ("18.1million", "42.2pc") and still be read. */
function joinsDigits(word: string): boolean {
  return word === "pc" || scaleAfterDigits(word) !== undefined;
}

/** A scale word after digits, singular or plural ("38 thousands"). */
function scaleAfterDigits(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  if (Object.hasOwn(SCALES, word)) return word;
  const singular = word.endsWith("s") ? word.slice(0, -1) : undefined;
  return singular !== undefined && Object.hasOwn(SCALES, singular) ? singular : undefined;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    tokens.push({
      kind: m[1] === undefined ? "word" : "digits",
      text: m[1] === undefined ? m[0].toLowerCase() : m[0],
      start,
      end,
      gap: classifyGap(text.slice(previousEnd, start), tokens.length === 0),
    });
    previousEnd = end;
  }
  return tokens;
}

function classifyGap(gap: string, first: boolean): Token["gap"] {
  if (first) return "other";
  if (gap === "") return "none";
  if (/^\s+$/.test(gap)) return "space";
  if (/^[-\u2010\u2011]$/.test(gap)) return "hyphen";
  return "other";
}

interface Parse {
  value: number;
  /** Index of the first token after the number. */
  next: number;
}

/** A recursive-descent parser over the tokens; every method returns the longest parse at i. */
class NumberParser {
  constructor(private readonly tokens: readonly Token[]) {}

  /** The lower-cased word at i, if token i is a word that continues the number (space or hyphen). */
  private word(i: number, joinedTo = true): string | undefined {
    const t = this.tokens[i];
    if (t === undefined || t.kind !== "word") return undefined;
    if (joinedTo && t.gap !== "space" && t.gap !== "hyphen") return undefined;
    return t.text;
  }

  /** The word at i when it opens a parse (its gap does not matter). */
  private firstWord(i: number): string | undefined {
    return this.word(i, false);
  }

  number(i: number): Parse | undefined {
    const integer = this.integer(i);
    const fraction = this.fraction(i);
    if (fraction !== undefined && (integer === undefined || fraction.next > integer.next))
      return fraction;
    return integer;
  }

  /** "weak" fractions ("a third", "half") read as numbers only when followed by "of" or a scale. */
  isWeakFraction(i: number): boolean {
    const w = this.firstWord(i);
    return w === "a" || w === "half";
  }

  /** one..ninety-nine, with "twenty one" or "twenty-one". */
  private tens(i: number, first: boolean): Parse | undefined {
    const w = first ? this.firstWord(i) : this.word(i);
    const tens = lookup(TENS, w);
    if (tens !== undefined) {
      const unit = lookup(UNITS, this.word(i + 1));
      return unit !== undefined && unit > 0
        ? { value: tens + unit, next: i + 2 }
        : { value: tens, next: i + 1 };
    }
    const small = lookup(TEENS, w) ?? lookup(UNITS, w);
    return small === undefined ? undefined : { value: small, next: i + 1 };
  }

  /** A number below a thousand: digits, or words with an optional "hundred [and] ...". */
  private group(i: number, first: boolean): Parse | undefined {
    const t = this.tokens[i];
    if (t === undefined) return undefined;
    if (!first && t.gap !== "space") return undefined;
    if (t.kind === "digits") {
      const value = digitsValue(t.text);
      return this.word(i + 1) === "hundred" && this.tokens[i + 1]?.gap === "space"
        ? { value: value * 100, next: i + 2 }
        : { value, next: i + 1 };
    }
    const head =
      t.text === "a" && this.word(i + 1) === "hundred"
        ? { value: 1, next: i + 1 }
        : this.tens(i, true);
    if (head === undefined || this.word(head.next) !== "hundred") return head;
    const hundreds = { value: head.value * 100, next: head.next + 1 };
    const rest =
      this.word(hundreds.next) === "and"
        ? this.tens(hundreds.next + 1, false)
        : this.tens(hundreds.next, false);
    return rest === undefined || rest.value === 0
      ? hundreds
      : { value: hundreds.value + rest.value, next: rest.next };
  }

  /** Groups times decreasing scales: "two million three hundred thousand and five". */
  private integer(i: number): Parse | undefined {
    let total = 0;
    let lastScale = Infinity;
    let end: number | undefined;
    let j = i;
    let first = true;
    for (;;) {
      const group = this.group(j, first) ?? (first ? this.articleBeforeScale(j) : undefined);
      if (group === undefined) break;
      const mixed = this.andFraction(group.next);
      const value = group.value + (mixed?.value ?? 0);
      const k = mixed?.next ?? group.next;
      const scale = lookup(SCALES, this.scaleWord(k));
      if (scale !== undefined && scale >= lastScale) break;
      if (scale === undefined) {
        const dozen = first && this.word(k) === "dozen";
        total += dozen ? value * 12 : value;
        end = dozen ? k + 1 : k;
        break;
      }
      total += value * scale;
      lastScale = scale;
      end = k + 1;
      if (mixed !== undefined) break;
      // "two thousand and five": the "and" belongs to the number only if a group follows it.
      j = this.word(end) === "and" && this.group(end + 1, false) !== undefined ? end + 1 : end;
      first = false;
    }
    return end === undefined ? undefined : { value: cleanProduct(total), next: end };
  }

  /**
   * The scale word at k. After digits it may be joined by a space, a hyphen or nothing, and be
   * plural ("3.5 million", "1.5-million", "18.1million", "38 thousands"); after words, a space or
   * a hyphen.
   */
  private scaleWord(k: number): string | undefined {
    const previous = this.tokens[k - 1];
    if (previous?.kind !== "digits") return this.word(k);
    const t = this.tokens[k];
    if (t?.kind !== "word" || t.gap === "other") return undefined;
    return scaleAfterDigits(t.text);
  }

  /** "a thousand", "a million", "a dozen": the article counts as one before a scale. */
  private articleBeforeScale(i: number): Parse | undefined {
    if (this.firstWord(i) !== "a") return undefined;
    const next = this.word(i + 1);
    return lookup(SCALES, next) !== undefined || next === "dozen"
      ? { value: 1, next: i + 1 }
      : undefined;
  }

  /** "and a half", "and three quarters" after a whole number. */
  private andFraction(i: number): Parse | undefined {
    if (this.word(i) !== "and") return undefined;
    const fraction = this.fraction(i + 1, false);
    return fraction !== undefined && fraction.value < 1 ? fraction : undefined;
  }

  /** "two thirds", "a quarter", "one-fifth", "half"; then optionally "a million" ("half a million"). */
  private fraction(i: number, first = true): Parse | undefined {
    const opening = first ? this.firstWord(i) : this.word(i);
    if (opening === undefined) return undefined;
    let numerator: Parse | undefined;
    if (opening === "half") numerator = { value: 1, next: i };
    else if (opening === "a") numerator = { value: 1, next: i + 1 };
    else numerator = this.tens(i, first);
    if (numerator === undefined || numerator.value === 0) return undefined;
    const denominatorWord = numerator.next === i ? opening : this.word(numerator.next);
    const denominator =
      denominatorWord !== undefined && Object.hasOwn(DENOMINATORS, denominatorWord)
        ? DENOMINATORS[denominatorWord]
        : undefined;
    if (denominator === undefined || denominator.plural !== numerator.value > 1) return undefined;
    const fraction = { value: numerator.value / denominator.value, next: numerator.next + 1 };
    const scale = this.word(fraction.next) === "a" ? this.word(fraction.next + 1) : undefined;
    const multiplier = scale === "dozen" ? 12 : lookup(SCALES, scale);
    return multiplier === undefined
      ? fraction
      : { value: cleanProduct(fraction.value * multiplier), next: fraction.next + 2 };
  }

  /** Whether a parse ending at `next` was really the start of an ordinal ("twenty-first"). */
  endsInOrdinal(next: number): boolean {
    const after = this.tokens[next];
    if (after === undefined || after.kind !== "word") return false;
    const last = this.tokens[next - 1];
    if (after.gap === "hyphen") return ORDINALS.has(after.text);
    return (
      after.gap === "space" &&
      last !== undefined &&
      lookup(TENS, last.text) !== undefined &&
      UNIT_ORDINALS.has(after.text)
    );
  }

  followedBy(next: number, word: string): boolean {
    return this.word(next) === word;
  }

  /** Whether the digits at i are glued to letters ("G7", "7th"), so not a count. */
  gluedDigits(i: number): boolean {
    const t = this.tokens[i];
    if (t?.kind !== "digits") return false;
    const before = this.tokens[i - 1];
    const after = this.tokens[i + 1];
    return (
      (t.gap === "none" && before?.kind === "word") ||
      (after?.gap === "none" && after.kind === "word" && !joinsDigits(after.text))
    );
  }
}

/** Products such as 1.1 × 10⁶ carry binary noise (1100000.0000000002); drop it. */
function cleanProduct(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(15));
}

/**
 * The number a whole string states, or undefined when it is not exactly one number:
 * "seven" → 7, "one hundred and five" → 105, "two thirds" → 2/3, "3.5 million" → 3500000.
 */
export function parseNumberWords(text: string): number | undefined {
  const tokens = tokenize(text);
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (text.slice(0, first.start).trim() !== "" || text.slice(last.end).trim() !== "")
    return undefined;
  const parse = new NumberParser(tokens).number(0);
  return parse !== undefined && parse.next === tokens.length ? parse.value : undefined;
}

/**
 * Every number in a text, in digits or in words, longest match first: "close to 170 observers
 * from twenty-one countries" gives 170 and 21. Offsets are UTF-16 code units.
 */
export function findNumbers(text: string): FoundNumber[] {
  const tokens = tokenize(text);
  const parser = new NumberParser(tokens);
  const found: FoundNumber[] = [];
  let i = 0;
  while (i < tokens.length) {
    const parse = parser.gluedDigits(i) ? undefined : parser.number(i);
    if (parse === undefined || !acceptInText(parser, i, parse)) {
      i++;
      continue;
    }
    const start = tokens[i]?.start ?? 0;
    const end = tokens[parse.next - 1]?.end ?? start;
    found.push({ value: parse.value, start, end, text: text.slice(start, end) });
    i = parse.next;
  }
  return found;
}

/**
 * In running text, "a fifth term" and "the second half" are not fractions, and "twenty-first"
 * is not twenty: a bare or "a" fraction needs "of" after it (unless a scale made it a count).
 */
function acceptInText(parser: NumberParser, i: number, parse: Parse): boolean {
  if (parser.endsInOrdinal(parse.next)) return false;
  if (!parser.isWeakFraction(i) || parse.value >= 1) return true;
  return parser.followedBy(parse.next, "of");
}
