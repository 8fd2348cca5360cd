/**
 * fmt reads its result back (the data as js-yaml reads it, and the comments) before it gives a
 * changed text, and skips that only when the result is the file as it already is. A formatting
 * bug is simulated here by js-yaml reading a text differently each time it is asked.
 */
import { describe, expect, it, vi } from "vitest";

const reads = vi.hoisted(() => ({ tampered: new Set<string>(), count: 0 }));

vi.mock("../../src/load/fast-yaml.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/load/fast-yaml.js")>();
  return {
    ...real,
    parseFastData: (text: string, maxAliases?: number, maxDepth?: number) => {
      const read = real.parseFastData(text, maxAliases, maxDepth);
      if (!reads.tampered.has(text) || !read.ok) return read;
      // Different data at every read: a result read back never matches.
      return { ok: true, data: { read: ++reads.count } };
    },
  };
});

const { formatYaml } = await import("../../src/edit/format-yaml.js");

function tamperWith(...texts: string[]): void {
  reads.tampered = new Set(texts);
  reads.count = 0;
}

describe("fmt's read-back of its result", () => {
  it("refuses a changed text whose data reads back differently (a formatting bug)", () => {
    const input = "source: 'a'\nclaims: []\n";
    const output = 'source: "a"\n\nclaims: []\n';
    tamperWith(input, output);
    const result = formatYaml(input);
    expect(result).toMatchObject({ ok: false, reason: "unsafe" });
    if (!result.ok) expect(result.message).toContain("the data would change");
    tamperWith();
    expect(formatYaml(input)).toMatchObject({ ok: true, changed: true, text: output });
  });

  it("refuses a changed CRLF text the same way", () => {
    const input = "source: 'a'\r\nclaims: []\r\n";
    tamperWith(input, 'source: "a"\n\nclaims: []\n');
    expect(formatYaml(input)).toMatchObject({ ok: false, reason: "unsafe" });
  });

  it("gives an already formatted file back as it is, without reading it again", () => {
    const formatted = '# a header\nsource: "a"\n\nclaims:\n  - id: c1 # first\n    value: 3\n';
    tamperWith(formatted);
    expect(formatYaml(formatted)).toEqual({
      ok: true,
      text: formatted,
      changed: false,
      notes: [],
    });
    expect(reads.count).toBe(0);
  });
});
