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

export function vocabularyForms(vocabulary: Vocabulary): NameForm[] {
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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Every mention of a vocabulary name, longest first where they overlap: "New Azerbaijan Party"
 * wins over "Azerbaijan". Names and aliases match in any case; acronyms only as written.
 */
export function findMentions(text: AssistText, forms: readonly NameForm[]): Mention[] {
  const candidates: Mention[] = [];
  for (const f of forms) {
    const flags = f.form === "acronym" ? "gu" : "giu";
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(f.text)}(?![\\p{L}\\p{N}])`, flags);
    for (const m of text.text.matchAll(re)) {
      candidates.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        entity: f.entity,
        type: f.type,
        form: f.form,
      });
    }
  }
  candidates.push(...findLookAlikes(text, forms));
  return pickLongest(candidates);
}

/** Longest first, then earliest; a candidate overlapping a chosen one is dropped. */
export function pickLongest<T extends { start: number; end: number }>(candidates: T[]): T[] {
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const chosen: T[] = [];
  for (const c of sorted) {
    if (chosen.some((k) => c.start < k.end && k.start < c.end)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Runs of words whose skeleton equals a vocabulary name's but whose letters differ. Only for
 * names of two or more words, so that a single short word never looks like a name by chance.
 */
function findLookAlikes(text: AssistText, forms: readonly NameForm[]): Mention[] {
  const bySkeleton = new Map<string, NameForm>();
  const lengths = new Set<number>();
  for (const f of forms) {
    if (f.form === "acronym") continue;
    const n = f.text.split(" ").length;
    if (n < 2 || n > 6 || f.text.length < 6) continue;
    bySkeleton.set(confusableSkeleton(f.text), f);
    lengths.add(n);
  }
  const found: Mention[] = [];
  const { words } = text;
  for (const n of lengths) {
    for (let i = 0; i + n <= words.length; i++) {
      const first = words[i]!;
      const last = words[i + n - 1]!;
      const run = text.text.slice(first.start, last.end);
      if (run.split(" ").length !== n) continue;
      const form = bySkeleton.get(confusableSkeleton(run));
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
  return found;
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
