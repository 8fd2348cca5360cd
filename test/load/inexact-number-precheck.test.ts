/**
 * The cheap look for numbers too large to read (yaml-strict.ts) decides whether the YAML lexer
 * runs over a file at all. It must see every such number, and should not be set off by names.
 */
import { describe, expect, it } from "vitest";
import { inexactNumberFindings, mayHoldInexactNumber } from "../../src/load/yaml-strict.js";

describe("the look for numbers too large to read", () => {
  it.each([
    ["1e400", "value: 1e400"],
    ["a point before the exponent", "value: 1.e400"],
    ["a signed exponent", "value: -2.5E+308"],
    ["an integer past 2^53", "value: 9007199254740993"],
    ["hexadecimal", "value: 0x20000000000000"],
  ])("sees %s", (_, text) => {
    expect(mayHoldInexactNumber(text)).toBe(true);
    expect(inexactNumberFindings("a.yaml", text)).toHaveLength(1);
  });

  it.each([
    ["a file name", "source: sources/article-100.txt"],
    ["an id", "  - id: note-2024"],
    ["a word", "value: Bee-123"],
  ])("is not set off by %s", (_, text) => {
    expect(mayHoldInexactNumber(text)).toBe(false);
  });
});
