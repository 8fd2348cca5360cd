import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFast, parseFastData } from "../../src/load/fast-yaml.js";
import { carefulParse, parseYamlFile } from "../../src/load/yaml-file.js";
import { REPO } from "../helpers/project.js";

const bundled = readdirSync(join(REPO, "claims")).filter((f) => f.endsWith(".yaml"));

/** Every path to every node of a plain JSON-like value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...paths(v, [...prefix, i]));
    });
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

/** Data and every position of the fast path's reading equal to the careful path's. */
function expectSameAsCareful(file: string, text: string): void {
  const careful = carefulParse(file, text);
  const quick = parseYamlFile(file, text);
  expect(quick.data).toEqual(careful.data);
  for (const path of paths(careful.data)) {
    const a = quick.locate(path);
    const b = careful.locate(path);
    expect({ path, line: a.line, column: a.column }).toEqual({
      path,
      line: b.line,
      column: b.column,
    });
    if (path.length > 0 && typeof path[path.length - 1] === "string") {
      const ka = quick.locate(path, { key: true });
      const kb = careful.locate(path, { key: true });
      expect([ka.line, ka.column]).toEqual([kb.line, kb.column]);
    }
  }
}

describe("the fast YAML path", () => {
  it.each(bundled)(
    "reads %s to the same data as the yaml library, with the same positions",
    (name) => {
      const text = readFileSync(join(REPO, "claims", name), "utf8");
      const fast = parseFast(text);
      expect(fast.ok).toBe(true);
      if (!fast.ok) return;
      expect(fast.table).toBeDefined();
      expect(fast.data).toEqual(carefulParse(`claims/${name}`, text).data);
      expectSameAsCareful(`claims/${name}`, text);
    },
  );

  it("reads each file on its own, whatever was parsed before it, refused files too", () => {
    // The node arrays are shared between parses: a long file, one js-yaml gives up on half-way
    // (after many nodes), one refused after parsing (merge keys), then short ones.
    const texts = bundled.map((name) => readFileSync(join(REPO, "claims", name), "utf8"));
    const longest = texts.reduce((a, b) => (b.length > a.length ? b : a));
    const sequence = [
      longest,
      `${longest}\n${/^(\w+):/m.exec(longest)?.[1]}: again\n`, // a duplicated key, at the end
      "a: &a {x: 1}\nb:\n  <<: *a\n",
      "v: 1\n",
      ...texts,
      "list:\n  - a\n  - b\n",
    ];
    for (const [i, text] of sequence.entries()) expectSameAsCareful(`f${i}.yaml`, text);
    expect(parseFast(sequence[1]!).ok).toBe(false);
  });

  it.each([
    ["binary-looking numbers stay strings", "v: 0b101\n", { v: "0b101" }],
    ["dates stay strings", "v: 2024-02-07\n", { v: "2024-02-07" }],
    ["empty sequence items", "v:\n  -\n  - x\n", { v: [null, "x"] }],
    ["merge keys are left to the careful path", "a: &a {x: 1}\nb:\n  <<: *a\n", undefined],
  ])("agrees with the careful path: %s", (_name, text, expected) => {
    const careful = carefulParse("f.yaml", text);
    const quick = parseYamlFile("f.yaml", text);
    expect(quick.data).toEqual(careful.data);
    if (expected !== undefined) expect(quick.data).toEqual(expected);
  });

  it("falls back to positions from the yaml library when node events do not line up", () => {
    const text = "claims:\n  -\n  - id: x\n    value: 1\n";
    const fast = parseFast(text);
    expect(fast.ok && fast.table === undefined).toBe(true);
    expect(parseYamlFile("f.yaml", text).locate(["claims", 1, "value"])).toMatchObject({
      line: 4,
      column: 12,
    });
  });

  it("refuses what js-yaml cannot read and leaves the error to the careful path", () => {
    for (const text of ["a: 1\na: 2\n", "a: !foo x\n", "a: 1\n---\nb: 2\n", "a:\n\t- x\n"]) {
      expect(parseFast(text).ok).toBe(false);
      expect(parseYamlFile("f.yaml", text).findings.length).toBeGreaterThan(0);
    }
  });

  it("reads the data alone (fmt's check) exactly as it reads data and positions", () => {
    const texts = bundled.map((name) => readFileSync(join(REPO, "claims", name), "utf8"));
    const deep = (n: number) => `${"[".repeat(n)}1${"]".repeat(n)}\n`;
    for (const text of [
      ...texts,
      "a: &a {x: 1}\nb: *a\n", // an anchor
      "a: *a\n",
      "\ufeffa: 1\n", // a byte-order mark
      "v: 0b101\n",
      "a: {x: 1}\nb:\n  <<: {y: 2}\n", // a merge key
      "a: 1\na: 2\n",
      "v:\n  -\n  - x\n",
      ...[16, 17, 18, 19, 20, 21].map(deep),
      "",
    ]) {
      const full = parseFast(text, 100, 20);
      const dataOnly = parseFastData(text, 100, 20);
      expect(dataOnly.ok, JSON.stringify(text.slice(0, 40))).toBe(full.ok);
      if (full.ok && dataOnly.ok) expect(dataOnly.data).toEqual(full.data);
    }
    // Both sides of the depth limit are among the texts above.
    expect(parseFast(deep(16), 100, 20).ok).toBe(true);
    expect(parseFast(deep(21), 100, 20).ok).toBe(false);
  });
});
