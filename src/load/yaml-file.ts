/**
 * Parsing a YAML file into plain data plus a way back from a document path to a position.
 * One YAML semantics everywhere: YAML 1.2 core schema (dates stay strings), unique keys,
 * bounded aliases, no custom tags.
 */
import type * as Yaml from "yaml";
import type { DocumentOptions, Node, ParseOptions, SchemaOptions } from "yaml";
import { appendAll, type Finding, type Location } from "../findings/finding.js";
import type { DocPath } from "../findings/path.js";
import { compactStrings, holdsWideCharacters } from "./compact-strings.js";
import { parseFast } from "./fast-yaml.js";
import { LineIndex } from "./line-index.js";
import { type PositionTable, tableResolver } from "./position-table.js";
import {
  describeEarlyQuote,
  earlyClosedQuotes,
  withApostrophesDoubled,
} from "./yaml-apostrophe.js";
import { MAX_NESTING_DEPTH, parseYamlDocument, yaml } from "./yaml-document.js";
import { forbiddenCharacterFindings, inexactNumberFindings } from "./yaml-strict.js";

/** The `yaml` library's options: YAML 1.2 core schema, unique keys, no custom tags. */
export const YAML_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: "1.2",
  schema: "core",
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  customTags: [],
  resolveKnownTags: false,
};

/** Aliases beyond this many are refused: a "billion laughs" file stops here, quickly. */
export const MAX_ALIAS_COUNT = 100;

export interface PositionResolver {
  /** Where the node at `path` starts; `key: true` points at the key of the last segment. */
  locate(path: DocPath, options?: { key?: boolean }): Location;
}

export interface ParsedYaml extends PositionResolver {
  file: string;
  text: string;
  data: unknown;
  findings: Finding[];
  /** True when the document could not be turned into data at all. */
  failed: boolean;
  /** Positions from the fast path, when it could record them (what the cache keeps). */
  table?: PositionTable | undefined;
}

export function parseYamlFile(file: string, text: string): ParsedYaml {
  const fast = parseFast(text, MAX_ALIAS_COUNT, MAX_NESTING_DEPTH);
  let parsed = fast.ok ? fastResult(file, text, fast.data, fast.table) : carefulParse(file, text);
  // js-yaml refuses the characters YAML forbids; the careful path has to look for them.
  if (!fast.ok) appendAll(parsed.findings, forbiddenCharacterFindings(file, text));
  // A number read as another is not read at all: the file is refused, not checked further.
  const inexact = inexactNumberFindings(file, text);
  if (inexact.length > 0)
    parsed = {
      ...parsed,
      data: undefined,
      failed: true,
      findings: [...parsed.findings, ...inexact],
    };
  // Smaller and faster to handle downstream; the same values (see compact-strings.ts).
  if (parsed.data !== undefined && holdsWideCharacters(text)) compactStrings(parsed.data);
  return parsed;
}

/** A file js-yaml read: positions come from its node events, or from the `yaml` library on demand. */
function fastResult(
  file: string,
  text: string,
  data: unknown,
  table: PositionTable | undefined,
): ParsedYaml {
  const { locate } = resolverForParse(file, text, table);
  return { file, text, data, findings: [], failed: false, locate, table };
}

/**
 * Positions in a file as a parse gives them: from the position table the fast path recorded,
 * and for any path it lacks (or with no table) from the `yaml` library's parse, made once when
 * first needed. Also how a worker thread's parse is located again on the main thread.
 */
export function resolverForParse(
  file: string,
  text: string,
  table: PositionTable | undefined,
): PositionResolver {
  let careful: ParsedYaml | undefined;
  const fallback = () => {
    careful ??= carefulParse(file, text);
    return careful.locate;
  };
  return table
    ? tableResolver(file, text, table, fallback)
    : { locate: (path: DocPath, options?: { key?: boolean }) => fallback()(path, options) };
}

/** The `yaml` library: slower, but exact about every error and its position. */
export function carefulParse(file: string, text: string): ParsedYaml {
  const lines = new LineIndex(text);
  const at = (offset: number, end?: number): Location => {
    const start = lines.position(offset);
    const loc: Location = { file, line: start.line, column: start.column };
    if (end !== undefined && end > offset) {
      const stop = lines.position(end);
      loc.endLine = stop.line;
      loc.endColumn = stop.column;
    }
    return loc;
  };

  const refused = (message: string, offset: number): ParsedYaml => {
    const finding: Finding = {
      ruleId: "yaml-syntax",
      severity: "error",
      message,
      location: at(offset),
      related: [],
    };
    return { file, text, data: undefined, findings: [finding], failed: true, locate: () => at(0) };
  };
  // The parser recurses per level of nesting, so a hostile file can exhaust the stack. Where
  // that happens depends on the stack left at the call (another thread, another caller, another
  // Node), so such a file gets one finding, placed by its text alone.
  const tooDeep = () => refused(TOO_DEEP, deepestPoint(text));

  let doc: Yaml.Document.Parsed;
  try {
    const parsed = parseYamlDocument(text, YAML_PARSE_OPTIONS);
    if (!parsed.ok) return tooDeep();
    doc = parsed.doc;
  } catch (error) {
    if (isStackOverflow(error)) return tooDeep();
    return refused(`cannot read the document: ${firstLine(String(error))}`, 0);
  }
  if (doc.errors.some((e) => STACK_OVERFLOW.test(e.message))) return tooDeep();

  const findings: Finding[] = [];
  let problems = [...doc.errors, ...doc.warnings];
  let original = (offset: number) => offset;
  // An apostrophe that closed a single-quoted string: said as such, and the errors it caused
  // (those gone once it is doubled) are left out.
  const quotes = doc.errors.some((e) => e.code !== "DUPLICATE_KEY") ? earlyClosedQuotes(text) : [];
  if (quotes.length > 0) {
    for (const q of quotes) {
      findings.push({
        ruleId: "yaml-syntax",
        severity: "error",
        message: describeEarlyQuote(q),
        location: at(q.at, q.at + 1),
        related: [],
      });
    }
    const fixed = withApostrophesDoubled(text, quotes);
    try {
      // Bounded as the first parse was (the library's own duplicate-key check is quadratic).
      const again = parseYamlDocument(fixed.text, YAML_PARSE_OPTIONS);
      if (again.ok) {
        problems = [...again.doc.errors, ...again.doc.warnings];
        original = fixed.original;
      }
    } catch {
      // The fixed text failed to parse at all: report the original errors as they are.
    }
  }
  for (const problem of problems) {
    const duplicate = problem.code === "DUPLICATE_KEY";
    findings.push({
      ruleId: duplicate ? "duplicate-key" : "yaml-syntax",
      severity: "error",
      message: describeYamlProblem(problem.code, problem.message),
      location: at(original(problem.pos[0]), original(problem.pos[1])),
      related: [],
    });
  }

  let data: unknown;
  let failed = doc.errors.some((e) => e.code !== "DUPLICATE_KEY");
  if (!failed) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (isStackOverflow(error)) return tooDeep();
      failed = true;
      const reason = String(error);
      // An alias with no anchor is found only when the data is built; point at the alias itself.
      const unresolved = /Unresolved alias[^:]*:\s*(\S+)/.exec(reason)?.[1];
      const aliasAt = unresolved === undefined ? -1 : text.indexOf(`*${unresolved}`);
      findings.push({
        ruleId: "yaml-syntax",
        severity: "error",
        message: /Excessive alias count/i.test(reason)
          ? `too many aliases (more than ${MAX_ALIAS_COUNT}); refusing to expand them`
          : unresolved !== undefined
            ? `the alias *${unresolved} has no anchor &${unresolved} before it`
            : `cannot read the document: ${firstLine(reason)}`,
        location: aliasAt >= 0 ? at(aliasAt, aliasAt + unresolved!.length + 1) : at(0),
        related: [],
      });
    }
  }

  const locate = (path: DocPath, options?: { key?: boolean }): Location => {
    const range = rangeOf(doc.contents, path, options?.key === true);
    return range ? at(range[0], range[1]) : at(0);
  };

  return { file, text, data, findings, failed, locate };
}

type Range = [number, number];

/** Deepest existing node along `path`: a missing key points at the mapping that lacks it. */
function rangeOf(root: unknown, path: DocPath, wantKey: boolean): Range | undefined {
  let node: unknown = root;
  let best = nodeRange(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    const { isMap, isPair, isSeq } = yaml();
    if (isMap(node)) {
      // With a duplicated key, YAML keeps the last one: locate that.
      const pair = node.items.findLast((p) => isPair(p) && scalarKey(p.key) === String(seg));
      if (!pair) return best;
      if (last && wantKey) return nodeRange(pair.key) ?? best;
      node = pair.value;
      // A key with no value (`value:`) still has a position: its key.
      // An empty value (`title:` and nothing more) has no text of its own: point at its key.
      const range = nodeRange(node);
      best = (range && range[1] > range[0] ? range : undefined) ?? nodeRange(pair.key) ?? best;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      if (node === undefined) return best;
      best = nodeRange(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function nodeRange(node: unknown): Range | undefined {
  const range = (node as Node | null)?.range;
  return range ? [range[0], range[1]] : undefined;
}

function scalarKey(key: unknown): string | undefined {
  return yaml().isScalar(key) ? String((key as Yaml.Scalar).value) : undefined;
}

function describeYamlProblem(code: string, message: string): string {
  const text = firstLine(message).replace(/ at line \d+, column \d+:?$/, "");
  switch (code) {
    case "TAB_AS_INDENT":
      return "tabs are not allowed for indentation in YAML; indent with spaces";
    case "DUPLICATE_KEY":
      return `${text}: YAML keeps only one of them`;
    case "TAG_RESOLVE_FAILED":
      return `${text}; claims files use no tags (custom tags are never executed)`;
    case "MULTIPLE_DOCS":
      return "a claims file holds one YAML document; remove the extra `---` document";
    default:
      return text;
  }
}

const TOO_DEEP = `the document nests too deeply to read (more than ${MAX_NESTING_DEPTH} levels); claims files need only a few levels`;
const STACK_OVERFLOW = /call stack/i;

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && STACK_OVERFLOW.test(error.message);
}

/**
 * The first point where a document nests deepest: flow brackets, indentation, and each `- `
 * that opens a sequence inside another on one line. Rough (quotes and comments are not skipped),
 * but it depends on the text alone.
 */
export function deepestPoint(text: string): number {
  let flow = 0;
  let block = 0;
  let lineStart = true;
  let best = -1;
  let bestAt = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      lineStart = true;
      block = 0;
      continue;
    }
    if (lineStart && ch === 32) {
      block++;
      continue;
    }
    lineStart = false;
    if (ch === 91 || ch === 123)
      flow++; // [ {
    else if ((ch === 93 || ch === 125) && flow > 0)
      flow--; // ] }
    else if (ch === 45 && text.charCodeAt(i + 1) === 32)
      block += 2; // "- "
    else continue;
    const depth = flow + block / 2;
    if (depth > best) {
      best = depth;
      bestAt = i;
    }
  }
  return bestAt;
}

function firstLine(s: string): string {
  return s.split("\n", 1)[0] ?? s;
}
