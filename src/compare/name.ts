/**
 * Names and titles, compared through a ladder from "the same" to "different words". Each rung
 * names what kind of difference it found, so a report can say "look-alike letters" instead of
 * "different", and an accepted transliteration is shown without failing the run:
 *
 *  1. exactly equal                                   → agree, identical
 *  2. equal after folding case, spacing, punctuation,
 *     hyphens ("Inter-Parliamentary", "Interparliamentary") → agree, case-or-spacing
 *  3. both the same entity (aliases, acronyms; also
 *     in other words with the entity's own place
 *     added: "Azerbaijani Foreign Ministry")          → agree, alias
 *  4. a listed spelling variant of the entity         → variant, transliteration
 *  5. same UTS #39 confusable skeleton                → conflict, look-alike
 *  6. same after the transliteration rules            → variant, transliteration
 *  6b. the same words in other forms (name-words.ts:
 *     acronyms spelled out, "Kazakh" for Kazakhstan,
 *     plurals): in order → agree, alias; in another
 *     order → variant, word-order; words added → as 8
 *     and 9 say. Two names of acronyms only skip it:
 *     "PA" is not "IPA"
 *  7. a name whose words do not spell its acronym     → conflict, acronym-mismatch
 *  8. one side's words plus a rank or negation
 *     ("Deputy", "Acting", "former", "non")           → conflict, qualifier
 *  9. one side's words plus others (a fuller form:
 *     "Ilham Heydarovich Aliyev", "… of Azerbaijan")  → compatible, added-word
 * 10. a small edit inside words, or other words       → conflict, spelling / different-word
 *
 * Every rung is symmetric, and rung 9 (whose diff could align differently one way round) is
 * decided on the two names in a fixed order, so compare(a, b) and compare(b, a) agree.
 */

import { createRequire } from "node:module";
import { distance } from "fastest-levenshtein";
import type { DiffPart } from "../findings/finding.js";
import {
  changedTexts,
  charDiff,
  closeEnough,
  foldText,
  MAX_DIFF_LENGTH,
  tokenize,
  tooLongToDiff,
  wordDiff,
  wordsOf,
} from "./diff.js";
import { type NameWords, NameWordsReader, onlyAcronyms, relateNameWords } from "./name-words.js";
import {
  type Comparison,
  type DifferenceKind,
  EMPTY_NAME_CONTEXT,
  type NameContext,
} from "./types.js";

/** Folded case, spacing and punctuation (see foldText), and no leading "the". Idempotent. */
export function normalizeName(s: string): string {
  let folded = foldText(s);
  while (folded.startsWith("the ")) folded = folded.slice(4);
  return folded;
}

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The UTS #39 skeleton: NFD, default-ignorable characters (zero-width spaces and joiners, soft
 * hyphens) removed, each character mapped to its confusables.txt prototype, NFD again. Two
 * strings look alike when their skeletons are equal. For comparing only, never for display:
 * "Ilham" has the skeleton "llharn".
 */
export function confusableSkeleton(s: string): string {
  // Plain ASCII (most names): NFD leaves it as it is, none of it is default-ignorable, and its
  // prototypes are already in NFD, so the table is all there is to apply.
  if (PRINTABLE_ASCII.test(s)) return s.replace(ASCII_CONFUSABLE, (ch) => ASCII_PROTOTYPES[ch]!);
  const table = prototypes();
  let out = "";
  for (const ch of s.normalize("NFD").replace(DEFAULT_IGNORABLE, "")) {
    out += Object.hasOwn(table, ch) ? table[ch] : ch;
  }
  return out.normalize("NFD");
}

let prototypeTable: Readonly<Record<string, string>> | undefined;

/**
 * The entries of the confusables table for printable ASCII, so that names written in plain ASCII
 * (most of them) are compared without reading the 100 KB table. A test holds them to the table.
 */
export const ASCII_PROTOTYPES: Readonly<Record<string, string>> = {
  "0": "O",
  "1": "l",
  "`": "'",
  '"': "''",
  "|": "l",
  I: "l",
  "%": "º/₀",
  m: "rn",
};
const PRINTABLE_ASCII = /^[\t\n\r\x20-\x7e]*$/;
/** The ASCII characters that have a prototype. */
const ASCII_CONFUSABLE = new RegExp(
  `[${Object.keys(ASCII_PROTOTYPES)
    .map((ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .join("")}]`,
  "g",
);

/**
 * unhomoglyph's table of confusables.txt (every source is one code point), read when the first
 * name needs a skeleton and looked up per character. The package's own function compiles one
 * regular expression of 6,000 alternatives, and bundling the table would make every run parse
 * it: both show in start-up time.
 */
function prototypes(): Readonly<Record<string, string>> {
  prototypeTable ??= createRequire(import.meta.url)("unhomoglyph/data.json") as Record<
    string,
    string
  >;
  return prototypeTable;
}
/**
 * Whether two names look the same: equal skeletons word by word, where a word may also differ
 * in case. The skeleton does not fold case, and lower-casing first would lose "I" against "l"
 * (i is not l), so each word pair is tried both as written and lower-cased: "llham ALIYEV"
 * looks like "Ilham Aliyev".
 */
function looksAlike(
  a: string,
  b: string,
  skeleton: (s: string) => string = confusableSkeleton,
): boolean {
  if (skeleton(a) === skeleton(b)) return true;
  const wordsA = a.trim().split(/\s+/);
  const wordsB = b.trim().split(/\s+/);
  if (
    wordsA.length === wordsB.length &&
    wordsA.every((x, k) => {
      const y = wordsB[k] ?? "";
      return skeleton(x) === skeleton(y) || skeleton(x.toLowerCase()) === skeleton(y.toLowerCase());
    })
  )
    return true;
  // A word of one that the other writes with a look-alike letter, wherever the two words stand
  // ("ClS PA Council" against "IPA CIS Council").
  return imitatesAWordOf(wordsA, wordsB, skeleton) || imitatesAWordOf(wordsB, wordsA, skeleton);
}

/** Whether a word of `xs` that `ys` does not write looks like one that `ys` writes. */
function imitatesAWordOf(
  xs: readonly string[],
  ys: readonly string[],
  skeleton: (s: string) => string,
): boolean {
  const plain = new Set(ys);
  const bySkeleton = new Map(ys.map((y) => [skeleton(y), y]));
  return xs.some((x) => {
    if (plain.has(x)) return false;
    const y = bySkeleton.get(skeleton(x));
    return y !== undefined && y.toLowerCase() !== x.toLowerCase();
  });
}

const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/**
 * The words of a name that mix letters of two alphabets ("Sеrgei" with a Cyrillic е), joined:
 * no romanisation writes a word so, a disguise does. A name with such a word is a look-alike of
 * one without, even where the transliteration rules would read the two as one.
 */
function mixedScriptWords(s: string): string {
  if (PRINTABLE_ASCII.test(s)) return "";
  return s
    .split(/[^\p{L}\p{M}]+/u)
    .filter((word) => SCRIPTS.filter((script) => script.test(word)).length > 1)
    .join(" ");
}

// ---------------------------------------------------------------------------------------------
// Transliteration

/** Letters that lose no information for a romanisation key when written plainly. */
const PLAIN_LETTERS: Readonly<Record<string, string>> = {
  ə: "a",
  ı: "i",
  ł: "l",
  ø: "o",
  đ: "d",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
};

/** Russian Cyrillic, romanised; й and ё lose their marks before this lookup (и, е). */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ж: "zh",
  з: "z",
  и: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  і: "i",
  ї: "yi",
  є: "ye",
  ґ: "g",
};

/**
 * Spelling rules that map the usual romanisations of one name to one form. Order matters:
 * "-off" must become "-ov" before doubled letters collapse, and "ye-" before y becomes i.
 */
const ROMANISATION_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^ye/, "e"], // Yevgeny / Evgeny, Yelena / Elena
  [/x/g, "ks"], // Alexei / Aleksei
  [/dzh|zh/g, "j"], // Zhakip / Jakip, Dzheyhun / Jeyhun
  [/kh/g, "h"], // Mikhail / Mihail, Ilkham / Ilham
  [/tch/g, "ch"], // Gorbatchev / Gorbachev
  [/off$/, "ov"], // Smirnoff / Smirnov
  [/eff$/, "ev"], // Lebedeff / Lebedev
  [/w/g, "v"], // Wladimir / Vladimir
  [/y/g, "i"], // Sergey / Sergei, Dmitriy / Dmitry / Dmitri, Aliyev / Aliev (with the next rule)
  [/(\p{L})\1+/gu, "$1"], // doubled letters: Aliiev → Aliev, Gennady / Genady
];

/** One form for the common romanisations of a name: diacritics, Cyrillic, -iy/-y, ks/x, -ov/-off. */
export function transliterationKey(s: string): string {
  const plain = Array.from(
    normalizeName(s).normalize("NFD").replace(/\p{M}/gu, ""),
    (ch) => PLAIN_LETTERS[ch] ?? CYRILLIC[ch] ?? ch,
  ).join("");
  return plain
    .split(" ")
    .map((word) =>
      ROMANISATION_RULES.reduce(
        (w, [pattern, replacement]) => w.replace(pattern, replacement),
        word,
      ),
    )
    .join(" ");
}

// ---------------------------------------------------------------------------------------------
// Aliases and acronyms

const STOPWORDS = new Set([
  "of",
  "the",
  "and",
  "for",
  "in",
  "on",
  "at",
  "to",
  "a",
  "an",
  "de",
  "du",
  "des",
  "la",
  "le",
  "el",
]);
const HYPHENS = /[-\u2010-\u2015\u2212]/g;
/** "(CIS)" after a name: two to ten capitals or digits. */
const PAREN_ACRONYM = /\s*\((\p{Lu}[\p{Lu}\p{N}&]{1,9})\)/gu;

/**
 * The words an acronym's letters come from. Hyphenated words count both ways, since
 * "Co-operation" gives one letter to OSCE and "Inter-Parliamentary" two to IPA.
 */
function significantWordLists(s: string): string[][] {
  const words = (text: string) =>
    foldText(text)
      .split(" ")
      .filter((w) => w !== "" && !STOPWORDS.has(w));
  return [words(s), words(s.replace(HYPHENS, ""))];
}

function initials(words: readonly string[]): string {
  return words.map((w) => Array.from(w)[0] ?? "").join("");
}

/** Every run of `length` consecutive significant words, in both hyphen readings. */
function windows(s: string, length: number): string[][] {
  const out: string[][] = [];
  for (const words of significantWordLists(s)) {
    for (let i = 0; i + length <= words.length; i++) out.push(words.slice(i, i + length));
  }
  return out;
}

function containsPhrase(haystack: string, phrase: string): boolean {
  const h = ` ${normalizeName(haystack)} `;
  const p = normalizeName(phrase);
  return p !== "" && h.includes(` ${p} `);
}

/** Known expansions of an acronym: its entry in ctx.acronyms, and for the subject's own acronym its aliases that spell it. */
function expansionsOf(acronym: string, ctx: NameContext): string[] {
  const out: string[] = [];
  const canonical = ctx.acronyms.get(acronym);
  if (canonical !== undefined) out.push(canonical);
  if (acronym === ctx.acronym) {
    for (const alias of ctx.aliases) {
      if (
        significantWordLists(alias).some(
          (w) => w.length > 1 && initials(w) === acronym.toLowerCase(),
        )
      )
        out.push(alias);
    }
  }
  return out;
}

/** Whether the words just before "(ACR)" spell it, or are a known expansion of it. */
function parenthesisFits(before: string, acronym: string, ctx: NameContext): boolean {
  const letters = acronym.toLowerCase();
  const spelled = significantWordLists(before).some(
    (words) =>
      words.length >= letters.length &&
      initials(words.slice(words.length - letters.length)) === letters,
  );
  if (spelled) return true;
  const folded = ` ${normalizeName(before)}`;
  return expansionsOf(acronym, ctx).some((e) => folded.endsWith(` ${normalizeName(e)}`));
}

interface ParenAcronym {
  acronym: string;
  fits: boolean;
  /** Where "(ACR)" and the space before it start and end. */
  start: number;
  end: number;
}

function parenAcronyms(s: string, ctx: NameContext): ParenAcronym[] {
  return Array.from(s.matchAll(PAREN_ACRONYM), (m) => ({
    acronym: m[1] ?? "",
    fits: parenthesisFits(s.slice(0, m.index), m[1] ?? "", ctx),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Acronyms written as words (case-sensitive, so "WHO" expands and "who" does not). */
function expandAcronyms(s: string, acronyms: ReadonlyMap<string, string>): string {
  if (acronyms.size === 0) return s;
  return tokenize(s)
    .map((t) => acronyms.get(t) ?? t)
    .join("");
}

/**
 * The folded, compacted forms a name is known by: as written, without a "(ACR)" that fits it,
 * and with acronyms written out, so "Commonwealth of Independent States (CIS)" and "CIS" both
 * reach "commonwealthofindependentstates".
 */
export function formsOf(s: string, ctx: NameContext): Set<string> {
  let stripped = s;
  for (const p of parenAcronyms(s, ctx).reverse()) {
    if (p.fits) stripped = stripped.slice(0, p.start) + stripped.slice(p.end);
  }
  return new Set([
    compactName(s),
    compactName(stripped),
    compactName(expandAcronyms(stripped, ctx.acronyms)),
  ]);
}

/** A folded name without its spaces, so that hyphenation and spacing never tell names apart. */
export function compactName(s: string): string {
  return compact(normalizeName(s));
}

function compact(folded: string): string {
  return folded.replace(/ /g, "");
}

function formsOfAll(names: readonly string[], ctx: NameContext): Set<string> {
  const out = new Set<string>();
  for (const name of names) for (const form of formsOf(name, ctx)) out.add(form);
  return out;
}

function meets(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * One side fits an acronym (writes it, or writes an expansion of it) and the other writes a
 * phrase of the same length that shares at least half the expansion's words, position by
 * position, but not its initials: "Union of Independent States" for CIS.
 */
function acronymMismatch(a: string, b: string, ctx: NameContext): string | undefined {
  for (const p of [...parenAcronyms(a, ctx), ...parenAcronyms(b, ctx)]) {
    if (!p.fits) return `the words before (${p.acronym}) do not spell ${p.acronym}`;
  }
  const candidates = new Set(ctx.acronyms.keys());
  if (ctx.acronym !== undefined) candidates.add(ctx.acronym);
  for (const acronym of candidates) {
    const found = corruptedExpansion(a, b, acronym, ctx) ?? corruptedExpansion(b, a, acronym, ctx);
    if (found !== undefined) return `"${found}" does not spell ${acronym}`;
  }
  return undefined;
}

/** The phrase of `other` that garbles the expansion of `acronym` that `fitting` writes, if any. */
function corruptedExpansion(
  fitting: string,
  other: string,
  acronym: string,
  ctx: NameContext,
): string | undefined {
  const references = referencePhrases(fitting, acronym, ctx);
  if (references.length === 0 || fitsAcronym(other, acronym, ctx)) return undefined;
  for (const reference of references) {
    for (const window of windows(other, reference.length)) {
      const same = window.filter((w, k) => w === reference[k]).length;
      if (same * 2 >= reference.length && initials(window) !== initials(reference))
        return asWritten(other, window);
    }
  }
  return undefined;
}

/**
 * The expansions `s` is measured against when it fits `acronym`: the known ones, and for the
 * subject's own acronym also any run of words in `s` that spells it.
 */
function referencePhrases(s: string, acronym: string, ctx: NameContext): string[][] {
  return rememberedFor(memoFor(ctx).references, acronym, s, () => findReferences(s, acronym, ctx));
}

function findReferences(s: string, acronym: string, ctx: NameContext): string[][] {
  if (!fitsAcronym(s, acronym, ctx)) return [];
  const known = expansionsOf(acronym, ctx).flatMap(significantWordLists);
  const letters = acronym.toLowerCase();
  const spelled =
    acronym === ctx.acronym
      ? windows(s, letters.length).filter((w) => initials(w) === letters)
      : [];
  return [...known, ...spelled].filter((w) => w.length > 0);
}

/** The stretch of `s` from a window's first word to its last, as written; else the folded words. */
function asWritten(s: string, window: readonly string[]): string {
  const first = window[0];
  const last = window[window.length - 1];
  if (first === undefined || last === undefined) return "";
  const escapeRegExp = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const body =
    window.length === 1
      ? escapeRegExp(first)
      : `${escapeRegExp(first)}[\\s\\S]*?${escapeRegExp(last)}`;
  const span = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "iu").exec(
    s.normalize("NFC"),
  );
  return span?.[0] ?? window.join(" ");
}

/**
 * Whether `s` writes `acronym` or an expansion of it. Remembered per name: each of a fact's
 * values meets every other, and this reads the whole name for every acronym of the vocabulary.
 */
function fitsAcronym(s: string, acronym: string, ctx: NameContext): boolean {
  return rememberedFor(memoFor(ctx).fits, acronym, s, () => writesAcronym(s, acronym, ctx));
}

function writesAcronym(s: string, acronym: string, ctx: NameContext): boolean {
  if (tokenize(s).includes(acronym)) return true;
  if (expansionsOf(acronym, ctx).some((e) => containsPhrase(s, e))) return true;
  const letters = acronym.toLowerCase();
  return windows(s, letters.length).some((w) => initials(w) === letters);
}

// ---------------------------------------------------------------------------------------------
// Word-level differences

/**
 * Whether two names have one shape: as many significant words, with the same initials, at least
 * half of them the same word ("Community of Independent States", "Commonwealth of Independent
 * States"). A garbled name has the shape of the one it garbles.
 */
export function sameShape(a: string, b: string): boolean {
  const [x] = significantWordLists(a);
  const [y] = significantWordLists(b);
  if (!x || !y || x.length !== y.length || x.length < 2) return false;
  if (initials(x) !== initials(y)) return false;
  const same = x.filter((w, k) => w === y[k]).length;
  return same * 2 >= x.length;
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0;
  for (const word of long) if (word === short[i]) i++;
  return i === short.length;
}

/** The words one side has beyond the other's, in the same order; undefined if it is not so. */
function addedWords(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length === b.length) return undefined;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (!isSubsequence(short, long)) return undefined;
  const extra: string[] = [];
  let i = 0;
  for (const word of long) {
    if (word === short[i]) i++;
    else extra.push(word);
  }
  return extra;
}

/**
 * Words that make a title another office or a name another thing when added: a rank, a stand-in,
 * a time, a negation. ("Secretary General" is not "Secretary", "Deputy Chairman" not "Chairman".)
 */
export const RANK_WORDS: ReadonlySet<string> = new Set([
  "deputy",
  "vice",
  "acting",
  "interim",
  "former",
  "ex",
  "late",
  "first",
  "second",
  "third",
  "assistant",
  "associate",
  "honorary",
  "chief",
  "senior",
  "junior",
  "executive",
  "general",
  "co",
  "sub",
  "under",
  "non",
  "not",
  "no",
  "anti",
  "pro",
]);
/** RANK_WORDS as the ladder compares words: through transliterationKey ("deputy" is "deputi"). */
const RANK_KEYS: ReadonlySet<string> = new Set([...RANK_WORDS].map((w) => transliterationKey(w)));

/** A word differs by a typo rather than being another word: at most 2 edits, and at most a third of it. */
function isSpellingSlip(x: string, y: string): boolean {
  const d = distance(x, y);
  return d <= 2 && d * 3 <= Math.max(x.length, y.length);
}

/**
 * Every changed stretch replaces words one for one, each by a near spelling. The stretches come
 * from a word diff of the two (transliteration-keyed) names.
 */
function onlySpellingSlips(a: string, b: string): boolean {
  // Too long to diff: different words, as far as can be told.
  if (tooLongToDiff(a, b)) return false;
  const runs: Array<{ removed: string[]; added: string[] }> = [];
  let open = false;
  for (const p of wordDiff(a, b)) {
    if (p.op === 0) {
      if (wordsOf(p.text).length > 0) open = false;
      continue;
    }
    if (!open) runs.push({ removed: [], added: [] });
    open = true;
    const run = runs[runs.length - 1];
    if (run !== undefined) (p.op === -1 ? run.removed : run.added).push(...wordsOf(p.text));
  }
  return (
    runs.length > 0 &&
    runs.every(
      ({ removed, added }) =>
        removed.length > 0 &&
        removed.length === added.length &&
        removed.every((w, k) => isSpellingSlip(w, added[k] ?? "")),
    )
  );
}

// ---------------------------------------------------------------------------------------------
// The same words in other forms (name-words.ts)

/** A name with each "(ACR)" that fits it taken out; undefined when one does not fit. */
function withoutFittingParentheses(s: string, ctx: NameContext): string | undefined {
  let out = s;
  for (const p of parenAcronyms(s, ctx).reverse()) {
    if (!p.fits) return undefined;
    out = out.slice(0, p.start) + out.slice(p.end);
  }
  return out;
}

/**
 * Two names that say the same things in other forms or another order, or one that says what the
 * other does and more: agree (acronyms, places, hyphens or plurals written otherwise), variant
 * (another order), compatible (words added) or conflict (only a rank or negation added).
 * Undefined when the words do not settle it.
 */
function relateByWords(a: string, b: string, ctx: NameContext): Verdict | undefined {
  const plainA = withoutFittingParentheses(a, ctx);
  const plainB = withoutFittingParentheses(b, ctx);
  if (plainA === undefined || plainB === undefined) return undefined;
  const { words } = memoFor(ctx).shared;
  const wordsA = words.read(plainA, plainB);
  const wordsB = words.read(plainB, plainA);
  if (wordsA === undefined || wordsB === undefined) return undefined;
  const relation = relateNameWords(wordsA, wordsB);
  if (relation === undefined) return undefined;
  if (relation.relation === "same") {
    return relation.inOrder
      ? { relation: "agree", kind: "alias", detail: "the same words, written in other forms" }
      : { relation: "variant", kind: "word-order" };
  }
  // In an entity's context, a place its own names do not name makes another entity.
  const own = ownPlaces(ctx);
  if (own.size > 0 && relation.added.some((w) => w.startsWith("@") && !own.has(w)))
    return { relation: "conflict", kind: "different-word" };
  return relation.added.every((w) => RANK_WORDS.has(w))
    ? { relation: "conflict", kind: "qualifier" }
    : { relation: "compatible", kind: "added-word" };
}

const ownPlacesByContext = new WeakMap<NameContext, ReadonlySet<string>>();

/** The places the names of a context's entity name (none outside an entity's context). */
function ownPlaces(ctx: NameContext): ReadonlySet<string> {
  let places = ownPlacesByContext.get(ctx);
  if (!places) {
    const found = new Set<string>();
    const { words } = memoFor(ctx).shared;
    for (const alias of ctx.aliases)
      for (const p of words.read(alias, alias)?.places ?? []) found.add(p);
    places = found;
    if (ctx !== EMPTY_NAME_CONTEXT) ownPlacesByContext.set(ctx, places);
  }
  return places;
}

/**
 * Whether a name is one of the subject's names in other words: the same words as one of them,
 * or with a place added that the subject's own names name ("Azerbaijani Foreign Ministry" for
 * the Ministry of Foreign Affairs of Azerbaijan, but not "Russian Foreign Ministry").
 */
function namesEntityByWords(s: string, ctx: NameContext): boolean {
  const plain = withoutFittingParentheses(s, ctx);
  if (plain === undefined) return false;
  const own = new Set<string>();
  const readings: Array<{ name: NameWords; alias: NameWords }> = [];
  const { words } = memoFor(ctx).shared;
  for (const alias of ctx.acronym === undefined ? ctx.aliases : [...ctx.aliases, ctx.acronym]) {
    const name = words.read(plain, alias);
    const aliasWords = words.read(alias, plain);
    if (name === undefined || aliasWords === undefined) continue;
    for (const place of aliasWords.places) own.add(place);
    readings.push({ name, alias: aliasWords });
  }
  return readings.some(({ name, alias }) => {
    const relation = relateNameWords(name, alias);
    if (relation?.relation === "same") return true;
    return (
      relation?.relation === "added" &&
      relation.added.every((w) => own.has(w)) &&
      [...name.places].every((p) => own.has(p))
    );
  });
}

// ---------------------------------------------------------------------------------------------
// The ladder

/** A relation and kind, with a detail only where it reads the same either way round. */
export type Verdict = Pick<Comparison, "relation" | "kind" | "detail">;

/**
 * What the ladder derives from a context and from each name it sees, kept per context: a
 * multi-valued fact compares each of its k distinct names with up to k others, and without this
 * each comparison formed both names and the entity's names again.
 */
interface NameMemo {
  /** The forms of the subject's names and acronym. */
  entity: ReadonlySet<string>;
  /** The entity's forms and those of its accepted variants. */
  spellings: ReadonlySet<string>;
  /** Forms of names with "(ACR)" in them, which may be the subject's acronym. */
  forms: Map<string, ReadonlySet<string>>;
  /** Whether a name is one of the subject's in other words ("Azerbaijani Foreign Ministry"). */
  entityByWords: Map<string, boolean>;
  /** By acronym, then name: whether the name fits it, and the expansions it is measured against. */
  fits: Map<string, Map<string, boolean>>;
  references: Map<string, Map<string, string[][]>>;
  shared: SharedMemo;
}

/**
 * What the ladder derives from names alone, or from names and the tables every context of one
 * vocabulary shares (its acronyms and places), kept for all those contexts: a value that many
 * subjects state (a title many people hold) is read once, and two such values compared once as
 * far as the subject plays no part, rather than once for each subject.
 */
interface SharedMemo {
  normalized: Map<string, string>;
  transliterated: Map<string, string>;
  /** Confusable skeletons of names and of their words. */
  skeletons: Map<string, string>;
  mixedScripts: Map<string, string>;
  /** Forms of names without "(", which depend on the vocabulary's acronyms alone. */
  plainForms: Map<string, ReadonlySet<string>>;
  /** By name, then other name: whether they look alike; whether they differ by spelling slips. */
  lookAlike: Map<string, Map<string, boolean>>;
  spellingSlips: Map<string, Map<string, boolean>>;
  words: NameWordsReader;
}

const nameMemos = new WeakMap<NameContext, NameMemo>();
/** By the acronym table, then by the place table (or NO_PLACES). */
const sharedMemos = new WeakMap<object, WeakMap<object, SharedMemo>>();
const NO_PLACES = {};

/**
 * The memo of a context, made on first use. The shared empty context gets a fresh one each
 * time: it lives as long as the process, and would keep every name it was ever given.
 */
function memoFor(ctx: NameContext): NameMemo {
  let memo = nameMemos.get(ctx);
  if (memo) return memo;
  const entity = formsOfAll(
    ctx.acronym === undefined ? ctx.aliases : [...ctx.aliases, ctx.acronym],
    ctx,
  );
  memo = {
    entity,
    spellings: new Set([...entity, ...formsOfAll(ctx.variants, ctx)]),
    forms: new Map(),
    entityByWords: new Map(),
    fits: new Map(),
    references: new Map(),
    shared: sharedMemoFor(ctx),
  };
  if (ctx !== EMPTY_NAME_CONTEXT) nameMemos.set(ctx, memo);
  return memo;
}

/** The memo of every context with the tables of this one (a fresh one for the empty context's). */
function sharedMemoFor(ctx: NameContext): SharedMemo {
  const fresh = (): SharedMemo => ({
    normalized: new Map(),
    transliterated: new Map(),
    skeletons: new Map(),
    mixedScripts: new Map(),
    plainForms: new Map(),
    lookAlike: new Map(),
    spellingSlips: new Map(),
    words: new NameWordsReader(ctx.acronyms, ctx.places),
  });
  if (ctx.acronyms === EMPTY_NAME_CONTEXT.acronyms) return fresh();
  let byPlaces = sharedMemos.get(ctx.acronyms);
  if (byPlaces === undefined) {
    byPlaces = new WeakMap();
    sharedMemos.set(ctx.acronyms, byPlaces);
  }
  const places = ctx.places ?? NO_PLACES;
  let memo = byPlaces.get(places);
  if (memo === undefined) {
    memo = fresh();
    byPlaces.set(places, memo);
  }
  return memo;
}

/** A value remembered by two keys (an acronym and a name; two names). */
function rememberedFor<T>(
  caches: Map<string, Map<string, T>>,
  first: string,
  second: string,
  make: () => T,
): T {
  let cache = caches.get(first);
  if (cache === undefined) {
    cache = new Map();
    caches.set(first, cache);
  }
  return remembered(cache, second, make);
}

function remembered<T>(cache: Map<string, T>, s: string, make: (s: string) => T): T {
  let value = cache.get(s);
  if (value === undefined) {
    value = make(s);
    cache.set(s, value);
  }
  return value;
}

/**
 * How two names relate, without the diffs a finding shows: enough to tell whether two values of
 * a multi-valued fact are one value written twice.
 */
export function relateNames(a: string, b: string, ctx: NameContext = EMPTY_NAME_CONTEXT): Verdict {
  return classify(a, b, ctx);
}

function classify(a: string, b: string, ctx: NameContext): Verdict {
  if (a === b) return { relation: "agree", kind: "identical" };
  const memo = memoFor(ctx);
  const { shared } = memo;
  const { normalized, transliterated } = shared;
  const normalA = remembered(normalized, a, normalizeName);
  const normalB = remembered(normalized, b, normalizeName);
  // Spacing and hyphens too: "Inter-Parliamentary", "Inter Parliamentary", "Interparliamentary".
  if (normalA === normalB || compact(normalA) === compact(normalB))
    return { relation: "agree", kind: "case-or-spacing" };

  // Without "(ACR)", which could be the subject's acronym, a name's forms are the vocabulary's.
  const formsOfName = (s: string) =>
    remembered(s.includes("(") ? memo.forms : shared.plainForms, s, () => formsOf(s, ctx));
  const formsA = formsOfName(a);
  const formsB = formsOfName(b);
  const { entity, spellings } = memo;
  if (meets(formsA, formsB)) return { relation: "agree", kind: "alias" };
  const namesEntity = (s: string, forms: ReadonlySet<string>) =>
    meets(forms, entity) || remembered(memo.entityByWords, s, () => namesEntityByWords(s, ctx));
  const acronymsOnly = onlyAcronyms(a) && onlyAcronyms(b);
  if (!acronymsOnly && ctx.aliases.length > 0 && namesEntity(a, formsA) && namesEntity(b, formsB)) {
    return { relation: "agree", kind: "alias" };
  }
  if (meets(formsA, spellings) && meets(formsB, spellings)) {
    return { relation: "variant", kind: "transliteration", detail: "listed in the vocabulary" };
  }

  const skeleton = (s: string) => remembered(shared.skeletons, s, confusableSkeleton);
  const mixed = (s: string) => remembered(shared.mixedScripts, s, mixedScriptWords);
  if (
    rememberedFor(shared.lookAlike, a, b, () => looksAlike(a, b, skeleton)) ||
    mixed(a) !== mixed(b)
  )
    return { relation: "conflict", kind: "look-alike" };
  const keyA = remembered(transliterated, a, transliterationKey);
  const keyB = remembered(transliterated, b, transliterationKey);
  if (keyA === keyB)
    return {
      relation: "variant",
      kind: "transliteration",
      detail: "the same name in another transliteration",
    };

  const byWords = acronymsOnly ? undefined : relateByWords(a, b, ctx);
  if (byWords !== undefined) return byWords;

  const mismatch = acronymMismatch(a, b, ctx);
  if (mismatch !== undefined)
    return { relation: "conflict", kind: "acronym-mismatch", detail: mismatch };

  const added = addedWords(keyA.split(" "), keyB.split(" "));
  if (added !== undefined) {
    // A fuller form of the same name is less precise, not another name; but what only adds a
    // rank or a negation ("Deputy", "non-") names another office, another thing.
    return added.every((w) => RANK_KEYS.has(w))
      ? { relation: "conflict", kind: "qualifier" }
      : { relation: "compatible", kind: "added-word" };
  }
  const [first, second] = keyA < keyB ? [keyA, keyB] : [keyB, keyA];
  return {
    relation: "conflict",
    kind: rememberedFor(shared.spellingSlips, first, second, () => onlySpellingSlips(first, second))
      ? "spelling"
      : "different-word",
  };
}

/**
 * Compares two names of the same thing as the ladder above describes. Conflicts and variants
 * carry a word diff of a against b, and a character diff when the names are close.
 */
export function compareNames(
  a: string,
  b: string,
  ctx: NameContext = EMPTY_NAME_CONTEXT,
): Comparison {
  const verdict = classify(a, b, ctx);
  if (verdict.relation === "agree")
    return { ...verdict, detail: verdict.detail ?? AGREE_DETAIL[verdict.kind] };
  return withDiffs(verdict, a, b);
}

const AGREE_DETAIL: Partial<Record<DifferenceKind, string>> = {
  identical: "the same name",
  "case-or-spacing": "the same name but for case, spacing or punctuation",
  alias: "two names of the same entity",
};

/** Adds the word diff, the character diff where the names are close, and a detail from them. */
export function withDiffs(verdict: Verdict, a: string, b: string): Comparison {
  if (tooLongToDiff(a, b)) {
    const lengths = `${a.length} and ${b.length} characters, over ${MAX_DIFF_LENGTH}`;
    return { ...verdict, detail: verdict.detail ?? `too long to diff (${lengths})` };
  }
  const words = wordDiff(a, b);
  const chars = closeEnough(a, b) || verdict.kind === "look-alike" ? charDiff(a, b) : undefined;
  const detail = verdict.detail ?? describeDifference(verdict.kind, words, chars);
  return {
    ...verdict,
    detail,
    wordDiff: words,
    ...(chars === undefined ? {} : { charDiff: chars }),
  };
}

function describeDifference(
  kind: DifferenceKind,
  words: readonly DiffPart[],
  chars: readonly DiffPart[] | undefined,
): string {
  const { onlyA, onlyB } = changedTexts(
    kind === "look-alike" && chars !== undefined ? chars : words,
  );
  const pair = `${quoteList(onlyA)} / ${quoteList(onlyB)}`;
  // What differs, never the kind of difference again: messages put the two together.
  switch (kind) {
    case "look-alike":
      return `${codePointList(onlyA)} / ${codePointList(onlyB)}`;
    case "added-word":
    case "qualifier":
      return quoteList([...onlyA, ...onlyB]);
    default:
      return pair;
  }
}

function quoteList(texts: readonly string[]): string {
  return texts.length === 0 ? "(nothing)" : texts.map((t) => `"${t.trim()}"`).join(", ");
}

/** "l" (U+006C): the code points matter when the letters look the same. */
function codePointList(texts: readonly string[]): string {
  if (texts.length === 0) return "(nothing)";
  return texts
    .map((t) => {
      const points = Array.from(
        t,
        (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
      );
      return `"${t}" (${points.join(" ")})`;
    })
    .join(", ");
}
