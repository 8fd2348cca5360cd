/**
 * Counts and percentages in an article, in digits or words (compare/number-words.ts), with the
 * hedge in front of them turned into the schema's `approximate` qualifier: "close to 170",
 * "nearly 400", "more than 30", "exceeds three billion", "seven percent", "7%", and fractions
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
    const wordIndex = text.wordIndexAt(n.start);
    const previousWord = text.words[wordIndex - 1]?.lower;
    const nextWord = text.words[text.wordIndexAt(n.end)]?.lower;
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
    const percent = /^ ?(%|percent\b|per cent\b)/i.exec(t.slice(n.end));
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
      noun: nounAfter(text, end),
    });
  }
  return out;
}

/** Up to three words right after `at`, joined by single spaces, until a function word or a plural. */
function nounAfter(text: AssistText, at: number): string[] {
  const words: string[] = [];
  let previousEnd = at;
  for (let i = text.wordIndexAt(at); i < text.words.length && words.length < 3; i++) {
    const w = text.words[i]!;
    if (text.text.slice(previousEnd, w.start) !== " " || text.isBreak(previousEnd)) break;
    if (STOPWORDS.has(w.lower) || /^\d/.test(w.lower)) break;
    words.push(w.lower);
    previousEnd = w.end;
    // A plural ends the noun phrase: "polling stations", not "people came".
    if (/s$|^(people|men|women|children|staff|personnel)$/.test(w.lower)) break;
  }
  return words;
}
