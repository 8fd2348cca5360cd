/**
 * Free text (a status, a quality such as "open and transparent"): the same words after folding
 * case, spacing and punctuation agree; anything else is a conflict shown as a word diff.
 * Text gets none of the name ladder's aliases, look-alikes or transliterations.
 */
import { foldText } from "./diff.js";
import { type Verdict, withDiffs } from "./name.js";
import type { Comparison } from "./types.js";

/** NFC, lower case, quotes straightened, punctuation and runs of whitespace folded. Idempotent. */
export function normalizeText(s: string): string {
  return foldText(s);
}

/** How two texts relate, without the diff a finding shows. */
export function relateTexts(a: string, b: string): Verdict {
  if (a === b) return { relation: "agree", kind: "identical", detail: "the same text" };
  if (normalizeText(a) === normalizeText(b)) {
    return {
      relation: "agree",
      kind: "case-or-spacing",
      detail: "the same text but for case, spacing or punctuation",
    };
  }
  return { relation: "conflict", kind: "different-word" };
}

export function compareTexts(a: string, b: string): Comparison {
  const verdict = relateTexts(a, b);
  return verdict.relation === "agree" ? verdict : withDiffs(verdict, a, b);
}
