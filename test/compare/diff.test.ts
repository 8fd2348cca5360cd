import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  charDiff,
  closeEnough,
  foldAny,
  foldText,
  tokenize,
  wordDiff,
} from "../../src/compare/diff.js";
import type { DiffPart } from "../../src/findings/finding.js";

function side(parts: readonly DiffPart[], which: -1 | 1): string {
  return parts
    .filter((p) => p.op !== -which)
    .map((p) => p.text)
    .join("");
}

describe("foldText", () => {
  it.each<[string, string]>([
    ["Ilham  ALIYEV", "ilham aliyev"],
    ["U.S.", "us"],
    ["St. Petersburg", "st petersburg"],
    ["People’s Republic", "peoples republic"],
    ["Secretary‑General", "secretary general"],
    ["Secretary−General", "secretary general"],
    ["A & B", "a and b"],
    ["“quoted”", "quoted"],
    ["3.5 million", "3.5 million"],
    ["1,200", "1,200"],
    ["end.Start", "endstart"],
    ["(CIS)", "cis"],
    ["\u00a0 tabs\tand\nnewlines ", "tabs and newlines"],
  ])("%j → %j", (raw, folded) => {
    expect(foldText(raw)).toBe(folded);
  });

  it("folds ASCII text by its shortcut exactly as by the general path", () => {
    // Letters, digits and every ASCII mark, with the spaces and controls around them.
    const ascii = fc.constantFrom(..."aZ09 .,'`&-_!\"#%()*/:;?@[]\\{}$+<=>^|~\t\n\r\u000b\u007f");
    fc.assert(
      fc.property(fc.string({ unit: ascii, maxLength: 30 }), (s) => {
        expect(foldText(s)).toBe(foldAny(s));
      }),
      { numRuns: 20_000 },
    );
    for (const s of ["1.5", "a.b", "1&.5", "&b", "a&&b", " & ", "A`s", "3,5 and 3 ,5", "U.S.A."])
      expect(foldText(s), s).toBe(foldAny(s));
  });
});

describe("tokenize", () => {
  it.each<[string, string[]]>([
    ["Secretary General", ["Secretary", " ", "General"]],
    ["Secretary-General's", ["Secretary", "-", "General", "'", "s"]],
    ["José  Aliyev", ["José", "  ", "Aliyev"]],
    ["Ali\u200byev", ["Ali", "\u200b", "yev"]],
    ["👍 ok", ["👍", " ", "ok"]],
  ])("%j", (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe("wordDiff", () => {
  it.each<[string, string, DiffPart[]]>([
    [
      "Union of Independent States",
      "Commonwealth of Independent States",
      [
        { op: -1, text: "Union" },
        { op: 1, text: "Commonwealth" },
        { op: 0, text: " of Independent States" },
      ],
    ],
    [
      "Secretary General",
      "CIS Secretary General",
      [
        { op: 1, text: "CIS " },
        { op: 0, text: "Secretary General" },
      ],
    ],
    ["same words", "same words", [{ op: 0, text: "same words" }]],
    ["", "new", [{ op: 1, text: "new" }]],
  ])("%j vs %j", (a, b, parts) => {
    expect(wordDiff(a, b)).toEqual(parts);
  });

  it("rebuilds both sides from its parts", () => {
    const words = fc.constantFrom(
      "the",
      "CIS",
      "Secretary",
      "General",
      "of",
      "Union",
      "Commonwealth",
      " ",
      "  ",
      "-",
      ",",
      "👍",
    );
    const text = fc.array(words, { maxLength: 12 }).map((w) => w.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = wordDiff(a, b);
        return side(parts, -1) === a && side(parts, 1) === b;
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        const parts = wordDiff(a, b);
        return side(parts, -1) === a && side(parts, 1) === b;
      }),
    );
  });

  it("handles more distinct words than the BMP private-use area holds", () => {
    const a = Array.from({ length: 7000 }, (_, i) => `w${i}`).join(" ");
    const b = a.replace("w6999", "changed");
    const parts = wordDiff(a, b);
    expect([side(parts, -1), side(parts, 1)]).toEqual([a, b]);
    expect(parts.filter((p) => p.op !== 0)).toEqual([
      { op: -1, text: "w6999" },
      { op: 1, text: "changed" },
    ]);
  });
});

describe("charDiff", () => {
  it.each<[string, string, DiffPart[]]>([
    [
      "llham",
      "Ilham",
      [
        { op: -1, text: "l" },
        { op: 1, text: "I" },
        { op: 0, text: "lham" },
      ],
    ],
    [
      "Aliyev",
      "Aliev",
      [
        { op: 0, text: "Ali" },
        { op: -1, text: "y" },
        { op: 0, text: "ev" },
      ],
    ],
  ])("%j vs %j", (a, b, parts) => {
    expect(charDiff(a, b)).toEqual(parts);
  });

  it("rebuilds both sides, astral characters included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        const parts = charDiff(a, b);
        return side(parts, -1) === a && side(parts, 1) === b;
      }),
    );
  });
});

describe("closeEnough", () => {
  it.each<[string, string, boolean]>([
    ["Lebedev", "Lebedef", true],
    ["Rashid Alimov", "Sergey Lebedev", false],
    ["ab", "cd", false],
    ["abcd", "abxy", true],
  ])("%j vs %j → %s", (a, b, close) => {
    expect(closeEnough(a, b)).toBe(close);
  });
});
