import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareTexts, normalizeText } from "../../src/compare/text.js";
import type { DifferenceKind, Relation } from "../../src/compare/types.js";

const CASES: Array<[string, string, Relation, DifferenceKind]> = [
  ["held", "held", "agree", "identical"],
  ["open and transparent", "Open and transparent.", "agree", "case-or-spacing"],
  ["open,  democratic", "open, democratic", "agree", "case-or-spacing"],
  ["free and constructive", "free & constructive", "agree", "case-or-spacing"],
  ["“resounding” victory", '"resounding" victory', "agree", "case-or-spacing"],
  ["open, democratic", "open, democratic, transparent", "conflict", "different-word"],
  ["resounding victory", "landslide victory", "conflict", "different-word"],
  ["scheduled", "held", "conflict", "different-word"],
  ["7.5 percent", "75 percent", "conflict", "different-word"],
  // text gets no name ladder: a leading "the" and a transliteration still differ
  ["the liberated territories", "liberated territories", "conflict", "different-word"],
  ["Sergei", "Sergey", "conflict", "different-word"],
];

describe("compareTexts", () => {
  it.each(CASES)("%j vs %j → %s %s", (a, b, relation, kind) => {
    const result = compareTexts(a, b);
    expect([result.relation, result.kind]).toEqual([relation, kind]);
    if (relation === "conflict") expect(result.wordDiff).toBeDefined();
  });

  it.each(CASES)("%j vs %j is symmetric", (a, b) => {
    const forward = compareTexts(a, b);
    const backward = compareTexts(b, a);
    expect([backward.relation, backward.kind]).toEqual([forward.relation, forward.kind]);
  });

  it("shows the added words in the word diff", () => {
    expect(compareTexts("open, democratic", "open, democratic, transparent").wordDiff).toEqual([
      { op: 0, text: "open, democratic" },
      { op: 1, text: ", transparent" },
    ]);
  });
});

describe("normalizeText", () => {
  it.each<[string, string]>([
    ["Open and transparent.", "open and transparent"],
    ["The  liberated\nterritories", "the liberated territories"],
    ["open, democratic", "open democratic"],
    ["7.5 percent", "7.5 percent"],
    ["1,200 observers", "1,200 observers"],
  ])("%j → %j", (raw, normalized) => {
    expect(normalizeText(raw)).toBe(normalized);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 30 }),
        (s) => normalizeText(normalizeText(s)) === normalizeText(s),
      ),
    );
  });
});
