/**
 * Counts and percentages in an article, in digits or words (compare/number-words.ts), with the
 * hedge in front of them turned into the schema's `approximate` qualifier: "close to 170",
 * "nearly 400", "more than 30", "exceeds three billion", "seven percent", "7%", "42.2pc", and fractions
 * of a whole ("two thirds of the area") as percentages.
 */
import { findNumbers } from "../compare/number-words.js";
import type { Hedge } from "../validate/schema.js";
import { type AssistText, STOPWORDS } from "./text.js";

export interface FoundQuantity {
  kind: "number" | "percent";
  /** The hedge, the number and a percent sign or word. */
  start: number;
  end: number;
  text: string;
  /** A count, or a percentage (7 for "7%", 66.7 for "two thirds"). */
  value: number;
  hedge?: Hedge;
  /** The hedge as written ("exceeds"). */
  hedgeText?: string;
  /** The number as written ("three billion"). */
  numberText: string;
  /** A fraction in words, given as a percentage. */
  fraction?: boolean;
  /** The words right after the number, lower-cased: what is counted ("polling stations"). */
  noun: string[];
}

/** Words before a number that hedge it, and the schema's hedge each stands for. Longest first. */
export const HEDGE_PHRASES: readonly (readonly [string, Hedge])[] = (
  [
    ["no fewer than", "at least"],
    ["no less than", "at least"],
    ["a minimum of", "at least"],
    ["no more than", "at most"],
    ["in excess of", "more than"],
    ["upwards of", "more than"],
    ["more than", "more than"],
    ["fewer than", "fewer than"],
    ["less than", "less than"],
    ["as many as", "up to"],
    ["an estimated", "about"],
    ["approximately", "approximately"],
    ["close to", "close to"],
    ["at least", "at least"],
    ["at most", "at most"],
    ["exceeding", "more than"],
    ["exceeded", "more than"],
    ["exceeds", "more than"],
    ["exceed", "more than"],
    ["estimated", "about"],
    ["roughly", "about"],
    ["nearly", "nearly"],
    ["almost", "almost"],
    ["around", "around"],
    ["about", "about"],
    ["up to", "up to"],
    ["above", "more than"],
    ["below", "less than"],
    ["under", "less than"],
    ["some", "about"],
    ["over", "over"],
  ] as const
).slice();

/** Words a year stands before when it names an event ("the 2015 elections"), not a count. */
export const YEAR_NAMES: ReadonlySet<string> = new Set(
  `election elections electoral poll polls vote presidential parliamentary legislative general
  local municipal regional provincial referendum census constitution campaign race runoff run-off`.split(
    /\s+/,
  ),
);

/** "one" as a pronoun or determiner, not a count: "one of", "no one", "each one". */
const ONE_AFTER = new Set(["of", "another", "by", "after", "or", "and", "who", "that", "which"]);
const ONE_BEFORE = new Set(["no", "any", "every", "each", "the", "this", "that", "which", "only"]);

export function findQuantities(
  text: AssistText,
  exclude: readonly { start: number; end: number }[],
): FoundQuantity[] {
  const t = text.text;
  const out: FoundQuantity[] = [];
  for (const n of findNumbers(t)) {
    if (exclude.some((x) => n.start < x.end && x.start < n.end)) continue;
    // Times of day: "09:11".
    if (/:\d/.test(t.slice(n.end, n.end + 2)) || /\d:$/.test(t.slice(n.start - 2, n.start)))
      continue;
    // "at 8.00 a.m.", "7 p.m.": times of day too.
    if (/^\s?(?:a\.?m\b|p\.?m\b|o'clock\b)/i.test(t.slice(n.end, n.end + 9))) continue;
    // "1. The Mission's lineup", "2) Findings": a list or section number at the start of a line.
    const atLineStart = n.start === 0 || (t[n.start - 1] === " " && text.isBreak(n.start - 1));
    if (atLineStart && /^\d+$/.test(n.text) && /^[.)] /.test(t.slice(n.end, n.end + 2))) continue;
    // "constituency No. 80", "#12", "secki-2024", "COVID-19", "GMT+4": a number that names.
    const leading = t.slice(Math.max(0, n.start - 8), n.start);
    if (/(?:\b(?:No|Nos|Nr|Number)\.? ?|#|\p{L}-|\b(?:GMT|UTC) ?[+\u2212-])$/iu.test(leading))
      continue;
    // "13-14 observers", "in 2021-2022": a range, which a claim's one value cannot hold.
    const range = /^[-\u2013]\d/.test(t.slice(n.end, n.end + 2)) || /\d[-\u2013]$/.test(leading);
    if (/^\d+$/.test(n.text) && range) continue;
    // "+ ↺ − 16 px": the page's layout, copied with its text.
    if (/^ ?px\b/.test(t.slice(n.end, n.end + 4))) continue;
    const wordIndex = text.wordIndexAt(n.start);
    const previousWord = text.words[wordIndex - 1]?.lower;
    const nextWord = text.words[text.wordIndexAt(n.end)]?.lower;
    // "the 2015 elections", "its 2019 presidential poll": a year naming an event, no count.
    if (/^(?:19|20)\d\d$/.test(n.text) && YEAR_NAMES.has(nextWord ?? "")) continue;
    if (n.text.toLowerCase() === "one") {
      const nextText = t.slice(n.end, n.end + 2);
      if (
        ONE_AFTER.has(nextWord ?? "") ||
        ONE_BEFORE.has(previousWord ?? "") ||
        /^[,.;]/.test(nextText)
      )
        continue;
    }
    let start = n.start;
    let end = n.end;
    let kind: FoundQuantity["kind"] = "number";
    let value = n.value;
    let fraction = false;
    // "42.2pc": British papers write per cent so, glued to the digits.
    const percent = /^ ?(?:%|percent\b|per cent\b)|^pc\b/i.exec(t.slice(n.end));
    if (percent) {
      kind = "percent";
      end = n.end + percent[0].length;
    } else if (n.value > 0 && n.value < 1 && /^[\p{L} -]+$/u.test(n.text)) {
      kind = "percent";
      value = Math.round(n.value * 1000) / 10;
      fraction = true;
    }
    const before = t.slice(Math.max(0, n.start - 20), n.start).toLowerCase();
    let hedge: Hedge | undefined;
    let hedgeText: string | undefined;
    for (const [phrase, h] of HEDGE_PHRASES) {
      const m = new RegExp(`(?:^|[^\\p{L}])(${phrase}) $`, "u").exec(before);
      if (m) {
        hedge = h;
        hedgeText = t.slice(n.start - phrase.length - 1, n.start - 1);
        start = n.start - phrase.length - 1;
        break;
      }
    }
    out.push({
      kind,
      start,
      end,
      text: t.slice(start, end),
      value,
      ...(hedge === undefined ? {} : { hedge, hedgeText }),
      numberText: n.text,
      ...(fraction ? { fraction } : {}),
      // "44 percent of the world's population", "a quarter of the global GDP": a share is
      // named by what it is a share of.
      noun: nounAfter(text, kind === "percent" ? afterOf(t, end) : afterOutOf(t, end)),
    });
  }
  // "Zahid Oruj gained 2.2 percent of votes, Razi Nurullayev 0.79 percent": in a list, a share
  // that names nothing is a share of what the one before it in the sentence names.
  for (let i = 1; i < out.length; i++) {
    const q = out[i]!;
    const previous = out[i - 1]!;
    const sameSentence = text.sentence(previous.start).start === text.sentence(q.start).start;
    if (q.noun.length === 0 && q.kind === "percent" && previous.kind === "percent" && sameSentence)
      out[i] = { ...q, noun: previous.noun };
  }
  return out;
}

/** "23 out of 100 CIS observers": past " out of 100", where the noun comes. */
function afterOutOf(t: string, at: number): number {
  const m = /^ out of [\d,.]+(?= )/i.exec(t.slice(at, at + 30));
  return m ? at + m[0].length : at;
}

/** Past " of" or " of the" right after `at`, if there is one (before the space that follows). */
function afterOf(t: string, at: number): number {
  // "seven percent of the total number of the polling stations": of the polling stations.
  const m = /^ of(?: the| its| their)?(?: (?:total )?number of(?: the)?)?(?= )/i.exec(
    t.slice(at, at + 40),
  );
  return m ? at + m[0].length : at;
}

/** Up to three words right after `at`, joined by single spaces, until a function word or a plural. */
function nounAfter(text: AssistText, at: number): string[] {
  const words: string[] = [];
  let previousEnd = at;
  for (let i = text.wordIndexAt(at); i < text.words.length && words.length < 3; i++) {
    const w = text.words[i]!;
    if (text.text.slice(previousEnd, w.start) !== " " || text.isBreak(previousEnd)) break;
    // "119 parliamentary and presidential elections": one noun phrase, adjectives joined.
    if ((w.lower === "and" || w.lower === "or") && words.length > 0) {
      previousEnd = w.end;
      continue;
    }
    if (STOPWORDS.has(w.lower) || /^\d/.test(w.lower)) break;
    words.push(w.lower);
    previousEnd = w.end;
    // A plural ends the noun phrase: "polling stations", not "people came" (but an acronym
    // ending in s, "CIS observers", does not).
    const acronym = w.text.length > 1 && w.text === w.text.toUpperCase();
    if (
      (/s$/.test(w.lower) && !acronym) ||
      /^(people|men|women|children|staff|personnel)$/.test(w.lower)
    )
      break;
  }
  return words;
}
