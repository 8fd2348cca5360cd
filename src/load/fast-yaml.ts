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

export type Range = [start: number, end: number];

/** Ranges by document path; a key's own range is stored under the path plus KEY_MARK. */
export type RangeMap = Map<string, Range>;

export const KEY_MARK = "\u0001key";

const BINARY_INT = /(^|[\s:[,{-])[-+]?0b[01]/m;

export function pathKey(path: readonly (string | number)[]): string {
  return path.join("\u0000");
}

interface Frame {
  open: number;
  end: number;
  kind: string | null;
  result: unknown;
  children: Frame[];
}

export type FastParse = { ok: true; data: unknown; ranges: RangeMap | undefined } | { ok: false };

export function parseFast(text: string, maxAliases = 100): FastParse {
  // A cheap guard against alias bombs before js-yaml expands anything: the careful path counts them.
  if (countAliases(text) > maxAliases) return { ok: false };
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
  const ranges: RangeMap = new Map();
  const consistent = top === undefined || collect(text, top, "", ranges);
  return { ok: true, data, ranges: consistent ? ranges : undefined };
}

/** Assigns paths to frames; false when the events do not line up with the data. */
function collect(text: string, frame: Frame, key: string, ranges: RangeMap): boolean {
  const node = unwrap(frame);
  ranges.set(key, [skipSpace(text, node.open), node.end]);
  const value = node.result;
  const prefix = key === "" ? "" : `${key}\u0000`;
  if (node.kind === "mapping") {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
    const children = node.children;
    let keys = 0;
    for (const k in value) if (Object.hasOwn(value, k)) keys++;
    if (children.length !== keys * 2) return false;
    for (let i = 0; i < children.length; i += 2) {
      const keyFrame = unwrap(children[i]!);
      const name = String(keyFrame.result);
      if (!Object.hasOwn(value, name)) return false;
      const childKey = prefix + name;
      ranges.set(childKey + KEY_MARK, [skipSpace(text, keyFrame.open), keyFrame.end]);
      if (!collect(text, children[i + 1]!, childKey, ranges)) return false;
    }
    return true;
  }
  if (node.kind === "sequence") {
    if (!Array.isArray(value) || node.children.length !== value.length) return false;
    for (let i = 0; i < node.children.length; i++) {
      if (!collect(text, node.children[i]!, prefix + i, ranges)) return false;
    }
    return true;
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
