/**
 * The fast path for reading YAML: js-yaml (about ten times faster than the `yaml` library on
 * claims files) with its node listener recording where every node starts and ends, so findings
 * can still point at lines and columns. Any file js-yaml refuses, or whose node events cannot be
 * matched to its data (rare constructs such as empty sequence items or merge keys), goes the
 * careful way through the `yaml` library, which also gives the better error messages.
 *
 * One YAML semantics on both paths: the core schema (dates stay strings, no custom tags).
 */
import jsyaml from "js-yaml";

import { fieldIndex, type PositionTable, SLOTS } from "./position-table.js";

const BINARY_INT = /(^|[\s:[,{-])[-+]?0b[01]/m;

/** Node kinds, from js-yaml's `state.kind`: null, "mapping", "sequence", anything else. */
const NONE = 0;
const MAPPING = 1;
const SEQUENCE = 2;
const OTHER = 3;

/**
 * The nodes js-yaml reported, in flat arrays indexed by node number (numbered in the order they
 * open). A claims file of a thousand claims has tens of thousands of nodes: one object each
 * would cost more than the parse itself.
 */
class Nodes {
  count = 0;
  open = new Int32Array(64);
  end = new Int32Array(64);
  kind = new Uint8Array(64);
  firstChild = new Int32Array(64);
  lastChild = new Int32Array(64);
  nextSibling = new Int32Array(64);
  childCount = new Int32Array(64);
  result: unknown[] = [];

  /** Empty again, keeping the arrays' memory for the next file. */
  reset(): void {
    this.count = 0;
    this.result.length = 0;
  }

  add(open: number): number {
    if (this.count === this.open.length) this.grow();
    const n = this.count++;
    this.open[n] = open;
    this.end[n] = open;
    this.kind[n] = NONE;
    this.firstChild[n] = -1;
    this.lastChild[n] = -1;
    this.nextSibling[n] = -1;
    this.childCount[n] = 0;
    this.result.push(undefined);
    return n;
  }

  /** A node is a child of its parent once it closes, in the order nodes close. */
  close(n: number, parent: number, end: number, kind: string | null, result: unknown): void {
    this.end[n] = end;
    this.kind[n] =
      kind === null ? NONE : kind === "mapping" ? MAPPING : kind === "sequence" ? SEQUENCE : OTHER;
    this.result[n] = result;
    if (this.lastChild[parent]! < 0) this.firstChild[parent] = n;
    else this.nextSibling[this.lastChild[parent]!] = n;
    this.lastChild[parent] = n;
    this.childCount[parent]!++;
  }

  children(n: number): number[] {
    const out: number[] = [];
    for (let c = this.firstChild[n]!; c >= 0; c = this.nextSibling[c]!) out.push(c);
    return out;
  }

  private grow(): void {
    const size = this.open.length * 2;
    const bigger = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.open = bigger(this.open);
    this.end = bigger(this.end);
    this.kind = bigger(this.kind);
    this.firstChild = bigger(this.firstChild);
    this.lastChild = bigger(this.lastChild);
    this.nextSibling = bigger(this.nextSibling);
    this.childCount = bigger(this.childCount);
  }
}

export type FastParse =
  | { ok: true; data: unknown; table: PositionTable | undefined }
  | { ok: false };

/**
 * `maxDepth`: a document nested deeper goes the careful way, which measures its nesting and
 * refuses it past the limit (see yaml-document.ts); js-yaml, which recurses per level, never goes
 * deeper than this, whatever stack is left.
 */
export function parseFast(text: string, maxAliases = 100, maxDepth = 100): FastParse {
  if (!fastPathReads(text, maxAliases)) return { ok: false };
  try {
    return parseRecordingNodes(text, sharedNodes, maxDepth);
  } finally {
    // The nodes hold the file's values: let them go with the file, however the parse ended.
    sharedNodes.reset();
  }
}

/**
 * The data alone, read as parseFast reads it (the same texts refused, the same data), without
 * the node positions: for a caller that only compares data (fmt's check of its result).
 */
export function parseFastData(
  text: string,
  maxAliases = 100,
  maxDepth = 100,
): { ok: true; data: unknown } | { ok: false } {
  if (!fastPathReads(text, maxAliases)) return { ok: false };
  let depth = 0;
  let data: unknown;
  try {
    data = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      json: false,
      listener(event) {
        if (event === "open") {
          if (depth >= maxDepth) throw TOO_DEEP;
          depth++;
        } else if (depth > 0) depth--;
      },
    });
  } catch {
    return { ok: false };
  }
  if (text.includes("<<")) return { ok: false }; // merge keys, as parseFast
  return { ok: true, data };
}

/** Whether js-yaml may read the text: the guards both fast parses apply before it reads. */
function fastPathReads(text: string, maxAliases: number): boolean {
  // A cheap guard against alias bombs before js-yaml expands anything: the careful path counts them.
  if (countAliases(text) > (text.includes("&") ? 0 : maxAliases)) return false;
  // js-yaml drops a leading byte-order mark, which would shift every position by one.
  if (text.charCodeAt(0) === 0xfeff) return false;
  // js-yaml reads 0b101 as a binary number; YAML 1.2's core schema keeps it a string.
  return !BINARY_INT.test(text);
}

/** Thrown from js-yaml's listener to stop a parse that nests too deep. */
const TOO_DEEP = new Error("nested too deep");

function parseRecordingNodes(text: string, nodes: Nodes, maxDepth: number): FastParse {
  const root = nodes.add(0);
  nodes.end[root] = text.length;
  let stack = sharedStack;
  let depth = 0;
  stack[0] = root;
  let data: unknown;
  try {
    data = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      json: false,
      listener(event, state) {
        if (event === "open") {
          if (depth >= maxDepth) throw TOO_DEEP;
          if (++depth === stack.length) {
            const bigger = new Int32Array(stack.length * 2);
            bigger.set(stack);
            stack = bigger;
            sharedStack = bigger;
          }
          stack[depth] = nodes.add(state.position);
        } else if (depth > 0) {
          const n = stack[depth--]!;
          nodes.close(n, stack[depth]!, state.position, state.kind, state.result);
        }
      },
    });
  } catch {
    return { ok: false };
  }
  if (text.includes("<<")) return { ok: false }; // merge keys: the careful path decides what they mean
  const top = nodes.firstChild[root]!;
  const table = top < 0 ? { header: {}, lists: {} } : tableFromNodes(text, nodes, top);
  return { ok: true, data, table };
}

/**
 * One set of node arrays for every parse (each file's positions are taken out of them before the
 * next file): allocating and growing seven typed arrays per file cost more than filling them.
 * A parse never starts inside another, as js-yaml calls the listener synchronously.
 */
const sharedNodes = new Nodes();
let sharedStack = new Int32Array(64);

/**
 * The position table from the nodes: top-level keys and values, their sub-keys, and for each
 * top-level list every item and the item's known fields. Returns undefined when the events do not
 * line up with the data, so that positions come from the careful parse instead.
 */
function tableFromNodes(text: string, nodes: Nodes, top: number): PositionTable | undefined {
  const table: PositionTable = { header: {}, lists: {} };
  const root = unwrap(nodes, top);
  if (nodes.kind[root] !== MAPPING)
    return nodes.kind[root] === NONE || nodes.childCount[root] === 0 ? table : undefined;
  const pairs = mappingPairs(nodes, root);
  if (!pairs) return undefined;
  for (const [keyNode, valueNode, name] of pairs) {
    const value = unwrap(nodes, valueNode);
    table.header[name] = entryRange(text, nodes, keyNode, value);
    if (nodes.kind[value] === MAPPING) {
      const sub = mappingPairs(nodes, value);
      if (!sub) return undefined;
      for (const [k, v, subName] of sub) {
        const inner = unwrap(nodes, v);
        table.header[`${name}.${subName}`] = entryRange(text, nodes, k, inner);
        if (!consistent(nodes, inner)) return undefined;
      }
    } else if (nodes.kind[value] === SEQUENCE) {
      const list = nodes.result[value];
      const items = nodes.children(value);
      if (!Array.isArray(list) || items.length !== list.length) return undefined;
      const rows = new Int32Array(items.length * SLOTS).fill(-1);
      for (let i = 0; i < items.length; i++) {
        const item = unwrap(nodes, items[i]!);
        const base = i * SLOTS;
        rows[base] = skipSpace(text, nodes.open[item]!);
        rows[base + 1] = nodes.end[item]!;
        if (nodes.kind[item] !== MAPPING) {
          if (!consistent(nodes, item)) return undefined;
          continue;
        }
        const fields = mappingPairs(nodes, item);
        if (!fields) return undefined;
        for (const [k, v, field] of fields) {
          const inner = unwrap(nodes, v);
          if (!consistent(nodes, inner)) return undefined;
          const f = fieldIndex(field);
          if (f < 0) continue;
          const at = base + 2 + f * 4;
          const [vs, ve, ks, ke] = entryRange(text, nodes, k, inner);
          rows[at] = vs;
          rows[at + 1] = ve;
          rows[at + 2] = ks;
          rows[at + 3] = ke;
        }
      }
      table.lists[name] = rows;
    } else if (!consistent(nodes, value)) return undefined;
  }
  return table;
}

/**
 * A key's value and key ranges. An empty value (`title:` with nothing after it) has no text of
 * its own; js-yaml places it at the next line, so it is located at its key instead.
 */
function entryRange(
  text: string,
  nodes: Nodes,
  key: number,
  value: number,
): [number, number, number, number] {
  const keyStart = skipSpace(text, nodes.open[key]!);
  const keyEnd = nodes.end[key]!;
  const start = skipSpace(text, nodes.open[value]!);
  const empty =
    nodes.result[value] === null &&
    (nodes.end[value]! <= start || text.slice(keyEnd, start).includes("\n"));
  return empty
    ? [keyStart, keyEnd, keyStart, keyEnd]
    : [start, nodes.end[value]!, keyStart, keyEnd];
}

/** A mapping node's children as (key, value, key name), if they line up with its data. */
function mappingPairs(nodes: Nodes, node: number): [number, number, string][] | undefined {
  const value = nodes.result[node];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  let keys = 0;
  for (const k in value) if (Object.hasOwn(value, k)) keys++;
  if (nodes.childCount[node] !== keys * 2) return undefined;
  const pairs: [number, number, string][] = [];
  for (let c = nodes.firstChild[node]!; c >= 0; c = nodes.nextSibling[nodes.nextSibling[c]!]!) {
    const keyNode = unwrap(nodes, c);
    const name = String(nodes.result[keyNode]);
    if (!Object.hasOwn(value, name)) return undefined;
    pairs.push([keyNode, nodes.nextSibling[c]!, name]);
  }
  return pairs;
}

/** Whether a subtree's events line up with its data, all the way down. */
function consistent(nodes: Nodes, at: number): boolean {
  const node = unwrap(nodes, at);
  const kind = nodes.kind[node];
  if (kind === MAPPING) {
    const pairs = mappingPairs(nodes, node);
    return pairs?.every(([, v]) => consistent(nodes, v)) === true;
  }
  if (kind === SEQUENCE) {
    const list = nodes.result[node];
    if (!Array.isArray(list) || nodes.childCount[node] !== list.length) return false;
    for (let c = nodes.firstChild[node]!; c >= 0; c = nodes.nextSibling[c]!)
      if (!consistent(nodes, c)) return false;
    return true;
  }
  return nodes.childCount[node] === 0;
}

/** Some constructs compose a node twice, nested; the inner node is the node. */
function unwrap(nodes: Nodes, at: number): number {
  let n = at;
  for (;;) {
    const c = nodes.firstChild[n]!;
    if (
      nodes.childCount[n] !== 1 ||
      nodes.end[c] !== nodes.end[n] ||
      nodes.kind[c] !== nodes.kind[n]
    )
      return n;
    n = c;
  }
}

/** js-yaml reports a node as opening before the spaces, line breaks and comments that precede it. */
function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1] ?? " "))) {
      while (i < text.length && text[i] !== "\n") i++;
    } else break;
  }
  return i;
}

function countAliases(text: string): number {
  let n = 0;
  for (let i = text.indexOf("*"); i >= 0; i = text.indexOf("*", i + 1)) n++;
  return n;
}
