/**
 * Names from the vocabulary in an article: every entity's name, aliases, spelling variants and
 * acronym, plus look-alike spellings (same UTS #39 skeleton, "llham Aliyev" for "Ilham Aliyev"),
 * and acronyms given in parentheses after a name ("Commonwealth of Independent States (CIS)",
 * also for names the vocabulary does not know).
 */
import { confusableSkeleton } from "../compare/name.js";
import { normalizeQuote } from "../ground/normalize.js";
import type { Vocabulary } from "../model/project.js";
import type { EntityData } from "../validate/schema.js";
import { type AssistText, STOPWORDS } from "./text.js";

export type NameFormKind = "name" | "alias" | "variant" | "acronym";

export interface NameForm {
  /** Under grounding's normalisation. */
  text: string;
  entity: string;
  type: EntityData["type"];
  form: NameFormKind;
}

export interface Mention {
  start: number;
  end: number;
  text: string;
  entity: string;
  type: EntityData["type"];
  form: NameFormKind;
  /** The vocabulary's spelling, when the text only looks like it (same confusable skeleton). */
  lookAlikeOf?: string;
}

export interface AcronymPair {
  /** The whole "Name (ACR)". */
  start: number;
  end: number;
  name: { start: number; end: number; text: string };
  acronym: { start: number; end: number; text: string };
  /** The entity the vocabulary gives for the name or the acronym, if any. */
  entity?: string;
  /** True when the name's words do not spell the acronym ("Union of Independent States (CIS)"). */
  initialsMismatch: boolean;
}

function vocabularyForms(vocabulary: Vocabulary): NameForm[] {
  const forms: NameForm[] = [];
  const add = (text: string | undefined, entity: EntityData, form: NameFormKind) => {
    const t = text === undefined ? "" : normalizeQuote(text);
    if (t !== "") forms.push({ text: t, entity: entity.id, type: entity.type, form });
  };
  for (const entity of vocabulary.entities.values()) {
    add(entity.name, entity, "name");
    for (const a of entity.aliases ?? []) add(a, entity, "alias");
    for (const v of entity.variants ?? []) add(v, entity, "variant");
    add(entity.acronym, entity, "acronym");
  }
  return forms;
}

/** The text as a regular expression that matches it literally. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const finders = new WeakMap<Vocabulary, MentionFinder>();

/** The finder for a vocabulary's names, made once however many articles it searches. */
export function mentionFinder(vocabulary: Vocabulary): MentionFinder {
  let finder = finders.get(vocabulary);
  if (!finder) {
    finder = new MentionFinder(vocabularyForms(vocabulary));
    finders.set(vocabulary, finder);
  }
  return finder;
}

/** Maximal runs of letters and digits: what the mention pattern's look-arounds stop at. */
const TOKEN = /[\p{L}\p{N}]+/gu;
/** Printable ASCII, starting and ending with a letter or digit. */
const PLAIN_FORM = /^[A-Za-z0-9](?:[\x20-\x7e]*[A-Za-z0-9])?$/;

/**
 * Lower case for comparing with a plain ASCII form. Case-insensitive matching (simple case
 * folding) pairs two characters outside ASCII with ASCII letters: U+212A KELVIN SIGN, which
 * toLowerCase makes "k", and U+017F LONG S, made "s" here (a test checks every code point).
 */
export function foldForPlainForm(s: string): string {
  return s.toLowerCase().replaceAll("\u017f", "s");
}

/**
 * A vocabulary's name forms, prepared once for searching many texts. A plain ASCII form that
 * starts and ends with a letter or digit matches where a run of whole tokens of the text folds
 * to it, so such forms are looked up by the text's token runs, without a pattern; every other
 * form is searched in every text with its pattern. Searching an article no longer costs a
 * pattern (compiled, then run over the whole text) per vocabulary name, and checking each
 * entity's name for the others' (the suggestion assistant) is no longer quadratic.
 */
export class MentionFinder {
  /** Plain forms by folded text: indexes into `forms`, in order. */
  private readonly plainByFolded = new Map<string, number[]>();
  /** How many tokens the plain forms have, and the longest of them in characters. */
  private readonly plainTokenCounts: number[];
  private readonly plainMaxLength: number;
  /** The forms searched in every text. */
  private readonly otherForms: number[] = [];
  private readonly patterns: (RegExp | undefined)[];
  /** Forms that look-alike spellings are checked against, by skeleton, in order. */
  private readonly bySkeleton = new Map<string, NameForm[]>();
  private readonly lookAlikeWordCounts: number[];

  constructor(readonly forms: readonly NameForm[]) {
    const tokenCounts = new Set<number>();
    const wordCounts = new Set<number>();
    let maxLength = 0;
    forms.forEach((f, i) => {
      if (PLAIN_FORM.test(f.text)) {
        const key = foldForPlainForm(f.text);
        const list = this.plainByFolded.get(key);
        if (list) list.push(i);
        else this.plainByFolded.set(key, [i]);
        tokenCounts.add(f.text.match(TOKEN)?.length ?? 0);
        maxLength = Math.max(maxLength, f.text.length);
      } else this.otherForms.push(i);

      if (f.form === "acronym") return;
      const n = f.text.split(" ").length;
      if (n < 2 || n > 6 || f.text.length < 6) return;
      const skeleton = confusableSkeleton(f.text);
      const list = this.bySkeleton.get(skeleton);
      if (list) list.push(f);
      else this.bySkeleton.set(skeleton, [f]);
      wordCounts.add(n);
    });
    this.plainTokenCounts = [...tokenCounts];
    this.plainMaxLength = maxLength;
    this.lookAlikeWordCounts = [...wordCounts];
    this.patterns = new Array(forms.length);
  }

  /**
   * Every mention in `text` of the forms `include` accepts (all of them by default), longest
   * first where they overlap: "New Azerbaijan Party" wins over "Azerbaijan". Names and aliases
   * match in any case; acronyms only as written.
   */
  find(text: AssistText, include: (form: NameForm) => boolean = () => true): Mention[] {
    const candidates: Mention[] = [];
    const mention = (f: NameForm, start: number, matched: string): Mention => ({
      start,
      end: start + matched.length,
      text: matched,
      entity: f.entity,
      type: f.type,
      form: f.form,
    });
    for (const [i, spans] of this.formsToSearch(text.text)) {
      const f = this.forms[i]!;
      if (!include(f)) continue;
      if (spans === undefined) {
        for (const m of text.text.matchAll(this.pattern(i))) {
          candidates.push(mention(f, m.index, m[0]));
        }
        continue;
      }
      // Left to right, skipping a span that starts inside the last one: what a search of the
      // whole text with the form's pattern finds.
      let searchedTo = 0;
      for (let k = 0; k < spans.length; k += 2) {
        const start = spans[k]!;
        if (start < searchedTo) continue;
        searchedTo = spans[k + 1]!;
        candidates.push(mention(f, start, text.text.slice(start, searchedTo)));
      }
    }
    appendLookAlikes(candidates, text, this.bySkeleton, this.lookAlikeWordCounts, include);
    return pickLongest(candidates);
  }

  /**
   * The forms that occur in `text`, in the forms' order. A plain form comes with where it occurs
   * (start and end, ascending); any other form with undefined, to be searched with its pattern.
   *
   * A plain form's pattern matches exactly where a run of whole tokens equals it: as written for
   * an acronym, folded for the rest. Tokens end where the pattern's look-arounds do, and a text
   * character that matches an ASCII one in any case folds to it (see foldForPlainForm), so the
   * run and the form have the same length and fold alike.
   */
  private formsToSearch(text: string): [number, number[] | undefined][] {
    const found = new Map<number, number[] | undefined>();
    for (const i of this.otherForms) found.set(i, undefined);
    if (this.plainByFolded.size > 0) {
      const tokens = [...text.matchAll(TOKEN)];
      for (let p = 0; p < tokens.length; p++) {
        const start = tokens[p]!.index;
        for (const n of this.plainTokenCounts) {
          const last = tokens[p + n - 1];
          if (last === undefined) continue;
          const end = last.index + last[0].length;
          if (end - start > this.plainMaxLength) continue;
          const run = text.slice(start, end);
          const hits = this.plainByFolded.get(foldForPlainForm(run));
          if (!hits) continue;
          for (const i of hits) {
            if (this.forms[i]!.form === "acronym" && run !== this.forms[i]!.text) continue;
            const spans = found.get(i);
            if (spans) spans.push(start, end);
            else found.set(i, [start, end]);
          }
        }
      }
    }
    return [...found].sort((a, b) => a[0] - b[0]);
  }

  private pattern(i: number): RegExp {
    let re = this.patterns[i];
    if (!re) {
      const f = this.forms[i]!;
      const flags = f.form === "acronym" ? "gu" : "giu";
      re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(f.text)}(?![\\p{L}\\p{N}])`, flags);
      this.patterns[i] = re;
    }
    return re;
  }
}

/** Longest first, then earliest; a candidate overlapping a chosen one is dropped. */
export function pickLongest<T extends { start: number; end: number }>(candidates: T[]): T[] {
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Per character, 1 + the start of the chosen candidate covering it (0: none). Comparing each
  // candidate with every chosen one grew with the square of an article's mentions.
  const coveredFrom = new Int32Array(sorted.reduce((n, c) => Math.max(n, c.end), 0) + 1);
  const chosen: T[] = [];
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = coveredFrom[i] === 0;
    // An empty candidate overlaps a chosen one that holds its place strictly inside.
    if (c.start === c.end && coveredFrom[c.start]! > 0) free = coveredFrom[c.start]! - 1 >= c.start;
    if (!free) continue;
    coveredFrom.fill(c.start + 1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Runs of words whose skeleton equals a vocabulary name's but whose letters differ. Only for
 * names of two or more words, so that a single short word never looks like a name by chance.
 * Where several accepted forms share a skeleton, the last one is taken.
 */
function appendLookAlikes(
  found: Mention[],
  text: AssistText,
  bySkeleton: ReadonlyMap<string, readonly NameForm[]>,
  wordCounts: readonly number[],
  include: (form: NameForm) => boolean,
): void {
  const { words } = text;
  for (const n of wordCounts) {
    for (let i = 0; i + n <= words.length; i++) {
      const first = words[i]!;
      const last = words[i + n - 1]!;
      const run = text.text.slice(first.start, last.end);
      if (run.split(" ").length !== n) continue;
      const forms = bySkeleton.get(confusableSkeleton(run));
      const form = forms?.findLast(include);
      if (!form || run.toLowerCase() === form.text.toLowerCase()) continue;
      found.push({
        start: first.start,
        end: last.end,
        text: run,
        entity: form.entity,
        type: form.type,
        form: form.form,
        lookAlikeOf: form.text,
      });
    }
  }
}

const ACRONYM_IN_PARENS = /\(([A-Z][A-Za-z]{1,9})\)/g;
const CONNECTORS = new Set(["of", "the", "and", "for", "on", "in", "de", "&"]);

/**
 * "Name (ACR)": the acronym in parentheses and the name before it. The name is a vocabulary
 * mention ending right before the parenthesis, or else the words whose initials spell the
 * acronym (any case: "internally displaced persons (IDPs)"); a known acronym after words that
 * do not spell it takes as many capitalised words as it has letters, and is marked.
 */
export function findAcronymPairs(
  text: AssistText,
  mentions: readonly Mention[],
  forms: readonly NameForm[],
): AcronymPair[] {
  const pairs: AcronymPair[] = [];
  const acronymEntity = new Map<string, string>();
  for (const f of forms) if (f.form === "acronym") acronymEntity.set(f.text, f.entity);
  for (const m of text.text.matchAll(ACRONYM_IN_PARENS)) {
    const acronym = m[1]!;
    if (!/[A-Z].*[A-Z]/.test(acronym)) continue;
    const open = m.index;
    const close = open + m[0].length;
    const letters = (
      acronym.length > 2 && acronym.endsWith("s") ? acronym.slice(0, -1) : acronym
    ).toLowerCase();
    const byAcronym = acronymEntity.get(acronym);
    const before = mentions.find(
      (x) => x.end === open - 1 && text.text[open - 1] === " " && x.form !== "acronym",
    );
    const acr = { start: open + 1, end: close - 1, text: acronym };
    const sentenceStart = text.sentence(open).start;
    if (before && (byAcronym === before.entity || spells(text, before.start, open, letters))) {
      pairs.push(pair(text, before.start, close, acr, before.entity, false));
      continue;
    }
    const walked = walkInitials(text, sentenceStart, open, letters);
    if (walked !== undefined) {
      const entity = byAcronym ?? before?.entity;
      pairs.push(pair(text, walked, close, acr, entity, false));
      continue;
    }
    if (byAcronym !== undefined) {
      const start = capitalisedWords(text, sentenceStart, open, letters.length);
      if (start !== undefined) pairs.push(pair(text, start, close, acr, byAcronym, true));
    }
  }
  return pairs;
}

function pair(
  text: AssistText,
  start: number,
  close: number,
  acronym: AcronymPair["acronym"],
  entity: string | undefined,
  initialsMismatch: boolean,
): AcronymPair {
  const nameEnd = acronym.start - 2;
  return {
    start,
    end: close,
    name: { start, end: nameEnd, text: text.text.slice(start, nameEnd) },
    acronym,
    ...(entity === undefined ? {} : { entity }),
    initialsMismatch,
  };
}

function spells(text: AssistText, start: number, end: number, letters: string): boolean {
  return walkInitials(text, start, end, letters) === start;
}

/**
 * Walking back from `end`, the words whose initials (hyphenated parts too) spell `letters`;
 * connectors ("of", "the") may be skipped. The start of the name, or undefined.
 */
function walkInitials(
  text: AssistText,
  floor: number,
  end: number,
  letters: string,
): number | undefined {
  const words = text.wordsIn(floor, end);
  let j = letters.length - 1;
  for (let i = words.length - 1; i >= 0 && j >= 0; i--) {
    const w = words[i]!;
    if (CONNECTORS.has(w.lower) && j < letters.length - 1) continue;
    const parts = w.lower.split("-").reverse();
    let matched = false;
    for (const p of parts) {
      if (j >= 0 && p[0] === letters[j]) {
        j--;
        matched = true;
      }
    }
    if (!matched) return undefined;
    if (j < 0) return w.start;
  }
  return undefined;
}

/** The start of the last `count` capitalised words before `end` (connectors between them allowed). */
function capitalisedWords(
  text: AssistText,
  floor: number,
  end: number,
  count: number,
): number | undefined {
  const words = text.wordsIn(floor, end);
  let taken = 0;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (CONNECTORS.has(w.lower) && taken > 0) continue;
    if (!/^\p{Lu}/u.test(w.text)) return undefined;
    taken++;
    if (taken === count) return w.start;
  }
  return undefined;
}

/** Content words of a name, lower-cased, for matching entity names against sentences. */
export function contentWords(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []).filter(
    (w) => !STOPWORDS.has(w),
  );
}
