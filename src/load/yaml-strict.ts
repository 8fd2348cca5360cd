/**
 * What the YAML parsers let through that a claims file must not hold: characters the YAML
 * specification forbids (NUL, BEL, ESC and the other C0 control characters, which the `yaml`
 * library accepts), and numbers a JavaScript number cannot hold (an integer past 2^53 is read
 * as a neighbour, 9007199254740993 as …992; js-yaml reads an integer of 310 digits as a string
 * and the `yaml` library as Infinity). Each is reported where it is, rather than read otherwise.
 */
import type { Finding } from "../findings/finding.js";
import { LineIndex } from "./line-index.js";
import { yaml } from "./yaml-document.js";

/**
 * The characters YAML forbids everywhere, in quoted scalars too: C0 controls but tab, line feed
 * and carriage return, U+FFFE and U+FFFF. (DEL and C1 controls are allowed in quoted scalars,
 * for JSON's sake, and js-yaml refuses them elsewhere.)
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NON_PRINTABLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

/** Names for the control characters people meet: the rest are shown by code point alone. */
const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0: "NUL",
  7: "BEL",
  8: "BS",
  27: "ESC",
  127: "DEL",
};

/** Numbers too large to read exactly, listed per file at most this many; the rest are counted. */
export const MAX_LISTED_NUMBERS = 10;

/** The first character YAML forbids, if any, as a finding (with how many there are). */
export function forbiddenCharacterFindings(file: string, text: string): Finding[] {
  const forbidden = [...text.matchAll(NON_PRINTABLE)];
  const first = forbidden[0];
  if (first === undefined) return [];
  const code = first[0].charCodeAt(0);
  const hex = code.toString(16).toUpperCase().padStart(4, "0");
  const name = CONTROL_NAMES[code] === undefined ? "" : ` (${CONTROL_NAMES[code]})`;
  const more = forbidden.length > 1 ? `; the file has ${forbidden.length} of them` : "";
  return [
    {
      ruleId: "yaml-syntax",
      severity: "error",
      message: `the character U+${hex}${name} is not allowed in YAML: remove it, or write it as the escape "\\u${hex}" in a double-quoted string${more}`,
      location: locator(file, text)(first.index, first.index + 1),
      related: [],
    },
  ];
}

/**
 * The numbers too large to read exactly, as findings: the first MAX_LISTED_NUMBERS, the last
 * of them counting the rest.
 */
export function inexactNumberFindings(file: string, text: string): Finding[] {
  const at = locator(file, text);
  const findings: Finding[] = [];
  let unlisted = 0;
  for (const scalar of inexactNumbers(text)) {
    if (findings.length === MAX_LISTED_NUMBERS) {
      unlisted++;
      continue;
    }
    findings.push({
      ruleId: "schema",
      severity: "error",
      message: scalar.whole
        ? `the number ${clip(scalar.source)} is too large to be read exactly (whole numbers are exact up to 9007199254740991); quote it if it is text`
        : `the number ${clip(scalar.source)} is too large to be read (the largest is about 1.8e308); quote it if it is text`,
      location: at(scalar.offset, scalar.offset + scalar.source.length),
      related: [],
    });
  }
  const last = findings[findings.length - 1];
  if (unlisted > 0 && last) last.message += `; ${unlisted} more such numbers are not listed`;
  return findings;
}

function locator(file: string, text: string) {
  let lines: LineIndex | undefined;
  return (offset: number, end: number) => {
    lines ??= new LineIndex(text);
    const a = lines.position(offset);
    const b = lines.position(end);
    return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
}

/**
 * Digits enough for an integer past 2^53, or an exponent enough for a float past the largest.
 * An exponent follows a digit or a point: a name such as `article-100` holds `e-100`, and
 * without that the lexer ran for nearly every claims file of a large project.
 */
const LONG_NUMBER = /[0-9]{16}|0x[0-9a-fA-F]{14}|0o[0-7]{18}|[0-9.][eE][-+]?[0-9]{3}/;

/** Whether a text may hold a number too large to read; when false, the lexer need not run. */
export function mayHoldInexactNumber(text: string): boolean {
  return LONG_NUMBER.test(text);
}

/** The core schema's numbers (YAML 1.2), as the `yaml` library resolves plain scalars. */
const DECIMAL = /^[-+]?[0-9]+$/;
const OCTAL = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** Plain scalars that are integers past 2^53 or floats past the largest number, with their offsets. */
function* inexactNumbers(
  text: string,
): Generator<{ offset: number; source: string; whole: boolean }> {
  // Most files hold no long number: the lexer runs only when one may be there.
  if (!mayHoldInexactNumber(text)) return;
  for (const scalar of plainScalars(text)) {
    const s = scalar.source;
    if (DECIMAL.test(s)) {
      if (abs(BigInt(s)) > MAX_EXACT) yield { ...scalar, whole: true };
    } else if (OCTAL.test(s) || HEX.test(s)) {
      if (BigInt(s) > MAX_EXACT) yield { ...scalar, whole: true };
    } else if (FLOAT.test(s) && !Number.isFinite(Number(s))) yield { ...scalar, whole: false };
  }
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** Tokens the lexer yields that are not text of the document. */
const MARKERS = new Set(["\x02", "\x18"]);
const SCALAR_MARKER = "\x1f";

/** Every plain scalar of a YAML text (not quoted, not a block scalar), with its offset. */
function* plainScalars(text: string): Generator<{ offset: number; source: string }> {
  let offset = 0;
  let afterScalarMarker = false;
  let blockScalarNext = false;
  for (const token of new (yaml().Lexer)().lex(text)) {
    if (token === SCALAR_MARKER) {
      afterScalarMarker = true;
      continue;
    }
    if (MARKERS.has(token)) continue;
    const at = offset;
    offset += token.length;
    const scalar = afterScalarMarker;
    afterScalarMarker = false;
    const first = token[0];
    if (first === "|" || first === ">") blockScalarNext = true;
    if (!scalar) continue;
    if (blockScalarNext) {
      blockScalarNext = false;
      continue;
    }
    if (first !== '"' && first !== "'") yield { offset: at, source: token };
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 20)}…${s.slice(-10)} (${s.length} characters)` : s;
}
