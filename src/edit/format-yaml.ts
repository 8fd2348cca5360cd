/**
 * `claimcheck fmt`, pure: one YAML text in, its normalised form out, built with the yaml
 * library's Document API so that comments, blank lines between groups and every value survive.
 *
 * What is normalised: key order in claims files (the canonical order below), two-space
 * indentation, no line folding, quoting (dates always double-quoted so no YAML 1.1 reader takes
 * them for timestamps; single quotes become double quotes where that needs no escapes; quoted
 * keys lose needless quotes), blank lines (one before each commented group of list items and
 * before `claims:`, none inside a claim), and the line ending the file already uses.
 *
 * Nothing else: a result that differs from the file is re-read and compared with the original
 * (the same data, the same comments) before it is returned, so a formatting bug refuses to format
 * rather than lose text. A result that is the file as it is needs no check: nothing is written.
 */
import { isDeepStrictEqual } from "node:util";
import type {
  Document,
  DocumentOptions,
  Pair,
  ParseOptions,
  Scalar,
  ScalarTag,
  SchemaOptions,
  Tags,
  ToStringOptions,
  YAMLMap,
} from "yaml";
import { parseFastData } from "../load/fast-yaml.js";
import {
  MAX_NESTING_DEPTH,
  parseYamlDocument,
  parseYamlDocumentUnchecked,
  yaml,
} from "../load/yaml-document.js";
import { MAX_ALIAS_COUNT, YAML_PARSE_OPTIONS } from "../load/yaml-file.js";
import { DATE_VALUE } from "../validate/formats.js";

// The copy of the yaml library that parses the documents (load/yaml-document.ts): a run of fmt
// loads and warms up one copy, not a second one bundled with this module.
const { CST, isAlias, isMap, isPair, isScalar, isSeq, Lexer } = yaml();

/** Canonical key orders; keys not listed keep their relative order after the listed ones. */
export const CLAIMS_FILE_KEY_ORDER = [
  "source",
  "outlet",
  "short_name",
  "published",
  "dateline",
  "title",
  "author",
  "url",
  "claims",
] as const;
export const CLAIM_KEY_ORDER = [
  "id",
  "subject",
  "property",
  "value",
  "qualifiers",
  "evidence",
  "status",
] as const;
export const EVIDENCE_KEY_ORDER = ["quote", "prefix", "suffix"] as const;
export const DATELINE_KEY_ORDER = ["place", "date", "evidence"] as const;
export const QUALIFIER_KEY_ORDER = ["approximate", "as_of", "year", "unit", "note"] as const;

export type YamlKind = "claims" | "vocabulary" | "acknowledged" | "other";

/** The parse options of load/yaml-file.ts: one YAML semantics everywhere. */
const PARSE_OPTIONS = YAML_PARSE_OPTIONS;

/**
 * The same, except that a number is written as it was spelled (`1e3`, `0x1F`, `+5`), where the
 * library would respell it. Reading is unchanged: only the tags' stringify differs.
 */
const EDIT_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  ...PARSE_OPTIONS,
  customTags: (tags: Tags) => tags.map((tag) => (isNumberTag(tag) ? keepSpelling(tag) : tag)),
};

function isNumberTag(tag: Tags[number]): tag is ScalarTag {
  return (
    typeof tag === "object" &&
    (tag.tag === "tag:yaml.org,2002:int" || tag.tag === "tag:yaml.org,2002:float")
  );
}

function keepSpelling(tag: ScalarTag): ScalarTag {
  const stringifyNumber = tag.stringify;
  return {
    ...tag,
    stringify(item, ctx, onComment, onChompKeep) {
      const source = (item as Scalar & { source?: unknown }).source;
      if (typeof source === "string" && tag.test?.test(source)) {
        const again = tag.resolve(source, () => {}, {});
        if (Object.is(again, item.value)) return source;
      }
      return stringifyNumber
        ? stringifyNumber(item, ctx, onComment, onChompKeep)
        : String(item.value);
    },
  };
}

const STRINGIFY_OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: false,
};

/**
 * The same for a document without directives, which writes the same text: the library's own
 * check for directives to write walks every node for tags, a tenth of writing a claims file out.
 */
const NO_DIRECTIVES: ToStringOptions = { ...STRINGIFY_OPTIONS, directives: false };

/** Whether the document has `---`, `%YAML` or a `%TAG` of its own (anything to write before it). */
function hasDirectives(doc: Document): boolean {
  const directives = doc.directives;
  if (directives === undefined) return false;
  if (directives.docStart || directives.yaml.explicit) return true;
  return Object.entries(directives.tags).some(
    ([handle, prefix]) => handle !== "!!" || prefix !== "tag:yaml.org,2002:",
  );
}

export type FormatResult =
  | { ok: true; text: string; changed: boolean; notes: string[] }
  | { ok: false; reason: "syntax"; message: string; offset: number }
  | { ok: false; reason: "unsafe"; message: string };

export function formatYaml(original: string, kind?: YamlKind): FormatResult {
  const bom = original.startsWith("\ufeff") ? "\ufeff" : "";
  const text = bom ? original.slice(1) : original;
  const eol = /\r\n/.test(text.slice(0, firstLineBreakEnd(text))) ? "\r\n" : "\n";

  // One pass of the lexer finds the comments, tells a document too deep to parse, and is parsed
  // with the options that keep numbers as spelled (reading is the same): that document is the
  // one formatted.
  const comments: string[] = [];
  let hasAlias = false;
  const parsed = parseYamlDocument(text, EDIT_OPTIONS, (token) => {
    const first = token.charCodeAt(0);
    if (first === 35 /* # */ && CST.tokenType(token) === "comment") comments.push(token.trimEnd());
    else if (first === 42 /* * */) hasAlias = true;
  });
  if (!parsed.ok) return { ok: false, reason: "syntax", message: TOO_DEEP, offset: 0 };
  const doc = parsed.doc;
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem)
    return {
      ok: false,
      reason: "syntax",
      message: firstLine(problem.message),
      offset: problem.pos[0],
    };
  if (doc.contents === null) {
    // Empty, or only comments: nothing to normalise, and nothing to write.
    return { ok: true, text: original, changed: false, notes: [] };
  }
  // Only an alias can make the library fail to read a document it parsed (too many of them, the
  // "billion laughs"): such a file is refused even when it is already formatted. Otherwise its
  // data is read only if the check of a changed text needs the library's reading.
  const before = new Original(text, doc);
  if (hasAlias) {
    const data = before.data();
    if (!data.ok) return { ok: false, reason: "syntax", message: data.message, offset: 0 };
  }
  const detected = kind ?? detectKind(doc);

  let fresh: Document.Parsed | undefined = doc;
  const attempt = (reorder: boolean): { text: string; problem?: string } => {
    const copy = fresh ?? parseYamlDocumentUnchecked(text, EDIT_OPTIONS);
    fresh = undefined; // normalised in place: another attempt needs another copy
    normaliseScalars(copy);
    normaliseLayout(copy, detected, reorder);
    let out: string;
    try {
      out = copy.toString(hasDirectives(copy) ? STRINGIFY_OPTIONS : NO_DIRECTIVES);
    } catch (error) {
      return { text: "", problem: `cannot write the document: ${firstLine(String(error))}` };
    }
    // The text as it would be written: when that is the file as it is, nothing would be written
    // and nothing can be lost, so there is nothing to check. Any other text is checked.
    const written = bom + (eol === "\n" ? out : out.replace(/\n/g, eol));
    if (written === original) return { text: written };
    return { text: written, problem: verify(out, before, comments) };
  };

  const notes: string[] = [];
  let out = attempt(true);
  if (out.problem !== undefined && detected === "claims") {
    const again = attempt(false);
    if (again.problem === undefined) {
      notes.push(
        "kept the key order: reordering would put an alias (*name) before its anchor (&name)",
      );
      out = again;
    }
  }
  if (out.problem !== undefined) {
    return {
      ok: false,
      reason: "unsafe",
      message: `formatting would not preserve the file exactly (${out.problem}), so it is left as it is; this is a bug in claimcheck fmt, please report it`,
    };
  }
  return { ok: true, text: out.text, changed: out.text !== original, notes };
}

const TOO_DEEP = "the document nests too deeply to read";

/** Which format a document is, from its top-level keys. */
export function detectKind(doc: Document): YamlKind {
  if (!isMap(doc.contents)) return "other";
  const keys = new Set(doc.contents.items.map((p) => keyName(p)));
  if (keys.has("claims") || keys.has("source")) return "claims";
  if (keys.has("entities") || keys.has("properties")) return "vocabulary";
  if (keys.has("acknowledged")) return "acknowledged";
  return "other";
}

/**
 * The original text and what it reads as, each read once and only when a check asks for it: by
 * js-yaml, as claimcheck reads every file first (load/fast-yaml.ts), and by the `yaml` library
 * (its document's data).
 */
class Original {
  private fastRead: { data: unknown } | undefined | null = null;
  private libraryRead: ReturnType<typeof toData> | undefined;

  constructor(
    readonly text: string,
    private readonly doc: Document,
  ) {}

  /** js-yaml's data, or undefined where it does not read the text (anchors, a byte-order mark, …). */
  fast(): { data: unknown } | undefined {
    if (this.fastRead === null) this.fastRead = fastData(this.text);
    return this.fastRead;
  }

  /** The `yaml` library's data, read from the document before it was normalised. */
  data(): ReturnType<typeof toData> {
    this.libraryRead ??= toData(this.doc);
    return this.libraryRead;
  }
}

/** The data js-yaml reads from a text, or undefined where it does not read it. */
function fastData(text: string): { data: unknown } | undefined {
  const fast = parseFastData(text, MAX_ALIAS_COUNT, MAX_NESTING_DEPTH);
  return fast.ok ? { data: fast.data } : undefined;
}

/**
 * Whether `out` holds the data and the comments the original held. The data is compared as
 * js-yaml reads both texts, which is how claimcheck reads them, and several times faster than
 * the `yaml` library; where js-yaml reads either not, as the `yaml` library reads them.
 */
function verify(out: string, original: Original, comments: string[]): string | undefined {
  const fastBefore = original.fast();
  const fastAfter = fastBefore ? fastData(out) : undefined;
  if (fastBefore && fastAfter) {
    if (!isDeepStrictEqual(fastAfter.data, fastBefore.data)) return "the data would change";
  } else {
    const before = original.data();
    if (!before.ok) return before.message;
    const parsed = parseYamlDocument(out, PARSE_OPTIONS);
    if (!parsed.ok) return "the result nests too deeply";
    const doc = parsed.doc;
    const problem = doc.errors[0];
    if (problem) return `the result does not parse: ${firstLine(problem.message)}`;
    const after = toData(doc);
    if (!after.ok) return after.message;
    if (!isDeepStrictEqual(after.data, before.data)) return "the data would change";
  }
  const now = commentsOf(out);
  const missing = multisetDifference(comments, now);
  if (missing.length > 0) return `a comment would be lost: ${JSON.stringify(missing[0])}`;
  const added = multisetDifference(now, comments);
  if (added.length > 0) return `a comment would appear: ${JSON.stringify(added[0])}`;
  return undefined;
}

function toData(doc: Document): { ok: true; data: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    return { ok: false, message: `cannot read the document: ${firstLine(String(error))}` };
  }
}

/** Every comment of a YAML text, as written (without trailing spaces), in order. */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) {
    if (CST.tokenType(token) === "comment") out.push(token.trimEnd());
  }
  return out;
}

function multisetDifference(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const s of b) counts.set(s, (counts.get(s) ?? 0) + 1);
  const out: string[] = [];
  for (const s of a) {
    const n = counts.get(s) ?? 0;
    if (n > 0) counts.set(s, n - 1);
    else out.push(s);
  }
  return out;
}

// --- Quoting -------------------------------------------------------------------------------

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Words some YAML reader takes for something other than a string. */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

function normaliseScalars(doc: Document): void {
  // A walk of its own rather than the library's visit(), which costs more than the changes.
  const walk = (node: unknown, isKey: boolean): void => {
    if (isScalar(node)) normaliseScalar(node, isKey);
    else if (isMap(node) || isSeq(node)) for (const item of node.items) walk(item, false);
    else if (isPair(node)) {
      walk(node.key, true);
      walk(node.value, false);
    }
  };
  walk(doc.contents, false);
}

function normaliseScalar(node: Scalar, isKey: boolean): void {
  if (typeof node.value !== "string" || node.tag) return;
  const value = node.value;
  if (isKey) {
    if (
      (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") &&
      PLAIN_KEY.test(value) &&
      !RESERVED.test(value)
    ) {
      node.type = "PLAIN";
    }
    return;
  }
  if (DATE_VALUE.test(value)) {
    if (node.type === "PLAIN" || node.type === "QUOTE_SINGLE") node.type = "QUOTE_DOUBLE";
    return;
  }
  if (
    node.type === "QUOTE_SINGLE" &&
    !value.includes('"') &&
    !value.includes("\\") &&
    !value.includes("\n")
  ) {
    node.type = "QUOTE_DOUBLE";
  }
}

// --- Layout --------------------------------------------------------------------------------

function normaliseLayout(doc: Document, kind: YamlKind, reorder: boolean): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  if (kind === "claims") {
    if (reorder) reorderKeys(root, CLAIMS_FILE_KEY_ORDER, true);
    // The header is one block; `claims:` is set apart by a blank line (above its comment, if it
    // has one that directly precedes it; a comment set apart from it keeps the author's spacing).
    const claimsPair = root.items.find((p) => keyName(p) === "claims");
    const claimsSpace = claimsPair ? spaceBefore(claimsPair) : false;
    tightenMap(root);
    if (claimsPair && claimsPair !== root.items[0]) {
      const detachedComment =
        isScalar(claimsPair.key) && /\n$/.test(claimsPair.key.commentBefore ?? "");
      setSpaceBefore(claimsPair, detachedComment ? claimsSpace : true);
    }
    const dateline = root.get("dateline", true);
    if (isMap(dateline)) {
      if (reorder) reorderKeys(dateline, DATELINE_KEY_ORDER);
      const evidence = dateline.get("evidence", true);
      if (isMap(evidence) && reorder) reorderKeys(evidence, EVIDENCE_KEY_ORDER);
      tightenMap(dateline);
    }
    const claims = root.get("claims", true);
    if (isSeq(claims)) {
      for (const claim of claims.items) {
        if (!isMap(claim)) continue;
        if (reorder) {
          reorderKeys(claim, CLAIM_KEY_ORDER);
          const qualifiers = claim.get("qualifiers", true);
          if (isMap(qualifiers)) reorderKeys(qualifiers, QUALIFIER_KEY_ORDER);
          const evidence = claim.get("evidence", true);
          if (isMap(evidence)) reorderKeys(evidence, EVIDENCE_KEY_ORDER);
        }
        tightenMap(claim);
        hoistLeadingComment(claim);
      }
      spaceCommentedItems(claims.items);
    }
  } else if (kind === "vocabulary" || kind === "acknowledged") {
    // One blank line between the top-level lists; within a list, one above each commented group.
    root.items.forEach((pair, i) => {
      if (i > 0) setSpaceBefore(pair, true);
      const value = pair.value;
      if ((isMap(value) || isSeq(value)) && !value.commentBefore) value.spaceBefore = false;
    });
    for (const pair of root.items) {
      const value = pair.value;
      if (!isSeq(value)) continue;
      for (const item of value.items) {
        if (!isMap(item)) continue;
        tightenMap(item);
        hoistLeadingComment(item);
      }
      spaceCommentedItems(value.items);
    }
  }
}

/**
 * Sorts a mapping's pairs into `order`. In the top-level mapping the comment above the first key
 * (the schema line, a file header) stays at the top instead of travelling with its key.
 */
function reorderKeys(map: YAMLMap, order: readonly string[], keepLeadingComment = false): void {
  const rank = (pair: Pair) => {
    const i = order.indexOf(keyName(pair) ?? "");
    return i < 0 ? order.length : i;
  };
  const before = [...map.items];
  const sorted = before
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => rank(a.pair) - rank(b.pair) || a.index - b.index)
    .map((e) => e.pair);
  if (sorted.every((p, i) => p === before[i])) return;
  if (!aliasesStayAfterAnchors(sorted)) return;
  const oldFirst = before[0]?.key;
  const newFirst = sorted[0]?.key;
  if (keepLeadingComment && isScalar(oldFirst) && isScalar(newFirst) && oldFirst.commentBefore) {
    newFirst.commentBefore = joinComments(oldFirst.commentBefore, newFirst.commentBefore);
    oldFirst.commentBefore = undefined;
  }
  map.items = sorted;
}

/** True when no pair would come before the pair whose anchor (&name) one of its aliases (*name) uses. */
function aliasesStayAfterAnchors(pairs: readonly Pair[]): boolean {
  const anchoredIn = new Map<string, number>();
  const uses = pairs.map((pair, i) => {
    const found = { anchors: [] as string[], aliases: [] as string[] };
    collectAnchors(pair.key, found);
    collectAnchors(pair.value, found);
    for (const a of found.anchors) if (!anchoredIn.has(a)) anchoredIn.set(a, i);
    return found.aliases;
  });
  return uses.every((aliases, i) =>
    aliases.every((name) => {
      const at = anchoredIn.get(name);
      return at === undefined || at <= i;
    }),
  );
}

function collectAnchors(node: unknown, found: { anchors: string[]; aliases: string[] }): void {
  if (isAlias(node)) {
    found.aliases.push(node.source);
    return;
  }
  if (isScalar(node) || isMap(node) || isSeq(node)) {
    if (node.anchor) found.anchors.push(node.anchor);
  }
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        collectAnchors(item.key, found);
        collectAnchors(item.value, found);
      } else collectAnchors(item, found);
    }
  }
}

function joinComments(
  a: string | null | undefined,
  b: string | null | undefined,
): string | undefined {
  if (a && b) return `${a}\n${b}`;
  return a ?? b ?? undefined;
}

/** No blank line between the keys of one entry, except where the author put one above a comment. */
function tightenMap(map: YAMLMap): void {
  map.items.forEach((pair, i) => {
    // Nor between a key and the list or mapping under it.
    const value = pair.value;
    if ((isMap(value) || isSeq(value)) && !value.commentBefore) value.spaceBefore = false;
    if (i === 0) return;
    setSpaceBefore(pair, hasComment(pair) && spaceBefore(pair));
  });
}

/** A comment above a list item's first key goes above the item's `- `, where it reads naturally. */
function hoistLeadingComment(item: YAMLMap): void {
  const first = item.items[0]?.key;
  if (!isScalar(first) || !first.commentBefore || item.flow) return;
  item.commentBefore = joinComments(item.commentBefore, first.commentBefore);
  first.commentBefore = undefined;
}

/** A blank line above every list item that starts with a comment (a group heading); none above the first. */
function spaceCommentedItems(items: unknown[]): void {
  items.forEach((item, i) => {
    if (item === null || typeof item !== "object") return;
    const node = item as { commentBefore?: string | null; spaceBefore?: boolean };
    if (i === 0) node.spaceBefore = false;
    else if (node.commentBefore) node.spaceBefore = true;
  });
}

function hasComment(pair: Pair): boolean {
  return isScalar(pair.key) ? Boolean(pair.key.commentBefore) : false;
}

function spaceBefore(pair: Pair): boolean {
  return isScalar(pair.key) ? pair.key.spaceBefore === true : false;
}

function setSpaceBefore(pair: Pair, value: boolean): void {
  if (isScalar(pair.key)) pair.key.spaceBefore = value;
}

function keyName(pair: unknown): string | undefined {
  if (!isPair(pair)) return undefined;
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function firstLineBreakEnd(text: string): number {
  const i = text.indexOf("\n");
  return i < 0 ? text.length : i + 1;
}

function firstLine(s: string): string {
  return s.split("\n", 1)[0] ?? s;
}
