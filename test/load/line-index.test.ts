import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointLength, LineIndex } from "../../src/load/line-index.js";

describe("LineIndex", () => {
  it.each([
    ["LF", "ab\ncd\nef", 4, { line: 2, column: 2 }],
    ["CRLF", "ab\r\ncd\r\nef", 5, { line: 2, column: 2 }],
    ["lone CR", "ab\rcd", 3, { line: 2, column: 1 }],
    ["start", "ab", 0, { line: 1, column: 1 }],
    ["astral characters count once", "😀😀x", 4, { line: 1, column: 3 }],
    ["past the end clamps", "ab", 99, { line: 1, column: 3 }],
  ])("%s", (_name, text, offset, expected) => {
    expect(new LineIndex(text).position(offset)).toEqual(expected);
  });

  it("returns line text without the break", () => {
    const index = new LineIndex("one\r\ntwo\nthree");
    expect([1, 2, 3].map((n) => index.lineText(n))).toEqual(["one", "two", "three"]);
  });

  it("agrees with a character-by-character count, with and without carriage returns", () => {
    const reference = (text: string, offset: number) => {
      let line = 1;
      let column = 1;
      for (let i = 0; i < Math.min(offset, text.length); i++) {
        const c = text[i];
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
          line++;
          column = 1;
        } else if (c !== "\r" && !(c! >= "\udc00" && c! <= "\udfff" && i > 0)) column++;
      }
      return { line, column };
    };
    const piece = fc.constantFrom("a", "\n", "\r", "\r\n", "😀", "é");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), (pieces, at) => {
        const text = pieces.join("");
        // Offsets on a character boundary, not inside a CRLF or a surrogate pair.
        const boundaries = [0];
        for (let i = 0; i < pieces.length; i++)
          boundaries.push(pieces.slice(0, i + 1).join("").length);
        const offset = boundaries[at % boundaries.length] ?? 0;
        expect(new LineIndex(text).position(offset)).toEqual(reference(text, offset));
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it("counts code points", () => {
    expect(codePointLength("a😀b")).toBe(3);
  });
});
