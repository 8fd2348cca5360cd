/**
 * A name read as the set of things it says, for the rung of the ladder where two names use the
 * same words in other forms or another order: acronyms written out ("IPA CIS Council", "Council
 * of the Inter-Parliamentary Assembly of the CIS"), places read as one whatever the form
 * ("Kazakh Senate", "Senate of Kazakhstan", "Kazakhstan's Senate"), hyphenation and plurals
 * folded ("observer group", "group of observers"), and little words left out.
 *
 * An acronym the vocabulary does not know is written out only when the other name has words
 * that spell it ("MFA" against "Ministry of Foreign Affairs"); a compound with a common prefix
 * gives a letter to each part when spelling ("Interparliamentary" spells IP).
 */
import type { NameContext } from "./types.js";

export interface NameWords {
  /** What the name says besides places: folded words, acronyms written out, no little words. */
  words: ReadonlySet<string>;
  /** The places it names, as the vocabulary's place ids. */
  places: ReadonlySet<string>;
  /** The words and places in the order written, for telling "another order" from "the same". */
  sequence: readonly string[];
}

/** Words that carry no meaning of their own in a name. */
const LITTLE_WORDS = new Set(["of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "s"]);
/** Prefixes of compounds written with or without a hyphen ("Inter-Parliamentary"). */
const COMPOUND_PREFIXES = ["inter", "intra", "trans", "multi", "counter", "non", "co", "sub"];
/** A word of letters and digits, hyphens and apostrophes inside it kept. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-\u2010-\u2015'\u2019][\p{L}\p{M}\p{N}]+)*/gu;
const HYPHEN = /[-\u2010-\u2015]/;
/** An acronym as written: two to eight capitals. */
const ACRONYM = /^\p{Lu}{2,8}$/u;

/**
 * Whether a name is nothing but acronyms ("IPA", "IPA CIS"). Two such names are compared as
 * written: which acronym an article uses is what a claim of it says, so "PA" is not "IPA" even
 * where both abbreviate one body.
 */
export function onlyAcronyms(s: string): boolean {
  let any = false;
  for (const m of s.matchAll(WORD)) {
    if (!ACRONYM.test(m[0])) return false;
    any = true;
  }
  return any;
}

interface Word {
  /** Folded, hyphens taken out: "interparliamentary". */
  folded: string;
  /** The parts that give an acronym its letters: "inter", "parliamentary". */
  parts: string[];
  /** As written, when it may be an acronym. */
  acronym?: string;
}

function fold(w: string): string {
  return w
    .normalize("NFC")
    .toLowerCase()
    .replace(/['\u2019]/g, "");
}

/** Plural and singular read as one: "observers", "observer"; "territories", "territory". */
function stem(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us"))
    return w.slice(0, -1);
  return w;
}

function splitWord(written: string): Word {
  const plain = written.replace(/['\u2019]s$/u, "");
  const lower = fold(plain);
  const hyphenParts = lower.split(HYPHEN).filter(Boolean);
  let parts = hyphenParts;
  if (hyphenParts.length === 1) {
    const prefix = COMPOUND_PREFIXES.find(
      (p) => lower.startsWith(p) && lower.length > p.length + 3,
    );
    if (prefix) parts = [prefix, lower.slice(prefix.length)];
  }
  return {
    folded: hyphenParts.join(""),
    parts,
    ...(ACRONYM.test(plain) ? { acronym: plain } : {}),
  };
}

/** The words of a name, with the vocabulary's acronyms written out (once, not recursively). */
function wordsOf(s: string, acronyms: ReadonlyMap<string, string>): Word[] {
  const out: Word[] = [];
  for (const m of s.matchAll(WORD)) {
    const word = splitWord(m[0]);
    const expansion = word.acronym === undefined ? undefined : acronyms.get(word.acronym);
    if (expansion === undefined) out.push(word);
    else
      for (const e of expansion.matchAll(WORD))
        out.push({ ...splitWord(e[0]), acronym: undefined });
  }
  return out.map((w) => (w.acronym === undefined ? { folded: w.folded, parts: w.parts } : w));
}

/**
 * The run of words of `other` (little words left out) whose letters spell `acronym`, if one
 * does. A compound gives a letter to each part or one to the whole ("Interparliamentary": IP or I).
 */
function spelledBy(acronym: string, other: readonly Word[]): Word[] | undefined {
  const letters = acronym.toLowerCase();
  const words = other.filter((w) => !LITTLE_WORDS.has(w.folded));
  const spells = (j: number, at: number): number | undefined => {
    if (at === letters.length) return j;
    const word = words[j];
    if (word === undefined) return undefined;
    const readings = new Set([word.folded[0] ?? "", word.parts.map((p) => p[0] ?? "").join("")]);
    for (const r of readings) {
      if (r !== "" && letters.startsWith(r, at)) {
        const end = spells(j + 1, at + r.length);
        if (end !== undefined) return end;
      }
    }
    return undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const end = spells(i, 0);
    if (end !== undefined) return words.slice(i, end);
  }
  return undefined;
}

/** A place's name, alias or demonym folded as the words of a name are, to look it up by. */
export function placeForm(name: string): string {
  return Array.from(name.matchAll(WORD), (m) => splitWord(m[0]).folded).join(" ");
}

/**
 * The places a run of words names: the longest run that is a place's name, alias or demonym
 * (`places` maps their folded forms, words joined by spaces, to the place).
 */
function readPlaces(words: readonly string[], places: ReadonlyMap<string, string>): string[] {
  if (places.size === 0) return [...words];
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(4, words.length - i); n > 0 && matched === 0; n--) {
      const id = places.get(words.slice(i, i + n).join(" "));
      if (id !== undefined) {
        out.push(`@${id}`);
        matched = n;
      }
    }
    if (matched === 0) out.push(words[i]!);
    i += Math.max(matched, 1);
  }
  return out;
}

/**
 * The name `s` reads as, against `other` (whose words spell the acronyms the vocabulary does
 * not know). Undefined when an acronym of `s` is neither known nor spelled by `other`: the name
 * says something the words cannot check.
 */
export function nameWords(s: string, other: string, ctx: NameContext): NameWords | undefined {
  return readNameWords(wordsOf(s, ctx.acronyms), wordsOf(other, ctx.acronyms), ctx.places);
}

/**
 * nameWords, with what it reads kept: each name's words (which depend on the vocabulary's
 * acronyms alone) and each pair's reading (on its places too). Every context of one vocabulary
 * has the same acronyms and places, so one reader serves them all: a title that many people
 * hold is read once, not once for each of them.
 */
export class NameWordsReader {
  private readonly words = new Map<string, readonly Word[]>();
  private readonly readings = new Map<string, Map<string, NameWords | undefined>>();

  constructor(
    private readonly acronyms: ReadonlyMap<string, string>,
    private readonly places: ReadonlyMap<string, string> | undefined,
  ) {}

  /** nameWords(s, other, ctx) for a context with this reader's acronyms and places. */
  read(s: string, other: string): NameWords | undefined {
    let byOther = this.readings.get(s);
    if (byOther === undefined) {
      byOther = new Map();
      this.readings.set(s, byOther);
    } else if (byOther.has(other)) return byOther.get(other);
    const reading = readNameWords(this.wordsOf(s), this.wordsOf(other), this.places);
    byOther.set(other, reading);
    return reading;
  }

  private wordsOf(s: string): readonly Word[] {
    let words = this.words.get(s);
    if (words === undefined) {
      words = wordsOf(s, this.acronyms);
      this.words.set(s, words);
    }
    return words;
  }
}

function readNameWords(
  ownWords: readonly Word[],
  otherWords: readonly Word[],
  placeTable: ReadonlyMap<string, string> | undefined,
): NameWords | undefined {
  const folded: string[] = [];
  for (const w of ownWords) {
    if (w.acronym === undefined) {
      folded.push(w.folded);
      continue;
    }
    const spelled = spelledBy(w.acronym, otherWords);
    if (spelled === undefined) {
      // Written the same on the other side, it needs no spelling out.
      if (!otherWords.some((o) => o.acronym === w.acronym)) return undefined;
      folded.push(w.folded);
    } else folded.push(...spelled.map((x) => x.folded));
  }
  const sequence = readPlaces(folded, placeTable ?? new Map())
    .filter((w) => !LITTLE_WORDS.has(w))
    .map((w) => (w.startsWith("@") ? w : stem(w)));
  const words = new Set<string>();
  const places = new Set<string>();
  for (const w of sequence) (w.startsWith("@") ? places : words).add(w);
  return { words, places, sequence };
}

export type WordsRelation =
  | { relation: "same"; inOrder: boolean }
  | { relation: "added"; added: string[] }
  | undefined;

function subset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * How two names relate as sets of words: the same words (in order or not), or one the other's
 * with words added; undefined when each has words the other lacks, or they name two places.
 * A place named on one side only is an added word.
 */
export function relateNameWords(a: NameWords, b: NameWords): WordsRelation {
  // A name of little words only ("of") says nothing the sets could weigh.
  if (a.sequence.length === 0 || b.sequence.length === 0) return undefined;
  if (
    a.places.size > 0 &&
    b.places.size > 0 &&
    !subset(a.places, b.places) &&
    !subset(b.places, a.places)
  )
    return undefined;
  const aInB = subset(a.words, b.words) && subset(a.places, b.places);
  const bInA = subset(b.words, a.words) && subset(b.places, a.places);
  if (aInB && bInA) {
    const inOrder = a.sequence.join(" ") === b.sequence.join(" ");
    return { relation: "same", inOrder };
  }
  if (!aInB && !bInA) return undefined;
  const [small, large] = aInB ? [a, b] : [b, a];
  const added = [...large.sequence].filter((w) => !small.words.has(w) && !small.places.has(w));
  return { relation: "added", added: [...new Set(added)] };
}
