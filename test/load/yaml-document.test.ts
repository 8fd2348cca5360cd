/** The bounded parse (yaml-document.ts) against the yaml library's own checks. */

import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import {
  MAX_NESTING_DEPTH,
  nestsDeeperThan,
  parseYamlDocument,
} from "../../src/load/yaml-document.js";
import { YAML_PARSE_OPTIONS } from "../../src/load/yaml-file.js";

describe("duplicate keys, found with one lookup per key", () => {
  const documents = [
    "a: 1\nb: 2\na: 3\n",
    "a: 1\n'a': 2\n\"a\": 3\n",
    "1: x\n'1': y\n1: z\n",
    "~: x\nnull: y\n: z\n",
    "true: x\n'true': y\nTrue: z\n",
    "a: {b: 1, b: 2, c: {d: 1, d: 1}}\n",
    "- {x: 1}\n- x: 1\n  x: 2\n- [a, {y: 1, y: 2}]\n",
    "? [a]\n: 1\n? [a]\n: 2\n",
    "&k a: 1\n*k : 2\n",
    ".nan: 1\n.nan: 2\n",
    "0x10: a\n16: b\n",
    "a: 1\n# a: 2\nb: |\n  a: 3\n",
    "? {a: 1, a: 2}\n: v\n", // in a mapping that is a key
    "- [k: 1, k: 2]\n- {q: [{z: 1, z: 2}]}\n", // in flow sequences
    "a:\n  - b:\n      c: 1\n      c: 2\n", // deep in block collections
  ];
  for (const text of documents) {
    it(JSON.stringify(text), () => {
      const library = parseDocument(text, YAML_PARSE_OPTIONS).errors;
      const parsed = parseYamlDocument(text, YAML_PARSE_OPTIONS);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const ours = parsed.doc.errors;
      expect(ours.map((e) => [e.code, e.pos[0], e.message])).toEqual(
        library.map((e) => [e.code, e.pos[0], e.message]),
      );
    });
  }
});

describe("nesting, measured from the lexer's tokens", () => {
  /** The least `max` the text does not nest deeper than. */
  const depth = (text: string) => {
    let d = 0;
    while (nestsDeeperThan(text, d)) d++;
    return d;
  };

  it("counts block and flow levels as the parser opens them", () => {
    expect(depth("a: 1\nb: 2\n")).toBe(1);
    expect(depth("a:\n  b:\n    c: 1\n")).toBe(3);
    expect(depth("claims:\n  - id: a\n    evidence:\n      quote: q\n")).toBe(4);
    expect(depth("- - - x\n")).toBe(4);
    expect(depth("a: [1, [2, {b: [3]}]]\n")).toBe(5);
  });

  it("does not count brackets in quotes, comments or block scalars", () => {
    expect(depth("a: \"[[[[[[\" # [[[[[[\nb: '{{{{'\n")).toBe(1);
    expect(depth("a: |\n  [[[[[[\n    - - - - -\nb: 1\n")).toBe(1);
    expect(depth("a: >-\n  {{{{\n\nb: [c]\n")).toBe(2);
  });

  it("refuses a document past the limit, and parses one at it", () => {
    const at = `v: ${"[".repeat(MAX_NESTING_DEPTH - 1)}${"]".repeat(MAX_NESTING_DEPTH - 1)}\n`;
    const past = `v: ${"[".repeat(MAX_NESTING_DEPTH)}${"]".repeat(MAX_NESTING_DEPTH)}\n`;
    expect(parseYamlDocument(at, YAML_PARSE_OPTIONS).ok).toBe(true);
    expect(parseYamlDocument(past, YAML_PARSE_OPTIONS)).toEqual({ ok: false, reason: "too-deep" });
  });
});
