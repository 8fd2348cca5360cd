/**
 * The `yaml` library's parse, with its cost bounded on any input. Two of its checks grow faster
 * than the text: nesting (its parser keeps every open level, so six million `[` exhaust the heap
 * before its composer overflows the stack) and duplicate keys (each key is compared with every
 * earlier key of its mapping, so 200,000 keys took minutes). Nesting is measured first, by its
 * lexer, which stops at the limit; duplicate keys are found with one lookup each.
 */
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type { DocumentOptions, ParseOptions, SchemaOptions } from "yaml";

let yamlLibrary: typeof Yaml | undefined;

/**
 * The `yaml` library, loaded the first time a file needs the careful path: most runs read every
 * file through js-yaml and never pay for loading it.
 */
export function yaml(): typeof Yaml {
  yamlLibrary ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  return yamlLibrary;
}

/** Levels of nesting a document may have; claims files need about five. */
export const MAX_NESTING_DEPTH = 200;

export type YamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

export type BoundedParse =
  | { ok: true; doc: Yaml.Document.Parsed }
  | { ok: false; reason: "too-deep" };

/**
 * `parseDocument`, refusing a document nested more than MAX_NESTING_DEPTH levels, and with
 * duplicate keys reported as the library reports them (`DUPLICATE_KEY`) when `uniqueKeys` is on.
 * The text is lexed once: the tokens that measured its nesting are the ones parsed (the
 * library's own parse would lex it again). `onToken` sees every token the lexer yields, up to
 * where the nesting is found too deep.
 */
export function parseYamlDocument(
  text: string,
  options: YamlOptions,
  onToken?: (token: string) => void,
): BoundedParse {
  const tokens: string[] = [];
  const tooDeep = nestsDeeperThan(text, MAX_NESTING_DEPTH, (token) => {
    tokens.push(token);
    onToken?.(token);
  });
  if (tooDeep) return { ok: false, reason: "too-deep" };
  const doc = composeTokens(tokens, text.length, { ...options, uniqueKeys: false });
  if (options.uniqueKeys !== false) addDuplicateKeyErrors(doc);
  return { ok: true, doc };
}

/**
 * What the library's `parseDocument` does after lexing, from the lexer's tokens: the parser
 * builds the syntax tree, the composer the document; a second document in the text is an error,
 * as there. (No line counter and no pretty errors: no caller asks for them.)
 */
function composeTokens(
  tokens: readonly string[],
  length: number,
  options: YamlOptions,
): Yaml.Document.Parsed {
  const { Composer, Parser, YAMLParseError } = yaml();
  const parser = new Parser();
  function* syntax() {
    for (const token of tokens) yield* parser.next(token);
    yield* parser.end();
  }
  let doc: Yaml.Document.Parsed | undefined;
  for (const next of new Composer(options).compose(syntax(), true, length)) {
    if (doc === undefined) doc = next;
    else if (doc.options.logLevel !== "silent") {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          "MULTIPLE_DOCS",
          "Source contains multiple documents; please use YAML.parseAllDocuments()",
        ),
      );
      break;
    }
  }
  // compose(…, forceDoc = true) always ends with a document.
  return doc!;
}

/** The same for a text already found to nest no deeper than MAX_NESTING_DEPTH. */
export function parseYamlDocumentUnchecked(
  text: string,
  options: YamlOptions,
): Yaml.Document.Parsed {
  const doc = yaml().parseDocument(text, { ...options, uniqueKeys: false });
  if (options.uniqueKeys !== false) addDuplicateKeyErrors(doc);
  return doc;
}

/** Tokens the lexer yields that are not text of the document: markers for the parser. */
const DOCUMENT_MARKER = "\x02";
const FLOW_ERROR_END = "\x18";
const SCALAR_MARKER = "\x1f";

/**
 * Whether the document nests deeper than `max` levels: flow collections inside each other, and
 * block collections by their columns (each line's first node, and each node after `- `, `? `
 * or a line-starting `: `, closes the levels at its column or right of it and opens one). Read
 * from the lexer's tokens, so brackets in quotes, comments and block scalars do not count, and
 * stopped at the first level past `max`.
 */
export function nestsDeeperThan(
  text: string,
  max: number,
  /** Sees every token of the text up to where the answer is known. */
  onToken?: (token: string) => void,
): boolean {
  /** Columns of the open block levels, increasing. */
  const columns: number[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let afterIndicator = false;
  let afterScalarMarker = false;
  let blockScalarNext = false;
  for (const token of new (yaml().Lexer)().lex(text)) {
    onToken?.(token);
    if (token === SCALAR_MARKER) {
      afterScalarMarker = true;
      continue;
    }
    if (token === DOCUMENT_MARKER || token === FLOW_ERROR_END) continue;
    const at = offset;
    offset += token.length;
    const scalar = afterScalarMarker;
    afterScalarMarker = false;
    const newline = token.lastIndexOf("\n");
    if (newline >= 0) lineStart = at + newline + 1;
    if (scalar && blockScalarNext) {
      // A block scalar's text: nested in nothing, however it is indented.
      blockScalarNext = false;
      if (newline >= 0) atLineStart = newline === token.length - 1;
      continue;
    }
    const first = token.charCodeAt(0);
    if (first === 10 || first === 13 || first === 32 || first === 9) {
      if (newline >= 0) atLineStart = true; // else spaces: indentation or separation
      continue;
    }
    if (first === 35 /* # */) continue;
    if (token === "---" || token === "...") {
      columns.length = 0;
      flow = 0;
      atLineStart = false;
      continue;
    }
    if (flow === 0) {
      if (atLineStart || afterIndicator) {
        const column = at - lineStart;
        while (columns.length > 0 && columns[columns.length - 1]! >= column) columns.pop();
        columns.push(column);
        afterIndicator = token === "-" || token === "?" || token === ":";
      } else afterIndicator = false;
      if (first === 124 /* | */ || first === 62 /* > */) blockScalarNext = true;
    }
    if (token === "[" || token === "{") flow++;
    else if (token === "]" || token === "}") flow = Math.max(0, flow - 1);
    atLineStart = false;
    if (columns.length + flow > max) return true;
  }
  return false;
}

/**
 * Each mapping's keys in one lookup each. Keys are equal as the library compares them with
 * `uniqueKeys: true`: scalars with the same value (`1` and `"1"` differ; `~` and `null` do not),
 * never two collections or aliases. The error sits where the library puts it, at the repeated key.
 */
function addDuplicateKeyErrors(doc: Yaml.Document.Parsed): void {
  const { isMap, isPair, isScalar, isSeq, YAMLParseError } = yaml();
  const found: Yaml.YAMLParseError[] = [];
  const checkKeys = (map: Yaml.YAMLMap): void => {
    const seen = new Set<string>();
    for (const pair of map.items) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      const value = key.value;
      if (typeof value === "number" && Number.isNaN(value)) continue; // .nan is not .nan
      const id = `${typeof value}:${String(value)}`;
      if (!seen.has(id)) {
        seen.add(id);
        continue;
      }
      const start = key.range?.[0] ?? 0;
      found.push(
        new YAMLParseError([start, start + 1], "DUPLICATE_KEY", "Map keys must be unique"),
      );
    }
  };
  // Every mapping, keys' included, in document order: a walk of its own rather than the library's
  // visit(), which costs more than the lookups (it calls back for every node, scalars too).
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      checkKeys(node);
      for (const pair of node.items) walk(pair);
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    } else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
  };
  walk(doc.contents);
  if (found.length === 0) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
