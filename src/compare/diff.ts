/**
 * What the name and text comparators share: the folding under which two strings count as the
 * same words, and the word and character diffs shown under a finding.
 */
import diff from "fast-diff";
import { distance } from "fastest-levenshtein";
import type { DiffPart } from "../findings/finding.js";

/** Quote marks and apostrophes that stand for ' or ". */
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
/** The minus sign is a symbol, not punctuation, but is typed for a hyphen often enough. */
const MINUS = /[\u2212\ufe63\uff0d]/g;
const PUNCTUATION = /\p{P}/gu;
const DIGIT = /\d/;

/**
 * Case, spacing and punctuation folded away: NFC, lower case, curly quotes straightened,
 * "&" read as "and", dots and apostrophes dropped so that "U.S." is "us" and "People's" is
 * "peoples", other punctuation (hyphens of every kind too) read as a space, and runs of
 * whitespace made one space. A dot or comma between digits stays, so 3.5 never becomes 35.
 * Idempotent: folding a folded string changes nothing.
 */
export function foldText(s: string): string {
  return foldAscii(s) ?? foldAny(s);
}

/** foldText without its shortcut for ASCII text: what a test holds the shortcut to. */
export function foldAny(s: string): string {
  const lower = s
    .normalize("NFC")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(MINUS, "-")
    .toLowerCase()
    .replace(/&/g, " and ");
  return lower
    .replace(PUNCTUATION, (mark, at: number, all: string) =>
      foldMark(mark, all[at - 1], all[at + 1]),
    )
    .replace(/\s+/g, " ")
    .trim()
    .normalize("NFC");
}

/**
 * foldText for text of printable ASCII, tabs and line breaks (most names and values), in one
 * pass and the same result: NFC changes no such text, and of the quote marks only the backtick
 * is ASCII. Undefined for any other text. A test holds the two to each other.
 */
function foldAscii(s: string): string | undefined {
  let out = "";
  let space = false; // a space is due before the next character kept
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x7f || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) return undefined;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      space = out !== "";
      continue;
    }
    let kept: string;
    if (c >= 0x41 && c <= 0x5a) c += 0x20; // A-Z
    if (c === 0x26) {
      // "&" is " and ": its own spaces fold with those around it
      if (out !== "") space = true;
      out += space ? " and" : "and";
      space = true;
      continue;
    }
    if (ASCII_PUNCTUATION[c] === 1) {
      // "." and "," stay between digits; "." and "'" (and "`", a quote mark) go; the rest is a space
      const before = s.charCodeAt(i - 1);
      const after = s.charCodeAt(i + 1);
      const digits = before >= 0x30 && before <= 0x39 && after >= 0x30 && after <= 0x39;
      if ((c === 0x2e || c === 0x2c) && digits) kept = String.fromCharCode(c);
      else if (c === 0x2e || c === 0x27 || c === 0x60) continue;
      else {
        space = out !== "";
        continue;
      }
    } else kept = String.fromCharCode(c);
    if (space) out += " ";
    space = false;
    out += kept;
  }
  return out;
}

/** Which ASCII characters \p{P} matches, and the backtick (read as an apostrophe). */
const ASCII_PUNCTUATION = new Uint8Array(128);
for (let c = 0x20; c < 0x7f; c++)
  if (/\p{P}/u.test(String.fromCharCode(c)) || c === 0x60) ASCII_PUNCTUATION[c] = 1;

function foldMark(mark: string, before: string | undefined, after: string | undefined): string {
  const betweenDigits = DIGIT.test(before ?? "") && DIGIT.test(after ?? "");
  if ((mark === "." || mark === ",") && betweenDigits) return mark;
  if (mark === "." || mark === "'") return "";
  return " ";
}

/** Words, runs of whitespace and single other characters; joined, they rebuild the string. */
const TOKEN = /\s+|[\p{L}\p{M}\p{N}]+|[\s\S]/gu;

export function tokenize(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

/** The letter-and-digit words of a string, for word-level comparisons. */
export function wordsOf(s: string): string[] {
  return tokenize(s).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

// Private-use code points stand for tokens while fast-diff works on them: 6,400 in the BMP,
// then 65,534 in plane 15 (fast-diff keeps surrogate pairs whole).
const BMP_PRIVATE = 0xe000;
const BMP_PRIVATE_COUNT = 0x1900;
const PLANE15_PRIVATE = 0xf0000;
const MAX_TOKENS = BMP_PRIVATE_COUNT + 0xfffe;

function codeFor(index: number): string {
  return String.fromCodePoint(
    index < BMP_PRIVATE_COUNT ? BMP_PRIVATE + index : PLANE15_PRIVATE + index - BMP_PRIVATE_COUNT,
  );
}

/**
 * Word-level diff of a against b (-1 only in a, +1 only in b). Each distinct token becomes one
 * private-use character, fast-diff compares those, and the tokens are put back, spaces included,
 * so the 0 and -1 parts rebuild a and the 0 and +1 parts rebuild b exactly.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const tokens: string[] = [];
  const codes = new Map<string, string>();
  const encode = (s: string): string =>
    tokenize(s)
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) {
          code = codeFor(tokens.length);
          codes.set(token, code);
          tokens.push(token);
        }
        return code;
      })
      .join("");
  const encodedA = encode(a);
  const encodedB = encode(b);
  // Too many distinct tokens to encode: show the whole strings as replaced.
  if (tokens.length > MAX_TOKENS) return mergeParts([part(-1, a), part(1, b)]);
  const decode = (chars: string): string =>
    Array.from(chars, (c) => tokens[(c.codePointAt(0) ?? 0) - codeBase(c)] ?? "").join("");
  return mergeParts(
    diff(encodedA, encodedB, undefined, true).map(([op, chars]) => part(op, decode(chars))),
  );
}

function codeBase(code: string): number {
  const cp = code.codePointAt(0) ?? 0;
  return cp >= PLANE15_PRIVATE ? PLANE15_PRIVATE - BMP_PRIVATE_COUNT : BMP_PRIVATE;
}

/**
 * Strings longer than this are not diffed: fast-diff's cost grows with the product of the
 * lengths when the strings differ throughout (two different names of 10,000 characters took
 * 1.6 s, and a fact's values are compared pair by pair). Names and texts are far shorter.
 */
export const MAX_DIFF_LENGTH = 1_000;

/** Whether a or b is too long to diff (see MAX_DIFF_LENGTH). */
export function tooLongToDiff(a: string, b: string): boolean {
  return a.length > MAX_DIFF_LENGTH || b.length > MAX_DIFF_LENGTH;
}

/** Character-level diff of a against b, cleaned up so that it reads as whole changes. */
export function charDiff(a: string, b: string): DiffPart[] {
  return mergeParts(diff(a, b, undefined, true).map(([op, text]) => part(op, text)));
}

/** Whether a character diff is worth showing: the strings differ in at most half their length. */
export function closeEnough(a: string, b: string): boolean {
  return distance(a, b) * 2 <= Math.max(a.length, b.length);
}

/** The texts each side has on its own, in order (the deleted and the inserted parts). */
export function changedTexts(parts: readonly DiffPart[]): { onlyA: string[]; onlyB: string[] } {
  return {
    onlyA: parts.filter((p) => p.op === -1).map((p) => p.text),
    onlyB: parts.filter((p) => p.op === 1).map((p) => p.text),
  };
}

function part(op: -1 | 0 | 1, text: string): DiffPart {
  return { op, text };
}

function mergeParts(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    if (p.text === "") continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
