import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Chunks } from "../../src/cli/outputs.js";

const joined = (chunks: Iterable<Uint8Array>) =>
  Buffer.concat([...chunks].map((c) => Buffer.from(c))).toString("utf8");

describe("utf8Chunks: output pieces encoded into chunks", () => {
  it("gives back exactly the text, whatever the pieces and the chunk size", () => {
    // Astral characters, three-byte characters and ASCII, in pieces around the chunk size.
    const piece = fc.string({ unit: "grapheme", maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.integer({ min: 4, max: 64 }),
        (pieces, size) => {
          const chunks = [...utf8Chunks(pieces, size)];
          expect(joined(chunks)).toBe(pieces.join(""));
          // Only a piece too long for any chunk makes one larger than the size.
          for (const c of chunks)
            if (c.length > size) expect(pieces.some((p) => p.length * 3 > size)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never reuses a chunk's memory: a stream may still hold an earlier chunk", () => {
    // All chunks are kept before any is read: a reused buffer would show the last text twice.
    const chunks = [...utf8Chunks(["abc", "def", "ghi", "jkl"], 9)];
    expect(chunks.map((c) => Buffer.from(c).toString())).toEqual(["abc", "def", "ghi", "jkl"]);
  });
});
