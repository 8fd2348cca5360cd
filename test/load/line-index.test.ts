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

  it("counts code points", () => {
    expect(codePointLength("a😀b")).toBe(3);
  });
});
