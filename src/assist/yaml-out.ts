/**
 * Suggested claims as YAML in the claims file's own style (the yaml library's Document API, so
 * quoting is always right; dates double-quoted as everywhere in claims/), and appending them
 * to a claims file without touching a byte of it: the new items go after the last line of the
 * `claims:` list, indented as its items are. The result is parsed back and checked (the old
 * data unchanged, the new claims as intended) before anyone writes it.
 */
import { isDeepStrictEqual } from "node:util";
import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Scalar,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { DATE_VALUE } from "../validate/schema.js";
import type { Suggestion } from "./suggest.js";

export const SUGGESTED_HEADER =
  "Suggested by `claimcheck suggest`: review each claim, fill in every TODO, then delete its `status: suggested` line to accept it.";

/** The suggestions as a YAML list, each item `indent` spaces in, with its comments. */
export function renderSuggestions(suggestions: readonly Suggestion[], indent = 2): string {
  if (suggestions.length === 0) return "";
  const doc = new Document(suggestions.map((s) => s.claim));
  const seq = doc.contents as YAMLSeq;
  seq.items.forEach((item, i) => {
    const s = suggestions[i]!;
    const map = item as YAMLMap;
    map.commentBefore = ` ${s.comment}`;
    if (i > 0) map.spaceBefore = true;
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const value = pair.value;
      if (isScalar(value)) {
        if (key === "subject" && s.todo.subject) value.comment = ` TODO: ${s.todo.subject}`;
        if (key === "property" && s.todo.property) value.comment = ` TODO: ${s.todo.property}`;
        quoteDates(value);
      } else if (isMap(value)) {
        for (const q of value.items) if (isPair(q) && isScalar(q.value)) quoteDates(q.value);
      }
    }
  });
  // Characters a terminal would act on (escape sequences, bidirectional overrides) go into
  // double-quoted scalars, where YAML can write them as \u escapes; in comments they are escaped too.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && UNSAFE.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  const text = doc
    .toString({ indent: 2, lineWidth: 0, indentSeq: true })
    .replace(UNSAFE_ALL, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
  const pad = " ".repeat(indent);
  return text
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}

const UNSAFE_CHARS =
  "[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff]";
const UNSAFE = new RegExp(UNSAFE_CHARS);
const UNSAFE_ALL = new RegExp(UNSAFE_CHARS, "g");

function quoteDates(node: Scalar): void {
  if (typeof node.value === "string" && DATE_VALUE.test(node.value)) node.type = "QUOTE_DOUBLE";
}

export class AppendError extends Error {}

/**
 * The claims file with the suggestions appended to its `claims:` list. Every existing byte stays
 * as it was: when `claims:` is the file's last key the old text is a prefix of the new one;
 * otherwise the items go in right after the list. Refuses (AppendError) a file it cannot extend
 * safely, and checks its own result by parsing it back.
 */
export function appendSuggestions(fileText: string, suggestions: readonly Suggestion[]): string {
  if (suggestions.length === 0) return fileText;
  const lineCounter = new LineCounter();
  const doc = parseDocument(fileText, { lineCounter, keepSourceTokens: true });
  if (doc.errors.length > 0)
    throw new AppendError(`the file is not valid YAML (${doc.errors[0]?.message ?? ""})`);
  const root = doc.contents;
  if (!isMap(root)) throw new AppendError("the file is not a mapping with a claims: list");
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === "claims");
  if (!pair) throw new AppendError("the file has no claims: key");
  const eol = fileText.includes("\r\n") ? "\r\n" : "\n";
  const header = (indent: number) => `${" ".repeat(indent)}# ${SUGGESTED_HEADER}`;
  const block = (indent: number) =>
    `${header(indent)}\n${renderSuggestions(suggestions, indent)}`.replace(/\n/g, eol);

  let updated: string;
  const value = pair.value;
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const first = value.items[0] as { range?: [number, number, number] } | undefined;
    const itemStart = first?.range?.[0] ?? 0;
    const lineStart = fileText.lastIndexOf("\n", itemStart) + 1;
    // The dash sits before the item's content; its column is the list's indent.
    const dash = fileText.lastIndexOf("-", itemStart);
    const indent = dash >= lineStart ? dash - lineStart : 0;
    const isLast = root.items[root.items.length - 1] === pair;
    const at = isLast ? fileText.length : endOfLine(fileText, value.range?.[1] ?? fileText.length);
    const before = fileText.slice(0, at);
    const lead = before === "" || before.endsWith("\n") ? "" : eol;
    updated = `${before}${lead}${eol}${block(indent)}${isLast ? "" : eol}${fileText.slice(at)}`;
  } else if (
    (isSeq(value) && value.flow && value.items.length === 0) ||
    value === null ||
    isEmptyScalar(value)
  ) {
    // `claims: []` or `claims:`: the list starts here.
    const keyEnd = (pair.key as Scalar).range?.[1] ?? 0;
    const colon = fileText.indexOf(":", keyEnd);
    const from = colon + 1;
    const to = Math.max(from, isSeq(value) ? (value.range?.[1] ?? from) : from);
    const rest = fileText.slice(to);
    const comment = /^[ \t]*#[^\r\n]*/.exec(rest)?.[0] ?? "";
    const after = rest.slice(comment.length);
    const newline = after.startsWith("\r\n") ? 2 : after.startsWith("\n") ? 1 : 0;
    updated = `${fileText.slice(0, from)}${comment}${eol}${block(2)}${after.slice(newline) === "" ? "" : eol}${after.slice(newline)}`;
  } else {
    throw new AppendError(
      "its claims: list is written in flow style ([...]); write it as a block list (one '- id:' per claim) first",
    );
  }
  verify(fileText, updated, suggestions);
  return updated;
}

function isEmptyScalar(node: unknown): boolean {
  return (
    isScalar(node) && (node.value === null || node.value === "") && !node.type?.startsWith("QUOTE")
  );
}

function endOfLine(text: string, at: number): number {
  const nl = text.indexOf("\n", Math.max(0, at - 1));
  return nl < 0 ? text.length : nl + 1;
}

/** The new file must hold the old data and comments, plus exactly the suggested claims. */
function verify(oldText: string, newText: string, suggestions: readonly Suggestion[]): void {
  const before = parseDocument(oldText);
  const after = parseDocument(newText);
  if (after.errors.length > 0)
    throw new AppendError(`appending would break the file (${after.errors[0]?.message ?? ""})`);
  const oldData = before.toJS() as Record<string, unknown>;
  const newData = after.toJS() as Record<string, unknown>;
  const oldClaims = Array.isArray(oldData.claims) ? oldData.claims : [];
  const expected = {
    ...oldData,
    claims: [...oldClaims, ...suggestions.map((s) => JSON.parse(JSON.stringify(s.claim)))],
  };
  if (!isDeepStrictEqual(newData, expected))
    throw new AppendError("appending would change the file's existing data; nothing was written");
  const comments = (text: string): string[] => text.match(/#[^\r\n]*/g) ?? [];
  const kept = comments(newText);
  for (const c of comments(oldText)) {
    const i = kept.indexOf(c);
    if (i < 0) throw new AppendError("appending would lose a comment; nothing was written");
    kept.splice(i, 1);
  }
}
