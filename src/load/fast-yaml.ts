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

interface Frame {
  open: number;
  end: number;
  kind: string | null;
  result: unknown;
  children: Frame[];
}

export type FastParse =
  | { ok: true; data: unknown; table: PositionTable | undefined }
  | { ok: false };

export function parseFast(text: string, maxAliases = 100): FastParse {
  // A cheap guard against alias bombs before js-yaml expands anything: the careful path counts them.
  if (countAliases(text) > (text.includes("&") ? 0 : maxAliases)) return { ok: false };
  // js-yaml drops a leading byte-order mark, which would shift every position by one.
  if (text.charCodeAt(0) === 0xfeff) return { ok: false };
  // js-yaml reads 0b101 as a binary number; YAML 1.2's core schema keeps it a string.
  if (BINARY_INT.test(text)) return { ok: false };
  const root: Frame = { open: 0, end: text.length, kind: null, result: undefined, children: [] };
  const stack: Frame[] = [root];
  let data: unknown;
  try {
    data = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      json: false,
      listener(event, state) {
        if (event === "open") {
          stack.push({
            open: state.position,
            end: state.position,
            kind: null,
            result: undefined,
            children: [],
          });
        } else {
          const frame = stack.pop();
          const parent = stack[stack.length - 1];
          if (!frame || !parent) return;
          frame.end = state.position;
          frame.kind = state.kind;
          frame.result = state.result;
          parent.children.push(frame);
        }
      },
    });
  } catch {
    return { ok: false };
  }
  if (text.includes("<<")) return { ok: false }; // merge keys: the careful path decides what they mean
  const top = root.children[0];
  const table = top === undefined ? { header: {}, lists: {} } : tableFromFrames(text, top);
  return { ok: true, data, table };
}

/**
 * The position table from the frames: top-level keys and values, their sub-keys, and for each
 * top-level list every item and the item's known fields. Returns undefined when the events do not
 * line up with the data, so that positions come from the careful parse instead.
 */
function tableFromFrames(text: string, top: Frame): PositionTable | undefined {
  const table: PositionTable = { header: {}, lists: {} };
  const root = unwrap(top);
  if (root.kind !== "mapping")
    return root.kind === null || root.children.length === 0 ? table : undefined;
  const pairs = mappingPairs(root);
  if (!pairs) return undefined;
  for (const [keyFrame, valueFrame, name] of pairs) {
    const value = unwrap(valueFrame);
    table.header[name] = entryRange(text, keyFrame, value);
    if (value.kind === "mapping") {
      const sub = mappingPairs(value);
      if (!sub) return undefined;
      for (const [k, v, subName] of sub) {
        const inner = unwrap(v);
        table.header[`${name}.${subName}`] = entryRange(text, k, inner);
        if (!consistent(inner)) return undefined;
      }
    } else if (value.kind === "sequence") {
      const items = value.children;
      if (!Array.isArray(value.result) || items.length !== value.result.length) return undefined;
      const rows = new Int32Array(items.length * SLOTS).fill(-1);
      for (let i = 0; i < items.length; i++) {
        const item = unwrap(items[i]!);
        const base = i * SLOTS;
        rows[base] = skipSpace(text, item.open);
        rows[base + 1] = item.end;
        if (item.kind !== "mapping") {
          if (!consistent(item)) return undefined;
          continue;
        }
        const fields = mappingPairs(item);
        if (!fields) return undefined;
        for (const [k, v, field] of fields) {
          const inner = unwrap(v);
          if (!consistent(inner)) return undefined;
          const f = fieldIndex(field);
          if (f < 0) continue;
          const at = base + 2 + f * 4;
          const [vs, ve, ks, ke] = entryRange(text, k, inner);
          rows[at] = vs;
          rows[at + 1] = ve;
          rows[at + 2] = ks;
          rows[at + 3] = ke;
        }
      }
      table.lists[name] = rows;
    } else if (!consistent(value)) return undefined;
  }
  return table;
}

/**
 * A key's value and key ranges. An empty value (`title:` with nothing after it) has no text of
 * its own; js-yaml places it at the next line, so it is located at its key instead.
 */
function entryRange(text: string, key: Frame, value: Frame): [number, number, number, number] {
  const keyStart = skipSpace(text, key.open);
  const start = skipSpace(text, value.open);
  const empty =
    value.result === null && (value.end <= start || text.slice(key.end, start).includes("\n"));
  return empty ? [keyStart, key.end, keyStart, key.end] : [start, value.end, keyStart, key.end];
}

/** A mapping frame's children as (key, value, key name), if they line up with its data. */
function mappingPairs(node: Frame): [Frame, Frame, string][] | undefined {
  const value = node.result;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  let keys = 0;
  for (const k in value) if (Object.hasOwn(value, k)) keys++;
  if (node.children.length !== keys * 2) return undefined;
  const pairs: [Frame, Frame, string][] = [];
  for (let i = 0; i < node.children.length; i += 2) {
    const keyFrame = unwrap(node.children[i]!);
    const name = String(keyFrame.result);
    if (!Object.hasOwn(value, name)) return undefined;
    pairs.push([keyFrame, node.children[i + 1]!, name]);
  }
  return pairs;
}

/** Whether a subtree's events line up with its data, all the way down. */
function consistent(frame: Frame): boolean {
  const node = unwrap(frame);
  if (node.kind === "mapping") {
    const pairs = mappingPairs(node);
    return pairs?.every(([, v]) => consistent(v)) === true;
  }
  if (node.kind === "sequence") {
    return (
      Array.isArray(node.result) &&
      node.children.length === node.result.length &&
      node.children.every(consistent)
    );
  }
  return node.children.length === 0;
}

/** Some constructs compose a node twice, nested; the inner frame is the node. */
function unwrap(frame: Frame): Frame {
  let f = frame;
  while (
    f.children.length === 1 &&
    f.children[0]!.end === f.end &&
    f.children[0]!.kind === f.kind
  ) {
    f = f.children[0]!;
  }
  return f;
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
